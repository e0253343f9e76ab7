"""Dates as people write them: ISO and the common Chinese forms, with 月底/年底 as the last day.

Accepted (full-width digits and separators too, spaces ignored): ``2027-06-30``, ``2027-6-30``, ``2027/6/30``,
``2027.6.30``, ``20270630``, ``2027年6月30日`` (or 号, or no 日), ``2027年6月底`` / ``月末``, ``2027年底`` / ``年末``.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta
from typing import Literal

from selfcheck.errors import AnswerError
from selfcheck.i18n import Msg

When = Literal["any", "past", "future"]
"""Which side of today a date may fall on: ``past`` for a record (not after today), ``future`` for a deadline."""

_DAY = re.compile(r"(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|(\d{2})(\d{2}))")
_ZH_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?")
_ZH_MONTH_END = re.compile(r"(\d{4})年(\d{1,2})月[底末]")
_ZH_YEAR_END = re.compile(r"(\d{4})年[底末]")


def normalise(text: str) -> str:
    """Full-width digits and punctuation as ASCII (NFKC), spaces removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def parse_date(text: str) -> date:
    """The date ``text`` names; :class:`AnswerError` says which forms work, or that the day does not exist."""
    s = normalise(text)
    year, month, day = _parts(s)
    if year is None or month is None:
        raise AnswerError(Msg.DATE_UNREADABLE, text=text.strip())
    if not 1 <= month <= 12:
        raise AnswerError(Msg.DATE_NO_SUCH_DAY, text=text.strip())
    last = calendar.monthrange(year, month)[1]
    if day is None:
        day = last
    if not 1 <= day <= last:
        raise AnswerError(Msg.DATE_NO_SUCH_DAY, text=text.strip())
    return date(year, month, day)


def _parts(s: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) from a normalised string; day None means the month's last day."""
    if m := _DAY.fullmatch(s):
        return int(m[1]), int(m[2] or m[4]), int(m[3] or m[5])
    if m := _ZH_DAY.fullmatch(s):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _ZH_MONTH_END.fullmatch(s):
        return int(m[1]), int(m[2]), None
    if m := _ZH_YEAR_END.fullmatch(s):
        return int(m[1]), 12, None
    return None, None, None


def check_side(when: date, side: When, today: date) -> None:
    """Refuse a record date after today, or a deadline before today, saying why."""
    if side == "past" and when > today:
        raise AnswerError(Msg.DATE_NOT_YET, date=when.isoformat(), today=today.isoformat())
    if side == "future" and when < today:
        raise AnswerError(Msg.DATE_ALREADY_PAST, date=when.isoformat(), today=today.isoformat())


def parse_on_side(text: str, side: When, today: date) -> date:
    """:func:`parse_date`, then :func:`check_side`."""
    when = parse_date(text)
    check_side(when, side, today)
    return when


def example(side: When, today: date) -> date:
    """A date worth showing as an example: today for records, the end of the month three months on for deadlines."""
    if side != "future":
        return today
    ahead = today.replace(day=1) + timedelta(days=31 * 3)
    return ahead.replace(day=calendar.monthrange(ahead.year, ahead.month)[1])
