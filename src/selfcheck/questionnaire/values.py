"""Turning what a person types (or a file holds) into an answer value, and back into words."""

from __future__ import annotations

import re
from datetime import date

from selfcheck.errors import AnswerError
from selfcheck.i18n import Content, Lang, Msg, pick, t
from selfcheck.questionnaire.model import (
    AnswerValue,
    ChoiceItem,
    DateItem,
    ItemBase,
    LikertItem,
    MultiItem,
    NumberItem,
    Questionnaire,
    TextItem,
    YesNoItem,
)

YES = {"y", "yes", "是", "1", "对", "有", "true"}
NO = {"n", "no", "否", "2", "不", "没有", "无", "false"}
MAX_TEXT = 4000


def parse(q: Questionnaire, item: ItemBase, raw: str, today: date | None = None) -> AnswerValue:
    """Parse a typed answer; an :class:`AnswerError` carries a one-line reason fit to re-ask with.

    People write loosely: counts may carry a unit (15件), dates the Chinese forms (2027年6月底); ``today`` decides
    whether a record date is still to come or a deadline already past."""
    text = raw.strip()
    if isinstance(item, LikertItem):
        scale = q.scale_of(item)
        if not re.fullmatch(r"-?\d+", text) or not scale.min <= int(text) <= scale.max:
            raise AnswerError(Msg.ANSWER_LIKERT_RANGE, lo=scale.min, hi=scale.max)
        return int(text)
    if isinstance(item, YesNoItem):
        low = text.lower()
        if low in YES:
            return True
        if low in NO:
            return False
        raise AnswerError(Msg.ANSWER_YESNO)
    if isinstance(item, ChoiceItem):
        return _option(item, text)
    if isinstance(item, MultiItem):
        parts = [p for p in re.split(r"[,，、\s]+", text) if p]
        if not parts:
            raise AnswerError(Msg.ANSWER_MULTI_EMPTY)
        chosen = list(dict.fromkeys(_option(item, p) for p in parts))
        return check(q, item, chosen)
    if isinstance(item, NumberItem):
        return _count(item, text)
    if isinstance(item, DateItem):
        from selfcheck.questionnaire.dates import parse_on_side

        return parse_on_side(text, item.when, today or date.today()).isoformat()
    if isinstance(item, TextItem):
        return check(q, item, text)
    raise AssertionError(f"unsupported item kind for {item.id}")  # pragma: no cover - the union is closed


GENERIC_UNITS = frozenset("个次件天日人户篇条项份回")
"""Measure words accepted after a count when the item names no unit of its own."""


def _count(item: NumberItem, text: str) -> int:
    """A count, perhaps in full-width digits and followed by its unit: 15, １５, 15件, 15 days."""
    from selfcheck.questionnaire.dates import normalise

    m = re.fullmatch(r"(\d+)(\D*)", normalise(text))
    unit, unit_en = item.unit, (item.unit_en or "").lower()
    units = {unit, unit_en, unit_en.removesuffix("s")} - {""} if unit or unit_en else GENERIC_UNITS
    if m is None or (m[2] and m[2].lower() not in units) or not item.min <= int(m[1]) <= item.max:
        n = min(max(item.min, 15), item.max)
        zh_unit = unit or "个"
        raise AnswerError(
            Msg.NUMBER_WITH_UNIT, lo=item.min, hi=item.max, n=n, unit=zh_unit, unit_en=item.unit_en or zh_unit
        )
    return int(m[1])


def _option(item: ChoiceItem | MultiItem, text: str) -> str:
    ids = [o.id for o in item.options]
    if text.isdigit() and 1 <= int(text) <= len(ids):
        return ids[int(text) - 1]
    if text in ids:
        return text
    raise AnswerError(Msg.ANSWER_NO_OPTION, text=text, n=len(ids))


def check(q: Questionnaire, item: ItemBase, value: object) -> AnswerValue:
    """Validate a stored answer (from a report, draft or answers file) against its item."""
    if isinstance(item, LikertItem):
        scale = q.scale_of(item)
        if isinstance(value, bool) or not isinstance(value, int) or not scale.min <= value <= scale.max:
            raise AnswerError(Msg.ANSWER_EXPECT_WHOLE, lo=scale.min, hi=scale.max, value=value)
        return value
    if isinstance(item, YesNoItem):
        if not isinstance(value, bool):
            raise AnswerError(Msg.ANSWER_EXPECT_BOOL, value=value)
        return value
    if isinstance(item, ChoiceItem):
        ids = [o.id for o in item.options]
        if value not in ids:
            raise AnswerError(Msg.ANSWER_EXPECT_OPTION, ids=", ".join(ids), value=value)
        return str(value)
    if isinstance(item, MultiItem):
        ids = [o.id for o in item.options]
        if not isinstance(value, list) or not value or any(v not in ids for v in value):
            raise AnswerError(Msg.ANSWER_EXPECT_OPTIONS, ids=", ".join(ids), value=value)
        twice = sorted({str(v) for v in value if value.count(v) > 1})
        if twice:
            raise AnswerError(Msg.MULTI_TWICE, options=", ".join(twice))
        exclusive = [o for o in item.options if o.exclusive and o.id in value]
        if exclusive and len(value) > 1:
            raise AnswerError(Msg.ANSWER_EXCLUSIVE, label=Content(exclusive[0].label, exclusive[0].label_en))
        return [str(v) for v in value]
    if isinstance(item, NumberItem):
        if isinstance(value, bool) or not isinstance(value, int) or not item.min <= value <= item.max:
            raise AnswerError(Msg.ANSWER_EXPECT_WHOLE, lo=item.min, hi=item.max, value=value)
        return value
    if isinstance(item, DateItem):
        if isinstance(value, date):
            return value.isoformat()
        if not isinstance(value, str):  # 20260315 as a number is not a date, though fromisoformat would take it
            raise AnswerError(Msg.DATE_NOT_TEXT, value=repr(value))
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise AnswerError(Msg.ANSWER_EXPECT_DATE, value=value) from None
    if not isinstance(value, str) or not value.strip():
        raise AnswerError(Msg.ANSWER_TEXT_EMPTY)
    if len(value) > MAX_TEXT:
        raise AnswerError(Msg.ANSWER_TEXT_LONG, n=MAX_TEXT)
    return value.strip()


def describe(q: Questionnaire, item: ItemBase, value: AnswerValue, lang: Lang = "zh") -> str:
    """An answer in words, as shown in summaries and diffs."""
    if isinstance(item, LikertItem) and isinstance(value, int):
        scale = q.scale_of(item)
        if not scale.min <= value <= scale.max:
            return str(value)
        point = value - scale.min
        return f"{value} {pick(scale.labels[point], scale.labels_en[point] if scale.labels_en else None, lang)}"
    if isinstance(item, YesNoItem):
        return t(Msg.ANSWER_YES if value else Msg.ANSWER_NO, lang)
    if isinstance(item, ChoiceItem | MultiItem):
        chosen = value if isinstance(value, list) else [value]
        names = {o.id: pick(o.label, o.label_en, lang) for o in item.options}
        return t(Msg.LIST_SEPARATOR, lang).join(names.get(str(v), str(v)) for v in chosen)
    if isinstance(item, NumberItem):
        return f"{value} {pick(item.unit, item.unit_en, lang)}".strip()
    return str(value)
