"""The interview state machine: moving, skipping, going back, and show_if in both directions."""

from __future__ import annotations

import pytest

from helpers import minimal
from selfcheck.errors import AnswerError
from selfcheck.interview.state import Interview
from selfcheck.questionnaire.library import parse


def make() -> Interview:
    return Interview([parse(minimal(), "t")])


def current_id(iv: Interview) -> str | None:
    step = iv.current()
    return step.item.id if step else None


def test_walks_items_in_order_and_hides_conditional_ones() -> None:
    iv = make()
    assert current_id(iv) == "a1"
    iv.answer(3)
    iv.answer(2)
    assert current_id(iv) == "b1"
    iv.answer(False)
    assert current_id(iv) == "b3"  # b2 shows only when b1 is true
    assert iv.progress() == (4, 4)
    iv.answer("all")
    assert iv.current() is None


def test_back_keeps_answer_and_changing_it_shows_and_hides_later_items() -> None:
    iv = make()
    for value in (3, 2, True):
        iv.answer(value)
    assert current_id(iv) == "b2"
    iv.answer("上周回访了三户")
    iv.answer("half")
    assert iv.answers_for("mini")["b2"] == "上周回访了三户"
    assert iv.back() and current_id(iv) == "b3"
    assert iv.back() and current_id(iv) == "b2"
    assert iv.back() and current_id(iv) == "b1"
    assert iv.existing(iv.current()) is True  # type: ignore[arg-type]
    iv.answer(False)
    assert current_id(iv) == "b3"
    assert "b2" not in iv.answers_for("mini")  # hidden now: dropped from the result
    assert iv.back() and current_id(iv) == "b1"
    iv.answer(True)
    assert iv.answers_for("mini")["b2"] == "上周回访了三户"  # shown again: the earlier answer is back


def test_back_at_first_item() -> None:
    iv = make()
    assert not iv.back()
    assert current_id(iv) == "a1"


def test_skip_and_required() -> None:
    data = minimal()
    data["items"][0]["required"] = True
    iv = Interview([parse(data, "t")])
    with pytest.raises(AnswerError):
        iv.skip()
    iv.answer(1)
    iv.skip()
    assert iv.skipped_for("mini") == ["a2", "b1", "b3"]


def test_resume_starts_at_first_open_item() -> None:
    q = parse(minimal(), "t")
    iv = Interview([q], {"mini": {"a1": 3, "a2": 4}}, {"mini": []})
    assert current_id(iv) == "b1"
    iv = Interview([q], {"mini": {"a1": 3, "gone": 1}}, {"mini": ["a2"]})
    assert current_id(iv) == "b1"
    assert "gone" not in iv.all_answers()["mini"]  # answers to items that no longer exist are dropped


def test_a_rater_interview_neither_shows_nor_counts_the_persons_own_record() -> None:
    """#16: a rater's progress counted record-only items, so the first question read 2/…."""
    data = minimal()
    data["items"][0]["record_only"] = True  # a1, first: the person's own count, never asked of raters
    q = parse(data, "t")
    own = Interview([q])
    assert current_id(own) == "a1" and own.progress() == (1, 5)  # b2 may follow b1: counted until b1 is answered
    iv = Interview([q], rater=True)
    assert current_id(iv) == "a2" and iv.progress() == (1, 3)  # b2 (free text) is never asked of a rater
    assert not iv.back()  # nothing before the first question a rater is asked
    iv.answer(2)
    assert current_id(iv) == "b1" and iv.progress() == (2, 3)
    assert iv.back() and current_id(iv) == "a2"
    iv.answer(2)
    iv.answer(False)
    assert iv.progress() == (3, 3)
    iv.answer("all")
    assert iv.current() is None
    assert "a1" not in iv.skipped_for("mini")  # not asked: not a skip either
