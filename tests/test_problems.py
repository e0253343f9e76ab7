"""One problem, one identity across reports: the ledger, diff's truthfulness, upgrades of old files, rounding."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import tomli_w
from typer.testing import CliRunner

from helpers import minimal, write_toml
from selfcheck.cli import app
from selfcheck.questionnaire.library import parse
from selfcheck.records import ledger, storage
from selfcheck.records.report import Finding, Report, build, now
from selfcheck.scoring.scores import score

runner = CliRunner()


def use_mini(home: Path, data: dict[str, Any] | None = None) -> None:
    folder = home / "questionnaires"
    folder.mkdir(parents=True, exist_ok=True)
    write_toml(folder / "mini.toml", data or minimal())


def other_questionnaire() -> dict[str, Any]:
    data = minimal(id="other", title="另一问卷")
    return data


def report(
    answers: dict[str, dict[str, Any]], findings: list[Finding], days_ago: int, defs: list[dict[str, Any]]
) -> Report:
    qs = [parse(d, "t") for d in defs]
    return build(
        qs,
        answers,
        {q.id: [] for q in qs},
        findings,
        name="张三",
        created=now() - timedelta(days=days_ago),
        tool_version="test",
    )


def item_finding(fid: str, qid: str, item: str, problem: str, **extra: Any) -> Finding:
    return Finding(id=fid, questionnaire=qid, item=item, problem=problem, **extra)


def test_a_questionnaire_not_answered_again_is_not_rechecked_never_solved(home: Path) -> None:
    use_mini(home)
    write_toml(home / "questionnaires" / "other.toml", other_questionnaire())
    both = [minimal(), other_questionnaire()]
    old = report(
        {"mini": {"b1": False}, "other": {"b1": False, "a1": 1}},
        [
            item_finding("F1", "mini", "b1", "不回访"),
            item_finding("F2", "other", "b1", "不回访（另）"),
            item_finding("F3", "other", "a1", "下基层少（另）"),
        ],
        30,
        both,
    )
    new = report({"mini": {"b1": True}}, [], 0, [minimal()])
    storage.write_report(old, home / "reports")
    storage.write_report(new, home / "reports")
    data = json.loads(runner.invoke(app, ["diff", "--json"]).output)
    findings = data["findings"]
    assert [f["problem"] for f in findings["resolved"]] == ["不回访"]  # answered again, no longer flagged
    assert [f["problem"] for f in findings["unchecked"]] == ["不回访（另）", "下基层少（另）"]
    assert [f["problem_id"] for f in findings["unchecked"]] == ["other/b1", "other/a1"]
    table = runner.invoke(app, ["diff"])
    assert "解决（1）" in table.output and "未复查（2）" in table.output
    assert "下基层少（另）" in table.output.split("未复查")[1]


def test_an_item_skipped_in_the_newer_report_is_not_rechecked(home: Path) -> None:
    use_mini(home)
    old = report({"mini": {"a1": 1}}, [item_finding("F1", "mini", "a1", "下基层少")], 30, [minimal()])
    new = report({"mini": {"b1": True}}, [], 0, [minimal()])
    from selfcheck.compare.diff import compare

    result = compare(old, new, {})
    assert result.resolved == [] and [x.finding.id for x in result.unchecked] == ["F1"]


def test_the_same_item_flagged_twice_is_one_ledger_entry_with_both_reports(home: Path) -> None:
    use_mini(home)
    folder = home / "reports"
    first = report(
        {"mini": {"b1": False}},
        [item_finding("F1", "mini", "b1", "不回访", measure="办结后回访", deadline="2099-01-01")],
        60,
        [minimal()],
    )
    second = report(
        {"mini": {"b1": False}},
        [item_finding("F2", "mini", "b1", "不回访", measure="每件办结后三天内电话回访", deadline="2099-06-30")],
        0,
        [minimal()],
    )
    a = storage.write_report(first, folder)
    ledger.take_in(folder, a, first)
    assert runner.invoke(app, ["plan", "update", "f1", "--status", "doing"]).exit_code == 0  # any case
    b = storage.write_report(second, folder)
    ledger.take_in(folder, b, second)
    book = ledger.load(folder)
    [entry] = book.problems
    assert entry.id == "mini/b1" and entry.findings == ["F1", "F2"] and entry.reports == [a.name, b.name]
    assert entry.status == "doing"  # found again while open: linked, still in progress
    assert entry.measure == "每件办结后三天内电话回访" and entry.deadline == "2099-06-30"
    assert [e.measure for e in entry.events if e.kind == "found"] == ["办结后回访", "每件办结后三天内电话回访"]
    plan = json.loads(runner.invoke(app, ["plan", "--json"]).output)
    assert [p["id"] for p in plan] == ["mini/b1"]
    assert "2 份报告查摆出" in runner.invoke(app, ["plan"]).output


def test_found_again_after_closed_is_reopened(home: Path) -> None:
    use_mini(home)
    folder = home / "reports"
    first = report({"mini": {"b1": False}}, [item_finding("F1", "mini", "b1", "不回访")], 60, [minimal()])
    ledger.take_in(folder, storage.write_report(first, folder), first)
    for status, evidence in (("done", "回访登记表12条"), ("closed", "支部12月核查")):
        ok = runner.invoke(app, ["plan", "update", "F1", "--status", status, "--evidence", evidence])
        assert ok.exit_code == 0, ok.output
    assert json.loads(runner.invoke(app, ["plan", "--json"]).output) == []
    again = report({"mini": {"b1": False}}, [item_finding("F2", "mini", "b1", "不回访")], 0, [minimal()])
    ledger.take_in(folder, storage.write_report(again, folder), again)
    [entry] = json.loads(runner.invoke(app, ["plan", "--json"]).output)
    assert entry["status"] == "todo" and entry["history"][-1]["kind"] == "reopened"
    notes = json.loads(runner.invoke(app, ["diff", "--json"]).output)["findings"]["persisting"][0]["notes"]
    assert {"code": "again_closed"} in notes


def test_plan_update_refuses_a_future_date_and_questions_thin_evidence(home: Path) -> None:
    use_mini(home)
    r = report({"mini": {"b1": False}}, [item_finding("Fabc1234", "mini", "b1", "不回访")], 0, [minimal()])
    storage.write_report(r, home / "reports")
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    future = runner.invoke(app, ["plan", "update", "FABC", "--status", "doing", "--date", tomorrow])
    assert future.exit_code == 2 and "还没有到" in future.output
    thin = runner.invoke(app, ["plan", "update", "fabc1234", "--status", "done", "--evidence", "x"])
    assert thin.exit_code == 2 and "太简略" in thin.output
    assert not (home / "reports" / "ledger.toml").exists()  # nothing recorded
    ok = runner.invoke(app, ["plan", "update", "MINI/B1", "--status", "done", "--evidence", "回访登记表12条"])
    assert ok.exit_code == 0 and "mini/b1：已完成" in ok.output


def test_plan_edit_changes_the_entry_keeps_history_and_leaves_reports_alone(home: Path) -> None:
    use_mini(home)
    r = report(
        {"mini": {"b1": False}},
        [item_finding("F1", "mini", "b1", "不回访", measure="", deadline="2099-01-01", causes=["zongzhi"])],
        0,
        [minimal()],
    )
    path = storage.write_report(r, home / "reports")
    before = path.read_bytes()
    result = runner.invoke(
        app,
        ["plan", "edit", "F1", "--measure", "每件办结后三天内电话回访", "--deadline", "2099-03-31", "--owner", "李四"],
    )
    assert result.exit_code == 0, result.output
    # Fields and values in words, never codes: 完成时限 not deadline, an empty measure as not filled in
    assert "完成时限：2099-01-01 → 2099-03-31" in result.output
    assert "整改措施：（未填写） → 每件办结后三天内电话回访" in result.output
    assert "[mini/b1] 不回访：" in result.output and "deadline" not in result.output
    refused = runner.invoke(app, ["plan", "edit", "F1", "--cause", "zongzhi,other"])
    assert refused.exit_code == 2 and "--cause-note" in refused.output
    both = runner.invoke(app, ["plan", "edit", "F1", "--cause", "zongzhi,other", "--cause-note", "怕麻烦"])
    assert both.exit_code == 0, both.output
    assert "原因：宗旨意识 → 宗旨意识、其他" in both.output and "原因说明：（未填写） → 怕麻烦" in both.output
    assert not any(code in both.output for code in ("zongzhi", "other", "causes", "cause_note"))
    english = runner.invoke(app, ["plan", "edit", "F1", "--cause", "nengli", "--lang", "en"])
    assert "Causes: Sense of purpose (serving the people), Other → Ability and skills" in english.output
    same = runner.invoke(app, ["plan", "edit", "F1", "--cause", "nengli"])
    assert same.exit_code == 0 and "[mini/b1] 不回访：与原来相同，没有改动。" in same.output
    past = runner.invoke(app, ["plan", "edit", "F1", "--deadline", "2000-01-01"])
    assert past.exit_code == 2
    nothing = runner.invoke(app, ["plan", "edit", "F1"])
    assert nothing.exit_code == 2
    [entry] = json.loads(runner.invoke(app, ["plan", "--json"]).output)
    assert entry["measure"] == "每件办结后三天内电话回访" and entry["owner"] == "李四"
    assert entry["causes"] == ["nengli"] and entry["cause_note"] == "怕麻烦"
    edits = [(h["changed"], h["old"], h["new"]) for h in entry["history"] if h["kind"] == "edit"]
    assert edits == [
        ("measure", "", "每件办结后三天内电话回访"),
        ("deadline", "2099-01-01", "2099-03-31"),
        ("owner", "", "李四"),
        ("causes", "zongzhi", "zongzhi, other"),
        ("cause_note", "", "怕麻烦"),
        ("causes", "zongzhi, other", "nengli"),
    ]
    assert path.read_bytes() == before  # the report is a record: never changed
    shown = runner.invoke(app, ["plan"])
    assert "每件办结后三天内电话回访" in shown.output and "李四" in shown.output


V1_REPORT = """schema_version = 1
created = {created}
tool_version = "0.1.0"

[respondent]
name = "张三"
role = "self"

[questionnaires.mini]
title = "小问卷"
version = "1"
digest = "x"

[questionnaires.mini.answers]
b1 = false

[[findings]]
id = "{fid}"
questionnaire = "mini"
item = "b1"
problem = "不回访"
cause = "zongzhi"
measure = "办结后回访"
"""


def write_v1(folder: Path, name: str, fid: str, days_ago: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    created = (now() - timedelta(days=days_ago)).replace(microsecond=0).isoformat()
    path = folder / name
    path.write_text(V1_REPORT.format(created=created, fid=fid), encoding="utf-8")
    return path


def test_a_schema_1_report_is_upgraded_to_the_current_version_when_read(home: Path) -> None:
    path = write_v1(home / "reports", "selfcheck-20251101-100000-mini.toml", "FA", 300)
    upgraded = storage.read_report(path)
    assert upgraded.schema_version == 4  # through 3 (causes as a list) to the current
    [f] = upgraded.findings
    assert f.causes == ["zongzhi"] and f.cause == "zongzhi" and f.identity == "mini/b1"
    shown = json.loads(runner.invoke(app, ["report", "show", str(path), "--json"]).output)
    assert shown["schema_version"] == 4 and shown["findings"][0]["causes"] == ["zongzhi"]


def test_a_schema_1_ledger_becomes_one_entry_per_problem(home: Path) -> None:
    folder = home / "reports"
    a = write_v1(folder, "selfcheck-20251101-100000-mini.toml", "FA", 300)
    write_v1(folder, "selfcheck-20261101-100000-mini.toml", "FB", 10)
    old = {
        "schema_version": 1,
        "entries": [
            {
                "finding": "FA",
                "report": a.name,
                "status": "doing",
                "date": "2026-01-05",
                "recorded": now() - timedelta(days=290),
            },
            {
                "finding": "FA",
                "report": a.name,
                "status": "done",
                "date": "2026-06-01",
                "evidence": "回访登记表",
                "recorded": now() - timedelta(days=150),
            },
        ],
    }
    (folder / "ledger.toml").write_text(tomli_w.dumps(old), encoding="utf-8")
    book = ledger.load(folder)
    [entry] = book.problems
    assert entry.id == "mini/b1" and entry.findings == ["FA", "FB"]
    # schema 1 counted the newest finding's status (FB: none, so todo); the done of FA stays in the history
    assert entry.status == "todo" and entry.events[-1].kind == "reopened"
    assert [e.status for e in entry.events if e.kind == "status"] == ["doing", "done"]
    assert runner.invoke(app, ["plan", "update", "FB", "--status", "doing"]).exit_code == 0
    saved = (folder / "ledger.toml").read_text(encoding="utf-8")
    assert "schema_version = 2" in saved and "[[problems]]" in saved


def test_the_overall_score_is_rounded_once(home: Path) -> None:
    data = minimal()
    data["bands"] = [
        {"min": 0, "max": 8.34, "label": "较差"},
        {"min": 8.34, "max": 100, "label": "良好"},
    ]
    data["dimensions"] = [{"id": "a", "title": "甲"}, {"id": "b", "title": "乙"}]
    data["items"] = [
        {"id": "a1", "dimension": "a", "kind": "likert", "scale": "freq", "text": "甲一"},
        *({"id": f"b{i}", "dimension": "b", "kind": "likert", "scale": "freq", "text": f"乙{i}"} for i in (1, 2, 3)),
    ]
    q = parse(data, "t")
    result = score(q, {"a1": 1, "b1": 2, "b2": 2, "b3": 1})
    assert result.dimensions["b"].score == 16.67  # 16.666…, shown rounded
    assert result.overall == 8.33  # (0 + 16.666…) / 2, not (0 + 16.67) / 2 = 8.335 → 8.34
    assert result.band is not None and result.band.label == "较差"


def test_a_q_questionnaire_deleted_after_start_shows_and_diffs_the_same(home: Path, tmp_path: Path) -> None:
    v1 = minimal()
    v2 = minimal(version="2")
    v2["items"] = [i for i in v2["items"] if i["id"] != "a2"]
    v2["items"].insert(1, {"id": "a3", "dimension": "a", "kind": "yesno", "text": "新题"})
    qfile = tmp_path / "mine.toml"
    for data, answers in ((v1, 'a1 = 3\na2 = 5\nb1 = true\nb3 = "all"\n'), (v2, "a1 = 5\na3 = false\nb1 = true\n")):
        write_toml(qfile, data)
        given = tmp_path / "answers.toml"
        given.write_text(f"[questionnaires.mini.answers]\n{answers}", encoding="utf-8")
        made = runner.invoke(app, ["start", "--answers", str(given), "-q", str(qfile)])
        assert made.exit_code == 0, made.output
    qfile.unlink()
    commands = [
        ["report", "show", "latest"],
        ["report", "show", "latest~1"],
        ["diff", "--json"],
        ["diff", "--all"],
        ["history"],
        ["export", "-o", "-"],
    ]
    gone = [runner.invoke(app, c, env={"COLUMNS": "120"}) for c in commands]
    assert all(r.exit_code == 0 for r in gone), [r.output for r in gone]
    data = json.loads(gone[2].stdout)["questionnaires"]["mini"]
    assert data["title"] == "小问卷" and data["added_items"] == ["a3"] and data["removed_items"] == ["a2"]
    assert data["dimensions"]["a"] == {
        "old": 50.0,
        "new": 100.0,
        "delta": 50.0,
        "common_items_only": True,
        "not_compared": None,
    }
    assert "甲" in gone[0].output and "小问卷" in gone[1].output and "我经常下基层" in gone[3].output
    for current in (v2, minimal(version="3", title="改过的问卷")):  # the file back in the user folder, or changed
        use_mini(home, current)
        again = [runner.invoke(app, c, env={"COLUMNS": "120"}) for c in commands]
        assert [r.output for r in again] == [r.output for r in gone]
