"""The end of a questionnaire and of 查摆: consistency notes with a chance to go back, and the problem norm."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from selfcheck.i18n import Lang, Msg, pick, t
from selfcheck.interview import detail_checks as wording
from selfcheck.records.report import finding_id
from selfcheck.scoring.notes import ALL_BEST, SAME_POINT
from selfcheck.terminal.console import Wrapped

if TYPE_CHECKING:
    from selfcheck.questionnaire.model import Questionnaire
    from selfcheck.terminal.prompts import Session


def note_text(q: Questionnaire, note: str, lang: Lang) -> str:
    """A consistency note's wording: the questionnaire's own for its checks, the catalogue's for the built-in two."""
    if note == SAME_POINT:
        return t(Msg.NOTE_SAME_POINT, lang)
    if note == ALL_BEST:
        return t(Msg.NOTE_ALL_BEST, lang)
    check = next((c for c in q.checks if c.id == note), None)
    return pick(check.note, check.note_en, lang) if check else note


def offer_notes(session: Session, q: Questionnaire) -> bool:
    """Show the questionnaire's consistency notes once; True when the person goes back to change answers."""
    from selfcheck.scoring.notes import consistency_notes

    if q.id in session.draft.noted:
        return False
    session.draft.noted.append(q.id)
    session.persist()
    notes = consistency_notes(q, session.interview.answers_for(q.id), session.interview.who)
    if not notes:
        return False
    body = Group(*(Wrapped(Text(f"·{note_text(q, n, session.lang)}")) for n in notes))
    session.console.print(Panel(body, title=t(Msg.NOTES_HEAD, session.lang), title_align="left", border_style="yellow"))
    if session.read(t(Msg.NOTES_BACK, session.lang)).lower() == "b":
        return session.interview.back()
    return False


def run_norm(session: Session, questionnaires: list[Questionnaire], created_key: str, default_owner: str) -> None:
    """For each dimension short of the problem norm: name a problem with its 具体表现, or write why none applies."""
    from selfcheck.scoring.norm import missing_problems

    lang = session.lang
    for q in questionnaires:
        for dim in q.dimensions:
            reasons = session.draft.no_problem.get(q.id, {})
            found = [(f.questionnaire, f.item, f.dimension) for f in session.draft.findings]
            short = missing_problems(q, found, reasons).get(dim.id, 0)
            for _ in range(short):
                title = pick(dim.title, dim.title_en, lang)
                head = t(Msg.NORM_HEAD, lang, questionnaire=pick(q.title, q.title_en, lang), dimension=title)
                ask = t(Msg.NORM_ASK, lang, dimension=title, n=q.min_problems_per_dimension)
                session.console.print(Panel(Text(ask), title=head, title_align="left", border_style="yellow"))
                choice = None
                while choice is None:
                    choice = session.ask_number(t(Msg.NORM_CHOOSE, lang), t(Msg.NORM_CHOICES, lang).split("|"))
                if choice == 1:
                    problem = session.read_required(t(Msg.ASK_PROBLEM, lang))
                    n = sum(1 for f in session.draft.findings if f.dimension == dim.id) + 1
                    fid = finding_id(session.draft.created, f"{created_key}/{q.id}/{dim.id}/norm-{n}")
                    finding = session.ask_details(problem, fid, default_owner, required=True)
                    update = {"questionnaire": q.id, "dimension": dim.id}
                    session.draft.findings.append(finding.model_copy(update=update))
                else:
                    session.draft.no_problem.setdefault(q.id, {})[dim.id] = ask_reason(session)
                    session.persist()
                    break
                session.persist()


def ask_reason(session: Session) -> str:
    """Why no problem applies: required, and at least as long as a 具体表现."""
    while True:
        reason = session.read_required(t(Msg.NORM_REASON, session.lang))
        if not wording.too_short(reason):
            return reason
        session.note(t(Msg.NORM_REASON_SHORT, session.lang, min=wording.MIN_DETAIL))
