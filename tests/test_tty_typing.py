"""Typing as people type, in a real terminal (pexpect): loose dates and counts, line editing, menus asked once."""

from __future__ import annotations

import os
import sys
import time
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pexpect
import pytest

from helpers import minimal, spawn, write_toml
from selfcheck.records import storage

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


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


LEFT, RIGHT, HOME, END, BACKSPACE, DELETE, UP = "\x1b[D", "\x1b[C", "\x1bOH", "\x1bOF", "\x7f", "\x1b[3~", "\x1b[A"


def edited() -> dict[str, Any]:
    """One free-text item and one yes/no that flags a problem, so a 具体表现 is asked too."""
    data = minimal(dimensions=[{"id": "a", "title": "甲"}])
    data["items"] = [
        {"id": "note", "dimension": "a", "kind": "text", "text": "说明下基层情况。"},
        {"id": "visit", "dimension": "a", "kind": "yesno", "text": "我回访过群众。",
         "flag": {"op": "eq", "value": False}, "problem": "不回访"},
    ]  # fmt: skip
    return data


def type_keys(child: pexpect.spawn, *keys: str) -> None:
    """Send keys one at a time, as fingers do (each escape sequence whole)."""
    for key in keys:
        child.send(key)
        child.expect(".")  # whatever readline redraws; the next key comes after it


@pytest.mark.parametrize("width", [60, 100])
def test_line_editing_on_chinese_text(home: Path, tmp_path: Path, width: int) -> None:
    qfile = write_toml(tmp_path / "edit.toml", edited())
    child = spawn(["start", "-q", str(qfile)], home, width=width, NO_COLOR="1", HOME=str(tmp_path / "user"))
    (tmp_path / "user").mkdir()
    child.expect("第 1/2 题")
    child.expect("› ")
    # A typo at the start and a wrong word in the middle, fixed with Home, Delete, arrows and backspace.
    type_keys(child, "x我去联系村两次入户", LEFT, LEFT, LEFT, BACKSPACE, "一", HOME, DELETE, "今年", END, "。")
    child.send("\r")
    child.expect("第 2/2 题")
    child.expect("› ")
    type_keys(child, UP, "2")  # history is off: Up recalls nothing, so the line is "2", not the first answer + "2"
    child.send("\r")
    child.expect("具体表现")
    child.expect("› ")
    type_keys(child, "9月信访件办结后没有回访", LEFT, LEFT, LEFT, LEFT, "我", END, BACKSPACE, BACKSPACE, "回访当事人")
    type_keys(child, LEFT, LEFT, LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, "。")
    child.send("\r")
    for prompt, answer in (("原因", "2"), ("原因说明", ""), ("整改措施", "每件办结后三天内电话回访"), ("完成时限", "")):
        child.expect(prompt)
        child.sendline(answer)
    for prompt in ("责任人", "问题来源"):
        child.expect(prompt)
        child.sendline("")
    child.expect("还有答卷没有查出的问题")
    child.sendline("n")
    child.expect("报告已保存")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [path] = storage.list_reports(home / "reports")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["questionnaires"]["mini"]["answers"] == {"note": "今年我去联系村一次入户。", "visit": False}
    assert data["findings"][0]["detail"] == "9月信访件办结后我没有回访当事人。"
    assert not [p for p in (tmp_path / "user").rglob("*") if "hist" in p.name.lower()]


def test_prompt_escape_codes_are_zero_width_for_readline() -> None:
    from selfcheck.terminal.lineinput import mark_zero_width

    assert mark_zero_width("\x1b[1;36m›\x1b[0m 具体表现 ") == "\001\x1b[1;36m\002›\001\x1b[0m\002 具体表现 "
    assert mark_zero_width("› plain ") == "› plain "


def test_piped_input_works_without_a_terminal(home: Path, tmp_path: Path) -> None:
    import subprocess

    qfile = write_toml(tmp_path / "facts.toml", facts())
    env = {**os.environ, "SELFCHECK_HOME": str(home), "HOME": str(tmp_path)}
    year = date.today().year
    typed = f"28天\n{year - 1}年9月底\n{year + 1}年底\n15件\nn\n"
    result = subprocess.run(
        [sys.executable, "-m", "selfcheck", "start", "-q", str(qfile)],
        input=typed, capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "报告已保存" in result.stdout
    assert "\x1b" not in result.stdout
    assert not [p for p in tmp_path.rglob("*") if "hist" in p.name.lower()]


def test_pick_asks_the_set_once_and_ctrl_c_leaves_a_clean_line(home: Path) -> None:
    child = spawn(["start"], home, NO_COLOR="1")
    child.expect("要做哪一组对照检查")
    child.expect("› ")
    child.sendline("4")
    child.expect(r"\(fuwu\)")
    child.expect("输入问卷编号")
    assert "要做哪一组" not in child.before  # the four-item menu is not shown again
    time.sleep(0.2)  # a person\'s pause: readline is waiting for a key (see terminal/lineinput.py)
    child.sendintr()
    rest = child.read()
    child.close()
    assert child.exitstatus == 130
    assert rest.endswith("\n")  # the shell's prompt starts on a line of its own


def test_pick_then_answer(home: Path) -> None:
    child = spawn(["start"], home, NO_COLOR="1")
    child.expect("› ")
    child.sendline("4")
    child.expect("输入问卷编号")
    child.sendline("4，5")
    child.expect("岗位|第 1/")  # the built-ins first ask the post (#14), then the first question
    child.expect("› ")
    time.sleep(0.2)  # a person\'s pause: readline is waiting for a key (see terminal/lineinput.py)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    [draft] = (home / "reports").glob("*draft*.toml")
    assert tomllib.loads(draft.read_text(encoding="utf-8"))["questionnaires"] == ["diaoyan", "juece"]


def test_resume_says_how_many_are_answered(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "mini.toml", minimal())
    child = spawn(["start", "-q", str(qfile)], home, NO_COLOR="1")
    for answer in ("4", "2"):
        child.expect("› ")
        child.sendline(answer)
    child.expect("第 3/5 题")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    child = spawn(["start", "--resume"], home, NO_COLOR="1")
    child.expect("继续作答：已答2题，接着回答第 3/5 题。")
    child.expect("第 3/5 题")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    child = spawn(["start"], home, NO_COLOR="1")
    child.expect("直接回车继续作答，输入 n 不继续")
    child.sendline("n")
    child.expect("输入 y 删除草稿并重新开始；直接回车保留草稿并退出")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert (home / "reports").exists()
