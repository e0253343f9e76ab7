"""Turning what a person types (or a file holds) into an answer value, and back into words; an answer's score.

The rules differ by item kind and live with each kind in :mod:`selfcheck.questionnaire.kinds`; these are the entry
points the interview, the answers file, the diff and the exports call."""

from __future__ import annotations

from datetime import date

from selfcheck.i18n import Lang
from selfcheck.questionnaire.kinds import kind_of
from selfcheck.questionnaire.model import AnswerValue, Item, Questionnaire


def parse(q: Questionnaire, item: Item, raw: str, today: date | None = None) -> AnswerValue:
    """Parse a typed answer; an :class:`AnswerError` carries a one-line reason fit to re-ask with.

    People write loosely: counts may carry a unit (15件), dates the Chinese forms (2027年6月底); ``today`` decides
    whether a record date is still to come or a deadline already past."""
    return kind_of(item).parse(q, raw.strip(), today or date.today())


def check(q: Questionnaire, item: Item, value: object) -> AnswerValue:
    """Validate a stored answer (from a report, draft or answers file) against its item."""
    return kind_of(item).check(q, value)


def describe(q: Questionnaire, item: Item, value: AnswerValue, lang: Lang = "zh") -> str:
    """An answer in words, as shown in summaries and diffs."""
    return kind_of(item).describe(q, value, lang)


def item_score(q: Questionnaire, item: Item, value: AnswerValue) -> float | None:
    """An answer's score normalised to 0-1, or None for unscored items and unusable values."""
    return kind_of(item).score(q, value)
