"""Packaging a user can trust: the licence travels with the code, the metadata is complete, folders are right."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from selfcheck.files import paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and wheel, built offline with the project's own build backend."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return out


def test_wheel_carries_the_licence_and_metadata(built: Path) -> None:
    wheel = next(built.glob("selfcheck-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        licence = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
        text = z.read(licence).decode()
        meta = Parser().parsestr(z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode())
        assert any(n.startswith("selfcheck/questionnaires/") for n in names)
    assert "MIT License" in text
    assert "Copyright (c) 2026 selfcheck developers" in text
    assert meta["License-Expression"] == "MIT"
    assert meta["License-File"] == "LICENSE"
    assert meta["Author-email"].startswith("Seed e338a800 maintainers <")
    classifiers = meta.get_all("Classifier") or []
    for prefix in ("Development Status ::", "Intended Audience ::", "Topic ::", "Operating System ::"):
        assert any(c.startswith(prefix) for c in classifiers), prefix
    assert "Programming Language :: Python :: 3.11" in classifiers


def test_sdist_carries_licence_and_changelog(built: Path) -> None:
    sdist = next(built.glob("selfcheck-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        names = {Path(n).name for n in tar.getnames() if n.count("/") == 1}
    assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml"} <= names


def test_changelog_has_an_unreleased_section() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Keep a Changelog" in text
    assert "## [Unreleased]" in text


def test_windows_folders_have_no_author_level(monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs uses the app name as author on Windows unless told not to: selfcheck\\selfcheck."""
    folders = {"CSIDL_APPDATA": "/win/Roaming", "CSIDL_LOCAL_APPDATA": "/win/Local"}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    assert paths.data_dir() == Path("/win/Local/selfcheck/reports")
    assert paths.config_dir() == Path("/win/Local/selfcheck")  # platformdirs: config is local, not roaming
