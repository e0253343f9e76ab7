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
    for dim in new.dimensions:
        before = {i.id for i in old.items if i.dimension == dim.id} & old_ids
        after = {i.id for i in new.items if i.dimension == dim.id} & new_ids
        entry = data["dimensions"][dim.id]
        assert entry["common_items_only"] == (before != after), dim.id
        assert entry["old"] is None or 0 <= entry["old"] <= 100

    shown = runner.invoke(app, ["diff", str(older), str(newer)], env={"COLUMNS": "60"})
    assert shown.exit_code == 0, shown.output
    if old_ids != new_ids:
        assert "*" in shown.output  # a dimension compared over the shared items is marked


def test_the_fixture_is_the_old_version() -> None:
    for qid in BUILTIN_ORDER[:6]:
        old = load_file(OLD / f"{qid}.toml")
        assert old.version == "1.0", qid
    assert load_library().get("zuofeng").questionnaire.version != "1.0"
