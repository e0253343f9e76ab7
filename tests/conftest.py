"""Shared fixtures: a private SELFCHECK_HOME per test and a small questionnaire to build variations on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own selfcheck home, Chinese interface and a fixed width."""
    root = tmp_path / "home"
    monkeypatch.setenv("SELFCHECK_HOME", str(root))
    monkeypatch.setenv("SELFCHECK_LANG", "zh")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield root
