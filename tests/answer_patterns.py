"""Answer patterns for the content-properties test (and the before/after table in #14's closing note).

Each pattern answers every item of a questionnaire; hidden items (``show_if``, posts) are simply left out by
scoring, as in the interview. Written against the questionnaire model only, so it also runs on older versions.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from selfcheck.questionnaire.model import (
    AnswerValue,
    ChoiceItem,
    DateItem,
    LikertItem,
    MultiItem,
    NumberItem,
    Questionnaire,
    TextItem,
    YesNoItem,
)

Pick = Callable[[Questionnaire, Any], AnswerValue]


def _likert(q: Questionnaire, item: LikertItem, where: str) -> int:
    scale = q.scale_of(item)
    lo, hi = scale.min, scale.max
    best, worst = (lo, hi) if item.reverse else (hi, lo)
    return {"best": best, "worst": worst, "mid": (lo + hi) // 2}[where]


def answer(q: Questionnaire, item: Any, where: str, point: int | None = None) -> AnswerValue:
    """One item's answer at ``where``: ``best``, ``worst`` or ``mid`` (``point``: that scale point for likert)."""
    if isinstance(item, LikertItem):
        scale = q.scale_of(item)
        return min(max(point, scale.min), scale.max) if point is not None else _likert(q, item, where)
    if isinstance(item, YesNoItem):
        yes_best = item.yes_score >= item.no_score
        return {"best": yes_best, "worst": not yes_best, "mid": True}[where]
    if isinstance(item, ChoiceItem):
        options = sorted(item.options, key=lambda o: -o.score)
        return {"best": options[0], "worst": options[-1], "mid": options[len(options) // 2]}[where].id
    if isinstance(item, MultiItem):
        none = [o.id for o in item.options if o.exclusive]
        good = [o.id for o in item.options if o.score > 0 and not o.exclusive]
        bad = [o.id for o in item.options if o.score < 0 and not o.exclusive]
        if where == "best":
            return good or none or [item.options[0].id]
        if where == "worst":
            return bad or none or [item.options[0].id]
        return none or [item.options[0].id]
    if isinstance(item, NumberItem):
        bands = sorted(item.bands, key=lambda b: (b.score, b.min))
        return int({"best": bands[-1], "worst": bands[0], "mid": bands[len(bands) // 2]}[where].min)
    if isinstance(item, DateItem):
        return "2026-06-30"
    if isinstance(item, TextItem):
        return "2026年6月在联系村入户走访，帮助解决了一户的饮水问题"
    raise TypeError(item)


def pattern(q: Questionnaire, where: str, point: int | None = None) -> dict[str, AnswerValue]:
    """Every item answered at ``where`` (likert at ``point`` when given)."""
    return {i.id: answer(q, i, where, point) for i in q.items}


def random_answers(q: Questionnaire, seed: int) -> dict[str, AnswerValue]:
    """Each item at a random place; checklists a random subset that respects "none of these"."""
    rng = random.Random(f"{q.id}/{seed}")
    out: dict[str, AnswerValue] = {}
    for item in q.items:
        if isinstance(item, LikertItem):
            scale = q.scale_of(item)
            out[item.id] = rng.randint(scale.min, scale.max)
        elif isinstance(item, ChoiceItem):
            out[item.id] = rng.choice(item.options).id
        elif isinstance(item, MultiItem):
            plain = [o.id for o in item.options if not o.exclusive]
            ticked = [o for o in plain if rng.random() < 0.3]
            out[item.id] = ticked or [o.id for o in item.options if o.exclusive] or plain[:1]
        elif isinstance(item, NumberItem):
            out[item.id] = rng.randint(item.min, min(item.max, 100))
        elif isinstance(item, YesNoItem):
            out[item.id] = rng.random() < 0.5
        else:
            out[item.id] = answer(q, item, "mid")
    return out


def red_line_answers(q: Questionnaire) -> list[tuple[str, dict[str, AnswerValue]]]:
    """All-best answers with exactly one red line crossed, once per red line (item flags and options)."""
    best = pattern(q, "best")
    out: list[tuple[str, dict[str, AnswerValue]]] = []
    for item in q.items:
        if getattr(item, "red_line", False) and item.flag is not None:
            out.append((item.id, {**best, item.id: _flagged_value(q, item)}))
        if isinstance(item, ChoiceItem | MultiItem):
            for opt in item.options:
                if getattr(opt, "red_line", False):
                    ticked: AnswerValue = [opt.id] if isinstance(item, MultiItem) else opt.id
                    out.append((f"{item.id}/{opt.id}", {**best, item.id: ticked}))
    return out


def _flagged_value(q: Questionnaire, item: Any) -> AnswerValue:
    """An answer that the item's flag marks (tried from the worst end)."""
    from selfcheck.questionnaire.conditions import is_flagged

    candidates: list[AnswerValue] = [answer(q, item, "worst"), answer(q, item, "mid"), answer(q, item, "best")]
    if isinstance(item, LikertItem):
        scale = q.scale_of(item)
        candidates += list(range(scale.min, scale.max + 1))
    return next(v for v in candidates if is_flagged(item, v))
