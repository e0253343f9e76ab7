"""A rewritten built-in (#15) still compares with reports made from its old version: `diff` matches items by id,
lists added and removed items and compares each dimension over the items both versions share.

tests/fixtures/questionnaires_v1/ holds the six built-ins as they were before the #15 rewrite (version 1.0)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import write_toml
from selfcheck.cli import app
from selfcheck.questionnaire.library import BUILTIN_ORDER, load_file, load_library
from selfcheck.questionnaire.model import (
    AnswerValue,
    ChoiceItem,
    LikertItem,
    MultiItem,
    NumberItem,
    Questionnaire,
    YesNoItem,
)
from selfcheck.records import storage

runner = CliRunner()
OLD = Path(__file__).parent / "fixtures" / "questionnaires_v1"


def worst(q: Questionnaire) -> dict[str, AnswerValue]:
    """The lowest-scoring answer to every item asked without a condition: problems in every dimension."""
    out: dict[str, AnswerValue] = {}
    for item in q.items:
        if item.show_if is not None:
            continue
        if isinstance(item, LikertItem):
            scale = q.scale_of(item)
            out[item.id] = scale.max if item.reverse else scale.min
        elif isinstance(item, YesNoItem):
            out[item.id] = item.yes_score < item.no_score
        elif isinstance(item, NumberItem):
            low = min(item.bands, key=lambda b: b.score)
            out[item.id] = low.min
        elif isinstance(item, ChoiceItem):
            out[item.id] = min(item.options, key=lambda o: o.score).id
        elif isinstance(item, MultiItem):
            out[item.id] = [o.id for o in item.options if not o.exclusive]
    return out


def reasons(q: Questionnaire) -> dict[str, Any]:
    return {"no_problem": {d.id: "征求意见中没有人提出这方面的问题" for d in q.dimensions}}


def run(tmp_path: Path, name: str, q: Questionnaire, extra: list[str]) -> None:
    answers = {"questionnaires": {q.id: {"answers": worst(q), **reasons(q)}}}
    result = runner.invoke(app, ["start", *extra, "--answers", str(write_toml(tmp_path / name, answers))])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("qid", BUILTIN_ORDER[:6])
def test_diff_against_a_report_of_the_old_version_compares_common_items(home: Path, tmp_path: Path, qid: str) -> None:
    old = load_file(OLD / f"{qid}.toml")
    new = load_library().get(qid).questionnaire
    run(tmp_path, "old.toml", old, ["-q", str(OLD / f"{qid}.toml")])
    run(tmp_path, "new.toml", new, [])
    older, newer = storage.list_reports(home / "reports")
    assert storage.read_report(older).questionnaires[qid].version == old.version

    result = runner.invoke(app, ["diff", str(older), str(newer), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)["questionnaires"][qid]
    was, now = (storage.read_report(p).questionnaires[qid] for p in (older, newer))
    old_ids, new_ids = (set(r.answers) | set(r.skipped) for r in (was, now))  # the items each report showed
    assert set(worst(old)) <= old_ids and set(worst(new)) <= new_ids
    assert set(data["added_items"]) == new_ids - old_ids
    assert set(data["removed_items"]) == old_ids - new_ids
    shown = runner.invoke(app, ["diff", str(older), str(newer)], env={"COLUMNS": "60"})
    assert shown.exit_code == 0, shown.output
    for dim in new.dimensions:
        before = {i.id for i in old.items if i.dimension == dim.id and i.scored} & old_ids
        after = {i.id for i in new.items if i.dimension == dim.id and i.scored} & new_ids
        common = before & after
        entry = data["dimensions"][dim.id]
        assert entry["common_items_only"] == (before != after), dim.id
        if before != after and (2 * len(common) < len(before) or 2 * len(common) < len(after)):
            # Too few shared items: not compared, and said why with the counts — never a silent "–"
            assert entry["not_compared"] == {
                "code": "few_common_items",
                "common": len(common),
                "old_items": len(before),
                "new_items": len(after),
            }, dim.id
            assert (entry["old"], entry["new"], entry["delta"]) == (None, None, None)
            said = f"{dim.title}：两个版本共有的题目只有{len(common)}道（旧版{len(before)}道，新版{len(after)}道）"
            assert said in shown.output.replace("\n", ""), dim.id
        else:
            assert entry["not_compared"] is None, dim.id
            if common:  # compared: a number (a dimension neither report showed has none)
                assert entry["old"] is not None and 0 <= entry["old"] <= 100, dim.id
            if before != after:
                assert f"{dim.title} *" in shown.output  # compared over the shared items, and marked
    # Answers in the words of the version they were given in: no option id of either version shows as a code
    option_ids = {o.id for q in (old, new) for i in q.items for o in getattr(i, "options", [])}
    words = shown.output.split("答案变化")[-1].split("解决（")[0]
    assert not {w for w in option_ids if f"{w}；" in words or f"；{w}" in words}
    # A finding of an item or option the new version dropped is 未复查 with the reason, never 解决
    gone = {f["problem_id"] for f in data_all(older, newer)["findings"]["resolved"]}
    dropped = {f"{qid}/{i}" for i in old_ids - new_ids}
    assert not {g for g in gone if any(g.startswith(d) for d in dropped)}


def data_all(older: Path, newer: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["diff", str(older), str(newer), "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def test_zuofeng_1_against_2_says_which_dimensions_were_not_compared_and_why(home: Path, tmp_path: Path) -> None:
    """Found in #12: zuofeng 1.0 against 2.0 showed "–" for every dimension. Now each dimension says it was not
    compared (2, 4 and 2 shared items of 4 / 9–14), the findings are still compared by identity, and a finding of a
    checklist option 2.0 no longer offers is 未复查 with that reason — not 解决 (five red lines were "solved")."""
    old = load_file(OLD / "zuofeng.toml")
    run(tmp_path, "old.toml", old, ["-q", str(OLD / "zuofeng.toml")])
    run(tmp_path, "new.toml", load_library().get("zuofeng").questionnaire, [])
    older, newer = storage.list_reports(home / "reports")
    data = data_all(older, newer)
    dims = data["questionnaires"]["zuofeng"]["dimensions"]
    assert {d: (e["not_compared"] or {}).get("common") for d, e in dims.items()} == {
        "sixiang": 2,
        "gongzuo": 4,
        "shenghuo": 2,
    }
    assert all(e["not_compared"]["code"] == "few_common_items" for e in dims.values())
    findings = data["findings"]
    assert findings["resolved"] == []
    notes = {f["problem_id"]: [n["code"] for n in f["notes"]] for f in findings["unchecked"]}
    assert notes["zuofeng/sh-hedonism/gifts"] == ["option_gone"]
    assert notes["zuofeng/sh-family"] == ["item_gone"]
    assert "zuofeng/sx-study" in {f["problem_id"] for f in findings["persisting"]}  # compared by identity
    table = runner.invoke(app, ["diff", str(older), str(newer)], env={"COLUMNS": "60"}).output
    q = data["questionnaires"]["zuofeng"]
    added, removed = len(q["added_items"]), len(q["removed_items"])
    assert table.count("未比较") == 3 and f"问卷版本已变（1.0 → 2.0）：新增{added}道题，删去{removed}道题。" in table
    assert "sh-family" not in table  # counts and wording, not item ids
    assert "收受礼品礼金、消费卡  [新版问卷已没有这个选项]" in table.replace("\n", "")
    english = runner.invoke(app, ["diff", str(older), str(newer), "--lang", "en"], env={"COLUMNS": "200"}).output
    assert "the two versions share only 2 item(s) here (old 4, new 9)" in english and "not compared" in english


def test_the_fixture_is_the_old_version() -> None:
    for qid in BUILTIN_ORDER[:6]:
        old = load_file(OLD / f"{qid}.toml")
        assert old.version == "1.0", qid
    assert load_library().get("zuofeng").questionnaire.version != "1.0"
