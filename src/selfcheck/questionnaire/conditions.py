"""Declarative conditions over answers: ``show_if`` (is an item shown?) and ``flag`` (is an answer a problem?)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from selfcheck.questionnaire.model import AnswerValue, Item, Operator, Questionnaire

if TYPE_CHECKING:
    from selfcheck.questionnaire.profile import Who


def holds(op: Operator, answer: AnswerValue, value: AnswerValue) -> bool:
    """Whether ``answer op value``; mismatched types simply do not hold."""
    if op == "contains":
        wanted = value if isinstance(value, list) else [value]
        return isinstance(answer, list) and all(v in answer for v in wanted)
    if op in ("in", "not_in"):
        options = value if isinstance(value, list) else [value]
        inside = answer in options
        return inside if op == "in" else not inside
    if op == "eq":
        return type(answer) is type(value) and answer == value
    if op == "ne":
        return not (type(answer) is type(value) and answer == value)
    if isinstance(answer, bool) or isinstance(value, bool) or isinstance(answer, list) or isinstance(value, list):
        return False
    if type(answer) is not type(value):
        return False
    a, b = answer, value
    if op == "lt":
        return a < b  # type: ignore[operator]
    if op == "le":
        return a <= b  # type: ignore[operator]
    if op == "gt":
        return a > b  # type: ignore[operator]
    return a >= b  # type: ignore[operator]


def visible_ids(q: Questionnaire, answers: Mapping[str, AnswerValue], who: Who | None = None) -> set[str]:
    """Ids of the items shown, given the answers so far: an item whose condition's item is hidden or
    unanswered is hidden too, and so is an item that does not apply to the respondent's post (``who``)."""
    from selfcheck.questionnaire.profile import applies

    shown: set[str] = set()
    for item in q.items:
        if not applies(item, who):
            continue
        cond = item.show_if
        if cond is None or (
            cond.item in shown and cond.item in answers and holds(cond.op, answers[cond.item], cond.value)
        ):
            shown.add(item.id)
    return shown


def is_flagged(item: Item, answer: AnswerValue) -> bool:
    """Whether this answer marks the item's problem."""
    return item.flag is not None and holds(item.flag.op, answer, item.flag.value)
