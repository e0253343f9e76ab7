"""``selfcheck plan``: the rectification ledger (整改台账)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from selfcheck.cli import plain_app
from selfcheck.cli.options import FolderOption, LangOption, chosen_lang, print_json, resolve_lang, warn_skipped
from selfcheck.records.codes import Progress  # at run time: Typer reads the choices of --status from it

if TYPE_CHECKING:
    from selfcheck.i18n import Lang, Msg
    from selfcheck.records.ledger import Ledger, Problem
    from selfcheck.records.report import Report

app = plain_app(
    help=(
        "整改台账 — open rectification measures and their progress.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  selfcheck plan\n"
        "  selfcheck plan --all --json\n"
        "  selfcheck plan update F3a9c0b1 --status doing\n"
        "  selfcheck plan update F3a9c0b1 --status done \\\n"
        '      --evidence "10月入户走访台账12户"\n'
        "  selfcheck plan edit zuofeng/gz-days \\\n"
        '      --measure "每季度入户走访不少于2次"'
    ),
    invoke_without_command=True,
)


def _ledger(folder: Path | None) -> tuple[Path, Ledger, list[tuple[Path, Report]]]:
    """The reports folder, its ledger with every report taken in, and the reports."""
    from selfcheck.records import ledger, storage

    base = storage.reports_dir(folder)
    rows, broken = storage.load_all(base)
    for exc in broken:
        warn_skipped(exc, chosen_lang())
    return base, ledger.current(base, rows), rows


def _problem_json(p: Problem, today: date) -> dict[str, Any]:
    data = p.model_dump(mode="json", exclude_none=True, exclude={"events"})
    return {
        **data,
        "status": p.status,
        "days_left": p.days_left(today),
        "reports": p.reports,
        "findings": p.findings,
        "history": [e.model_dump(mode="json", exclude_none=True) for e in p.events],
    }


@app.callback()
def plan(
    ctx: typer.Context,
    show_all: Annotated[bool, typer.Option("--all", help="Include completed measures.")] = False,
    json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    folder: FolderOption = None,
    lang: LangOption = None,
) -> None:
    """List the open rectification measures, one per problem, with days left or overdue."""
    if ctx.invoked_subcommand is not None:
        return
    _base, book, _rows = _ledger(folder)
    # Soonest deadline first; problems without one last, in the order first found.
    problems = sorted(book.open(include_done=show_all), key=lambda p: (p.deadline is None, p.deadline or ""))
    today = date.today()
    if json:
        print_json([_problem_json(p, today) for p in problems])
        return
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.views import plan_view

    make_console().print(plan_view(problems, today, resolve_lang(lang)))


def _ask_evidence(evidence: str, status: str, language: Lang) -> str:
    """Evidence from the option, asked for at a terminal when missing or too thin to say what was done."""
    import sys

    from selfcheck.errors import UsageError
    from selfcheck.i18n import Msg, t
    from selfcheck.records.ledger import thin_evidence

    prompt = t(Msg.ASK_EVIDENCE if status == "done" else Msg.ASK_CHECK_NOTE, language)
    if status in ("done", "closed") and not evidence.strip() and sys.stdin.isatty():
        evidence = typer.prompt(prompt)
    if thin_evidence(evidence):
        if not sys.stdin.isatty():
            raise UsageError(Msg.LEDGER_THIN_EVIDENCE, evidence=evidence)
        typer.echo(t(Msg.LEDGER_THIN_EVIDENCE, language, evidence=evidence))
        evidence = typer.prompt(prompt, default=evidence)
    return evidence


def _done_on(when: str | None) -> date:
    """The day progress happened: today by default; any form people write dates in, never after today."""
    from selfcheck.errors import AnswerError, UsageError
    from selfcheck.i18n import Msg
    from selfcheck.questionnaire.dates import parse_date

    today = date.today()
    if not when:
        return today
    try:
        day = parse_date(when)
    except AnswerError:
        raise UsageError(Msg.PLAN_DATE_BAD, text=when) from None
    if day > today:
        raise UsageError(Msg.PLAN_DATE_FUTURE, date=day.isoformat(), today=today.isoformat())
    return day


@app.command()
def update(
    finding_id: Annotated[
        str, typer.Argument(metavar="ID", help="The problem's id, or a finding id from a report (or a unique prefix).")
    ],
    status: Annotated[
        Progress, typer.Option("--status", help="closed: 销号, after someone else's check, only after done.")
    ],
    evidence: Annotated[
        str | None,
        typer.Option("--evidence", help="What was done (required for done); who checked it and when (for closed)."),
    ] = None,
    when: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="When it happened (default: today; not in the future)."),
    ] = None,
    folder: FolderOption = None,
    lang: LangOption = None,
) -> None:
    """Record progress on a measure; the reports stay unchanged, the ledger keeps every change.

    Example: selfcheck plan update F3a9c0b1 --status done --evidence "已建立回访登记表"
    """
    from selfcheck.i18n import Msg, t
    from selfcheck.records import ledger
    from selfcheck.records.report import now

    language = resolve_lang(lang)
    day = _done_on(when)
    base, book, rows = _ledger(folder)
    problem = ledger.find(book, finding_id)  # a wrong id is said before anything is asked
    text = _ask_evidence(evidence or "", status, language)
    event = ledger.update(base, lambda b: ledger.record(ledger.find(b, problem.id), status, text, day, now()), rows)
    label = ledger.status_label(event.status or "todo", language)
    from selfcheck.terminal.visible import visible

    typer.echo(visible(t(Msg.LEDGER_RECORDED, language, id=problem.id, status=label, date=event.date)))


@app.command()
def edit(
    problem_id: Annotated[str, typer.Argument(metavar="ID", help="The problem's id, or a finding id (or a prefix).")],
    measure: Annotated[str | None, typer.Option("--measure", help="The new measure.")] = None,
    deadline: Annotated[str | None, typer.Option("--deadline", metavar="YYYY-MM-DD", help="The new deadline.")] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="The new responsible person.")] = None,
    cause: Annotated[
        str | None,
        typer.Option("--cause", help="Causes, comma-separated: lixiang, zongzhi, dangxing, nengli, other."),
    ] = None,
    cause_note: Annotated[
        str | None, typer.Option("--cause-note", help="The cause explained (needed for other).")
    ] = None,
    folder: FolderOption = None,
    lang: LangOption = None,
) -> None:
    """Correct a problem's measure, deadline, owner or cause; the change is kept in its history, reports stay.

    Example: selfcheck plan edit zuofeng/gz-days --deadline 2027-06-30 --measure "每月到联系村入户走访2次"
    """
    from selfcheck.errors import UsageError
    from selfcheck.i18n import Msg, t
    from selfcheck.records import ledger
    from selfcheck.records.report import now
    from selfcheck.records.revise import changes_from_options

    language = resolve_lang(lang)
    base, book, rows = _ledger(folder)
    problem = ledger.find(book, problem_id)
    changes = changes_from_options(problem, measure, deadline, owner, cause, cause_note, date.today())
    if not changes:
        raise UsageError(Msg.EDIT_NOTHING)
    events = ledger.update(base, lambda b: ledger.edit(ledger.find(b, problem.id), changes, now()), rows)
    from selfcheck.terminal.visible import visible

    head = Msg.EDIT_HEAD if events else Msg.EDIT_SAME
    lines = [t(head, language, id=problem.id, problem=problem.problem)]
    for e in events:
        if e.changed is None:  # pragma: no cover - an edit event always names its field
            continue
        old, new = (_edit_value(e.changed, value, language) for value in (e.old, e.new))
        lines.append(t(Msg.EDIT_DONE, language, field=t(_edit_msgs()[e.changed], language), old=old, new=new))
    typer.echo(visible("\n".join(lines)))


def _edit_msgs() -> dict[str, Msg]:
    """The catalogue's word for each field ``plan edit`` can change."""
    from selfcheck.i18n import Msg

    return {
        "measure": Msg.EDIT_FIELD_MEASURE,
        "deadline": Msg.EDIT_FIELD_DEADLINE,
        "owner": Msg.EDIT_FIELD_OWNER,
        "causes": Msg.EDIT_FIELD_CAUSES,
        "cause_note": Msg.EDIT_FIELD_CAUSE_NOTE,
    }


def _edit_value(field: str, value: str | None, lang: Lang) -> str:
    """An edited field's value in words: causes by their labels, an empty value as not filled in."""
    from selfcheck.i18n import Msg, t
    from selfcheck.records.report import CAUSE_LABELS

    if not value:
        return t(Msg.PLAN_TO_FILL, lang)
    if field != "causes":
        return value
    codes = [c.strip() for c in value.split(",") if c.strip()]
    labels = [t(CAUSE_LABELS[c], lang) if c in CAUSE_LABELS else c for c in codes]
    return t(Msg.EDIT_CAUSE_SEPARATOR, lang).join(labels)
