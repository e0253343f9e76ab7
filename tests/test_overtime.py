"""Reports over time: diff, history, the ledger (plan), and their error handling."""

from __future__ import annotations

import json
import tomllib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from helpers import minimal, write_toml
from selfcheck.cli import app
from selfcheck.compare.diff import Note, compare
from selfcheck.questionnaire.library import parse
from selfcheck.records import storage
from selfcheck.records.report import Finding, Report, build, now

runner = CliRunner()


def make_report(
    answers: dict[str, Any],
    findings: list[Finding] | None = None,
    *,
    days_ago: int = 0,
    data: dict[str, Any] | None = None,
) -> Report:
    q = parse(data or minimal(), "t")
    created = now() - timedelta(days=days_ago)
    return build(
        [q], {"mini": answers}, {"mini": []}, findings or [], name="张三", created=created, tool_version="test"
    )


def finding(fid: str, item: str | None, problem: str, detail: str = "", **extra: Any) -> Finding:
    return Finding(id=fid, questionnaire="mini" if item else None, item=item, problem=problem, detail=detail, **extra)


def save(home: Path, report: Report) -> Path:
    return storage.write_report(report, home / "reports")


def use_mini(home: Path, data: dict[str, Any] | None = None) -> None:
    folder = home / "questionnaires"
    folder.mkdir(parents=True, exist_ok=True)
    write_toml(folder / "mini.toml", data or minimal())


def test_diff_improvement_drop_and_findings(home: Path) -> None:
    use_mini(home)
    old = make_report(
        {"a1": 1, "a2": 1, "b1": False, "b3": "all"},
        [
            finding("F1", "a1", "下基层少", "只去过一次"),
            finding("F2", "b1", "不回访"),
            finding("F3", None, "会议多", "每周三次例会"),
        ],
        days_ago=365,
    )
    new = make_report(
        {"a1": 5, "a2": 1, "b1": False, "b3": "none"},
        [finding("F4", "b1", "不回访"), finding("F5", None, "学习少", "全年读书两本")],
    )
    a, b = save(home, old), save(home, new)
    result = runner.invoke(app, ["diff", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["old"] == str(a) and data["new"] == str(b)
    q = data["questionnaires"]["mini"]
    assert q["dimensions"]["a"] == {
        "old": 50.0,
        "new": 100.0,
        "delta": 50.0,
        "common_items_only": False,
        "not_compared": None,
    }
    assert q["dimensions"]["b"]["delta"] == -50.0
    assert set(q["overall"]) == {"old", "new", "delta"}
    assert [i["id"] for i in q["items"]] == ["b3", "a1"]  # worst drop first, unchanged items left out
    assert [f["problem"] for f in data["findings"]["resolved"]] == ["下基层少"]
    # A problem added by hand cannot be found again by an item: without a 回头看 saying it was solved, it is
    # not re-checked (未复查), never solved.
    assert [f["problem"] for f in data["findings"]["unchecked"]] == ["会议多"]
    assert [f["problem"] for f in data["findings"]["persisting"]] == ["不回访"]
    assert [f["problem"] for f in data["findings"]["new"]] == ["学习少"]
    table = runner.invoke(app, ["diff", "latest~1", "latest", "--all"])
    assert table.exit_code == 0
    assert "▲ +50.0" in table.output and "▼ -50.0" in table.output
    assert "解决（1）" in table.output and "持续（1）" in table.output and "新增（1）" in table.output
    assert "未复查（1）" in table.output


def test_fail_on_drop(home: Path) -> None:
    use_mini(home)
    save(home, make_report({"a1": 5, "a2": 1, "b1": True, "b3": "all"}, days_ago=30))
    save(home, make_report({"a1": 5, "a2": 1, "b1": False, "b3": "all"}))
    assert runner.invoke(app, ["diff", "--fail-on-drop", "60"]).exit_code == 0
    result = runner.invoke(app, ["diff", "--fail-on-drop", "10"])
    assert result.exit_code == 3  # a drop, told apart from an error (1)
    assert "mini.b -50.0" in result.output


def test_changed_questionnaire_version_compares_common_items(home: Path) -> None:
    v1 = minimal()
    v2 = minimal(version="2")
    v2["items"] = [i for i in v2["items"] if i["id"] != "a2"]
    v2["items"].insert(1, {"id": "a3", "dimension": "a", "kind": "yesno", "text": "新题"})
    use_mini(home, v2)
    old = make_report({"a1": 3, "a2": 5, "b1": True, "b3": "all"}, data=v1, days_ago=300)
    new = make_report({"a1": 5, "a3": False, "b1": True, "b3": "all"}, data=v2)
    result = compare(old, new, {"mini": parse(v2, "t")})
    [q] = result.questionnaires
    assert q.added == ["a3"] and q.removed == ["a2"]
    dims = {d.id: d for d in q.dimensions}
    assert dims["a"].common_only
    assert (dims["a"].change.old, dims["a"].change.new) == (50.0, 100.0)  # a1 only: 3 → 5
    assert not dims["b"].common_only


def test_questionnaire_in_only_one_report_is_named(home: Path) -> None:
    use_mini(home)
    old = make_report({"a1": 3})
    new = make_report({"a1": 4})
    new.questionnaires["other"] = new.questionnaires["mini"]
    result = compare(old, new, {})
    assert result.only_new == ["other"] and result.only_old == []


def test_similar_wording_and_three_reports_in_a_row(home: Path) -> None:
    use_mini(home)
    r1 = make_report({"b1": False}, [finding("A", "b1", "不回访", "三月份的信访件没有回访当事人")], days_ago=730)
    r2 = make_report({"b1": False}, [finding("B", "b1", "不回访", "三月份的信访件没有回访当事人。")], days_ago=365)
    r3 = make_report({"b1": False}, [finding("C", "b1", "不回访", "十月的两件信访没有回访")])
    result = compare(r2, r3, {}, earlier=[r1])
    [link] = result.persisting
    assert Note("streak", n=3) in link.notes
    result = compare(r1, r2, {})
    [link] = result.persisting
    assert link.notes[0] == Note("copied", month=f"{r1.created:%Y-%m}")


def test_diff_with_itself_shows_no_change(home: Path) -> None:
    r = make_report({"a1": 3, "b1": False}, [finding("A", "b1", "不回访")])
    result = compare(r, r, {})
    assert all(d.change.delta in (0.0, None) for q in result.questionnaires for d in q.dimensions)
    assert result.questionnaires[0].changed_items == []
    assert result.resolved == [] and result.new == []


def test_broken_report_skipped_without_arguments_and_refused_when_named(home: Path) -> None:
    use_mini(home)
    save(home, make_report({"a1": 1}, days_ago=10))
    broken = home / "reports" / "selfcheck-20990101-000000-mini.toml"
    broken.write_text('schema_version = 1\ncreated = "yesterday"\n', encoding="utf-8")
    save(home, make_report({"a1": 5}))
    result = runner.invoke(app, ["diff"])
    assert result.exit_code == 0, result.output
    assert f"已跳过：{broken}：created" in result.output
    history = runner.invoke(app, ["history", "--json"])
    assert history.exit_code == 0
    assert len(json.loads(history.stdout)) == 2
    named = runner.invoke(app, ["diff", str(broken), "latest"])
    assert named.exit_code == 1
    assert f"{broken}：created" in named.output and "Traceback" not in named.output
    truncated = home / "cut.toml"
    truncated.write_text("schema_version = 1\ncreated = 2026-", encoding="utf-8")
    result = runner.invoke(app, ["report", "show", str(truncated)])
    assert result.exit_code == 1 and "TOML 格式错误" in result.output


def test_history_table_has_sparklines(home: Path) -> None:
    use_mini(home)
    for days, value in ((60, 1), (30, 3), (0, 5)):
        save(home, make_report({"a1": value, "a2": 1, "b1": True, "b3": "all"}, days_ago=days))
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0, result.output
    assert "▅▆█" in result.output  # a: 50 → 75 → 100


def test_plan_lists_open_measures_and_update_keeps_history(home: Path) -> None:
    use_mini(home)
    soon = (date.today() + timedelta(days=10)).isoformat()
    late = (date.today() - timedelta(days=3)).isoformat()
    save(
        home,
        make_report(
            {"b1": False},
            [
                finding("F0000001", "b1", "不回访", measure="办结后三天内回访", deadline=soon, owner="张三"),
                finding("F0000002", None, "会议多", measure="例会合并", deadline=late),
            ],
        ),
    )
    result = runner.invoke(app, ["plan"])
    assert result.exit_code == 0, result.output
    assert "剩 10 天" in result.output and "已逾期 3 天" in result.output
    assert runner.invoke(app, ["plan", "update", "F0000001", "--status", "doing"]).exit_code == 0
    refused = runner.invoke(app, ["plan", "update", "F0000001", "--status", "done"])
    assert refused.exit_code == 2 and "需要写明证据" in refused.output
    done = runner.invoke(
        app, ["plan", "update", "F0000001", "--status", "done", "--evidence", "回访登记表12条", "--date", "2026-11-01"]
    )
    assert done.exit_code == 0, done.output
    data = json.loads(runner.invoke(app, ["plan", "--json"]).output)
    assert [m["id"] for m in data] == ["F0000002"]  # a problem added by hand keeps its first finding's id
    every = json.loads(runner.invoke(app, ["plan", "--all", "--json"]).output)
    first = next(m for m in every if m["id"] == "mini/b1")  # an item's problem: questionnaire/item
    assert first["status"] == "done" and first["findings"] == ["F0000001"]
    changes = [(h["status"], h["evidence"]) for h in first["history"] if h["kind"] == "status"]
    assert changes == [("doing", ""), ("done", "回访登记表12条")]
    assert (home / "reports" / "ledger.toml").stat().st_mode & 0o777 == 0o600
    unknown = runner.invoke(app, ["plan", "update", "Fnope", "--status", "doing"])
    assert unknown.exit_code == 2 and "没有编号为 Fnope 的问题" in unknown.output


def test_look_back_at_start_and_copied_wording_warning(home: Path, tmp_path: Path) -> None:
    use_mini(home)
    save(
        home,
        make_report(
            {"b1": False},
            [
                finding(
                    "F0000001",
                    "b1",
                    "不回访",
                    "三月份的两件信访办结后没有回访当事人",
                    measure="办结后三天内回访",
                    deadline="2099-01-01",
                ),
            ],
            days_ago=365,
        ),
    )
    script = [
        "3",  # 回头看: done
        "",  # evidence missing → asked again
        "建立回访登记表，10月回访12户",
        "5",
        "1",
        "2",
        "1",  # a1, a2, b1 = no (flagged again), b3
        "三月份的两件信访办结后没有回访当事人",  # copied from last year → warning
        "",  # keep it anyway
        "2",
        "",
        "每件办结后三天内电话回访",
        "",
        "",
        "",
        "n",
    ]
    result = runner.invoke(app, ["start", "mini"], input="\n".join(script))
    assert result.exit_code == 0, result.output
    assert "回头看" in result.output
    assert "需要写明证据" in result.output
    assert "报告里的表述几乎一样" in result.output
    report = storage.read_report(storage.resolve("latest", home / "reports"))
    [review] = report.review
    assert (review.finding, review.status, review.evidence) == ("F0000001", "done", "建立回访登记表，10月回访12户")
    plan = json.loads(runner.invoke(app, ["plan", "--all", "--json"]).output)
    [old] = [m for m in plan if m["id"] == "mini/b1"]  # one entry: found again, linked, not duplicated
    assert old["findings"][0] == "F0000001" and len(old["findings"]) == 2
    done = [h for h in old["history"] if h["kind"] == "status"]
    assert done[0]["status"] == "done" and done[0]["evidence"] == "建立回访登记表，10月回访12户"
    assert old["status"] == "todo" and old["history"][-1]["kind"] == "reopened"  # found again after done: 年年有
    diff = json.loads(runner.invoke(app, ["diff", "--json"]).output)
    [persisting] = diff["findings"]["persisting"]
    assert any(n["code"] == "copied" for n in persisting["notes"])
    assert {"code": "again_done"} in persisting["notes"]


def test_generic_description_gets_one_hint(home: Path, tmp_path: Path) -> None:
    use_mini(home)
    script = [
        "1",
        "1",
        "1",
        "",
        "1",  # a1 = 1 (flagged), a2, b1 = yes, b2 skipped, b3
        "工作作风还不够扎实深入细致",
        "",  # generic → hint, Enter keeps
        "1",  # a cause must be chosen (#12)
        "",
        "多下去",
        "",  # a wish, not a measure → asked again, Enter keeps it
        "",
        "",
        "",
        "n",
    ]
    result = runner.invoke(app, ["start", "mini"], input="\n".join(script))
    assert result.exit_code == 0, result.output
    assert result.output.count("见人见事——") == 1
    assert result.output.count("这更像一个愿望而不是措施") == 1
    data = tomllib.loads(storage.list_reports(home / "reports")[-1].read_text(encoding="utf-8"))
    assert data["findings"][0]["measure"] == "多下去"  # kept as written after the warning


def _builtin_pair(home: Path) -> tuple[Any, Path, Path]:
    """Two reports on the built-in 对照改进作风要求: every item asked without a condition at its worst, then at its
    best (since 2.0 (#15) most of its items are counts, yes/no and checklists, so likert items alone leave every
    dimension 作答不足)."""
    from selfcheck.questionnaire.library import load_library
    from selfcheck.questionnaire.model import ChoiceItem, LikertItem, MultiItem, NumberItem, YesNoItem

    q = load_library(only=["zuofeng"]).definitions()["zuofeng"]

    def answer(item: Any, good: bool) -> Any:
        if isinstance(item, LikertItem):
            return 5 if good != item.reverse else 1
        if isinstance(item, YesNoItem):
            return (item.yes_score > item.no_score) == good
        if isinstance(item, NumberItem):
            return (max if good else min)(item.bands, key=lambda b: b.score).min
        if isinstance(item, ChoiceItem):
            return (max if good else min)(item.options, key=lambda o: o.score).id
        if isinstance(item, MultiItem):
            return [o.id for o in item.options if o.exclusive == good][:1]
        return None

    asked = [i for i in q.items if not i.show_if and i.scored]
    paths = []
    for days, good in ((30, False), (0, True)):
        report = build(
            [q],
            {"zuofeng": {i.id: answer(i, good) for i in asked}},
            {"zuofeng": []},
            [],
            name="张三",
            created=now() - timedelta(days=days),
            tool_version="test",
        )
        paths.append(save(home, report))
    return q, paths[0], paths[1]


def test_diff_in_english_uses_the_questionnaires_english_wording(home: Path) -> None:
    q, _a, _b = _builtin_pair(home)
    result = runner.invoke(app, ["diff", "--lang", "en"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())  # a table title wraps to the table's width
    assert q.title_en and q.title_en in out
    assert all(d.title_en and d.title_en in out for d in q.dimensions)
    changed = [i for i in q.items if i.text_en and i.text_en in out]
    assert changed, "changed items are listed in English"
    assert "Changed answers" in out and "答案变化" not in out
    levels = {b.label_en for b in q.bands}
    assert any(f"→ {label}" in out for label in levels), "the level names are English too"
    data = json.loads(runner.invoke(app, ["diff", "--json", "--lang", "en"]).output)
    assert data["questionnaires"]["zuofeng"]["title"] == q.title_en


def test_changed_answers_fit_60_columns_with_full_wording(home: Path) -> None:
    q, _a, _b = _builtin_pair(home)
    result = runner.invoke(app, ["diff"], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    from rich.cells import cell_len

    lines = result.output.splitlines()
    assert max(cell_len(line) for line in lines) <= 60
    assert "答案变化（" in result.output
    flat = "".join(line.strip() for line in lines)
    first = next(i for i in q.items if i.text in flat)  # the wording is kept whole, wrapped not cut
    assert first.text in flat
    assert any(line.startswith("    ") and " → " in line for line in lines)


def test_report_show_in_english_names_levels_in_english(home: Path) -> None:
    q, _a, _b = _builtin_pair(home)
    result = runner.invoke(app, ["report", "show", "latest", "--lang", "en"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    # #14: the 对照 sets word their levels as gaps (优秀 is an official grade), so the top band is "Small gap".
    assert q.title_en and q.title_en in out and "Small gap" in out and "差距较小" not in out


def test_streaks_count_only_the_same_persons_own_reports(home: Path) -> None:
    from selfcheck.records.report import Respondent

    use_mini(home)
    same = [finding("X", "b1", "不回访", "信访件没有回访")]
    peer = make_report({"b1": False}, same, days_ago=730).model_copy(
        update={"respondent": Respondent(role="peer", subject="张三")}
    )
    save(home, peer)
    save(home, make_report({"b1": False}, same, days_ago=365))
    save(home, make_report({"b1": False}, [finding("Y", "b1", "不回访", "十月的两件信访没有回访")]))
    for args in (["diff", "--json"], ["diff", "latest~1", "latest", "--json"]):
        data = json.loads(runner.invoke(app, args).output)
        [link] = data["findings"]["persisting"]
        assert not any(n["code"] == "streak" for n in link["notes"]), args
    save(home, make_report({"b1": False}, same, days_ago=1000))  # now three of the person's own in a row
    data = json.loads(runner.invoke(app, ["diff", "latest~1", "latest", "--json"]).output)
    assert {"code": "streak", "n": 3} in data["findings"]["persisting"][0]["notes"]


def test_a_done_measure_can_be_closed_after_a_check(home: Path) -> None:
    use_mini(home)
    late = (date.today() - timedelta(days=30)).isoformat()
    save(home, make_report({"b1": False}, [finding("F0000001", "b1", "不回访", measure="办结后回访", deadline=late)]))
    early = runner.invoke(app, ["plan", "update", "F0000001", "--status", "closed", "--evidence", "支部核查"])
    assert early.exit_code == 2 and "只有已完成的措施才能销号" in early.output
    ok = runner.invoke(app, ["plan", "update", "F0000001", "--status", "done", "--evidence", "回访登记表12条"])
    assert ok.exit_code == 0, ok.output
    bare = runner.invoke(app, ["plan", "update", "F0000001", "--status", "closed"])
    assert bare.exit_code == 2 and "谁核查的" in bare.output
    closed = runner.invoke(app, ["plan", "update", "F0000001", "--status", "closed", "--evidence", "支部12月核查"])
    assert closed.exit_code == 0, closed.output
    assert json.loads(runner.invoke(app, ["plan", "--json"]).output) == []
    shown = runner.invoke(app, ["plan", "--all"])
    assert "已销号" in shown.output and "逾期" not in shown.output  # a finished measure is not overdue
    save(home, make_report({"b1": True}))
    data = json.loads(runner.invoke(app, ["diff", "--json"]).output)
    assert data["findings"]["resolved"][0]["notes"] == [{"code": "ledger_closed"}]
    assert "台账已销号" in runner.invoke(app, ["diff"]).output
    bad = runner.invoke(app, ["plan", "update", "F0000001", "--status", "finished"])
    # A typed choice (#11): Typer refuses it and names every status.
    assert bad.exit_code == 2 and "'todo', 'doing', 'done', 'closed'" in bad.output


def test_diff_notes_are_codes_worded_in_the_chosen_language(home: Path) -> None:
    # Changed on purpose (#12): --json carries note codes with their values; the table words them.
    use_mini(home)
    same = "三月份的信访件没有回访当事人"
    for days in (730, 365):
        save(home, make_report({"b1": False}, [finding(f"F{days}", "b1", "不回访", same)], days_ago=days))
    assert runner.invoke(app, ["plan", "update", "F365", "--status", "done", "--evidence", "回访表"]).exit_code == 0
    save(home, make_report({"b1": False}, [finding("F0", "b1", "不回访", same)]))  # found again after done
    notes = json.loads(runner.invoke(app, ["diff", "--json"]).output)["findings"]["persisting"][0]["notes"]
    month = f"{now() - timedelta(days=365):%Y-%m}"
    assert notes == [{"code": "copied", "month": month}, {"code": "streak", "n": 3}, {"code": "again_done"}]
    zh = " ".join(runner.invoke(app, ["diff"], env={"COLUMNS": "200"}).output.split())
    en = " ".join(runner.invoke(app, ["diff", "--lang", "en"], env={"COLUMNS": "200"}).output.split())
    for text in (
        f"与{month}报告表述雷同",
        "连续3次报告出现（年年提、年年改、年年有）",
        "上次台账已完成，但问题再次出现",
    ):
        assert text in zh
    for text in (
        f"worded like the {month} report",
        "in 3 reports in a row (raised, fixed and back every year)",
        "marked done in the ledger last time, yet it is back",
    ):
        assert text in en


def test_the_groups_problem_in_a_description_is_questioned(home: Path) -> None:
    use_mini(home)
    script = [
        "1",
        "1",
        "1",
        "",
        "1",  # a1 = 1 (flagged)
        "我们支部2026年学习次数少，有的同志不参加",
        "2026年我本人缺席中心组学习3次",  # rewritten after the warning
        "1",  # a cause must be chosen (#12)
        "",
        "每月参加中心组学习不少于1次",
        "",
        "",
        "",
        "n",
    ]
    result = runner.invoke(app, ["start", "mini"], input="\n".join(script))
    assert result.exit_code == 0, result.output
    assert result.output.count("这像是集体或别人的问题") == 1
    assert "愿望" not in result.output
    data = tomllib.loads(storage.list_reports(home / "reports")[-1].read_text(encoding="utf-8"))
    assert data["findings"][0]["detail"] == "2026年我本人缺席中心组学习3次"


def test_a_long_answer_change_wraps_under_its_own_indent(home: Path, monkeypatch: Any) -> None:
    """At 60 columns an option's long label wraps; its continuation stays under the change, never at the margin."""
    data = minimal()
    long = "群众反映的问题大多数得到解决，但回访不及时，个别问题反复出现，群众仍有意见"
    data["items"][-1]["options"][0]["label"] = long
    use_mini(home, data)
    save(home, make_report({"a1": 1, "a2": 1, "b1": False, "b3": "none"}, days_ago=30, data=data))
    save(home, make_report({"a1": 1, "a2": 1, "b1": False, "b3": "all"}, data=data))
    monkeypatch.setenv("COLUMNS", "60")
    out = runner.invoke(app, ["diff"]).output
    lines = out.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("没有 →") or "没有 →" in line)
    assert lines[start].startswith("    ")
    assert lines[start + 1].startswith("    ") and "▲" in "".join(lines[start : start + 4]), out


def test_diff_never_pairs_two_peoples_self_assessments_in_a_shared_folder(home: Path) -> None:
    """A branch collects 张三's and 李四's reports into one folder: `diff` compares each person with themselves."""
    use_mini(home)
    q = parse(minimal(), "t")

    def report(name: str, days_ago: int, a1: int) -> Report:
        created = now() - timedelta(days=days_ago)
        answers: dict[str, dict[str, Any]] = {"mini": {"a1": a1, "a2": 1, "b1": True, "b3": "all"}}
        return build([q], answers, {"mini": []}, [], name=name, created=created, tool_version="test")

    first = save(home, report("张三", 30, 1))
    save(home, report("李四", 20, 5))
    result = runner.invoke(app, ["diff", "--json"])
    assert result.exit_code == 2, result.output  # one report each: no pair, rather than 张三 against 李四
    latest = save(home, report("张三", 0, 3))
    data = json.loads(runner.invoke(app, ["diff", "--json"]).output)
    assert (data["old"], data["new"]) == (str(first), str(latest)), data
