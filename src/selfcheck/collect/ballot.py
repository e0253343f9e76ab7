"""Ballots: one-time codes, a submitted ballot checked field by field, and the rating reports it becomes. Pure.

A ballot rates every subject of the meeting on the form's columns (see :mod:`selfcheck.collect.form`); each rated
subject becomes one rating report, exactly as ``selfcheck rate`` writes it (role peer or masses, the subject, the
marks and comments), dated by the day only so that the time of a ballot cannot point to the person who cast it.
"""

from __future__ import annotations

import base64
import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from selfcheck.collect.form import GRADE, Column
from selfcheck.compare.gap import SUBJECT_COMMENT
from selfcheck.i18n import Msg
from selfcheck.records.codes import RaterRole

if TYPE_CHECKING:
    from selfcheck.questionnaire.model import Questionnaire
    from selfcheck.records.report import Report


Role = RaterRole
MAX_COMMENT = 500
"""Characters in one comment: room for a paragraph, not for a file."""
CODE_BYTES = 16
"""128 bits: guessing a code is hopeless, so a code alone is enough to let one ballot in."""

Problem = tuple[Msg, dict[str, object]]


def new_code() -> str:
    """A fresh one-time code: 128 random bits as 26 lower-case base32 characters (letters and 2-7).

    base32 rather than ``token_urlsafe``: a rater may have to type it from a paper slip, and base32 has no
    look-alike characters, no case and no punctuation to get wrong."""
    return base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii").rstrip("=").lower()


def normalise_code(text: str) -> str:
    """A code as typed: case, spaces and the dashes of the printed groups do not matter."""
    return "".join(c for c in text.lower() if c not in " -\t")


def grouped(code: str) -> str:
    """A code as printed on a slip, in groups of four: ``abcd-efgh-…``."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


@dataclass
class Ballot:
    """One rater's marks (subject → column → mark, 1 = worst; abstentions absent) and comments (subject → text)."""

    marks: dict[str, dict[str, int]] = field(default_factory=dict)
    """The overall grade, when the form has one, is the mark under :data:`~selfcheck.collect.form.GRADE`."""
    comments: dict[str, str] = field(default_factory=dict)
    disqualifiers: dict[str, list[str]] = field(default_factory=dict)
    """Subject → the ids of the disqualifying situations (反向情形) the rater ticked."""

    def rated(self) -> list[str]:
        """Subjects this ballot says something about; a subject left wholly at 不了解 is not a rating."""
        said = dict.fromkeys([*self.marks, *self.comments, *self.disqualifiers])
        return [s for s in said if self.marks.get(s) or self.comments.get(s) or self.disqualifiers.get(s)]


def mark_field(index: int, column: str) -> str:
    """The form field of one cell: by the subject's position, so names never appear in field names."""
    return f"m-{index}-{column}"


def comment_field(index: int) -> str:
    """The form field of a subject's comment."""
    return f"c-{index}"


def disqualifier_field(index: int) -> str:
    """The form field (one value per ticked box) of a subject's disqualifying situations."""
    return f"d-{index}"


def clean_comment(text: str) -> str:
    """A comment as stored: control characters other than line breaks removed, line breaks unified, trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c == "\n" or unicodedata.category(c)[0] != "C").strip()


def read_ballot(
    fields: Mapping[str, Sequence[str]],
    subjects: Sequence[str],
    cols: Sequence[Column],
    allowed: Sequence[str] = (),
    situations: Sequence[str] = (),
) -> tuple[Ballot, list[Problem]]:
    """A submitted form → the ballot and every problem in it (unknown field, repeated field, mark out of range,
    comment too long, unknown situation). ``allowed`` are further fields the caller reads itself (the code, the
    CSRF token); ``situations`` the ids of the form's disqualifying situations."""
    problems: list[Problem] = []
    expected: dict[str, tuple[str, Column | None]] = {}
    ticks = {disqualifier_field(i): subject for i, subject in enumerate(subjects)}
    for i, subject in enumerate(subjects):
        for col in cols:
            expected[mark_field(i, col.key)] = (subject, col)
        expected[comment_field(i)] = (subject, None)
    ballot = Ballot()
    for name, values in fields.items():
        if name in allowed:
            continue
        if name in ticks:
            unknown = [v for v in values if v not in situations]
            for value in unknown:
                problems.append((Msg.BALLOT_BAD_DISQUALIFIER, {"subject": ticks[name], "value": value[:40]}))
            if not unknown:
                ballot.disqualifiers[ticks[name]] = [s for s in situations if s in values]
            continue
        if name not in expected:
            problems.append((Msg.BALLOT_UNKNOWN_FIELD, {"field": name[:40]}))
            continue
        if len(values) != 1:
            problems.append((Msg.BALLOT_REPEATED_FIELD, {"field": name}))
            continue
        subject, column = expected[name]
        value = values[0].strip()
        if column is None:
            comment = clean_comment(values[0])
            if len(comment) > MAX_COMMENT:
                problems.append((Msg.BALLOT_COMMENT_TOO_LONG, {"subject": subject, "max": MAX_COMMENT}))
            elif comment:
                ballot.comments[subject] = comment
        elif value:
            if not value.isdecimal() or not 1 <= int(value) <= len(column.labels):
                n = len(column.labels)
                problems.append((Msg.BALLOT_BAD_MARK, {"subject": subject, "column": column.title, "n": n}))
            else:
                ballot.marks.setdefault(subject, {})[column.key] = int(value)
    return ballot, problems


def ballot_day(day: date) -> datetime:
    """The time a ballot's reports carry: midnight of its day in the local zone (the date only)."""
    from selfcheck.records.report import now

    return datetime.combine(day, time(0), tzinfo=now().tzinfo)


def _grade(form: Questionnaire, marks: dict[str, int], ticked: list[str]) -> dict[str, object]:
    """The report's ``grade`` (the grade's label, as the form names it) and ``disqualifiers``."""
    out: dict[str, object] = {}
    if GRADE in marks and form.grades is not None:
        out["grade"] = form.grades.labels[len(form.grades.labels) - marks[GRADE]]  # 1 = worst = last in the file
    if ticked:
        out["disqualifiers"] = list(ticked)
    return out


def to_reports(form: Questionnaire, ballot: Ballot, role: Role, day: date) -> list[Report]:
    """One rating report per subject the ballot rates, as ``selfcheck rate`` writes them."""
    from selfcheck import __version__
    from selfcheck.records.report import Respondent, build

    out = []
    for subject in ballot.rated():
        comments = {SUBJECT_COMMENT: ballot.comments[subject]} if subject in ballot.comments else {}
        marks = dict(ballot.marks.get(subject, {}))
        grade = _grade(form, marks, ballot.disqualifiers.get(subject, []))
        marks.pop(GRADE, None)
        out.append(
            build(
                [form],
                {form.id: {}},
                {},
                [],
                name=None,
                created=ballot_day(day),
                tool_version=__version__,
                respondent=Respondent(role=role, subject=subject),
                ratings={form.id: marks},
                comments={form.id: comments},
                grades={form.id: grade},
            )
        )
    return out
