"""What differs between item kinds: one class per kind, reached through :func:`kind_of`, the one dispatch.

A kind's class knows its answers: reading one typed by a person (:meth:`Kind.parse`), checking one read from a file
(:meth:`Kind.check`), its score (:meth:`Kind.score`), the answer in words (:meth:`Kind.describe`), the numbered
choices and the input hint the interview shows (catalogue phrases and questionnaire content, worded by the front end),
what a ``show_if`` condition may compare it with (:meth:`Kind.condition_problem`) and the checks of its own definition
in a questionnaire file (:meth:`Kind.definition_problems`).

Adding an item kind: its model in :mod:`selfcheck.questionnaire.model`, a class here (mypy's ``assert_never`` in
:func:`kind_of` names the missing case), its words in the catalogue, and tests.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar, assert_never

from selfcheck.errors import AnswerError
from selfcheck.i18n import Content, Lang, Msg, Phrase, pick, t
from selfcheck.questionnaire.model import (
    AnswerValue,
    ChoiceItem,
    DateItem,
    Item,
    ItemBase,
    LikertItem,
    MultiItem,
    NumberItem,
    Option,
    Questionnaire,
    Scale,
    TextItem,
    YesNoItem,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from selfcheck.questionnaire.dates import When

YES = {"y", "yes", "是", "1", "对", "有", "true"}
NO = {"n", "no", "否", "2", "不", "没有", "无", "false"}
MAX_TEXT = 4000
GENERIC_UNITS = frozenset("个次件天日人户篇条项份回")
"""Measure words accepted after a count when the item names no unit of its own."""
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
"""As text, compiled by re when a date item's definition is first checked (and cached there), not at import."""

ItemT_co = TypeVar("ItemT_co", bound=ItemBase, covariant=True)

Choices = list[tuple[str, Phrase | Content]]
"""Numbered choices as (what to type, its label)."""


def kind_of(item: Item) -> Kind[ItemBase]:
    """The rules of ``item``'s kind."""
    match item:
        case LikertItem():
            return Likert(item)
        case YesNoItem():
            return YesNo(item)
        case ChoiceItem():
            return Choice(item)
        case MultiItem():
            return Multi(item)
        case NumberItem():
            return Number(item)
        case DateItem():
            return Date(item)
        case TextItem():
            return Text(item)
        case _:
            assert_never(item)


class Kind(Generic[ItemT_co]):
    """The rules every kind has; each subclass fills them in for one kind."""

    __slots__ = ("item",)

    def __init__(self, item: ItemT_co) -> None:
        self.item = item

    def parse(self, q: Questionnaire, text: str, today: date) -> AnswerValue:
        """A typed answer (already stripped); an :class:`AnswerError` carries a reason fit to re-ask with."""
        raise NotImplementedError

    def check(self, q: Questionnaire, value: object) -> AnswerValue:
        """A stored answer (from a report, draft or answers file), validated against the item."""
        raise NotImplementedError

    def score(self, q: Questionnaire, value: AnswerValue) -> float | None:
        """The answer's score on 0-1; None for unscored items and unusable values."""
        return None

    def describe(self, q: Questionnaire, value: AnswerValue, lang: Lang) -> str:
        """The answer in words, as summaries and diffs show it."""
        return str(value)

    def choices(self, q: Questionnaire) -> Choices:
        """The numbered choices the interview shows; none for counts, dates and text."""
        return []

    def hint(self, q: Questionnaire, today: date) -> Phrase:
        """How to answer, in one line."""
        raise NotImplementedError

    def condition_problem(self, q: Questionnaire, op: str, value: object) -> Phrase | None:
        """Why ``item op value`` in a ``show_if`` can never hold, or None when it can."""
        if op == "contains":
            return Phrase(Msg.Q_CONTAINS_MULTI_ONLY)
        values = value if isinstance(value, list) and op in ("in", "not_in") else [value]
        return next((p for v in values if (p := self.literal_problem(q, op, v)) is not None), None)

    def literal_problem(self, q: Questionnaire, op: str, value: object) -> Phrase | None:
        """Why one value cannot be compared with the item's answers, or None."""
        raise NotImplementedError

    def definition_problems(self, q: Questionnaire) -> list[Phrase]:
        """What is wrong with the item's own definition beyond its fields' types ("scale: …", "bands: …")."""
        return []


class Likert(Kind[LikertItem]):
    """A statement rated on a labelled scale; ``reverse`` when agreeing is bad."""

    __slots__ = ()

    def parse(self, q: Questionnaire, text: str, today: date) -> AnswerValue:
        scale = q.scale_of(self.item)
        if not re.fullmatch(r"-?\d+", text) or not scale.min <= int(text) <= scale.max:
            raise AnswerError(Msg.ANSWER_LIKERT_RANGE, lo=scale.min, hi=scale.max)
        return int(text)

    def check(self, q: Questionnaire, value: object) -> AnswerValue:
        scale = q.scale_of(self.item)
        if not isinstance(value, int) or isinstance(value, bool) or not scale.min <= value <= scale.max:
            raise AnswerError(Msg.ANSWER_EXPECT_WHOLE, lo=scale.min, hi=scale.max, value=value)
        return value

    def score(self, q: Questionnaire, value: AnswerValue) -> float | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        scale = q.scale_of(self.item)
        ratio = (value - scale.min) / (scale.max - scale.min)
        return 1.0 - ratio if self.item.reverse else ratio

    def describe(self, q: Questionnaire, value: AnswerValue, lang: Lang) -> str:
        scale = q.scale_of(self.item)
        if not isinstance(value, int) or not scale.min <= value <= scale.max:
            return str(value)
        point = value - scale.min
        return f"{value} {pick(scale.labels[point], scale.labels_en[point] if scale.labels_en else None, lang)}"

    def choices(self, q: Questionnaire) -> Choices:
        scale = q.scale_of(self.item)
        english: Sequence[str | None] = scale.labels_en or [None] * len(scale.labels)
        return [
            (str(scale.min + i), Content(zh, en)) for i, (zh, en) in enumerate(zip(scale.labels, english, strict=True))
        ]

    def hint(self, q: Questionnaire, today: date) -> Phrase:
        scale = q.scale_of(self.item)
        return Phrase(Msg.HINT_LIKERT, lo=scale.min, hi=scale.max)

    def literal_problem(self, q: Questionnaire, op: str, value: object) -> Phrase | None:
        item = self.item
        scale = q.scale_of(item) if isinstance(item.scale, Scale) or item.scale in q.scales else None
        if isinstance(value, bool) or not isinstance(value, int):
            return Phrase(Msg.Q_NOT_SCALE_POINT, value=value, item=item.id)
        if scale is not None and not scale.min <= value <= scale.max:
            return Phrase(Msg.Q_OUTSIDE_SCALE, value=value, lo=scale.min, hi=scale.max, item=item.id)
        return None

    def definition_problems(self, q: Questionnaire) -> list[Phrase]:
        from selfcheck.questionnaire.checks import at, scale_problems

        if isinstance(self.item.scale, Scale):
            return scale_problems("scale", self.item.scale)
        if self.item.scale not in q.scales:
            return [at("scale", Phrase(Msg.Q_UNKNOWN_SCALE, name=self.item.scale))]
        return []


class YesNo(Kind[YesNoItem]):
    """A yes/no question about one's own record."""

    __slots__ = ()

    def parse(self, q: Questionnaire, text: str, today: date) -> AnswerValue:
        low = text.lower()
        if low in YES:
            return True
        if low in NO:
            return False
        raise AnswerError(Msg.ANSWER_YESNO)

    def check(self, q: Questionnaire, value: object) -> AnswerValue:
        if not isinstance(value, bool):
            raise AnswerError(Msg.ANSWER_EXPECT_BOOL, value=value)
        return value

    def score(self, q: Questionnaire, value: AnswerValue) -> float | None:
        if not isinstance(value, bool):
            return None
        return self.item.yes_score if value else self.item.no_score

    def describe(self, q: Questionnaire, value: AnswerValue, lang: Lang) -> str:
        return t(Msg.ANSWER_YES if value else Msg.ANSWER_NO, lang)

    def choices(self, q: Questionnaire) -> Choices:
        return [("1", Phrase(Msg.YES)), ("2", Phrase(Msg.NO))]

    def hint(self, q: Questionnaire, today: date) -> Phrase:
        return Phrase(Msg.HINT_YESNO)

    def literal_problem(self, q: Questionnaire, op: str, value: object) -> Phrase | None:
        if not isinstance(value, bool) or op not in ("eq", "ne"):
            return Phrase(Msg.Q_YESNO_OP, item=self.item.id)
        return None


def _option_id(options: list[Option], text: str) -> str:
    """An option typed by its number or its id."""
    ids = [o.id for o in options]
    if text.isdigit() and 1 <= int(text) <= len(ids):
        return ids[int(text) - 1]
    if text in ids:
        return text
    raise AnswerError(Msg.ANSWER_NO_OPTION, text=text, n=len(ids))


def _option_words(options: list[Option], value: AnswerValue, lang: Lang) -> str:
    """The chosen options by their labels."""
    chosen = value if isinstance(value, list) else [value]
    names = {o.id: pick(o.label, o.label_en, lang) for o in options}
    return t(Msg.LIST_SEPARATOR, lang).join(names.get(str(v), str(v)) for v in chosen)


def _option_choices(options: list[Option]) -> Choices:
    return [(str(i), Content(o.label, o.label_en)) for i, o in enumerate(options, 1)]


def _duplicate_options(options: list[Option]) -> list[Phrase]:
    from selfcheck.questionnaire.checks import at

    ids = [o.id for o in options]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    return [at("options", Phrase(Msg.Q_DUPLICATE_OPTION, id=dup)) for dup in twice]


class Choice(Kind[ChoiceItem]):
    """One option of several, each with its own score (0-1)."""

    __slots__ = ()

    def parse(self, q: Questionnaire, text: str, today: date) -> AnswerValue:
        return _option_id(self.item.options, text)

    def check(self, q: Questionnaire, value: object) -> AnswerValue:
        ids = [o.id for o in self.item.options]
        if value not in ids:
            raise AnswerError(Msg.ANSWER_EXPECT_OPTION, ids=", ".join(ids), value=value)
        return str(value)

    def score(self, q: Questionnaire, value: AnswerValue) -> float | None:
        if not isinstance(value, str):
            return None
        return next((o.score for o in self.item.options if o.id == value), None)

    def describe(self, q: Questionnaire, value: AnswerValue, lang: Lang) -> str:
        return _option_words(self.item.options, value, lang)

    def choices(self, q: Questionnaire) -> Choices:
        return _option_choices(self.item.options)

    def hint(self, q: Questionnaire, today: date) -> Phrase:
        return Phrase(Msg.HINT_CHOICE)

    def literal_problem(self, q: Questionnaire, op: str, value: object) -> Phrase | None:
        if op not in ("eq", "ne", "in", "not_in"):
            return Phrase(Msg.Q_OP_NOT_FOR_CHOICE, op=op)
        if value not in {o.id for o in self.item.options}:
            return Phrase(Msg.Q_NOT_OPTION, value=value, item=self.item.id)
        return None

    def definition_problems(self, q: Questionnaire) -> list[Phrase]:
        from selfcheck.questionnaire.checks import at

        out = _duplicate_options(self.item.options)
        return out + [
            at(f"option {o.id}: score", Phrase(Msg.Q_SCORE_0_1)) for o in self.item.options if not 0 <= o.score <= 1
        ]


class Multi(Kind[MultiItem]):
    """A checklist: score = ``base`` plus the scores (usually penalties) of the ticked options, kept in 0-1."""

    __slots__ = ()

    def parse(self, q: Questionnaire, text: str, today: date) -> AnswerValue:
        parts = [p for p in re.split(r"[,，、\s]+", text) if p]
        if not parts:
            raise AnswerError(Msg.ANSWER_MULTI_EMPTY)
        return self.check(q, list(dict.fromkeys(_option_id(self.item.options, p) for p in parts)))

    def check(self, q: Questionnaire, value: object) -> AnswerValue:
        options = self.item.options
        ids = [o.id for o in options]
        if not isinstance(value, list) or not value or any(v not in ids for v in value):
            raise AnswerError(Msg.ANSWER_EXPECT_OPTIONS, ids=", ".join(ids), value=value)
        twice = sorted({str(v) for v in value if value.count(v) > 1})
        if twice:
            raise AnswerError(Msg.MULTI_TWICE, options=", ".join(twice))
        exclusive = [o for o in options if o.exclusive and o.id in value]
        if exclusive and len(value) > 1:
            raise AnswerError(Msg.ANSWER_EXCLUSIVE, label=Content(exclusive[0].label, exclusive[0].label_en))
        return [str(v) for v in value]

    def score(self, q: Questionnaire, value: AnswerValue) -> float | None:
        if not isinstance(value, list):
            return None
        total = self.item.base + sum(o.score for o in self.item.options if o.id in value)
        return min(1.0, max(0.0, total))

    def describe(self, q: Questionnaire, value: AnswerValue, lang: Lang) -> str:
        return _option_words(self.item.options, value, lang)

    def choices(self, q: Questionnaire) -> Choices:
        return _option_choices(self.item.options)

    def hint(self, q: Questionnaire, today: date) -> Phrase:
        return Phrase(Msg.HINT_MULTI)

    def condition_problem(self, q: Questionnaire, op: str, value: object) -> Phrase | None:
        """A checklist is compared by the options it contains (or all of them, with eq and ne)."""
        if op not in ("contains", "eq", "ne"):
            return Phrase(Msg.Q_OP_NOT_FOR_MULTI, op=op)
        values = value if isinstance(value, list) else [value]
        return next((p for v in values if (p := self.literal_problem(q, op, v)) is not None), None)

    def literal_problem(self, q: Questionnaire, op: str, value: object) -> Phrase | None:
        if value not in {o.id for o in self.item.options}:
            return Phrase(Msg.Q_NOT_OPTION, value=value, item=self.item.id)
        return None

    def definition_problems(self, q: Questionnaire) -> list[Phrase]:
        from selfcheck.questionnaire.checks import at

        out = _duplicate_options(self.item.options)
        return out + [
            at(f"option {o.id}: score", Phrase(Msg.Q_SCORE_MINUS_1_1))
            for o in self.item.options
            if not -1 <= o.score <= 1
        ]


class Number(Kind[NumberItem]):
    """A count (days, visits, letters) mapped to a score by bands."""

    __slots__ = ()

    def parse(self, q: Questionnaire, text: str, today: date) -> AnswerValue:
        """A count, perhaps in full-width digits and followed by its unit: 15, １５, 15件, 15 days."""
        from selfcheck.questionnaire.dates import normalise

        item = self.item
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

    def check(self, q: Questionnaire, value: object) -> AnswerValue:
        item = self.item
        if isinstance(value, bool) or not isinstance(value, int) or not item.min <= value <= item.max:
            raise AnswerError(Msg.ANSWER_EXPECT_WHOLE, lo=item.min, hi=item.max, value=value)
        return value

    def score(self, q: Questionnaire, value: AnswerValue) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return next((b.score for b in self.item.bands if b.min <= value <= b.max), None)

    def describe(self, q: Questionnaire, value: AnswerValue, lang: Lang) -> str:
        return f"{value} {pick(self.item.unit, self.item.unit_en, lang)}".strip()

    def hint(self, q: Questionnaire, today: date) -> Phrase:
        item = self.item
        unit = Phrase(Msg.IN_BRACKETS, text=Content(item.unit, item.unit_en)) if item.unit else ""
        return Phrase(Msg.HINT_NUMBER, lo=item.min, hi=item.max, unit=unit)

    def literal_problem(self, q: Questionnaire, op: str, value: object) -> Phrase | None:
        item = self.item
        if isinstance(value, bool) or not isinstance(value, int):
            return Phrase(Msg.Q_NOT_NUMBER, value=value)
        if not item.min <= value <= item.max:
            return Phrase(Msg.Q_OUTSIDE_RANGE, value=value, lo=item.min, hi=item.max, item=item.id)
        return None

    def definition_problems(self, q: Questionnaire) -> list[Phrase]:
        from selfcheck.questionnaire.checks import at, range_problems

        item = self.item
        if item.min >= item.max:
            return [at("max", Phrase(Msg.Q_MAX_ABOVE_MIN))]
        return range_problems("bands", [(b.min, b.max) for b in item.bands], item.min, item.max, 1)


def date_hint(side: When, today: date) -> Phrase:
    """How to write a date, with an example that makes sense today (a deadline's example lies ahead)."""
    from selfcheck.questionnaire.dates import example

    day = example(side, today)
    message = {"any": Msg.HINT_DATE_ANY, "past": Msg.HINT_DATE_PAST, "future": Msg.HINT_DATE_FUTURE}[side]
    return Phrase(message, iso=day.isoformat(), y=day.year, m=day.month, d=day.day)


class Date(Kind[DateItem]):
    """A date from one's record (not scored); ``when`` says on which side of today it must lie."""

    __slots__ = ()

    def parse(self, q: Questionnaire, text: str, today: date) -> AnswerValue:
        from selfcheck.questionnaire.dates import parse_on_side

        return parse_on_side(text, self.item.when, today).isoformat()

    def check(self, q: Questionnaire, value: object) -> AnswerValue:
        if isinstance(value, date):
            return value.isoformat()
        if not isinstance(value, str):  # 20260315 as a number is not a date, though fromisoformat would take it
            raise AnswerError(Msg.DATE_NOT_TEXT, value=repr(value))
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise AnswerError(Msg.ANSWER_EXPECT_DATE, value=value) from None

    def hint(self, q: Questionnaire, today: date) -> Phrase:
        return date_hint(self.item.when, today)

    def literal_problem(self, q: Questionnaire, op: str, value: object) -> Phrase | None:
        if not isinstance(value, str) or not re.match(_ISO_DATE, value):
            return Phrase(Msg.Q_NOT_ISO_DATE, value=value)
        try:
            date.fromisoformat(value)
        except ValueError:
            return Phrase(Msg.Q_NOT_REAL_DATE, value=value)
        return None


class Text(Kind[TextItem]):
    """Free text (not scored)."""

    __slots__ = ()

    def parse(self, q: Questionnaire, text: str, today: date) -> AnswerValue:
        return self.check(q, text)

    def check(self, q: Questionnaire, value: object) -> AnswerValue:
        if not isinstance(value, str) or not value.strip():
            raise AnswerError(Msg.ANSWER_TEXT_EMPTY)
        if len(value) > MAX_TEXT:
            raise AnswerError(Msg.ANSWER_TEXT_LONG, n=MAX_TEXT)
        return value.strip()

    def hint(self, q: Questionnaire, today: date) -> Phrase:
        return Phrase(Msg.HINT_TEXT)

    def literal_problem(self, q: Questionnaire, op: str, value: object) -> Phrase | None:
        return None if isinstance(value, str) else Phrase(Msg.Q_NOT_TEXT, value=value)
