"""Turning what a person types (or a file holds) into an answer value, and back into words."""

from __future__ import annotations

import re
from datetime import date

from selfcheck.errors import AnswerError
from selfcheck.i18n import Msg, t
from selfcheck.questionnaire.model import (
    AnswerValue,
    ChoiceItem,
    DateItem,
    ItemBase,
    Lang,
    LikertItem,
    MultiItem,
    NumberItem,
    Questionnaire,
    TextItem,
    YesNoItem,
    pick,
)

YES = {"y", "yes", "是", "1", "对", "有", "true"}
NO = {"n", "no", "否", "2", "不", "没有", "无", "false"}
MAX_TEXT = 4000


def _msg(lang: Lang, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def parse(q: Questionnaire, item: ItemBase, raw: str, lang: Lang = "zh", today: date | None = None) -> AnswerValue:
    """Parse a typed answer; an :class:`AnswerError` carries a one-line reason fit to re-ask with.

    People write loosely: counts may carry a unit (15件), dates the Chinese forms (2027年6月底); ``today`` decides
    whether a record date is still to come or a deadline already past."""
    text = raw.strip()
    if isinstance(item, LikertItem):
        scale = q.scale_of(item)
        if not re.fullmatch(r"-?\d+", text) or not scale.min <= int(text) <= scale.max:
            raise AnswerError(
                _msg(
                    lang,
                    f"请输入 {scale.min}–{scale.max} 之间的数字。",
                    f"Enter a number from {scale.min} to {scale.max}.",
                )
            )
        return int(text)
    if isinstance(item, YesNoItem):
        low = text.lower()
        if low in YES:
            return True
        if low in NO:
            return False
        raise AnswerError(
            _msg(lang, "请输入 1（是）或 2（否），也可以输入 y / n。", "Enter 1 (yes) or 2 (no), or y / n.")
        )
    if isinstance(item, ChoiceItem):
        return _option(item, text, lang)
    if isinstance(item, MultiItem):
        parts = [p for p in re.split(r"[,，、\s]+", text) if p]
        if not parts:
            raise AnswerError(
                _msg(
                    lang,
                    "请输入选项编号，多个用逗号分隔，如 1,3。",
                    "Enter option numbers separated by commas, e.g. 1,3.",
                )
            )
        chosen = list(dict.fromkeys(_option(item, p, lang) for p in parts))
        return check(q, item, chosen, lang)
    if isinstance(item, NumberItem):
        return _count(item, text)
    if isinstance(item, DateItem):
        from selfcheck.questionnaire.dates import parse_on_side

        return parse_on_side(text, item.when, today or date.today()).isoformat()
    if isinstance(item, TextItem):
        return check(q, item, text, lang)
    raise AnswerError(f"unsupported item kind for {item.id}")  # pragma: no cover - the union is closed


GENERIC_UNITS = frozenset("个次件天日人户篇条项份回")
"""Measure words accepted after a count when the item names no unit of its own."""


def _count(item: NumberItem, text: str) -> int:
    """A count, perhaps in full-width digits and followed by its unit: 15, １５, 15件, 15 days."""
    from selfcheck.i18n import Msg
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


def _option(item: ChoiceItem | MultiItem, text: str, lang: Lang) -> str:
    ids = [o.id for o in item.options]
    if text.isdigit() and 1 <= int(text) <= len(ids):
        return ids[int(text) - 1]
    if text in ids:
        return text
    raise AnswerError(
        _msg(
            lang,
            f"没有选项“{text}”；请输入 1–{len(ids)} 的编号。",
            f"No option {text!r}; enter a number from 1 to {len(ids)}.",
        )
    )


def check(q: Questionnaire, item: ItemBase, value: object, lang: Lang = "zh") -> AnswerValue:
    """Validate a stored answer (from a report, draft or answers file) against its item."""
    if isinstance(item, LikertItem):
        scale = q.scale_of(item)
        if isinstance(value, bool) or not isinstance(value, int) or not scale.min <= value <= scale.max:
            raise AnswerError(
                _msg(
                    lang,
                    f"应为 {scale.min}–{scale.max} 的整数，而不是 {value!r}",
                    f"expected a whole number {scale.min}-{scale.max}, got {value!r}",
                )
            )
        return value
    if isinstance(item, YesNoItem):
        if not isinstance(value, bool):
            raise AnswerError(
                _msg(lang, f"应为 true 或 false，而不是 {value!r}", f"expected true or false, got {value!r}")
            )
        return value
    if isinstance(item, ChoiceItem):
        ids = [o.id for o in item.options]
        if value not in ids:
            raise AnswerError(
                _msg(
                    lang,
                    f"应为选项 {', '.join(ids)} 之一，而不是 {value!r}",
                    f"expected one of the options {', '.join(ids)}, got {value!r}",
                )
            )
        return str(value)
    if isinstance(item, MultiItem):
        ids = [o.id for o in item.options]
        if not isinstance(value, list) or not value or any(v not in ids for v in value):
            raise AnswerError(
                _msg(
                    lang,
                    f"应为选项列表（{', '.join(ids)}），而不是 {value!r}",
                    f"expected a list of options ({', '.join(ids)}), got {value!r}",
                )
            )
        twice = sorted({str(v) for v in value if value.count(v) > 1})
        if twice:
            raise AnswerError(t(Msg.MULTI_TWICE, lang, options=", ".join(twice)))
        exclusive = [o for o in item.options if o.exclusive and o.id in value]
        if exclusive and len(value) > 1:
            label = pick(exclusive[0].label, exclusive[0].label_en, lang)
            raise AnswerError(
                _msg(
                    lang,
                    f"“{label}”不能与其他选项同时选择。",
                    f"{label!r} cannot be combined with other options.",
                )
            )
        return [str(v) for v in value]
    if isinstance(item, NumberItem):
        if isinstance(value, bool) or not isinstance(value, int) or not item.min <= value <= item.max:
            raise AnswerError(
                _msg(
                    lang,
                    f"应为 {item.min}–{item.max} 的整数，而不是 {value!r}",
                    f"expected a whole number {item.min}-{item.max}, got {value!r}",
                )
            )
        return value
    if isinstance(item, DateItem):
        if isinstance(value, date):
            return value.isoformat()
        if not isinstance(value, str):  # 20260315 as a number is not a date, though fromisoformat would take it
            raise AnswerError(t(Msg.DATE_NOT_TEXT, lang, value=repr(value)))
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise AnswerError(
                _msg(
                    lang,
                    f"日期格式应为 YYYY-MM-DD（如 2026-03-15），而不是 {value!r}",
                    f"expected a date as YYYY-MM-DD (e.g. 2026-03-15), got {value!r}",
                )
            ) from None
    if not isinstance(value, str) or not value.strip():
        raise AnswerError(_msg(lang, "请填写内容，或直接回车跳过。", "Write something, or press Enter to skip."))
    if len(value) > MAX_TEXT:
        raise AnswerError(_msg(lang, f"内容太长（最多 {MAX_TEXT} 字）。", f"Too long (at most {MAX_TEXT} characters)."))
    return value.strip()


def describe(q: Questionnaire, item: ItemBase, value: AnswerValue, lang: Lang = "zh") -> str:
    """An answer in words, as shown in summaries and diffs."""
    if isinstance(item, LikertItem) and isinstance(value, int):
        scale = q.scale_of(item)
        labels = scale.labels_en if lang == "en" and scale.labels_en else scale.labels
        return f"{value} {labels[value - scale.min]}" if scale.min <= value <= scale.max else str(value)
    if isinstance(item, YesNoItem):
        return _msg(lang, "是" if value else "否", "yes" if value else "no")
    if isinstance(item, ChoiceItem | MultiItem):
        chosen = value if isinstance(value, list) else [value]
        names = {o.id: pick(o.label, o.label_en, lang) for o in item.options}
        return _msg(lang, "；", "; ").join(names.get(str(v), str(v)) for v in chosen)
    if isinstance(item, NumberItem):
        return f"{value} {pick(item.unit, item.unit_en, lang)}".strip()
    return str(value)
