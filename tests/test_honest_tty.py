"""#14 in a real terminal: the post profile, a red-line finding that cannot be skipped, the problem norm."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

import pexpect
import pytest

from helpers import minimal, spawn, write_toml
from selfcheck.records import storage

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


def honest_mini() -> dict[str, Any]:
    """The small questionnaire with a leaders-only item, a red-line option and one problem per dimension."""
    data = minimal(red_line_level="较差", min_problems_per_dimension=1)
    data["items"][0]["posts"] = ["leader"]
    data["items"].append(
        {
            "id": "a3",
            "dimension": "a",
            "kind": "multi",
            "text": "以下哪些情况存在？",
            "options": [
                {"id": "gifts", "label": "收受礼金", "score": -0.1, "problem": "收受礼金", "red_line": True},
                {"id": "none", "label": "以上都没有", "exclusive": True},
            ],
        }
    )
    return data


def details(child: pexpect.spawn, detail: str, measure: str) -> None:
    """具体表现 through 来源 with defaults where they exist."""
    child.sendline(detail)
    for prompt, answer in (("原因（", "3"), ("原因说明", ""), ("整改措施", measure), ("完成时限", ""), ("责任人", "")):
        child.expect(prompt)
        child.sendline(answer)
    child.expect("问题来源")
    child.sendline("")


def test_profile_red_line_and_the_problem_norm(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "mini.toml", honest_mini())
    child = spawn(["start", "-q", str(qfile)], home, NO_COLOR="1")
    child.expect("本人岗位情况")
    child.expect("普通党员")
    child.expect("岗位（输入编号）")
    child.sendline("3")
    child.expect("直接面向群众")
    child.sendline("2")
    child.expect("岗位：普通党员；直接面向群众服务：否")
    child.expect("第 1/5 题")  # a1 is for leaders only: not asked; b2 counted until b1 is answered
    for answer in ("1", "1", "10月回访3户", "1", "1"):  # a2 never, b1 yes, b2 (shown after yes), b3 all, a3 收受礼金
        child.expect("›")
        child.sendline(answer)
    child.expect("等次：较差")
    child.expect("触碰红线：等次不高于“较差”（按得分为“优秀”）")
    child.expect("问题 1/1 · 红线")
    child.expect("必须查摆")
    child.expect("具体表现")
    child.sendline("")
    child.expect("写得太简略了")
    child.sendline("")  # Enter again would keep an empty description for an ordinary problem: not for a red line
    child.expect("红线问题必须写明具体表现，不能空着")
    child.expect("具体表现")
    details(child, "2026年春节收下服务对象送的购物卡一张500元", "2026年12月底前上交购物卡并向支部书面说明")
    child.expect("还有答卷没有查出的问题")
    child.sendline("n")
    child.expect("“乙”方面没有查摆出问题")
    child.expect("写明没有问题的理由")
    child.sendline("1")
    child.expect("问题（一句话概括）")
    child.sendline("回访群众不及时")
    child.expect("具体表现")
    details(child, "10月两件信访件办结后隔了三周才回访", "每件办结后三个工作日内回访并记录")
    child.expect("报告已保存")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    [path] = storage.list_reports(home / "reports")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 4  # 3 since #12, 4 since ratings carry a ballot token
    assert data["respondent"] == {"role": "self", "post": "member", "serves_public": False}
    result = data["questionnaires"]["mini"]
    assert "a1" not in result["answers"] and result["not_applicable"] == ["a1"]
    assert result["level"] == "较差" and result["level_uncapped"] == "优秀"
    assert result["red_lines"] == ["a3/gifts"]
    red, named = data["findings"]
    assert red["red_line"] is True and red["detail"].startswith("2026年春节")
    assert named["dimension"] == "b" and named["problem"] == "回访群众不及时" and "item" not in named

    # Next time the profile is remembered: Enter keeps it.
    child = spawn(["start", "-q", str(qfile)], home, NO_COLOR="1")
    for by_hand in (False, True):  # 回头看 of the two measures comes first
        child.expect("落实情况")
        child.sendline("")
        if by_hand:  # #12: a problem named by hand is asked whether it persists (no item can find it again)
            child.expect("这个问题现在还存在吗")
            child.sendline("")
        child.expect("完成情况或证据")
        child.sendline("")
    child.expect("岗位（输入编号） \\[3\\]")
    child.sendline("")
    child.expect("\\[2\\]")
    child.sendline("")
    child.expect("岗位：普通党员")
    child.expect("第 1/5 题")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()


def test_a_written_reason_in_place_of_a_problem(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "mini.toml", honest_mini())
    child = spawn(["start", "-q", str(qfile)], home, NO_COLOR="1")
    child.expect("岗位（输入编号）")
    child.sendline("1")
    child.expect("直接面向群众")
    child.sendline("1")
    child.expect("第 1/6 题")  # a leader is asked a1 too (b2 counted until b1 is answered)
    for answer in ("1", "1", "1", "10月回访3户", "1", "2"):  # a1 never: flagged; then good answers, 以上都没有
        child.expect("›")
        child.sendline(answer)
    child.expect("问题 1/1")
    child.expect("具体表现")
    details(child, "2026年只在3月下过一次基层调研", "每月至少两天到联系点调研")
    child.expect("还有答卷没有查出的问题")
    child.sendline("n")
    child.expect("“乙”方面没有查摆出问题")
    child.sendline("2")
    child.expect("理由")
    child.sendline("没有")
    child.expect("理由至少写10个字")
    child.sendline("本人不接待来访，征求意见时群众和同事都没有提出这方面的问题")
    child.expect("报告已保存")
    child.expect(pexpect.EOF)
    child.close()
    [path] = storage.list_reports(home / "reports")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["questionnaires"]["mini"]["no_problem"] == {
        "b": "本人不接待来访，征求意见时群众和同事都没有提出这方面的问题"
    }
    assert [f["item"] for f in data["findings"]] == ["a1"]
