"""Consistency notes: declarative cross-item checks and two built-in patterns. Notes never change a score."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from selfcheck.questionnaire.conditions import holds, visible_ids
from selfcheck.questionnaire.model import AnswerValue, LikertItem, Questionnaire

if TYPE_CHECKING:
    from selfcheck.questionnaire.profile import Who

SAME_POINT = "same-point"
"""Built-in note: the same scale point on nearly every scale item."""
ALL_BEST = "all-best"
"""Built-in note: every scored answer at the best end."""
ALL_TOP = "all-top"
"""Built-in note on a rating: every dimension marked at the top (好人主义); counted, never named."""
BUILTIN_NOTES = (SAME_POINT, ALL_BEST, ALL_TOP)
SAME_SHARE = 0.9
""""Nearly every": at least this share of the answered scale items."""
MIN_ITEMS = 5
"""Patterns over fewer answers say nothing."""


def _count(value: AnswerValue | None) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _check_fails(q: Questionnaire, check_id: str, answers: Mapping[str, AnswerValue], shown: set[str]) -> bool:
    check = next(c for c in q.checks if c.id == check_id)
    count = _count(answers.get(check.item)) if check.item in shown else None
    if check.kind == "not_above":
        other = _count(answers.get(check.than or "")) if check.than in shown else None
        return count is not None and other is not None and count > other
    cond = check.when
    if cond is None or cond.item not in shown or cond.item not in answers:
        return False
    # A claim with its count hidden or left out is not contradicted: only a count of 0 is.
    return holds(cond.op, answers[cond.item], cond.value) and count == 0


def consistency_notes(q: Questionnaire, answers: Mapping[str, AnswerValue], who: Who | None = None) -> list[str]:
    """The ids of the questionnaire's failed checks, then :data:`SAME_POINT` and :data:`ALL_BEST` when they hold."""
    from selfcheck.questionnaire.values import item_score

    shown = visible_ids(q, answers, who)
    out = [c.id for c in q.checks if _check_fails(q, c.id, answers, shown)]
    points = [
        v
        for item in q.items
        if isinstance(item, LikertItem) and item.id in shown and (v := _count(answers.get(item.id))) is not None
    ]
    if len(points) >= MIN_ITEMS and Counter(points).most_common(1)[0][1] >= SAME_SHARE * len(points):
        out.append(SAME_POINT)
    scores = [
        s
        for item in q.items
        if item.scored and item.id in shown and item.id in answers
        if (s := item_score(q, item, answers[item.id])) is not None
    ]
    if len(scores) >= MIN_ITEMS and all(s >= 1.0 for s in scores):
        out.append(ALL_BEST)
    return out


def rating_notes(q: Questionnaire, ratings: Mapping[str, int]) -> list[str]:
    """:data:`ALL_TOP` when a rater marked every dimension at the best label."""
    if q.rating is None or len(q.dimensions) < 2:
        return []
    top = len(q.rating.labels)
    return [ALL_TOP] if all(ratings.get(d.id) == top for d in q.dimensions) else []
