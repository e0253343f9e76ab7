"""The ledger under a lock (#13): concurrent `plan update` processes lose nothing; an interview keeps them."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from selfcheck.cli import app
from selfcheck.records import ledger, storage

PLAN_UPDATE = [sys.executable, "-m", "selfcheck", "plan", "update"]
FLAGGED = "[questionnaires.diaoyan.answers]\ndc-went = true\ndc-days = 0\n"


def _report(folder: Path, tmp_path: Path) -> str:
    answers = tmp_path / "answers.toml"
    answers.write_text(FLAGGED, encoding="utf-8")
    result = CliRunner().invoke(app, ["start", "diaoyan", "--answers", str(answers), "--dir", str(folder)])
    assert result.exit_code == 0, result.output
    [path] = storage.list_reports(folder)
    return storage.read_report(path).findings[0].id


def _status_events(folder: Path) -> list[ledger.Event]:
    return [e for p in ledger.load(folder).problems for e in p.events if e.kind == "status"]


def _update(job: tuple[str, str, int]) -> int:
    """One `plan update` through the real command, in a worker process."""
    folder, finding, n = job
    result = CliRunner().invoke(
        app, ["plan", "update", finding, "--status", "doing", "--evidence", f"step {n}", "--dir", folder]
    )
    return result.exit_code


def test_a_hundred_concurrent_updates_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    finding = _report(folder, tmp_path)
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        codes = pool.map(_update, [(str(folder), finding, n) for n in range(100)], chunksize=1)
    assert codes == [0] * 100
    entries = _status_events(folder)
    assert sorted(e.evidence for e in entries) == sorted(f"step {n}" for n in range(100))


def test_a_burst_of_ten_command_processes_keeps_all_ten(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    finding = _report(folder, tmp_path)
    procs = [
        subprocess.Popen(
            [*PLAN_UPDATE, finding, "--status", "doing", "--evidence", f"burst {n}", "--dir", str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(10)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    assert sorted(e.evidence for e in _status_events(folder)) == sorted(f"burst {n}" for n in range(10))


def test_a_held_lock_is_one_line_after_the_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "reports"
    finding = _report(folder, tmp_path)
    before = ledger.ledger_path(folder).read_bytes()  # the report entered the ledger when written (#12)
    monkeypatch.setattr(ledger, "LOCK_TIMEOUT", 0.2)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from filelock import FileLock; lock = FileLock(sys.argv[1]); lock.acquire(); "
            "print('held', flush=True); time.sleep(30)",
            str(folder / ledger.LOCK_NAME),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        result = CliRunner().invoke(app, ["plan", "update", finding, "--status", "doing", "--dir", str(folder)])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    assert "另一个 selfcheck 正在修改台账" in result.output and "Traceback" not in result.output
    assert ledger.ledger_path(folder).read_bytes() == before  # nothing written without the lock


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_interview_review_keeps_a_plan_update_made_meanwhile(home: Path, tmp_path: Path) -> None:
    folder = home / "reports"
    finding = _report(folder, tmp_path)
    env = {**os.environ, "SELFCHECK_HOME": str(home), "COLUMNS": "100", "TERM": "xterm", "NO_COLOR": "1"}
    child = pexpect.spawn(
        sys.executable, ["-m", "selfcheck", "start", "diaoyan"], env=env, encoding="utf-8", timeout=30
    )
    child.expect("落实情况")  # 回头看 has loaded the ledger and waits for the person
    meanwhile = CliRunner().invoke(
        app,
        ["plan", "update", finding, "--status", "doing", "--evidence", "另一个终端记录的进展", "--dir", str(folder)],
    )
    assert meanwhile.exit_code == 0, meanwhile.output
    child.sendline("2")
    child.expect("完成情况或证据")
    child.sendline("回头看时记录的进展")
    child.expect("岗位（输入编号）")  # #14: the built-ins limit items to posts, so the profile comes next
    child.sendline("2")
    child.expect("直接面向群众")
    child.sendline("1")
    child.expect("第 1/")
    child.expect("› ")  # the prompt: readline is waiting (a Ctrl-C while it sets up waits for a key)
    time.sleep(0.2)  # a person\'s pause: readline is waiting for a key (see terminal/lineinput.py)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    data = tomllib.loads(ledger.ledger_path(folder).read_text(encoding="utf-8"))
    [problem] = data["problems"]  # ledger schema 2 (#12): status changes are the problem's events
    statuses = [e["evidence"] for e in problem["events"] if e["kind"] == "status"]
    assert statuses == ["另一个终端记录的进展", "回头看时记录的进展"]
