"""Shared fixtures: a private SELFCHECK_HOME per test and a small questionnaire to build variations on."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

# Nothing in the working tree: no example database, and Hypothesis' caches go to a temporary folder.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="selfcheck-hypothesis-"))
settings.register_profile("selfcheck", database=None)
settings.load_profile("selfcheck")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own selfcheck home, Chinese interface and a fixed width."""
    root = tmp_path / "home"
    monkeypatch.setenv("SELFCHECK_HOME", str(root))
    monkeypatch.setenv("SELFCHECK_LANG", "zh")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield root
