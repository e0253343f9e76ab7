"""A rating form as columns: what a 测评表 asks about each subject, for the page, the paper sheet and the import.

:func:`columns` is the one place that turns a questionnaire into columns, so the overall grade (总体评价) joins
every ballot path at once when questionnaires carry it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from selfcheck.errors import UsageError
from selfcheck.i18n import Lang, Msg, pick, pick_list, t
from selfcheck.questionnaire.model import Option, Questionnaire

MAX_SUBJECTS = 60
"""A branch's 测评表 lists its members; more than this is a mistake in the list, not a meeting."""
MAX_NAME = 40
GRADE = "_grade"
"""The key of the overall-grade column; a dimension id cannot start with ``_``, so the two never collide."""


@dataclass(frozen=True)
class Column:
    """One column of the 测评表: a dimension rated on the form's scale, or the overall grade; marks count from 1 =
    the worst label."""

    key: str
    title: str
    title_en: str | None
    labels: tuple[str, ...]
    labels_en: tuple[str, ...] | None
    kind: Literal["rating", "grade"] = "rating"

    def heading(self, lang: Lang) -> str:
        """The column's heading in ``lang``."""
        return pick(self.title, self.title_en, lang)

    def label_list(self, lang: Lang) -> list[str]:
        """The marks' labels in ``lang``, worst first."""
        return pick_list(self.labels, self.labels_en, lang)


def columns(form: Questionnaire) -> list[Column]:
    """The form's columns: one per dimension on the form's 民主测评 scale, then the overall grade (总体评价) when
    the form has ``[grades]``. The form must have ``[rating]``."""
    if form.rating is None:
        raise UsageError(Msg.COLLECT_NO_RATING, form=form.id)
    rating = form.rating
    labels_en = tuple(rating.labels_en) if rating.labels_en else None
    out = [Column(d.id, d.title, d.title_en, tuple(rating.labels), labels_en) for d in form.dimensions]
    if form.grades is not None:
        grades = form.grades  # best first in the file; worst first here, as every column counts
        en = tuple(reversed(grades.labels_en)) if grades.labels_en else None
        title_en = t(Msg.COLLECT_GRADE, "en") if form.title_en else None
        out.append(Column(GRADE, t(Msg.COLLECT_GRADE, "zh"), title_en, tuple(reversed(grades.labels)), en, "grade"))
    return out


def disqualifiers(form: Questionnaire) -> list[Option]:
    """The situations a rater may tick that disqualify the person (反向情形), in the form's order."""
    return list(form.disqualifiers)


def abstain_label(form: Questionnaire, lang: Lang) -> str:
    """What 不了解 is called on this form."""
    rating = form.rating
    if rating is None:
        return t(Msg.COLLECT_ABSTAIN, lang)
    return pick(rating.abstain or t(Msg.COLLECT_ABSTAIN, "zh"), rating.abstain_en or t(Msg.COLLECT_ABSTAIN, "en"), lang)


_SEPARATORS = re.compile(r"[,，、;；\n]+")


def parse_subjects(text: str) -> list[str]:
    """The subjects from ``张三,李四`` (also ，、; or one per line): trimmed, no empties, no duplicates."""
    names = [n.strip() for n in _SEPARATORS.split(text) if n.strip()]
    if not names:
        raise UsageError(Msg.COLLECT_NO_SUBJECTS)
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise UsageError(Msg.COLLECT_DUPLICATE_SUBJECT, name=name)
        if len(name) > MAX_NAME or any(ord(c) < 32 for c in name):
            raise UsageError(Msg.COLLECT_BAD_SUBJECT, name=name[:MAX_NAME], max=MAX_NAME)
        seen.add(name)
    if len(names) > MAX_SUBJECTS:
        raise UsageError(Msg.COLLECT_TOO_MANY_SUBJECTS, n=len(names), max=MAX_SUBJECTS)
    return names
