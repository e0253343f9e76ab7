"""Ratings by others (rate), self against others (gap), and the organisation's summary."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import MINIMAL, write_toml
from selfcheck.cli import app
from selfcheck.compare.gap import compare as gap_compare
from selfcheck.compare.summary import summarise
from selfcheck.compare.summary_read import read_light
from selfcheck.i18n import LANGS
from selfcheck.questionnaire.library import parse
from selfcheck.records import storage
from selfcheck.records.report import Finding, Report, Respondent, build, now
from selfcheck.scoring.scores import score

runner = CliRunner()


def rated_mini() -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data["rating"] = {"labels": ["差", "一般", "较好", "好"], "abstain": "不了解"}
    for item in data["items"]:
        item["text_other"] = item["text"].replace("我", "该同志")
    return data


def install(home: Path, data: dict[str, Any]) -> None:
    folder = home / "questionnaires"
    folder.mkdir(parents=True, exist_ok=True)
    write_toml(folder / "mini.toml", data)


def report_of(
    answers: dict[str, Any],
    *,
    role: str = "self",
    subject: str | None = None,
    name: str | None = "张三",
    ratings: dict[str, int] | None = None,
    findings: list[Finding] | None = None,
    data: dict[str, Any] | None = None,
) -> Report:
    q = parse(data or rated_mini(), "t")
    respondent = Respondent(name=name if role == "self" else None, role=role, subject=subject)  # type: ignore[arg-type]
    return build(
        [q],
        {"mini": answers},
        {"mini": []},
        findings or [],
        name=name,
        created=now(),
        tool_version="t",
        respondent=respondent,
        ratings=None if ratings is None else {"mini": ratings},
    )


def test_abstaining_is_no_answer_not_a_low_mark() -> None:
    q = parse(rated_mini(), "t")
    answers = {"a1": 5, "a2": 1}
    assert score(q, answers, {}).dimensions["a"].score == 100.0  # 不了解 on the rating: items alone
    assert score(q, answers, {"a": 1}).dimensions["a"].score == 66.67  # 差 counts as 0: (1 + 1 + 0) / 3
    assert score(q, answers, {"a": 4}).dimensions["a"].score == 100.0


def test_rate_uses_third_person_and_never_stores_the_rater(home: Path) -> None:
    install(home, rated_mini())
    # a1, a2, b1 (= no, so b2 stays hidden), b3; then 民主测评 for a (好 + comment) and b (不了解)
    script = ["4", "2", "2", "1", "4", "工作扎实", "", "", ""]
    result = runner.invoke(app, ["rate", "--subject", "张三", "mini"], input="\n".join(script))
    assert result.exit_code == 0, result.output
    assert "该同志经常下基层" in result.output
    assert "我经常下基层" not in result.output
    assert "具体表现" not in result.output  # no 查摆 questions for raters
    [path] = storage.list_reports(home / "reports")
    text = path.read_text(encoding="utf-8")
    report = storage.read_report(path)
    assert report.respondent.model_copy(update={"ballot": None}) == Respondent(name=None, role="peer", subject="张三")
    assert report.respondent.ballot and len(report.respondent.ballot) == 32  # a random token, not the rater
    assert "name =" not in text
    res = report.questionnaires["mini"]
    assert res.ratings == {"a": 4}
    assert res.comments == {"a": "工作扎实"}
    assert report.findings == []


def test_rate_requires_a_subject_and_a_known_role() -> None:
    assert runner.invoke(app, ["rate", "mini"]).exit_code == 2
    assert runner.invoke(app, ["rate", "--subject", "张三", "--role", "boss"]).exit_code == 2


def test_gap_arithmetic_blind_spots_and_hidden_strengths() -> None:
    mine = report_of({"a1": 5, "a2": 1, "b1": False, "b3": "none"})  # a = 100, b = 0
    others = [
        report_of({"a1": a1, "a2": 1, "b1": True, "b3": "all"}, role="peer", subject="张三", name=None)
        for a1 in (1, 3, 5)
    ]  # a = 50, 75, 100 → mean 75; b = 100
    [g] = gap_compare(mine, others, {"mini": parse(rated_mini(), "t")})
    assert g.detailed and g.raters == 3
    a, b = g.dimensions["a"], g.dimensions["b"]
    assert (a.self_score, a.mean, a.count, a.gap) == (100.0, 75.0, 3, 25.0)
    assert a.spread == pytest.approx(20.41, abs=0.01)
    assert (b.self_score, b.mean, b.gap) == (0.0, 100.0, -100.0)
    assert g.blind_spots == ["a"] and g.hidden_strengths == ["b"]
    assert g.items[0][0] in {"b1", "b3"}


def _write_ratings(home: Path, n: int) -> tuple[Path, Path]:
    install(home, rated_mini())
    me = storage.write_report(report_of({"a1": 5, "a2": 1, "b1": True, "b3": "all"}), home / "reports")
    folder = home / "ratings"
    for i in range(n):
        storage.write_report(
            report_of({"a1": 2 + i, "a2": 2, "b1": True, "b3": "half"}, role="peer", subject="张三", name=None), folder
        )
    return me, folder


def test_gap_anonymity_threshold_two_raters(home: Path) -> None:
    me, folder = _write_ratings(home, 2)
    table = runner.invoke(app, ["gap", str(me), str(folder)])
    assert table.exit_code == 0, table.output
    # Since #13 the others' overall mean is withheld too: with two raters it gave their marks away.
    assert "评价人少于3人" in table.output and "他评均值 –" in table.output
    data = json.loads(runner.invoke(app, ["gap", str(me), str(folder), "--json"]).output)
    q = data["questionnaires"]["mini"]
    assert q["detailed"] is False and q["raters"] == 2
    assert q["overall"]["others_mean"] is None
    assert "dimensions" not in q and "items" not in q


STAT_KEYS = {"self", "others_mean", "others_spread", "others_count", "gap"}


def test_gap_three_raters_shows_dimensions(home: Path) -> None:
    me, folder = _write_ratings(home, 3)
    data = json.loads(runner.invoke(app, ["gap", str(me), str(folder), "--json"]).output)
    q = data["questionnaires"]["mini"]
    assert q["detailed"] is True
    assert set(q["dimensions"]["a"]) == {"self", "others_mean", "others_spread", "others_count", "gap"}
    table = runner.invoke(app, ["gap", str(me), str(folder)])
    assert "盲区" in table.output


def english_mini() -> dict[str, Any]:
    """The rated questionnaire with English everywhere (English is all or nothing)."""
    data = rated_mini()
    data["title_en"] = "Small questionnaire"
    for dim, en in zip(data["dimensions"], ("Alpha", "Beta"), strict=True):
        dim["title_en"] = en
    for band, en in zip(data["bands"], ("Poor", "Good", "Excellent"), strict=True):
        band["label_en"] = en
    data["scales"]["freq"]["labels_en"] = [f"point {n}" for n in range(1, len(data["scales"]["freq"]["labels"]) + 1)]
    data["rating"].update(labels_en=["poor", "fair", "good", "very good"], abstain_en="don't know")
    for item in data["items"]:
        item["text_en"] = f"English text of {item['id']}."
        item["text_other_en"] = f"English third person of {item['id']}."
        if "problem" in item:
            item["problem_en"] = f"English problem of {item['id']}"
        for opt in item.get("options", []):
            opt["label_en"] = f"option {opt['id']}"
    return data


def test_gap_in_english_shows_english_titles_and_items(home: Path) -> None:
    # The bug of #11: `gap --lang en` printed the Chinese titles and items.
    me, folder = _write_ratings(home, 3)
    install(home, english_mini())
    english = runner.invoke(app, ["gap", str(me), str(folder), "--lang", "en"])
    assert english.exit_code == 0, english.output
    assert "Small questionnaire" in english.output and "Alpha" in english.output
    assert "English text of a1." in english.output
    assert "小问卷" not in english.output and "我经常下基层" not in english.output
    chinese = runner.invoke(app, ["gap", str(me), str(folder)])
    assert "小问卷" in chinese.output and "我经常下基层" in chinese.output
    # --json carries ids and numbers, the same whatever the language (no title, no item text).
    args = ["gap", str(me), str(folder), "--json", "--lang"]
    zh, en = (json.loads(runner.invoke(app, [*args, x]).output) for x in LANGS)
    assert zh == en
    mini = zh["questionnaires"]["mini"]
    assert "title" not in mini and mini["items"] and all(set(i) == {"id", *STAT_KEYS} for i in mini["items"])


def test_gap_refuses_ratings_of_someone_else(home: Path) -> None:
    me, _ = _write_ratings(home, 0)
    other = storage.write_report(report_of({"a1": 3}, role="peer", subject="李四", name=None), home / "x")
    result = runner.invoke(app, ["gap", str(me), str(other)])
    assert result.exit_code == 1
    assert f"{other}：测评的是“李四”，不是“张三”。" in result.output
    english = runner.invoke(app, ["gap", str(me), str(other), "--lang", "en"])
    assert f"{other}: rates '李四', not '张三'." in english.output


def test_summary_statistics_broken_files_and_names(home: Path, tmp_path: Path) -> None:
    install(home, rated_mini())
    folder = tmp_path / "branch"
    for i, a1 in enumerate((1, 2, 3, 4, 5)):
        findings = (
            [
                Finding(
                    id=f"F{i}",
                    questionnaire="mini",
                    item="b1",
                    problem="不回访",
                    deadline=(now() - timedelta(days=1)).date().isoformat(),
                )
            ]
            if a1 < 3
            else []
        )
        storage.write_report(
            report_of({"a1": a1, "a2": 1, "b1": a1 >= 3, "b3": "all"}, name=f"党员{i}", findings=findings), folder
        )
    (folder / "selfcheck-20990101-000000-bad.toml").write_text("schema_version = 1\ncreated = ", encoding="utf-8")
    result = runner.invoke(app, ["summary", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["reports"] == 5 and len(data["skipped"]) == 1
    assert data["counts"] == {"mini": {"self": 5}}
    a = data["questionnaires"]["mini"]["dimensions"]["a"]
    assert (a["count"], a["mean"], a["median"], a["min"], a["max"]) == (5, 75.0, 75.0, 50.0, 100.0)
    assert a["distribution"] == [0, 0, 1, 2, 2]
    assert data["top_findings"][0] == {"key": "mini/b1", "problem": "不回访", "count": 2}
    assert data["measures"] == {"open": 2, "overdue": 2}
    assert "names" not in data
    assert "党员0" not in runner.invoke(app, ["summary", str(folder)]).output
    named = runner.invoke(app, ["summary", str(folder), "--names"])
    assert "党员0" in named.output
    assert "已跳过：" in named.output


def test_light_reader_agrees_with_the_full_reader(home: Path, tmp_path: Path) -> None:
    install(home, rated_mini())
    path = storage.write_report(
        report_of(
            {"a1": 4, "b1": False}, findings=[Finding(id="F1", questionnaire="mini", item="b1", problem="不回访")]
        ),
        tmp_path,
    )
    light, full = read_light(path), storage.read_report(path)
    assert light.created == full.created
    assert light.scores["mini"] == (
        full.questionnaires["mini"].scores.overall,
        full.questionnaires["mini"].scores.dimensions,
    )
    summary = summarise([light], [])
    assert summary.reports == 1


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_export_summary(home: Path, tmp_path: Path, fmt: str) -> None:
    install(home, rated_mini())
    folder = tmp_path / "branch"
    for a1, who in ((2, "王五"), (4, "赵六")):  # two people (two reports of one person would count once)
        storage.write_report(report_of({"a1": a1, "a2": 1, "b1": True, "b3": "all"}, name=who), folder)
    result = runner.invoke(app, ["export", "--summary", str(folder), "--format", fmt, "-o", "-"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "王五" not in out and "赵六" not in out
    if fmt == "csv":
        assert out.splitlines()[0].startswith("questionnaire,dimension,count,mean")
        assert "mini,a,2,75,75,62.5,87.5,0,0,0,1,1,self" in out  # a: (0.25 + 1) / 2 and (0.75 + 1) / 2
    else:
        assert "组织汇总" in out and "62.5" in out
    named = runner.invoke(app, ["export", "--summary", str(folder), "--format", "md", "-o", "-", "--names"])
    assert "王五" in named.stdout


def test_export_summary_refuses_docx(tmp_path: Path) -> None:
    assert runner.invoke(app, ["export", "--summary", str(tmp_path), "--format", "docx"]).exit_code == 2


def test_parallel_reading_gives_the_same_summary(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from selfcheck.compare import summary as summary_module

    folder = tmp_path / "many"
    for i, a1 in enumerate((1, 2, 3, 4, 5, 3, 2)):  # three people: the latest of each must win in any chunk
        storage.write_report(
            report_of(
                {"a1": a1, "a2": 2, "b1": a1 > 2, "b3": "half"},
                findings=[Finding(id=f"F{a1}", questionnaire="mini", item="b1", problem="不回访")],
                name=("张三", "李四", "王五")[i % 3],
            ),
            folder,
        )
    (folder / "selfcheck-zzz-broken.toml").write_text("schema_version = ", encoding="utf-8")
    files = storage.list_reports(folder)
    serial, serial_messages = summary_module.summarise_files(files)
    every, _ = summary_module.summarise_files(files, all_reports=True)
    monkeypatch.setattr(summary_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(summary_module, "idle_cores", lambda: 2)  # the pool runs whatever the machine's load
    parallel, parallel_messages = summary_module.summarise_files(files)
    assert parallel.to_json(names=True) == serial.to_json(names=True)
    assert (serial.persons, serial.reports, serial.superseded) == (3, 3, 4)
    assert summary_module.summarise_files(files, all_reports=True)[0].to_json() == every.to_json()
    assert [e.render("en") for e in parallel_messages] == [e.render("en") for e in serial_messages]
    assert len(serial_messages) == 1


def test_rater_going_back_passes_over_items_raters_never_see(home: Path) -> None:
    install(home, rated_mini())
    # a1, a2, b1 = yes (b2 is free text: skipped for raters), at b3 go back → b1 again, then b1 = no, b3, marks
    script = ["4", "2", "1", "b", "2", "1", "", "", "", ""]
    result = runner.invoke(app, ["rate", "--subject", "张三", "mini"], input="\n".join(script) + "\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("该同志回访过群众") == 2
    [path] = storage.list_reports(home / "reports")
    assert storage.read_report(path).questionnaires["mini"].answers == {"a1": 4, "a2": 2, "b1": False, "b3": "all"}


def test_the_pool_counts_only_idle_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from selfcheck.compare import summary as summary_module

    monkeypatch.setattr("os.cpu_count", lambda: 4)
    monkeypatch.setattr("os.getloadavg", lambda: (3.2, 3.0, 3.0))
    assert summary_module.idle_cores() == 1  # a busy machine reads in one process
    monkeypatch.setattr("os.getloadavg", lambda: (0.4, 0.5, 0.5))
    assert summary_module.idle_cores() == 4
    monkeypatch.setattr("os.getloadavg", lambda: (9.0, 9.0, 9.0))
    assert summary_module.idle_cores() == 1
