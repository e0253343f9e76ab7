"""回头看: before new problems, how each open problem of the ledger went — once per problem, nothing skipped.

Each problem shows its measure, deadline and days left; the person gives the status and evidence, and for a
problem added by hand (no item can find it again) whether it persists — then it is carried into this 查摆 — or was
solved. ``b`` goes back (a field, or to the previous problem), ``?`` explains the field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.panel import Panel
from rich.text import Text

from selfcheck.i18n import Msg, t
from selfcheck.records.codes import Progress
from selfcheck.records.ledger import Problem, status_label, thin_evidence
from selfcheck.records.report import Outcome, ReviewEntry, ReviewStatus
from selfcheck.terminal.forms import Ask, Back, fill

if TYPE_CHECKING:
    from selfcheck.terminal.prompts import Session

STATUSES: list[ReviewStatus] = ["todo", "doing", "done"]
OUTCOMES: list[Outcome] = ["persists", "solved"]


def problem_panel(s: Session, p: Problem, n: int, total: int, today: date) -> Panel:
    """The problem, its measure and deadline, and the days left (or overdue); never an empty line."""
    from selfcheck.terminal.views import days_text

    fill_in = t(Msg.PLAN_TO_FILL, s.lang)
    body = Text.assemble(
        (p.problem, "bold"),
        "\n",
        t(Msg.REVIEW_MEASURE, s.lang, measure=p.measure or fill_in, deadline=p.deadline or fill_in),
        "  ",
    )
    body.append_text(days_text(p.days_left(today), s.lang))
    title = t(Msg.REVIEW_HEAD, s.lang, n=n, total=total, id=p.id)
    return Panel(body, title=title, title_align="left")


def _ask_evidence(s: Session, values: dict[str, Any]) -> str:
    """Evidence; required when done or solved; a single character is questioned once (Enter keeps it)."""
    needed = values["status"] == "done" or values.get("outcome") == "solved"
    evidence = s.read(t(Msg.REVIEW_EVIDENCE, s.lang))
    while needed and not evidence:
        s.note(t(Msg.REVIEW_EVIDENCE_REQUIRED, s.lang))
        evidence = s.read(t(Msg.REVIEW_EVIDENCE, s.lang))
    if thin_evidence(evidence):
        s.note(t(Msg.LEDGER_THIN_EVIDENCE, s.lang, evidence=evidence))
        evidence = s.read(t(Msg.REVIEW_EVIDENCE, s.lang)) or evidence
    return evidence


def review_one(s: Session, p: Problem, n: int, total: int, kept: dict[str, str]) -> ReviewEntry:
    """Ask about one problem; :class:`Back` from its first field means the previous problem."""
    s.console.print(problem_panel(s, p, n, total, s.today))
    labels = [status_label(x, s.lang) for x in STATUSES]
    current = STATUSES.index(p.status) + 1 if p.status in STATUSES else 1

    def status(_: dict[str, Any]) -> ReviewStatus:
        return STATUSES[(s.ask_number(t(Msg.REVIEW_STATUS, s.lang), labels, default=current) or current) - 1]

    def outcome(_: dict[str, Any]) -> Outcome:
        words = [t(Msg.REVIEW_PERSISTS, s.lang), t(Msg.REVIEW_SOLVED, s.lang)]
        return OUTCOMES[(s.ask_number(t(Msg.REVIEW_OUTCOME, s.lang), words, default=1) or 1) - 1]

    fields: list[tuple[str, Msg, Ask]] = [("status", Msg.FORM_HELP_REVIEW_STATUS, status)]
    if p.by_hand:
        fields.append(("outcome", Msg.FORM_HELP_REVIEW_OUTCOME, outcome))
    fields.append(("evidence", Msg.FORM_HELP_REVIEW_EVIDENCE, lambda v: _ask_evidence(s, v)))
    v = fill(s, fields, kept)
    if v.get("outcome") == "solved":
        v["status"] = "done"  # solved, with evidence: the ledger marks it done (closing still needs a check)
    return ReviewEntry(
        finding=p.findings[-1] if p.findings else p.id,
        report=p.reports[-1] if p.reports else "",
        problem_id=p.id,
        questionnaire=p.questionnaire if p.by_hand else None,
        dimension=p.dimension,
        problem=p.problem,
        measure=p.measure,
        deadline=p.deadline,
        status=v["status"],
        evidence=v["evidence"],
        outcome=v.get("outcome", ""),
    )


def run_review(s: Session, open_problems: list[Problem], record: Callable[[Problem, Progress, str], None]) -> None:
    """Ask once per open problem not yet reviewed in this run, recording each answer in the ledger and draft."""
    done = {r.problem_id or r.finding for r in s.draft.review}
    todo = [p for p in open_problems if p.id not in done]
    if not todo:
        return
    s.console.print(Text(t(Msg.REVIEW_INTRO, s.lang, n=len(todo)), style="bold"))
    s.note(t(Msg.FORM_KEYS, s.lang), style="dim")
    k = 0
    while k < len(todo):
        p = todo[k]
        try:
            # What was typed lives in the draft: saved if the person quits half-way, kept when going back with b.
            entry = review_one(s, p, k + 1, len(todo), s.draft.partial.setdefault(f"review/{p.id}", {}))
        except Back:
            if k == 0:
                s.note(t(Msg.FORM_AT_FIRST_PROBLEM, s.lang))
                continue
            k -= 1  # the previous problem is asked again; its new answer replaces the draft's entry
            s.draft.review = [r for r in s.draft.review if (r.problem_id or r.finding) != todo[k].id]
            s.persist()
            continue
        record(p, entry.status, entry.evidence)
        s.draft.review.append(entry)
        s.persist()
        k += 1
    for p in todo:  # the look-back is done: its lines are in the draft's entries now
        s.draft.partial.pop(f"review/{p.id}", None)
