"""Odd files and concurrent writers (#13): FIFOs, devices, deep nesting, stale temp files, same-second reports."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selfcheck.cli import app
from selfcheck.errors import ReportError
from selfcheck.files.tomlfile import MAX_DEPTH, MAX_FILE_BYTES, read_toml
from selfcheck.i18n import Msg
from selfcheck.records import storage

ANSWERS = """
[questionnaires.diaoyan.answers]
dc-went = true
dc-days = 12
"""


def _selfcheck(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "selfcheck", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )


def test_reports_started_together_from_processes_all_survive(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    folder = tmp_path / "reports"
    procs = [_selfcheck("start", "diaoyan", "--answers", str(answers), "--dir", str(folder)) for _ in range(4)]
    printed = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        printed.append(out.decode().strip())
    assert len(set(printed)) == 4  # every process names its own file
    assert len(storage.list_reports(folder)) == 4


def _start_in_the_same_second(job: tuple[str, str, int]) -> str:
    """One ``start --answers`` in a worker process, its clock stopped at one second so that every name collides."""
    from datetime import datetime

    from selfcheck.interview.from_answers import StartOptions, from_answers
    from selfcheck.questionnaire.library import load_library
    from selfcheck.records import report

    folder, answers, n = job
    report.now = lambda: datetime(2026, 11, 25, 9, 30, 0, n).astimezone()
    opts = StartOptions(ids=["diaoyan"], name=f"rater{n}", folder=Path(folder), lang="zh", resume=False, files={})
    return str(from_answers(load_library(only=["diaoyan"]), opts, Path(answers)))


def test_twenty_pairs_of_same_second_reports_from_processes_all_survive(tmp_path: Path) -> None:
    import multiprocessing

    answers = tmp_path / "answers.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    folder = tmp_path / "reports"
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        printed = pool.map(_start_in_the_same_second, [(str(folder), str(answers), n) for n in range(40)])
    assert len(set(printed)) == 40
    files = storage.list_reports(folder)
    assert len(files) == 40
    assert {storage.read_report(p).respondent.name for p in files} == {
        f"rater{n}" for n in range(40)
    }  # each one complete
    assert not list(folder.glob(".*.tmp"))


def _claim(job: tuple[str, int]) -> str:
    folder, token = job
    names = (Path(folder) / f"same.{n}.toml" for n in range(1, 1000))
    return storage.claim_write(names, f"token = {token}\n".encode()).name


def test_claim_write_from_many_processes_loses_nothing(tmp_path: Path) -> None:
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(4) as pool:
        names = pool.map(_claim, [(str(tmp_path), i) for i in range(100)])
    assert len(set(names)) == 100
    tokens = {p.read_text() for p in tmp_path.glob("same.*.toml")}
    assert tokens == {f"token = {i}\n" for i in range(100)}


def test_claim_write_without_hard_links_uses_exclusive_create(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "x.toml").write_text("taken", encoding="utf-8")
    path = storage.claim_write(iter([tmp_path / "x.toml", tmp_path / "x.2.toml"]), b"a = 1\n")
    assert path.name == "x.2.toml"
    assert path.read_bytes() == b"a = 1\n"
    assert (tmp_path / "x.toml").read_text(encoding="utf-8") == "taken"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.2.toml", "x.toml"]


def test_stale_temp_files_are_cleaned_on_write_and_fresh_ones_kept(tmp_path: Path) -> None:
    stale = tmp_path / ".ledger.toml.abc123.tmp"
    fresh = tmp_path / ".draft.toml.def456.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"another writer, right now")
    old = time.time() - storage.STALE_TMP_SECONDS - 10
    os.utime(stale, (old, old))
    storage.atomic_write(tmp_path / "ledger.toml", b"a = 1\n")
    assert not stale.exists()
    assert fresh.exists()


def test_full_disk_is_one_line_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = CliRunner().invoke(app, ["start", "diaoyan", "--answers", str(answers), "--dir", str(folder)])
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert result.exit_code == 1
    assert "No space left on device" in result.output
    assert "Traceback" not in result.output
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root writes to read-only folders")
def test_read_only_folder_is_one_line(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    answers = tmp_path / "answers.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir(mode=0o500)
    result = CliRunner().invoke(app, ["start", "diaoyan", "--answers", str(answers), "--dir", str(folder)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_dev_zero_is_refused_at_once() -> None:
    with pytest.raises(ReportError) as info:
        read_toml(Path("/dev/zero"), Msg.WHAT_REPORT, ReportError)
    assert "/dev/zero" in info.value.render("en") and "not a regular file" in info.value.render("en")


@pytest.mark.parametrize("name", ["ledger.toml", "draft.toml", "answers.toml"])
def test_a_fifo_is_refused_without_hanging(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(ReportError, match=r"not a regular file|不是普通文件"):
        read_toml(fifo, Msg.WHAT_LEDGER, ReportError)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    "args",
    [
        ["plan"],
        ["export", "--format", "md", "-o", "-"],
        ["start", "diaoyan", "--answers", "ANSWERS"],
    ],
)
def test_fifo_ledger_and_draft_do_not_hang_commands(tmp_path: Path, args: list[str]) -> None:
    folder = tmp_path / "reports"
    answers = tmp_path / "answers.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    done = CliRunner().invoke(app, ["start", "diaoyan", "--answers", str(answers), "--dir", str(folder)])
    assert done.exit_code == 0
    os.mkfifo(folder / "ledger.toml")
    os.mkfifo(folder / "draft.toml")
    argv = [a.replace("ANSWERS", str(answers)) for a in args]
    proc = subprocess.run(
        [sys.executable, "-m", "selfcheck", *argv, "--dir", str(folder)], check=False, capture_output=True, timeout=60
    )
    assert "Traceback" not in proc.stderr.decode()
    if proc.returncode != 0:
        assert "ledger.toml" in proc.stderr.decode() or "draft.toml" in proc.stderr.decode()


def test_size_is_checked_on_what_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    with pytest.raises(ReportError, match="2 MB"):
        read_toml(big, Msg.WHAT_REPORT, ReportError)


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 500 + "]" * 500,
        "x = " + "{a = " * 200 + "1" + "}" * 200,
        "x = " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2),
        "[" + ".".join(["a"] * 400) + "]\nb = 1\n",
    ],
)
def test_deep_nesting_is_a_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError) as info:
        read_toml(path, Msg.WHAT_REPORT, ReportError)
    assert "nested more than" in info.value.render("en")


def test_deep_report_in_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    answers = tmp_path / "answers.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["start", "diaoyan", "--answers", str(answers), "--dir", str(folder)]).exit_code == 0
    deep = folder / "selfcheck-20200101-000000-x.toml"
    deep.write_text("schema_version = 1\nx = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    for args in (["report", "list"], ["plan"], ["history"], ["diff"], ["summary"]):
        where = [str(folder)] if args == ["summary"] else ["--dir", str(folder)]
        result = runner.invoke(app, [*args, *where])
        assert "RecursionError" not in result.output and "Traceback" not in result.output, args
        assert deep.name in result.output, args


def test_export_over_a_folder_skips_a_broken_report_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    answers = tmp_path / "answers.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["start", "diaoyan", "--answers", str(answers), "--dir", str(folder)]).exit_code == 0
    deep = folder / "selfcheck-20200101-000000-x.toml"
    deep.write_text("schema_version = 1\nx = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "--format", "csv", "--what", "findings", str(folder), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert deep.name in result.output and "Traceback" not in result.output
