"""The second self-check in a real terminal: 回头看 once per problem with b and ?, causes required, carried problems."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

import helpers
from helpers import minimal, write_toml
from selfcheck.cli import app
from selfcheck.questionnaire.library import parse
from selfcheck.records import ledger, storage
from selfcheck.records.report import Finding, build, now

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


def spawn(args: list[str], home: Path) -> pexpect.spawn:
    return helpers.spawn(args, home, width=80, NO_COLOR="1")


def first_report(home: Path) -> str:
    """Last year's report: an item's problem and one added by hand, both with measures; entered in the ledger."""
    from datetime import timedelta

    q = parse(minimal(), "t")
    findings = [
        Finding(
            id="F1a2b3c4",
            questionnaire="mini",
            item="b1",
            problem="不回访",
            measure="办结后回访",
            deadline="2099-01-01",
            causes=["zongzhi"],
        ),
        Finding(
            id="Fhand001",
            questionnaire="mini",
            dimension="b",  # named by hand for a dimension (the problem norm)
            problem="会议多",
            measure="例会合并",
            deadline="2099-02-01",
            causes=["nengli"],
        ),
    ]
    report = build(
        [q],
        {"mini": {"a1": 4, "a2": 2, "b1": False, "b3": "all"}},
        {"mini": []},
        findings,
        name="张三",
        created=now() - timedelta(days=300),
        tool_version="test",
    )
    folder = home / "reports"
    path = storage.write_report(report, folder)
    ledger.take_in(folder, path, report)
    return path.name


def test_second_interview_looks_back_with_b_and_help_and_refuses_an_empty_cause(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "mini.toml", minimal())
    first_report(home)
    child = spawn(["start", "-q", str(qfile)], home)
    child.expect("回头看：上次的2项整改措施")
    child.expect_exact("回头看 1/2 · mini/b1")
    child.expect("办结后回访")
    child.expect("剩 \\d+ 天")  # days left, never an empty row
    child.expect("落实情况")
    child.sendline("?")
    child.expect("销号要由别人核查")  # the field explained
    child.expect("落实情况")
    child.sendline("2")
    child.expect("完成情况或证据")
    child.sendline("b")  # back to the status of the same problem
    child.expect("回车保留：2")
    child.expect("落实情况")
    child.sendline("")
    child.expect("完成情况或证据")
    child.sendline("10月回访3户")
    child.expect_exact("回头看 2/2 · Fhand001")
    child.expect("落实情况")
    child.sendline("b")  # back to the previous problem, its answers kept
    child.expect_exact("回头看 1/2 · mini/b1")
    child.expect("落实情况")
    child.sendline("")
    child.expect("完成情况或证据")
    child.sendline("")
    child.expect_exact("回头看 2/2 · Fhand001")
    child.expect("落实情况")
    child.sendline("2")
    child.expect("这个问题现在还存在吗")  # added by hand: only the person can say
    child.sendline("1")
    child.expect("完成情况或证据")
    child.sendline("11月例会合并了2次")
    child.expect("第 1/5 题")  # b2 counted until b1 is answered (#18 progress)
    for answer in ("5", "1", "2", "1"):  # b1 = no: flagged again
        child.sendline(answer)
        child.expect("›")
    child.expect("问题 1/2")
    child.expect("具体表现")
    child.sendline("10月两件信访件办结后隔了三周才回访")
    child.expect("原因（输入编号，可多选")
    child.sendline("")
    child.expect("请至少选一个原因")  # Enter does not leave the cause empty
    child.sendline("?")
    child.expect("能力本领")
    child.sendline("2,5")
    child.expect("“其他”是什么原因（必填）")
    child.sendline("")
    child.expect("请写明是什么原因")
    child.sendline("b")
    child.expect("回车保留：2,5")
    child.sendline("2")
    child.expect("原因说明")
    child.sendline("")
    child.expect("整改措施")
    child.sendline("每件办结后三个工作日内电话回访")
    for prompt in ("完成时限", "责任人", "问题来源"):
        child.expect(prompt)
        child.sendline("")
    child.expect("问题 2/2 · 上次自己补充")
    child.expect("会议多")
    child.expect("具体表现")
    child.sendline("11月我主持开了6次例会，其中3次可以合并")
    child.expect("原因（输入编号")
    child.sendline("4,1")
    child.expect("原因说明")
    child.sendline("")
    child.expect("整改措施")
    child.sendline("每月例会不超过2次")
    for prompt in ("完成时限", "责任人", "问题来源"):
        child.expect(prompt)
        child.sendline("")
    child.expect("还有答卷没有查出的问题")
    child.sendline("n")
    child.expect("报告已保存")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    latest = storage.read_report(storage.list_reports(home / "reports")[-1])
    assert [(r.problem_id, r.status, r.outcome) for r in latest.review] == [
        ("mini/b1", "doing", ""),
        ("Fhand001", "doing", "persists"),
    ]
    b1, hand = latest.findings
    assert b1.causes == ["zongzhi"] and b1.cause_note == ""
    assert hand.problem_id == "Fhand001" and hand.causes == ["nengli", "lixiang"] and hand.item is None
    assert hand.dimension == "b"  # carried where it belongs
    book = ledger.load(home / "reports")
    assert [(p.id, len(p.reports), p.status) for p in book.problems] == [
        ("mini/b1", 2, "doing"),
        ("Fhand001", 2, "doing"),
    ]
    runner = CliRunner()
    diff = json.loads(runner.invoke(app, ["diff", "--json"]).output)["findings"]
    assert [f["problem_id"] for f in diff["persisting"]] == ["mini/b1", "Fhand001"]
    assert diff["persisting"][1]["notes"] == []  # a carried problem repeats its wording by design: not "copied"
    assert diff["resolved"] == [] and diff["unchecked"] == [] and diff["new"] == []
    data = tomllib.loads((home / "reports" / "ledger.toml").read_text(encoding="utf-8"))
    assert len(data["problems"]) == 2  # one entry per problem, not one per report
    md = runner.invoke(app, ["export", "-o", "-"]).stdout
    five = md.split("五、上次整改落实情况")[1].split("\n## ")[0]
    rows = [ln for ln in five.splitlines() if ln.startswith("|") and not set(ln) <= set("|-: ")][1:]
    assert [r.split("|")[1].strip() for r in rows] == ["不回访", "会议多"]  # one row per problem
    assert all(cell.strip() and cell.strip() != "–" for r in rows for cell in r.strip("|").split("|")), rows


def test_a_hand_added_problem_said_solved_is_resolved_in_diff(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "mini.toml", minimal())
    first_report(home)
    child = spawn(["start", "-q", str(qfile)], home)
    child.expect("落实情况")
    child.sendline("3")
    child.expect("完成情况或证据")
    child.sendline("回访登记表12条")
    child.expect("落实情况")
    child.sendline("2")  # in progress — but solved, with evidence: the ledger marks it done
    child.expect("这个问题现在还存在吗")
    child.sendline("2")
    child.expect("完成情况或证据")
    child.sendline("")
    child.expect("需要写明证据")  # solved needs evidence
    child.sendline("例会由每周3次改为每月2次，见会议记录")
    child.expect("第 1/5 题")  # b2 counted until b1 is answered (#18 progress)
    for answer in ("5", "1", "1", "", "1"):  # b1 = yes now: not flagged; b2 skipped
        child.sendline(answer)
        child.expect("›")
    child.expect("还有答卷没有查出的问题")
    child.sendline("n")
    child.expect("报告已保存")
    child.expect(pexpect.EOF)
    child.close()
    diff = json.loads(CliRunner().invoke(app, ["diff", "--json"]).output)["findings"]
    assert [f["problem_id"] for f in diff["resolved"]] == ["mini/b1", "Fhand001"]
    assert diff["unchecked"] == []
    assert {"code": "ledger_done"} in diff["resolved"][1]["notes"]
    assert json.loads(CliRunner().invoke(app, ["plan", "--json"]).output) == []  # both done
