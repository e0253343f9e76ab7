"""``selfcheck plan``: the rectification ledger (整改台账)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from selfcheck.cli import plain_app
from selfcheck.cli.options import FolderOption, LangOption, print_json, print_warning, resolve_lang

app = plain_app(
    help=(
        "整改台账 — open rectification measures and their progress.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  selfcheck plan\n"
        "  selfcheck plan --all --json\n"
        "  selfcheck plan update F3a9c0b1 --status doing\n"
        "  selfcheck plan update F3a9c0b1 --status done \\\n"
        '      --evidence "10月入户走访台账12户"'
    ),
    invoke_without_command=True,
)


@app.callback()
def plan(
    ctx: typer.Context,
    show_all: Annotated[bool, typer.Option("--all", help="Include completed measures.")] = False,
    json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    folder: FolderOption = None,
    lang: LangOption = None,
) -> None:
    """List the open rectification measures across all reports, with days left or overdue."""
    if ctx.invoked_subcommand is not None:
        return
    from selfcheck.records import ledger, storage

    base = storage.reports_dir(folder)
    rows, broken = storage.load_all(base)
    for exc in broken:
        print_warning(f"skipped: {exc}")
    book = ledger.load(base)
    items = ledger.measures(rows, book, include_done=show_all)
    today = date.today()
    if json:
        print_json(
            [
                {
                    **m.finding.model_dump(mode="json", exclude_none=True),
                    "status": m.status,
                    "report": m.report,
                    "days_left": m.days_left(today),
                    "history": [e.model_dump(mode="json") for e in book.history(m.finding.id)],
                }
                for m in items
            ]
        )
        return
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.views import plan_view

    make_console().print(plan_view(items, today, resolve_lang(lang)))


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
    finding_id: Annotated[str, typer.Argument(metavar="FINDING_ID", help="The finding's id (or a unique prefix).")],
    status: Annotated[
        str, typer.Option("--status", help="todo, doing, done, or closed (销号, after a check; only after done).")
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
) -> None:
    """Record progress on a measure; the reports stay unchanged, the ledger keeps every change.

    Example: selfcheck plan update F3a9c0b1 --status done --evidence "已建立回访登记表"
    """
    import sys

    from selfcheck.errors import UsageError
    from selfcheck.records import ledger, storage
    from selfcheck.records.report import now

    if status not in ledger.STATUS_LABELS:
        raise UsageError(f"--status: use todo, doing, done or closed, not {status!r}.")
    day = _done_on(when)
    if status == "done" and not (evidence or "").strip() and sys.stdin.isatty():
        evidence = typer.prompt("完成的证据（做了什么、在哪里可以查到）/ Evidence")
    if status == "closed" and not (evidence or "").strip() and sys.stdin.isatty():
        evidence = typer.prompt("销号核查（谁核查、何时）/ Checked by, and when")
    base = storage.reports_dir(folder)
    rows, _broken = storage.load_all(base)
    entry = ledger.update(
        base,
        lambda book: ledger.record(book, rows, finding_id, status, evidence or "", day, now()),  # type: ignore[arg-type]
    )
    typer.echo(f"{entry.finding}: {ledger.status_label(entry.status, 'zh')} ({entry.date})")
