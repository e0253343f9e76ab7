"""民主测评 beyond the dimensions: the overall grade of the person and the disqualifying situations a rater knows of."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.panel import Panel
from rich.text import Text

from selfcheck.i18n import Msg, pick, pick_list, t

if TYPE_CHECKING:
    from selfcheck.questionnaire.model import Questionnaire
    from selfcheck.terminal.prompts import Session


def ask_grades(session: Session, questionnaires: list[Questionnaire]) -> None:
    """For each form with ``[grades]`` or ``[[disqualifiers]]``: the grade (Enter: 不了解) and the ticked situations."""
    lang = session.lang
    for q in questionnaires:
        if q.id in session.draft.grades or (q.grades is None and not q.disqualifiers):
            continue
        given: dict[str, str | list[str]] = {}
        title = pick(q.title, q.title_en, lang)
        if q.grades is not None:
            labels = pick_list(q.grades.labels, q.grades.labels_en, lang)
            session.console.print(Panel(Text(t(Msg.GRADE_ASK, lang), style="bold"), title=title, title_align="left"))
            mark = session.ask_number(t(Msg.RATING_PROMPT, lang), list(labels))
            if mark is not None:
                given["grade"] = q.grades.labels[mark - 1]  # stored as the form names it in Chinese
        if q.disqualifiers:
            given["disqualifiers"] = _ask_situations(session, q)
        session.draft.grades[q.id] = given
        session.persist()


def _ask_situations(session: Session, q: Questionnaire) -> list[str]:
    """A checklist of 反向情形; Enter means none that the rater knows of."""
    lang = session.lang
    lines = [f"{n}  {pick(o.label, o.label_en, lang)}" for n, o in enumerate(q.disqualifiers, 1)]
    session.console.print(Text(t(Msg.DISQUALIFIERS_ASK, lang), style="bold"))
    session.console.print(Text("\n".join(lines)))
    while True:
        raw = session.read(t(Msg.DISQUALIFIERS_PROMPT, lang))
        parts = [p for p in re.split(r"[,，、\s]+", raw) if p]
        if all(p.isdigit() and 1 <= int(p) <= len(q.disqualifiers) for p in parts):
            return list(dict.fromkeys(q.disqualifiers[int(p) - 1].id for p in parts))
        session.note(t(Msg.BAD_NUMBER, lang, n=len(q.disqualifiers)))
