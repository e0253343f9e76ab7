"""Real-terminal tests: selfcheck in a pty driven by pexpect, as a person would use it."""

from __future__ import annotations

import os
import sys
import time
import tomllib
from pathlib import Path

import pexpect
import pytest

from helpers import minimal, spawn, write_toml
from selfcheck.records import storage

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


def the_draft(home: Path) -> Path:
    """The one draft in the reports folder (named by its owner and questionnaire set since #13)."""
    [path] = (home / "reports").glob("draft-*.toml")
    return path


def answer_profile(child: pexpect.spawn, post: str = "2", public: str = "1") -> None:
    """#14: the built-ins limit some items to posts, so the post profile comes before the first question."""
    child.expect("本人岗位情况")
    child.expect("›")
    child.sendline(post)
    child.expect("直接面向群众")
    child.sendline(public)


def test_ctrl_c_then_resume_then_finish(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "mini.toml", minimal())
    child = spawn(["start", "-q", str(qfile)], home, NO_COLOR="1")
    child.expect("第 1/5 题")
    child.sendline("4")
    child.expect("第 2/5 题")
    child.sendline("2")
    child.expect("第 3/5 题")
    child.expect("› ")  # the prompt: readline is waiting (a Ctrl-C while it sets up waits for a key)
    time.sleep(0.2)  # a person\'s pause: readline is waiting for a key (see terminal/lineinput.py)
    child.sendintr()
    child.expect("selfcheck start --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert storage.list_reports(home / "reports") == []

    child = spawn(["start", "--resume"], home, NO_COLOR="1")
    child.expect("第 3/5 题")
    child.sendline("x")
    child.expect("请输入 1（是）或 2（否）")
    child.sendline("2")
    child.expect("第 4/4 题")
    child.sendline("1")
    child.expect("具体表现")
    child.sendline("9月信访件办结后没有回访当事人")
    child.expect("原因")
    child.sendline("2")
    child.expect("原因说明")
    child.sendline("")
    child.expect("整改措施")
    child.sendline("每件办结后三天内电话回访")
    child.expect("完成时限")
    child.sendline("")
    child.expect("责任人")
    child.sendline("")
    child.expect("问题来源")
    child.sendline("")
    child.expect("还有答卷没有查出的问题")
    child.sendline("n")
    child.expect("报告已保存")
    child.expect("下一步：selfcheck export")  # what to do next, in one line after the path
    child.expect("selfcheck plan")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [path] = storage.list_reports(home / "reports")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["questionnaires"]["mini"]["answers"] == {"a1": 4, "a2": 2, "b1": False, "b3": "all"}
    [finding] = data["findings"]
    assert finding["detail"] == "9月信访件办结后没有回访当事人"
    assert finding["causes"] == ["zongzhi"] and finding["owner"] == "本人"


def test_no_color_and_sixty_columns_keep_borders_whole(home: Path) -> None:
    import io

    child = spawn(["start", "zuofeng"], home, NO_COLOR="1")
    log = io.StringIO()
    child.logfile_read = log
    # #14: the built-ins limit some items to posts, so the post profile comes first
    child.expect("本人岗位情况")
    child.sendline("2")
    child.expect("直接面向群众")
    child.sendline("1")
    child.expect(r"第 1/\d+ 题")
    child.sendline("?")
    child.expect("出处")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    screen = log.getvalue()
    assert "\x1b[" not in screen  # no escape codes at all
    panel = [ln for ln in screen.splitlines() if ln.startswith("│")]
    assert panel, screen
    from rich.cells import cell_len

    assert {cell_len(ln.rstrip("\r")) for ln in panel} == {60}


def test_piped_output_is_plain(home: Path, tmp_path: Path) -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "selfcheck", "questionnaires", "list"],
        capture_output=True,
        text=True,
        env={**os.environ, "SELFCHECK_HOME": str(home)},
        check=True,
    )
    assert "\x1b[" not in result.stdout
    assert "zuofeng" in result.stdout


def test_rate_in_a_terminal(home: Path, tmp_path: Path) -> None:
    import copy

    from helpers import MINIMAL

    data = copy.deepcopy(MINIMAL)
    data["rating"] = {"labels": ["不满意", "基本满意", "满意"], "abstain": "不了解"}
    for item in data["items"]:
        item["text_other"] = item["text"].replace("我", "该同志")
    qfile = write_toml(tmp_path / "mini.toml", data)
    child = spawn(["rate", "--subject", "张三", "-q", str(qfile)], home, NO_COLOR="1")
    child.expect("您的姓名不会被记录")
    child.expect("该同志经常下基层")
    child.sendline("3")
    child.expect("第 2/4 题")  # b2 (free text, the person's own) is never asked of a rater, so never counted (#16)
    child.sendline("")
    child.expect("该同志回访过群众")
    child.sendline("2")
    child.expect("第 4/4 题")
    child.sendline("1")
    child.expect("民主测评")
    child.sendline("3")
    child.expect("意见建议")
    child.sendline("")
    child.expect("民主测评")
    child.expect("› ")
    time.sleep(0.2)  # a person\'s pause: readline is waiting for a key (see terminal/lineinput.py)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    child = spawn(["rate", "--resume", "--subject", "张三"], home, NO_COLOR="1")
    child.expect("民主测评")  # the first dimension is done: goes on with the second
    child.sendline("")
    child.expect("意见建议")
    child.sendline("")
    child.expect("报告已保存")
    rest = child.read()  # a rater hands the file in: no pointer to export or plan
    assert "下一步" not in rest
    child.close()
    [path] = storage.list_reports(home / "reports")
    data2 = tomllib.loads(path.read_text(encoding="utf-8"))
    ballot = data2["respondent"].pop("ballot")
    assert data2["respondent"] == {"role": "peer", "subject": "张三"}  # no rater's name
    assert len(ballot) == 32 and int(ballot, 16) >= 0  # a random token, so copies of this file count once
    assert data2["questionnaires"]["mini"]["ratings"] == {"a": 3}


@pytest.mark.parametrize(
    ("qid", "before", "at"),
    [
        # zuofeng 2.0 (#15), as 一般干部: 学时标准 32 adds the hours question, so 28 questions from the third on
        ("zuofeng", ["2", "1", "40", "2", "2", "3"], r"第 7/\d+ 题"),  # a likert scale (sx-criticism-evasive)
        ("zuofeng", ["2", "1", "40", "2", "2", "3", "2", "0", "1"], r"第 10/\d+ 题"),  # the 形式主义 checklist
        # free text (the role model and what to learn); the total counts follow-ups that may still appear (#18)
        ("xianjin", [], r"第 1/\d+ 题"),
    ],
    ids=["scale", "checklist", "free-text"],
)
def test_ctrl_c_at_each_kind_of_prompt_then_resume(home: Path, qid: str, before: list[str], at: str) -> None:
    child = spawn(["start", qid], home, NO_COLOR="1")
    answer_profile(child)
    for answer in before:
        child.expect("›")  # the input prompt
        child.sendline(answer)
    child.expect(at)
    child.expect("›")
    child.send("部分输入")  # typed but not entered: dropped by Ctrl-C, while everything entered is kept
    # Wait for the echo as a person would: CPython's readline loop checks signals only while waiting for a key, so a
    # Ctrl-C that lands while it is still drawing keys typed in the same instant waits for the next key.
    child.expect("部分输入")
    time.sleep(0.2)  # a person\'s pause: readline is waiting for a key (see terminal/lineinput.py)
    child.sendintr()
    child.expect("selfcheck start --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    draft = tomllib.loads(the_draft(home).read_text(encoding="utf-8"))
    assert len(draft["answers"][qid]) == len(before)
    child = spawn(["start", "--resume"], home, NO_COLOR="1")
    child.expect(at)
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    again = tomllib.loads(the_draft(home).read_text(encoding="utf-8"))
    assert again["answers"] == draft["answers"]


def test_eof_on_stdin_keeps_the_draft(home: Path) -> None:
    child = spawn(["start", "zuofeng"], home, NO_COLOR="1")
    answer_profile(child)
    child.expect(r"第 1/\d+ 题")
    child.sendline("4")
    child.expect(r"第 2/\d+ 题")
    # Wait for the prompt as a person does: a ^D typed ahead, before readline takes the terminal, reaches it as NUL.
    child.expect("› ")
    time.sleep(0.2)  # a person's pause: readline is waiting for a key (see terminal/lineinput.py)
    child.sendeof()
    child.expect("selfcheck start --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    draft = tomllib.loads(the_draft(home).read_text(encoding="utf-8"))
    assert draft["answers"]["zuofeng"] == {"sx-study": 4}


def test_closed_terminal_keeps_the_draft(home: Path) -> None:
    import signal

    child = spawn(["start", "zuofeng"], home)
    answer_profile(child)
    child.expect(r"第 1/\d+ 题")
    child.sendline("3")
    child.expect(r"第 2/\d+ 题")
    child.expect("›")
    time.sleep(0.2)  # readline is waiting for a key: a signal during its set-up waits for one (terminal/lineinput.py)
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    draft = tomllib.loads(the_draft(home).read_text(encoding="utf-8"))
    assert draft["answers"]["zuofeng"] == {"sx-study": 3}


def _to_the_finding(child: pexpect.spawn) -> None:
    for mark, answer in (("第 1/5 题", "4"), ("第 2/5 题", "2"), ("第 3/5 题", "2"), ("第 4/4 题", "1")):
        child.expect(mark)
        child.sendline(answer)


@pytest.mark.parametrize("leave", ["q", "ctrl-c"])
def test_a_half_written_finding_survives_quitting_and_resumes(home: Path, tmp_path: Path, leave: str) -> None:
    """Quitting at 责任人 must not lose a long 具体表现: the lines come back on resume and Enter keeps each."""
    qfile = write_toml(tmp_path / "mini.toml", minimal())
    child = spawn(["start", "-q", str(qfile)], home, NO_COLOR="1")
    _to_the_finding(child)
    child.expect("具体表现")
    child.sendline("9月信访件办结后没有回访当事人，群众两次来电催问")
    child.expect("原因（")
    child.sendline("2,3")
    child.expect("原因说明")
    child.sendline("")
    child.expect("整改措施")
    child.sendline("每件办结后三天内电话回访")
    child.expect("完成时限")
    child.sendline("2027年6月底")
    child.expect(r"责任人 \[本人\] ")
    if leave == "q":
        child.sendline("q")
    else:
        time.sleep(0.2)  # readline is waiting for a key (see terminal/lineinput.py)
        child.sendintr()
    child.expect("selfcheck start --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert storage.list_reports(home / "reports") == []

    child = spawn(["start", "--resume"], home, NO_COLOR="1")
    child.expect("回车保留：9月信访件办结后没有回访当事人，群众两次来电催问")
    child.sendline("")
    child.expect("回车保留：2,3")
    child.sendline("")
    child.expect("原因说明")
    child.sendline("")
    child.expect("回车保留：每件办结后三天内电话回访")
    child.sendline("")
    child.expect("回车保留：2027年6月底")  # the line as typed, read again
    child.sendline("")
    child.expect("责任人")
    child.sendline("")
    child.expect("问题来源")
    child.sendline("")
    child.expect("还有答卷没有查出的问题")
    child.sendline("n")
    child.expect("报告已保存")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [path] = storage.list_reports(home / "reports")
    [finding] = tomllib.loads(path.read_text(encoding="utf-8"))["findings"]
    assert finding["detail"] == "9月信访件办结后没有回访当事人，群众两次来电催问"
    assert finding["causes"] == ["zongzhi", "dangxing"]
    assert finding["measure"] == "每件办结后三天内电话回访"
    assert finding["deadline"] == "2027-06-30"


def test_a_questionnaire_without_items_for_the_post_is_named_and_no_empty_report_is_written(home: Path) -> None:
    """决策能力 asks an ordinary member nothing: say so instead of writing a report of 作答不足."""
    from selfcheck.interview.state import Interview
    from selfcheck.questionnaire.library import load_library
    from selfcheck.questionnaire.profile import Who

    interview = Interview(load_library().select(["juece"]), {}, {})
    interview.who = Who("member", False)
    assert not interview.asks_anything("juece")
    child = spawn(["start", "juece"], home, NO_COLOR="1")
    answer_profile(child, "3", "2")
    child.expect("“决策能力”的题目都不适用于普通党员")
    child.expect("没有写报告")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert storage.list_reports(home / "reports") == []
    assert not list((home / "reports").glob("*draft*.toml"))


def test_of_two_questionnaires_the_one_without_items_for_the_post_is_left_out(home: Path, tmp_path: Path) -> None:
    leaders_only = minimal(id="lead", title="领导专题")
    for item in leaders_only["items"]:
        item["posts"] = ["leader"]
    write_toml(tmp_path / "lead.toml", leaders_only)
    mini = write_toml(tmp_path / "mini.toml", minimal())
    child = spawn(["start", "-q", str(tmp_path / "lead.toml"), "-q", str(mini)], home, NO_COLOR="1")
    answer_profile(child, "3", "2")
    child.expect("“领导专题”的题目都不适用于普通党员，不列入这次对照检查")
    child.expect("第 1/5 题")
    child.sendline("q")


def test_a_raters_first_question_is_one_of_the_questions_raters_are_asked(home: Path) -> None:
    """#16: record-only items (the person's own counts) were counted, so the first rater question read 第 2/21."""
    from selfcheck.interview.state import rater_asks
    from selfcheck.questionnaire.conditions import visible_ids
    from selfcheck.questionnaire.library import load_library

    q = load_library([]).get("qunzhong").questionnaire
    shown = visible_ids(q, {}, None)
    asked = [i for i in q.items if i.id in shown and rater_asks(i)]
    assert q.items[0].record_only and len(asked) < len(shown)  # the case reported: it opens with an own count
    child = spawn(["rate", "--subject", "张三", "qunzhong"], home, NO_COLOR="1")
    child.expect(f"第 1/{len(asked)} 题")
    child.expect("该同志")  # the first question is one a rater is asked, in the third person
    child.sendline("")
    child.expect(f"第 2/{len(asked)} 题")
    child.sendline("b")
    child.expect(f"第 1/{len(asked)} 题")
    child.sendline("b")
    child.expect("已经是第一题")
    child.expect("› ")
    time.sleep(0.2)  # a person's pause: readline is waiting for a key (see terminal/lineinput.py)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
