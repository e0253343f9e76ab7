"""Where selfcheck keeps things: user questionnaires, reports, drafts, the ledger."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "selfcheck"
HOME_ENV = "SELFCHECK_HOME"
DRAFT_NAME = "draft.toml"
"""The interview in progress, beside the reports."""


def home() -> Path | None:
    """The folder named by ``SELFCHECK_HOME``, when set; it holds everything."""
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """User questionnaires live in ``<config>/questionnaires``."""
    root = home()
    if root is not None:
        return root
    from platformdirs import user_config_path

    # appauthor=False: without it Windows gets AppData\Roaming\selfcheck\selfcheck (author folder = app name).
    return user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """Reports, drafts and the ledger live here."""
    root = home()
    if root is not None:
        return root / "reports"
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "reports"


def user_questionnaire_dir() -> Path:
    """Questionnaires an organisation or user adds or overrides."""
    return config_dir() / "questionnaires"


def builtin_questionnaire_dir() -> Path:
    """The built-in questionnaires: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "questionnaires"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "questionnaires"
