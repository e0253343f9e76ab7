"""#14 through the command line: --answers applies the post and the problem norm; report show, diff and summary
mark red lines, written reasons and notes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from helpers import write_toml
from selfcheck.cli import app
from selfcheck.records import storage

runner = CliRunner()

ZUOFENG_GOOD: dict[str, Any] = {  # the best answer to every item of 对照改进作风要求 2.0 (#15)
    "sx-study": 5,
    "sx-study-standard": "member",
    "sx-study-hours": 60,
    "sx-discipline-study": 6,
    "sx-self-review": True,
    "sx-criticism-given": 4,
    "sx-criticism-evasive": 1,
    "sx-org-life-missed": 0,
    "sx-dues": True,
    "gz-formalism": ["none"],
    "gz-bureaucratism": ["none"],
    "gz-grassroots-days": 80,
    "gz-follow-through": 5,
    "gz-rush-records": 1,
    "gz-select-cadres": 5,
    "gz-member-help": 5,
    "gz-member-pioneer": 4,
    "gz-allowances": False,
    "gz-office": False,
    "gz-buildings": False,
    "sh-hedonism": ["none"],
    "sh-extravagance": ["none"],
    "sh-dining": False,
    "sh-travel": False,
    "sh-gifts-received": False,
    "sh-gifts-given": False,
    "sh-car": False,
    "sh-club": False,
    "sh-entertainment": False,
    "sh-weddings": False,
    "sh-relatives-gain": False,
    "sh-personal-report": False,
    "sh-hardship": 5,
    "sh-noon-drinking": 1,
}


def answers_file(tmp_path: Path, tables: dict[str, Any], **top: Any) -> str:
    return str(write_toml(tmp_path / "answers.toml", {"questionnaires": tables, **top}))


def test_answers_without_a_problem_or_reason_name_every_missing_dimension(home: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["start", "--answers", answers_file(tmp_path, {"zuofeng": {"answers": ZUOFENG_GOOD}})])
    assert result.exit_code == 1
    out = result.output
    assert "每个方面至少查摆出一个问题" in out and "未写报告" in out
    for dim in ("sixiang", "gongzuo", "shenghuo"):
        assert f'dimension = "{dim}"' in out and f"[questionnaires.zuofeng.no_problem] {dim}" in out
    assert storage.list_reports(home / "reports") == []


def test_answers_meet_the_norm_with_a_named_problem_and_reasons(home: Path, tmp_path: Path) -> None:
    reasons = {"sixiang": "支部征求意见和谈心谈话中没有人提出思想作风方面的问题", "gongzuo": "同上，工作作风方面也没有"}
    named = {
        "questionnaire": "zuofeng",
        "dimension": "shenghuo",
        "problem": "家风建设抓得不紧",
        "detail": "今年没有和家人谈过廉洁",
    }
    path = answers_file(tmp_path, {"zuofeng": {"answers": ZUOFENG_GOOD, "no_problem": reasons}}, findings=[named])
    result = runner.invoke(app, ["start", "--answers", path])
    assert result.exit_code == 0, result.output
    [report_path] = storage.list_reports(home / "reports")
    report = storage.read_report(report_path)
    assert report.questionnaires["zuofeng"].no_problem == reasons
    assert [f.dimension for f in report.findings] == ["shenghuo"]
    assert "all-best" in report.questionnaires["zuofeng"].notes

    shown = runner.invoke(app, ["report", "show", "latest"], env={"COLUMNS": "100"})
    assert "未查摆出问题的书面说明" in shown.output and "思想作风：支部征求意见" in shown.output
    assert "每一题都选了最好的一端" in shown.output
    summary = runner.invoke(app, ["summary", str(home / "reports"), "--json"])
    data = json.loads(summary.output)
    assert data["no_problem_statements"] == 2 and data["consistency_notes"] == 1 and data["red_line_findings"] == 0


def test_a_red_line_in_an_answers_file_is_marked_everywhere(home: Path, tmp_path: Path) -> None:
    # 2.0 (#15): 违规收受礼品礼金 is its own red-line item rather than an option of the 享乐主义 checklist
    answers = {**ZUOFENG_GOOD, "sh-gifts-received": True, "sx-study": 1, "gz-follow-through": 1}
    reasons: dict[str, Any] = {"no_problem": {}}
    path = answers_file(tmp_path, {"zuofeng": {"answers": answers, **reasons}})
    result = runner.invoke(app, ["start", "--answers", path])
    assert result.exit_code == 0, result.output
    report = storage.read_report(storage.list_reports(home / "reports")[0])
    res = report.questionnaires["zuofeng"]
    assert res.red_lines == ["sh-gifts-received"] and res.level == "差距较大" and res.level_uncapped == "差距较小"
    [red] = [f for f in report.findings if f.red_line]
    assert red.item == "sh-gifts-received" and red.option is None

    shown = runner.invoke(app, ["report", "show", "latest"], env={"COLUMNS": "120"})
    assert "【红线】本人违规收受礼品、礼金或消费卡" in shown.output
    assert "差距较大（红线封顶，按得分为差距较小）" in shown.output
    diff = runner.invoke(app, ["diff", "latest", "latest"], env={"COLUMNS": "120"})
    assert diff.exit_code == 0 and "【红线】本人违规收受礼品、礼金或消费卡" in diff.output
    summary = runner.invoke(app, ["summary", str(home / "reports")], env={"COLUMNS": "120"})
    assert "红线问题 1 个，涉及 1 人（1 份报告）" in summary.output


def test_the_post_in_an_answers_file_leaves_out_items_that_do_not_apply(home: Path, tmp_path: Path) -> None:
    reasons = {
        "no_problem": dict.fromkeys(("sixiang", "gongzuo", "shenghuo"), "征求意见和谈心谈话中没有人提出这方面的问题")
    }
    member = {"post": "member", "serves_public": False}
    path = answers_file(tmp_path, {"zuofeng": {"answers": ZUOFENG_GOOD, **reasons}}, respondent=member)
    assert runner.invoke(app, ["start", "--answers", path]).exit_code == 0
    report = storage.read_report(storage.list_reports(home / "reports")[0])
    res = report.questionnaires["zuofeng"]
    assert report.respondent.post == "member"
    leading = ["gz-grassroots-days", "gz-select-cadres", "gz-allowances", "gz-office", "gz-buildings"]
    leading += ["sh-dining", "sh-travel", "sh-gifts-received", "sh-gifts-given", "sh-car", "sh-entertainment"]
    leading += ["sh-relatives-gain", "sh-personal-report"]
    assert not set(leading) & set(res.answers)
    assert res.not_applicable == leading
    assert res.answers["gz-member-help"] == 5 and res.answers["gz-member-pioneer"] == 4  # a member's own duties

    bad = answers_file(tmp_path, {"zuofeng": {"answers": ZUOFENG_GOOD}}, respondent={"post": "boss"})
    result = runner.invoke(app, ["start", "--answers", bad])
    assert result.exit_code == 1
    assert "respondent.post：未知岗位 'boss'（可选：leader, cadre, member）" in result.output


def graded_mini() -> dict[str, Any]:
    """A rating form with an overall grade, disqualifying situations and a record-only count."""
    from test_organisation import rated_mini

    data = rated_mini()
    data["grades"] = {"labels": ["优秀", "合格", "基本合格", "不合格"]}
    data["disqualifiers"] = [
        {"id": "no-dues", "label": "不按规定交纳党费"},
        {"id": "stands-aside", "label": "在急难险重任务面前袖手旁观"},
    ]
    data["items"].insert(
        0,
        {
            "id": "days",
            "dimension": "a",
            "kind": "number",
            "text": "我到基层的天数。",
            "text_other": "该同志到基层的天数。",
            "max": 366,
            "record_only": True,
            "bands": [{"min": 0, "max": 366, "score": 1}],
        },
    )
    return data


def test_rate_asks_the_grade_and_situations_but_never_the_persons_own_record(home: Path) -> None:
    from test_organisation import install

    install(home, graded_mini())
    # a1, a2, b1 (no), b3; marks a 好 (no comment), b 好; grade 合格; situations 2
    script = ["4", "2", "2", "1", "4", "", "4", "", "2", "2"]
    result = runner.invoke(app, ["rate", "--subject", "张三", "mini"], input="\n".join(script))
    assert result.exit_code == 0, result.output
    assert "该同志到基层的天数" not in result.output  # record-only: never asked of raters
    assert "总体评价" in result.output and "在急难险重任务面前袖手旁观" in result.output
    res = storage.read_report(storage.list_reports(home / "reports")[0]).questionnaires["mini"]
    assert res.grade == "合格" and res.disqualifiers == ["stands-aside"]
    assert res.notes == ["all-top"] and "days" not in res.answers


def test_gap_and_summary_count_grades_and_all_top_raters_without_names(home: Path, tmp_path: Path) -> None:
    from test_organisation import install, report_of

    folder = home / "reports"
    data = graded_mini()
    install(home, data)
    storage.write_report(report_of({"a1": 4, "a2": 2, "b1": True, "b3": "all"}, data=data), folder)
    for n, (marks, grade) in enumerate((({"a": 4, "b": 4}, "优秀"), ({"a": 4, "b": 4}, "优秀"), ({"a": 2}, "合格"))):
        # distinct answers: identical ratings count once (#13's anonymity rule)
        rating = report_of({"a1": 3 + n % 3}, role="peer", subject="张三", name=None, ratings=marks, data=data)
        rating.questionnaires["mini"] = rating.questionnaires["mini"].model_copy(
            update={"grade": grade, "disqualifiers": ["no-dues"] if n == 2 else []}
        )
        storage.write_report(rating, folder / "peers")
    self_path = storage.list_reports(folder)[0]
    gap = json.loads(runner.invoke(app, ["gap", str(self_path), str(folder / "peers"), "--json"]).output)
    mini = gap["questionnaires"]["mini"] if "questionnaires" in gap else gap["mini"]
    assert mini["grades"] == {"优秀": 2, "合格": 1}
    assert mini["disqualifiers"] == {"no-dues": 1}  # --json carries codes; the table words them
    assert mini["raters_all_top"] == 2
    shown = runner.invoke(app, ["gap", str(self_path), str(folder / "peers")], env={"COLUMNS": "100"}).output
    assert "总体评价：优秀 2  合格 1" in shown and "2 人对所有维度都给了最高评价" in shown
    assert "反向情形：不按规定交纳党费 1" in shown
    summary = json.loads(runner.invoke(app, ["summary", str(folder), str(folder / "peers"), "--json"]).output)
    assert summary["grades"] == {"mini": {"优秀": 2, "合格": 1}} and summary["raters_all_top"] == 2
