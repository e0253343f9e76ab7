"""Typing as people type, in a real terminal (pexpect): loose dates and counts, line editing, menus asked once."""

from __future__ import annotations

import os
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pexpect
import pytest

from helpers import minimal, write_toml
from selfcheck.records import storage

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


def spawn(args: list[str], home: Path, width: int = 60, **env: str) -> pexpect.spawn:
    environ = {**os.environ, "SELFCHECK_HOME": str(home), "COLUMNS": str(width), "LINES": "40", "TERM": "xterm", **env}
    return pexpect.spawn(
        sys.executable, ["-m", "selfcheck", *args], env=environ, encoding="utf-8", timeout=20, dimensions=(40, width)
    )


def facts() -> dict[str, Any]:
    """A questionnaire of a count with a unit, a record date and a deadline."""
    data = minimal()
    data["items"] = [
        {"id": "days", "dimension": "a", "kind": "number", "max": 365, "unit": "天", "text": "下基层天数。",
         "bands": [{"min": 0, "max": 10, "score": 0.0}, {"min": 11, "max": 365, "score": 1.0}]},
        {"id": "visit", "dimension": "a", "kind": "date", "when": "past", "text": "最近一次调研的日期。"},
        {"id": "plan", "dimension": "b", "kind": "date", "when": "future", "text": "补课的期限。"},
        {"id": "cases", "dimension": "b", "kind": "number", "max": 99, "unit": "件", "text": "办结件数。",
         "bands": [{"min": 0, "max": 99, "score": 1.0}]},
    ]  # fmt: skip
    return data


def test_loose_dates_and_counts_are_read_and_echoed(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "facts.toml", facts())
    child = spawn(["start", "-q", str(qfile)], home, NO_COLOR="1")
    child.expect("第 1/4 题")
    child.sendline("２８天")
    child.expect("第 2/4 题")
    child.expect(f"不晚于今天），如 {date.today().isoformat()}")
    child.sendline(f"{date.today().year + 1}年1月1日")
    child.expect("还没有到")
    child.sendline(f"{date.today().year - 1}年9月底")
    child.expect(f"记为 {date.today().year - 1}-09-30")
    child.expect("第 3/4 题")
    child.sendline(f"{date.today().year - 1}/6/30")
    child.expect("已经过去")
    child.sendline(f"{date.today().year + 1}年底")
    child.expect(f"记为 {date.today().year + 1}-12-31")
    child.expect("第 4/4 题")
    child.sendline("15件")
    child.expect("还有答卷没有查出的问题")
    child.sendline("n")
    child.expect("报告已保存")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [path] = storage.list_reports(home / "reports")
    answers = tomllib.loads(path.read_text(encoding="utf-8"))["questionnaires"]["mini"]["answers"]
    year = date.today().year
    assert answers == {"days": 28, "visit": f"{year - 1}-09-30", "plan": f"{year + 1}-12-31", "cases": 15}
