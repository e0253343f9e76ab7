"""``selfcheck collect``: 民主测评 in the meeting room — a ballot box for phones, or the blank paper 测评表."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from selfcheck.cli.options import LangOption, QuestionnaireFiles, RoleOption, resolve_lang
from selfcheck.errors import UsageError
from selfcheck.i18n import Msg, t

if TYPE_CHECKING:
    from selfcheck.i18n import Lang
    from selfcheck.questionnaire.model import Questionnaire

MAX_BALLOTS = 2000


def _until(text: str | None) -> datetime | None:
    """``--until 17:30`` as today's time (tomorrow's when already past)."""
    if text is None:
        return None
    try:
        clock = datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise UsageError(Msg.COLLECT_BAD_UNTIL) from None
    from datetime import timedelta

    moment = datetime.combine(datetime.now().date(), clock)
    return moment if moment > datetime.now() else moment + timedelta(days=1)


def _form(form: str | None, extra: list[Path]) -> Questionnaire:
    if not form:
        raise UsageError(Msg.COLLECT_ONE_FORM)
    from selfcheck.collect.form import columns
    from selfcheck.questionnaire.library import load_library

    q = load_library(extra, only=[form]).get(form).questionnaire
    columns(q)  # refuses a questionnaire without a rating scale, naming it
    return q


def _print(q: Questionnaire, subjects: list[str], sheets: int, output: Path | None, lang: Lang) -> None:
    """Write the blank 测评表 (Word) and the table to type them into (CSV), never over existing files."""
    from selfcheck.collect.paper import csv_template, sheet_docx
    from selfcheck.collect.slips import write_once

    docx_path = output or Path(f"{t(Msg.PAPER_TITLE, lang)}-{q.id}.docx")
    csv_path = docx_path.with_suffix(".csv")
    for path in (docx_path, csv_path):
        if path.exists():
            raise UsageError(Msg.PAPER_EXISTS, path=path)
    data = sheet_docx(q, subjects, sheets, lang)
    with docx_path.open("xb") as handle:
        handle.write(data)
    write_once(csv_path, csv_template(q, subjects, sheets, lang))
    typer.echo(t(Msg.PAPER_WRITTEN, lang, path=docx_path, n=sheets, csv=csv_path))


def collect(
    subjects: Annotated[str, typer.Option("--subjects", help="The people to rate: 张三,李四,王五.")] = "",
    form: Annotated[str | None, typer.Option("--form", help="The questionnaire whose [rating] is the form.")] = None,
    ballots: Annotated[int, typer.Option("--ballots", help="How many raters: codes, or paper sheets.")] = 20,
    folder: Annotated[Path | None, typer.Option("--dir", help="Folder for the rating reports.")] = None,
    role: RoleOption = "peer",
    until: Annotated[str | None, typer.Option("--until", help="Stop at this time (HH:MM).")] = None,
    host: Annotated[str | None, typer.Option("--host", help="Address to serve on (default: the LAN address).")] = None,
    port: Annotated[int, typer.Option("--port", help="Port to serve on (0: any free port).")] = 8765,
    tls: Annotated[
        tuple[Path, Path] | None, typer.Option("--tls", metavar="CERT KEY", help="Serve HTTPS with this certificate.")
    ] = None,
    slips: Annotated[Path | None, typer.Option("--slips", help="Write the code slips (HTML) here.")] = None,
    paper: Annotated[bool, typer.Option("--print", help="Write the blank paper 测评表 (Word) instead.")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File for --print.")] = None,
    questionnaire: QuestionnaireFiles = None,
    lang: LangOption = None,
) -> None:
    """民主测评 — collect ratings on phones in the meeting room, or print the paper 测评表.

    Serves one page on the local network: every person in rows, the form's dimensions in columns, 不了解 allowed,
    a comment per person. Each rater gets a one-time code (slips with QR codes); ballots become rating reports.

    Examples:

    \b
      selfcheck collect --form zuofeng --subjects 张三,李四
      selfcheck collect --form fuwu --subjects 张三,李四 \\
          --role masses --ballots 40 --until 17:30
      selfcheck collect --form zuofeng --subjects 张三 --print
    """
    from selfcheck.collect.form import parse_subjects

    language = resolve_lang(lang)
    names = parse_subjects(subjects)
    q = _form(form, questionnaire or [])
    if not 1 <= ballots <= MAX_BALLOTS:
        raise UsageError(Msg.COLLECT_BAD_BALLOTS, max=MAX_BALLOTS)
    if paper:
        _print(q, names, ballots, output, language)
        return
    deadline = _until(until)
    from selfcheck.records import storage
    from selfcheck.terminal.collect_run import run

    run(q, names, role, ballots, storage.reports_dir(folder), deadline, host, port, tls, slips, language)
