"""Drafts belong to one owner, subject and set, and make one report (#13)."""

from __future__ import annotations

import copy
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
from typer.testing import CliRunner

from helpers import MINIMAL, write_toml
from selfcheck.cli import app
from selfcheck.errors import ReportError
from selfcheck.records import draft, storage

runner = CliRunner()


def _rating_questionnaire(tmp_path: Path) -> Path:
    data: dict[str, Any] = copy.deepcopy(MINIMAL)
    data["rating"] = {"labels": ["不满意", "基本满意", "满意"], "abstain": "不了解"}
    for item in data["items"]:
        item["text_other"] = item["text"].replace("我", "该同志")
    return write_toml(tmp_path / "mini.toml", data)


def test_a_second_rater_never_sees_the_first_raters_draft(home: Path, tmp_path: Path) -> None:
    qfile = str(_rating_questionnaire(tmp_path))
    first = runner.invoke(app, ["rate", "--subject", "张三", "-q", qfile], input="5\nq\n")
    assert first.exit_code == 0, first.output
    [saved] = (home / "reports").glob("draft-*.toml")
    assert "张三" in saved.read_text(encoding="utf-8")

    second = runner.invoke(app, ["rate", "--subject", "李四", "-q", qfile], input="b\nq\n")
    assert "您正在评价 李四" in second.output
    assert "张三" not in second.output and "草稿" not in second.output.split("已保存草稿")[0]
    assert "已经是第一题" in second.output  # `b` finds no earlier answer: none of 张三's answers came along
    assert "当前答案" not in second.output

    # Even for the same subject, a rater is not offered a draft unasked (it may be another rater's).
    third = runner.invoke(app, ["rate", "--subject", "张三", "-q", qfile], input="q\n")
    assert "未完成的草稿" not in third.output and "当前答案" not in third.output
    assert len(list((home / "reports").glob("draft-*.toml"))) == 3  # three drafts, none overwritten


def test_rate_resume_needs_the_subject_and_finds_only_that_subject(home: Path, tmp_path: Path) -> None:
    qfile = str(_rating_questionnaire(tmp_path))
    assert runner.invoke(app, ["rate", "--subject", "张三", "-q", qfile], input="5\nq\n").exit_code == 0
    bare = runner.invoke(app, ["rate", "--resume"])
    assert bare.exit_code == 2 and "--subject" in bare.output
    other = runner.invoke(app, ["rate", "--resume", "--subject", "李四"])
    assert other.exit_code == 2 and "没有可以继续的草稿" in other.output
    same = runner.invoke(app, ["rate", "--resume", "--subject", "张三"], input="q\n")
    assert "您正在评价 张三" in same.output and same.exit_code == 0


def test_a_draft_is_checked_on_load_not_trusted_by_its_name(home: Path, tmp_path: Path) -> None:
    qfile = str(_rating_questionnaire(tmp_path))
    assert runner.invoke(app, ["rate", "--subject", "张三", "-q", qfile], input="5\nq\n").exit_code == 0
    [saved] = (home / "reports").glob("draft-*.toml")
    saved.rename(saved.with_name("draft.toml"))  # the old single name: offered only when its content fits
    other = runner.invoke(app, ["rate", "--resume", "--subject", "李四"])
    assert other.exit_code == 2 and "张三" not in other.output


def test_own_draft_is_offered_only_for_its_questionnaire_set(home: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["start", "diaoyan"], input="q\n").exit_code == 0
    other = runner.invoke(app, ["start", "juece"], input="q\n")
    assert "未完成的草稿" not in other.output
    same = runner.invoke(app, ["start", "diaoyan"], input="\nq\n")
    assert "未完成的草稿" in same.output


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_two_resumes_of_one_draft_never_both_run(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "mini.toml", copy.deepcopy(MINIMAL))
    assert runner.invoke(app, ["start", "-q", str(qfile)], input="4\nq\n").exit_code == 0
    env = {**os.environ, "SELFCHECK_HOME": str(home), "COLUMNS": "100", "TERM": "xterm", "NO_COLOR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "selfcheck", "start", "--resume"], env=env, encoding="utf-8")
    child.expect("第 2/5 题")  # b2 counted until b1 is answered (#18 progress)
    second = runner.invoke(app, ["start", "--resume"], input="2\n1\n1\nn\n")
    assert second.exit_code == 1
    assert "正在另一个 selfcheck 中作答" in second.output
    child.sendline("2")
    child.expect("第 3/5 题")
    child.sendline("1")
    child.expect("第 4/5 题")
    child.sendline("")
    child.expect("第 5/5 题")
    child.sendline("1")
    child.expect("还有答卷没有查出的问题")
    child.sendline("n")
    child.expect("报告已保存")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(storage.list_reports(home / "reports")) == 1
    again = runner.invoke(app, ["start", "--resume"])
    assert again.exit_code == 2 and "没有可以继续的草稿" in again.output
    assert sorted(p.name for p in (home / "reports").iterdir() if p.name.startswith(".")) == []


def _claim(path: str) -> bool:
    try:
        draft.claim(Path(path))
    except ReportError:
        return False
    return True


def test_a_draft_is_claimed_by_one_process_only(tmp_path: Path) -> None:
    path = tmp_path / "draft-self-x.toml"
    for _round in range(2):
        path.write_text("schema_version = 1\n", encoding="utf-8")
        with multiprocessing.get_context("spawn").Pool(4) as pool:
            claimed = pool.map(_claim, [str(path)] * 8)
        assert claimed.count(True) == 1
        assert not path.exists()
