"""Checking a correction of a ledger entry (``selfcheck plan edit``) before it is recorded."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from selfcheck.errors import UsageError
from selfcheck.i18n import Msg
from selfcheck.records.report import CAUSES, CauseCode

if TYPE_CHECKING:
    from selfcheck.records.ledger import EditField, Problem


def parse_causes(text: str) -> list[CauseCode]:
    """``zongzhi,other`` → the cause codes, in order, no repeats; an unknown word is a usage error."""
    out: list[CauseCode] = []
    for part in text.replace("，", ",").split(","):
        word = part.strip().lower()
        if not word:
            continue
        match = next((c for c in CAUSES if c == word), None)
        if match is None:
            raise UsageError(Msg.EDIT_BAD_CAUSE, cause=part.strip(), known=", ".join(CAUSES))
        if match not in out:
            out.append(match)
    if not out:
        raise UsageError(Msg.EDIT_BAD_CAUSE, cause=text, known=", ".join(CAUSES))
    return out


def changes_from_options(
    p: Problem,
    measure: str | None,
    deadline: str | None,
    owner: str | None,
    cause: str | None,
    cause_note: str | None,
    today: date,
) -> dict[EditField, str | list[CauseCode]]:
    """The checked changes: no empty measure or owner, a real deadline not in the past, known causes, and a note
    whenever 其他 (other) is among the causes."""
    changes: dict[EditField, str | list[CauseCode]] = {}
    if measure is not None:
        if not measure.strip():
            raise UsageError(Msg.EDIT_EMPTY, field="--measure")
        changes["measure"] = measure.strip()
    if deadline is not None:
        from selfcheck.errors import AnswerError
        from selfcheck.questionnaire.dates import parse_date

        try:
            day = parse_date(deadline.strip())  # as the interview reads it: 2027-06-30, 2027年6月底 …
        except AnswerError:
            raise UsageError(Msg.EDIT_BAD_DEADLINE, deadline=deadline) from None
        if day < today:
            raise UsageError(Msg.EDIT_DEADLINE_PAST, deadline=deadline, today=today.isoformat())
        changes["deadline"] = day.isoformat()
    if owner is not None:
        if not owner.strip():
            raise UsageError(Msg.EDIT_EMPTY, field="--owner")
        changes["owner"] = owner.strip()
    causes = parse_causes(cause) if cause is not None else p.causes
    if cause is not None:
        changes["causes"] = causes
    if cause_note is not None:
        changes["cause_note"] = cause_note.strip()
    note = cause_note.strip() if cause_note is not None else p.cause_note
    if "other" in causes and not note and (cause is not None or cause_note is not None):
        raise UsageError(Msg.EDIT_OTHER_NEEDS_NOTE)
    return changes
