"""Scoring with hand-computed expectations, and properties that must hold for any answers."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import MINIMAL, minimal
from selfcheck.questionnaire.library import load_library, parse
from selfcheck.questionnaire.model import AnswerValue, Questionnaire
from selfcheck.questionnaire.values import item_score
from selfcheck.scoring.findings import detect
from selfcheck.scoring.scores import score


def q_of(data: dict[str, Any] | None = None) -> Questionnaire:
    return parse(data or minimal(), "test.toml")


def test_reverse_keying_and_weights() -> None:
    q = q_of()
    # a1 = 4 → (4-1)/4 = 0.75; a2 reverse = 2 → 1 - 0.25 = 0.75; dimension a = 75
    # b1 = True → 1.0; b3 = half → 0.5; dimension b = 75; overall = (75·1 + 75·2) / 3 = 75
    result = score(q, {"a1": 4, "a2": 2, "b1": True, "b3": "half"})
    assert result.dimensions["a"].score == 75.0
    assert result.dimensions["b"].score == 75.0
    assert result.overall == 75.0
    assert result.band is not None and result.band.label == "良好"
    assert result.coverage == 1.0


def test_item_weights_and_dimension_weights() -> None:
    data = copy.deepcopy(MINIMAL)
    data["items"][0]["weight"] = 3.0
    q = q_of(data)
    # a: (1.0·3 + 0.0·1)/4 = 75; b: (0 + 1)/2 = 50; overall = (75 + 50·2)/3 = 58.33
    result = score(q, {"a1": 5, "a2": 5, "b1": False, "b3": "all"})
    assert result.dimensions["a"].score == 75.0
    assert result.dimensions["b"].score == 50.0
    assert result.overall == pytest.approx(58.33)
    assert result.band is not None and result.band.label == "较差"


def test_skipped_items_are_left_out_and_coverage_reported() -> None:
    q = q_of()
    result = score(q, {"a1": 5, "b1": True, "b3": "none"})
    assert result.dimensions["a"].score == 100.0  # a2 skipped: one of two answered is enough
    assert result.dimensions["a"].answered == 1
    assert result.coverage == pytest.approx(3 / 4)


def test_dimension_with_under_half_answered_is_insufficient_not_zero() -> None:
    data = copy.deepcopy(MINIMAL)
    data["items"].append({"id": "a3", "dimension": "a", "kind": "yesno", "text": "第三题"})
    q = q_of(data)
    result = score(q, {"a1": 5, "b1": True, "b3": "all"})
    assert result.dimensions["a"].insufficient
    assert result.dimensions["a"].score is None
    assert result.overall == 100.0  # only dimension b counts


def test_hidden_items_do_not_count() -> None:
    q = q_of()
    # b2 (text) is hidden when b1 is False; it is unscored anyway, but a stale answer must not be reported
    assert "b2" not in {d.item for d in detect(q, {"b1": False, "b2": "stale"})}


def test_multi_checklist_penalties_and_number_bands() -> None:
    data = copy.deepcopy(MINIMAL)
    data["items"] += [
        {
            "id": "m1",
            "dimension": "a",
            "kind": "multi",
            "text": "四风表现",
            "options": [
                {"id": "x", "label": "文山会海", "score": -0.4, "problem": "文山会海"},
                {"id": "y", "label": "公款吃喝", "score": -0.8, "problem": "公款吃喝"},
                {"id": "none", "label": "都没有", "exclusive": True},
            ],
        },
        {
            "id": "n1",
            "dimension": "a",
            "kind": "number",
            "max": 100,
            "text": "天数",
            "bands": [{"min": 0, "max": 9, "score": 0}, {"min": 10, "max": 100, "score": 1}],
            "flag": {"op": "lt", "value": 10},
            "problem": "下基层少",
        },
    ]
    q = q_of(data)
    assert item_score(q, q.item("m1"), ["x"]) == pytest.approx(0.6)
    assert item_score(q, q.item("m1"), ["x", "y"]) == 0.0  # clamped at 0
    assert item_score(q, q.item("m1"), ["none"]) == 1.0
    assert item_score(q, q.item("n1"), 9) == 0.0
    assert item_score(q, q.item("n1"), 10) == 1.0
    found = detect(q, {"m1": ["x", "y"], "n1": 3, "a1": 1})
    assert [(d.item, d.option, d.problem) for d in found] == [
        ("a1", None, "下基层少"),
        ("m1", "x", "文山会海"),
        ("m1", "y", "公款吃喝"),
        ("n1", None, "下基层少"),
    ]


# ---- properties ----


def answers_for(q: Questionnaire) -> st.SearchStrategy[dict[str, AnswerValue]]:
    """Any valid answers (some items left out) to ``q``."""
    from selfcheck.questionnaire.model import (
        ChoiceItem,
        DateItem,
        LikertItem,
        MultiItem,
        NumberItem,
        TextItem,
        YesNoItem,
    )

    fields: dict[str, st.SearchStrategy[AnswerValue]] = {}
    for item in q.items:
        if isinstance(item, LikertItem):
            s = q.scale_of(item)
            fields[item.id] = st.integers(s.min, s.max)
        elif isinstance(item, YesNoItem):
            fields[item.id] = st.booleans()
        elif isinstance(item, ChoiceItem):
            fields[item.id] = st.sampled_from([o.id for o in item.options])
        elif isinstance(item, MultiItem):
            plain = [o.id for o in item.options if not o.exclusive]
            fields[item.id] = st.lists(st.sampled_from(plain), min_size=1, unique=True) if plain else st.just([])
        elif isinstance(item, NumberItem):
            fields[item.id] = st.integers(item.min, item.max)
        elif isinstance(item, DateItem):
            fields[item.id] = st.dates().map(lambda d: d.isoformat())
        elif isinstance(item, TextItem):
            fields[item.id] = st.text(min_size=1)
    return st.fixed_dictionaries({}, optional=fields)


BUILTINS = [e.questionnaire for e in load_library().entries.values()]


@settings(max_examples=60, deadline=None)
@given(data=st.data(), index=st.integers(0, len(BUILTINS) - 1))
def test_scores_stay_in_range(data: st.DataObject, index: int) -> None:
    q = BUILTINS[index]
    result = score(q, data.draw(answers_for(q)))
    for d in result.dimensions.values():
        assert d.score is None or 0 <= d.score <= 100
    assert result.overall is None or 0 <= result.overall <= 100
    assert 0 <= result.coverage <= 1


@settings(max_examples=60, deadline=None)
@given(data=st.data(), index=st.integers(0, len(BUILTINS) - 1))
def test_permuting_items_changes_nothing(data: st.DataObject, index: int) -> None:
    q = BUILTINS[index]
    answers = data.draw(answers_for(q))
    raw = q.model_dump(mode="python", exclude_none=True)
    # Items with show_if must stay after the item they depend on: permute only unconditional ones among themselves
    free = [i for i in raw["items"] if "show_if" not in i]
    bound = [i for i in raw["items"] if "show_if" in i]
    raw["items"] = data.draw(st.permutations(free)) + bound
    shuffled = parse(raw, "shuffled")
    assert score(shuffled, answers) == score(q, answers)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), index=st.integers(0, len(BUILTINS) - 1), factor=st.sampled_from([0.5, 2.0, 3.0, 10.0]))
def test_scaling_all_weights_changes_nothing(data: st.DataObject, index: int, factor: float) -> None:
    q = BUILTINS[index]
    answers = data.draw(answers_for(q))
    raw = q.model_dump(mode="python", exclude_none=True)
    for item in raw["items"]:
        item["weight"] = item.get("weight", 1.0) * factor
    for dim in raw["dimensions"]:
        dim["weight"] = dim.get("weight", 1.0) * factor
    scaled = parse(raw, "scaled")
    a, b = score(q, answers), score(scaled, answers)
    assert a.overall == pytest.approx(b.overall, abs=0.011)
    for k in a.dimensions:
        assert a.dimensions[k].score == pytest.approx(b.dimensions[k].score, abs=0.011)
