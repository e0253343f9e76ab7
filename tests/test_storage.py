"""Atomic, private writes: a crash between the temporary file and the rename leaves the previous state."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from selfcheck.errors import UsageError
from selfcheck.records import storage


def test_crash_before_rename_keeps_previous_file_and_leaves_no_partial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ledger.toml"
    storage.atomic_write(target, b"old = 1\n")

    def crash(src: object, dst: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        storage.atomic_write(target, b"new = 2\n")
    assert target.read_bytes() == b"old = 1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.toml"]  # the temporary file is gone too


def test_interrupted_write_keeps_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "draft.toml"
    storage.atomic_write(target, b"answers = 1\n")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        storage.atomic_write(target, b"answers = 2\n")
    assert target.read_bytes() == b"answers = 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.toml"]


def test_private_modes(tmp_path: Path) -> None:
    folder = storage.private_dir(tmp_path / "a" / "reports")
    path = folder / "x.toml"
    storage.atomic_write(path, b"x = 1\n")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_resolve_latest(tmp_path: Path) -> None:
    for stamp in ("20250101-000000", "20260101-000000"):
        (tmp_path / f"selfcheck-{stamp}-x.toml").write_text("", encoding="utf-8")
    assert storage.resolve("latest", tmp_path).name == "selfcheck-20260101-000000-x.toml"
    assert storage.resolve("latest~1", tmp_path).name == "selfcheck-20250101-000000-x.toml"
    with pytest.raises(UsageError) as info:
        storage.resolve("latest~2", tmp_path)
    assert "only 2 report" in info.value.render("en")
    assert "只有 2 份报告" in info.value.render("zh")


def test_reports_written_in_the_same_second_keep_their_order(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from selfcheck.records.report import Report

    created = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    written = [storage.write_report(Report(created=created, tool_version=str(i)), tmp_path) for i in range(11)]
    assert storage.list_reports(tmp_path) == written
    assert [storage.read_report(p).tool_version for p in storage.list_reports(tmp_path)] == [str(i) for i in range(11)]
    assert storage.resolve("latest", tmp_path) == written[-1]
