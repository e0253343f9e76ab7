"""``selfcheck start`` through CliRunner: a scripted interview, --answers, drafts, reports on disk."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from helpers import minimal, write_toml
from selfcheck.cli import app
from selfcheck.files.tomlfile import dump_toml
from selfcheck.records import storage

runner = CliRunner()


def the_draft(home: Path) -> Path:
    """The one draft in the reports folder (named by its owner and questionnaire set since #13)."""
    [path] = (home / "reports").glob("draft-*.toml")
    return path


def reports_in(home: Path) -> list[Path]:
    return storage.list_reports(home / "reports")


def test_full_interview_with_back_skip_bad_input_and_findings(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "mini.toml", minimal())
    script = [
        "x",  # a1: bad answer → re-asked
        "1",  # a1 = 1 (flagged: 下基层少)
        "",  # a2 skipped
        "b",  # back at b1 → a2 again
        "",  # a2 skipped again
        "2",  # b1 = no (flagged: 不回访)
        "2",  # b3 = half (b2 hidden)
        # finding 1
        "2026年10月只去了联系村一次，没有入户",
        "1",
        "",
        "每月到联系村入户走访不少于2次",
        "",
        "",
        "",
        # finding 2
        "短",
        "",  # keep it anyway after the warning
        "2",
        "怕麻烦",
        "办结后一周内电话回访",
        "2020-01-01",  # in the past → re-asked
        "2099-12-31",
        "李四",
        "2",
        # one problem no item caught
        "y",
        "会议多",
        "今年上半年每周开三次以上例会，基层反映负担重",
        "3",
        "",
        "例会合并为每周一次",
        "2099-06-30",
        "",
        "1",
        "n",
    ]
    result = runner.invoke(app, ["start", "--questionnaire", str(qfile), "--name", "张三"], input="\n".join(script))
    assert result.exit_code == 0, result.output
    assert "请输入 1–5 之间的数字。" in result.output
    assert "写得太简略了" in result.output
    assert "时限不能早于今天" in result.output
    [path] = reports_in(home)
    assert f"报告已保存：{path}" in result.output.replace("\n", "")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    q = data["questionnaires"]["mini"]
    assert q["answers"] == {"a1": 1, "b1": False, "b3": "half"}
    assert q["skipped"] == ["a2"]
    assert q["scores"]["dimensions"] == {"a": 0.0, "b": 25.0}
    assert data["respondent"] == {"name": "张三", "role": "self"}
    problems = [(f.get("item"), f["problem"]) for f in data["findings"]]
    assert problems == [("a1", "下基层少"), ("b1", "不回访"), (None, "会议多")]
    first, second, extra = data["findings"]
    assert first["causes"] == ["lixiang"] and first["owner"] == "张三" and first["source"] == "self"
    assert second["detail"] == "短" and second["deadline"] == "2099-12-31" and second["owner"] == "李四"
    assert second["source"] == "masses" and second["cause_note"] == "怕麻烦"
    assert extra["causes"] == ["dangxing"] and extra["status"] == "open"
    assert len({f["id"] for f in data["findings"]}) == 3
    assert not list((home / "reports").glob("draft-*.toml"))  # drafts are named by owner and set (#13)


def test_a_questionnaire_with_nothing_for_the_post_says_so(home: Path) -> None:
    # 决策能力 asks an ordinary member nothing: the interview says why instead of going silently to the end.
    result = runner.invoke(app, ["start", "juece"], input="3\n2\nn\n")
    assert result.exit_code == 1, result.output
    assert "“决策能力”的题目都不适用于普通党员，不列入这次对照检查。" in result.output
    assert "没有写报告" in result.output  # no report of 作答不足 that would look like a finished self-check
    assert "第 1/" not in result.output
    assert storage.list_reports(home / "reports") == []
    leader = runner.invoke(app, ["start", "juece"], input="1\n1\nq\n")
    assert "都不适用" not in leader.output and "第 1/21 题" in leader.output


def test_report_and_folder_are_private(home: Path, tmp_path: Path) -> None:
    answers = write_toml(
        tmp_path / "a.toml", {"questionnaires": {"diaoyan": {"answers": {"dc-went": True, "dc-days": 40}}}}
    )
    result = runner.invoke(app, ["start", "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    [path] = reports_in(home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_quit_keeps_a_draft_and_resume_continues(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "mini.toml", minimal())
    result = runner.invoke(app, ["start", "-q", str(qfile)], input="4\n2\nq\n")
    assert result.exit_code == 0
    assert "selfcheck start --resume" in result.output
    draft = tomllib.loads(the_draft(home).read_text(encoding="utf-8"))
    assert draft["answers"]["mini"] == {"a1": 4, "a2": 2}
    result = runner.invoke(app, ["start", "--resume"], input="1\n\n1\nn\n")
    assert result.exit_code == 0, result.output
    assert "第 3/5 题" in result.output  # went on at b1 (b2 hidden, but counted: b1 may still show it)
    assert "第 4/5 题" in result.output  # b1 = yes shows b2
    [path] = reports_in(home)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["questionnaires"]["mini"]["answers"] == {"a1": 4, "a2": 2, "b1": True, "b3": "all"}
    assert data["questionnaires"]["mini"]["skipped"] == ["b2"]


def test_eof_keeps_the_draft(home: Path, tmp_path: Path) -> None:
    qfile = write_toml(tmp_path / "mini.toml", minimal())
    result = runner.invoke(app, ["start", "-q", str(qfile)], input="4\n")
    assert result.exit_code == 1
    assert "已保存草稿" in result.output
    assert len(list((home / "reports").glob("draft-*.toml"))) == 1
    assert reports_in(home) == []


def test_resume_without_draft_is_a_usage_error() -> None:
    result = runner.invoke(app, ["start", "--resume"])
    assert result.exit_code == 2
    assert "没有可以继续的草稿" in result.output


def test_answers_round_trip_gives_the_same_scores(home: Path, tmp_path: Path) -> None:
    answers = {
        "zuofeng": {
            "answers": {
                "sx-study": 2,
                "sx-criticism-evasive": 4,
                "sx-self-review": True,
                "sx-self-review-date": "2026-05-01",
                "gz-formalism": ["meetings", "paperwork"],
                "gz-grassroots-days": 12,
                "sh-hedonism": ["none"],
                "sh-relatives-gain": False,
            },
            # #14: the problem norm — a conduct dimension with no problem needs a written reason
            "no_problem": {"shenghuo": "征求意见和谈心谈话中没有人提出生活作风方面的问题"},
        }
    }
    first = runner.invoke(
        app, ["start", "--answers", str(write_toml(tmp_path / "a.toml", {"questionnaires": answers}))]
    )
    assert first.exit_code == 0, first.output
    [report1] = reports_in(home)
    second = runner.invoke(app, ["start", "--answers", str(report1)])
    assert second.exit_code == 0, second.output
    report1, report2 = reports_in(home)
    a = storage.read_report(report1)
    b = storage.read_report(report2)
    assert a.questionnaires == b.questionnaires
    assert [f.problem for f in a.findings] == [f.problem for f in b.findings]
    assert {f.problem for f in a.findings} >= {"本人理论学习主要依靠集中学习，自己研读原文原著少，学得不深不透"}


def test_answers_errors_name_questionnaire_item_and_value(home: Path, tmp_path: Path) -> None:
    bad = {"zuofeng": {"answers": {"sx-study": 9, "nope": 1, "sx-self-review": "yes"}}}
    answers = str(write_toml(tmp_path / "a.toml", {"questionnaires": bad}))
    result = runner.invoke(app, ["start", "--answers", answers, "--lang", "en"])
    assert result.exit_code == 1
    out = result.output
    assert "3 problem(s); no report written" in out
    assert "questionnaires.zuofeng.answers.sx-study: expected a whole number 1-5, got 9" in out
    assert "questionnaires.zuofeng.answers.nope: no such item in zuofeng v2.0" in out
    assert "questionnaires.zuofeng.answers.sx-self-review: expected true or false, got 'yes'" in out
    chinese = runner.invoke(app, ["start", "--answers", answers]).output
    assert "3 处问题，未写入报告" in chinese
    assert "questionnaires.zuofeng.answers.sx-study: 应为 1–5 的整数，而不是 9" in chinese
    assert reports_in(home) == []


def test_answers_with_findings_keeps_their_details(home: Path, tmp_path: Path) -> None:
    data = {
        "questionnaires": {"diaoyan": {"answers": {"dc-went": True, "dc-days": 2, "yj-reports": 0}}},
        "findings": [
            {
                "questionnaire": "diaoyan",
                "item": "dc-days",
                "problem": "下基层调研时间少，掌握一线情况不够",
                "detail": "全年只下去两天",
                "measure": "每月至少两天",
                "deadline": "2099-01-01",
            }
        ],
    }
    result = runner.invoke(app, ["start", "--answers", str(write_toml(tmp_path / "a.toml", data))])
    assert result.exit_code == 0, result.output
    report = storage.read_report(reports_in(home)[0])
    by_item = {f.item: f for f in report.findings}
    assert by_item["dc-days"].detail == "全年只下去两天"
    assert by_item["yj-reports"].detail == "" and by_item["yj-reports"].status == "open"


def test_reports_are_never_overwritten(home: Path, tmp_path: Path) -> None:
    answers = write_toml(tmp_path / "a.toml", {"questionnaires": {"fuwu": {"answers": {"gt-visits": 50}}}})
    for _ in range(3):
        assert runner.invoke(app, ["start", "--answers", str(answers)]).exit_code == 0
    assert len(reports_in(home)) == 3


def test_report_show_and_list(home: Path, tmp_path: Path) -> None:
    answers = write_toml(tmp_path / "a.toml", {"questionnaires": {"juece": {"answers": {"my-consult": 1}}}})
    runner.invoke(app, ["start", "--answers", str(answers), "--name", "王五"])
    shown = runner.invoke(app, ["report", "show", "latest"])
    assert shown.exit_code == 0, shown.output
    assert "王五" in shown.output and "决策前征求群众意见不够" in shown.output
    listed = runner.invoke(app, ["report", "list", "--json"])
    assert '"name": "王五"' in listed.output


def test_report_show_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.toml"
    path.write_bytes(dump_toml({"schema_version": 99, "created": "x", "tool_version": "9"}))
    result = runner.invoke(app, ["report", "show", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert "schema_version 99 is newer than this selfcheck understands" in result.output


def test_report_round_trip_is_identity(home: Path, tmp_path: Path) -> None:
    reasons = {"gongzuo": "征求意见中没有人提出这方面的问题", "shenghuo": "谈心谈话中没有人提出这方面的问题"}
    xianjin = {"answers": {"sx-comparison-written": False}, "no_problem": reasons}  # #14: the problem norm (2.0: #15)
    answers = write_toml(tmp_path / "a.toml", {"questionnaires": {"xianjin": xianjin}})
    assert runner.invoke(app, ["start", "--answers", str(answers)]).exit_code == 0
    [path] = reports_in(home)
    report = storage.read_report(path)
    again = storage.write_report(report, tmp_path / "copy")
    assert storage.read_report(again) == report


def test_resume_after_the_questionnaire_changed_keeps_answers_to_items_that_still_exist(
    home: Path, tmp_path: Path
) -> None:
    qfile = write_toml(tmp_path / "mini.toml", minimal())
    assert runner.invoke(app, ["start", "-q", str(qfile)], input="4\n2\nq\n").exit_code == 0
    changed = minimal(version="2")
    changed["items"] = [i for i in changed["items"] if i["id"] != "a2"]
    write_toml(qfile, changed)
    result = runner.invoke(app, ["start", "--resume"], input="1\n\n1\nn\n")
    assert result.exit_code == 0, result.output
    assert "问卷 mini 自草稿保存后已修改" in result.output
    [path] = reports_in(home)
    answers = storage.read_report(path).questionnaires["mini"].answers
    assert answers == {"a1": 4, "b1": True, "b3": "all"}


def test_answers_file_may_write_deadlines_as_toml_dates(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(
        '[questionnaires.diaoyan.answers]\ndc-went = true\ndc-days = 2\n\n[[findings]]\nquestionnaire = "diaoyan"\n'
        'item = "dc-days"\nproblem = "下基层少"\ndeadline = 2099-06-30\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["start", "--answers", str(path)])
    assert result.exit_code == 0, result.output
    [report] = reports_in(home)
    assert storage.read_report(report).findings[0].deadline == "2099-06-30"
