"""#14 core: red lines cap the level, posts hide items, consistency notes, the problem norm, report schema 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import minimal
from selfcheck.errors import QuestionnaireError
from selfcheck.questionnaire.library import parse
from selfcheck.questionnaire.model import AnswerValue
from selfcheck.questionnaire.profile import Who, load_profile
from selfcheck.scoring.findings import detect
from selfcheck.scoring.norm import missing_problems
from selfcheck.scoring.notes import ALL_BEST, SAME_POINT, consistency_notes
from selfcheck.scoring.scores import score

CORPUS = Path(__file__).parent / "corpus"


def with_checklist(**changes: Any) -> dict[str, Any]:
    """The small questionnaire plus a checklist with one red-line option, capped at 较差."""
    data = minimal(red_line_level="较差", **changes)
    data["items"].append(
        {
            "id": "a3",
            "dimension": "a",
            "kind": "multi",
            "text": "以下哪些情况存在？",
            "options": [
                {"id": "gifts", "label": "收受礼金", "score": -0.1, "problem": "收受礼金", "red_line": True},
                {"id": "late", "label": "迟到", "score": -0.1, "problem": "迟到"},
                {"id": "none", "label": "以上都没有", "exclusive": True},
            ],
        }
    )
    return data


def test_a_red_line_caps_the_level_but_not_the_score() -> None:
    q = parse(with_checklist(), "t")
    good: dict[str, AnswerValue] = {"a1": 5, "a2": 1, "b1": True, "b3": "all"}
    clean = score(q, {**good, "a3": ["none"]})
    red = score(q, {**good, "a3": ["gifts"]})
    assert clean.band is not None and clean.band.label == "优秀" and clean.red_lines == []
    assert red.overall is not None and red.overall >= 85  # the score stays what the answers give
    assert red.band is not None and red.band.label == "较差"
    assert red.uncapped is not None and red.uncapped.label == "优秀"
    assert red.red_lines == ["a3/gifts"]
    [finding] = [d for d in detect(q, {**good, "a3": ["gifts"]}) if d.red_line]
    assert finding.problem == "收受礼金" and finding.key == "a3/gifts"


def test_a_red_line_item_is_its_flagged_answer() -> None:
    data = minimal(red_line_level="较差")
    data["items"][2]["red_line"] = True  # b1: 不回访
    q = parse(data, "t")
    result = score(q, {"a1": 5, "a2": 1, "b1": False, "b3": "all"})
    assert result.red_lines == ["b1"] and result.band is not None and result.band.label == "较差"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"red_line_level": None}, "red_line_level: red lines are marked; name the band"),
        ({"red_line_level": "差"}, "red_line_level: '差' is not a band label (known: 较差, 良好, 优秀)"),
    ],
)
def test_red_line_level_must_name_a_band(change: dict[str, Any], expected: str) -> None:
    data = with_checklist()
    data.update(change)
    if data["red_line_level"] is None:
        del data["red_line_level"]
    with pytest.raises(QuestionnaireError) as err:
        parse(data, "t.toml")
    assert expected in err.value.render("en")


def test_unknown_posts_and_bad_checks_are_named() -> None:
    data = minimal()
    data["items"][0]["posts"] = ["boss"]
    data["items"].append(
        {
            "id": "n1",
            "dimension": "a",
            "kind": "number",
            "text": "件数",
            "max": 10,
            "bands": [{"min": 0, "max": 10, "score": 1}],
        }
    )
    data["checks"] = [
        {"id": "c1", "kind": "not_above", "item": "n1", "note": "x"},
        {"id": "c2", "kind": "needs_count", "item": "a1", "when": {"item": "b1", "op": "eq", "value": 3}, "note": "y"},
    ]
    with pytest.raises(QuestionnaireError) as err:
        parse(data, "t.toml")
    text = err.value.render("en")
    assert "item a1: posts: unknown post 'boss' (known: cadre, leader, member)" in text
    assert "check c1: than: required for kind 'not_above'" in text
    assert "check c2: item: item 'a1' is not a number item" in text
    assert "check c2: when.value: impossible condition" in text


def test_items_that_do_not_apply_are_neither_shown_nor_scored() -> None:
    data = minimal()
    data["items"][0]["posts"] = ["leader"]
    data["items"][4]["public_only"] = True
    q = parse(data, "t")
    answers: dict[str, AnswerValue] = {"a1": 1, "a2": 1, "b1": True, "b3": "none"}
    member = score(q, answers, who=Who("member", False))
    leader = score(q, answers, who=Who("leader", True))
    assert member.dimensions["a"].shown == 1 and member.dimensions["a"].score == 100.0
    assert member.dimensions["b"].shown == 1 and member.dimensions["b"].score == 100.0
    assert leader.dimensions["a"].shown == 2 and leader.dimensions["a"].score == 50.0
    assert [d.item for d in detect(q, answers, Who("member", False))] == []
    assert [d.item for d in detect(q, answers, Who("leader", True))] == ["a1"]
    assert score(q, answers) == score(q, answers, who=Who())  # unknown post: everything applies


def test_the_builtin_profile_has_three_posts() -> None:
    profile = load_profile()
    assert [p.label for p in profile.posts] == ["领导干部", "一般干部", "普通党员"]
    assert profile.public.text and profile.public.text_en


def test_consistency_notes_never_change_a_score() -> None:
    data = minimal()
    data["items"] += [
        {
            "id": "n1",
            "dimension": "b",
            "kind": "number",
            "text": "件数",
            "max": 50,
            "bands": [{"min": 0, "max": 50, "score": 1}],
        },
        {
            "id": "n2",
            "dimension": "b",
            "kind": "number",
            "text": "件数",
            "max": 50,
            "bands": [{"min": 0, "max": 50, "score": 1}],
        },
    ]
    data["checks"] = [
        {"id": "n1-within-n2", "kind": "not_above", "item": "n1", "than": "n2", "note": "n1 多于 n2"},
        {
            "id": "all-needs-n1",
            "kind": "needs_count",
            "item": "n1",
            "when": {"item": "b3", "op": "eq", "value": "all"},
            "note": "说全部解决但没有件数",
        },
    ]
    q = parse(data, "t")
    answers: dict[str, AnswerValue] = {"a1": 3, "a2": 3, "b1": True, "b3": "all", "n1": 5, "n2": 2}
    assert consistency_notes(q, answers) == ["n1-within-n2"]
    assert consistency_notes(q, {**answers, "n1": 0}) == ["all-needs-n1"]
    assert consistency_notes(q, {**answers, "n1": 2}) == []


def test_the_two_builtin_notes() -> None:
    data = minimal()
    data["items"] += [
        {"id": f"x{i}", "dimension": "a", "kind": "likert", "scale": "freq", "text": f"第{i}题"} for i in range(4)
    ]
    q = parse(data, "t")
    same: dict[str, AnswerValue] = {"a1": 3, "a2": 3, "x0": 3, "x1": 3, "x2": 3, "x3": 3, "b1": True, "b3": "half"}
    assert consistency_notes(q, same) == [SAME_POINT]
    best: dict[str, AnswerValue] = {"a1": 5, "a2": 1, "x0": 5, "x1": 5, "x2": 5, "x3": 5, "b1": True, "b3": "all"}
    assert consistency_notes(q, best) == [ALL_BEST]
    mixed: dict[str, AnswerValue] = {**best, "x0": 4, "x1": 2}
    assert consistency_notes(q, mixed) == []


def test_the_problem_norm_names_the_dimensions_short_of_a_problem() -> None:
    q = parse(minimal(min_problems_per_dimension=1), "t")
    assert missing_problems(q, [], {}) == {"a": 1, "b": 1}
    assert missing_problems(q, [("mini", "a1", None)], {}) == {"b": 1}
    assert missing_problems(q, [("mini", "a1", None), ("mini", None, "b")], {}) == {}
    assert missing_problems(q, [("mini", "a1", None)], {"b": "本人不分管信访工作，没有……"}) == {}
    assert missing_problems(q, [("other", "a1", None)], {"b": "  "}) == {"a": 1, "b": 1}


def test_a_version_1_report_still_reads(home: Path) -> None:
    from selfcheck.records.report import SCHEMA_VERSION
    from selfcheck.records.storage import read_report

    assert SCHEMA_VERSION == 4  # 3 since #12 (causes as a list), 4 since ratings carry a ballot token
    report = read_report(CORPUS / "good_report.toml")
    assert report.schema_version == 4
    result = next(iter(report.questionnaires.values()))
    assert result.red_lines == [] and result.notes == [] and result.no_problem == {}
    assert report.respondent.post is None and all(not f.red_line for f in report.findings)
