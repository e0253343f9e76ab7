"""``selfcheck report``: show and list saved reports."""

from __future__ import annotations

from typing import Annotated

import typer

from selfcheck.cli import plain_app
from selfcheck.cli.options import (
    FolderOption,
    JsonOption,
    LangOption,
    library_definitions,
    print_json,
    resolve_lang,
    warn_skipped,
)

app = plain_app(
    help=(
        "查看已保存的报告 — show and list saved reports.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  selfcheck report list\n"
        "  selfcheck report show latest\n"
        "  selfcheck report show latest~1 --json"
    ),
    no_args_is_help=True,
)


@app.command()
def show(
    ref: Annotated[str, typer.Argument(metavar="PATH|latest", help="A report file, latest or latest~N.")] = "latest",
    folder: FolderOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Show a saved report: scores per questionnaire and dimension, and the findings.

    Example: selfcheck report show latest
    """
    from selfcheck.records import storage

    path = storage.resolve(ref, storage.reports_dir(folder))
    report = storage.read_report(path)
    if json:
        print_json({"path": str(path), **report.model_dump(mode="json", exclude_none=True)})
        return
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.views import report_view

    language = resolve_lang(lang)
    from selfcheck.records.definitions import for_reports

    definitions = for_reports(
        [(path, report)], storage.reports_dir(folder), lambda: library_definitions(report.questionnaires)
    )
    console = make_console()
    console.print(f"{path}", style="dim", soft_wrap=True)  # a path is never cut by an inserted newline
    console.print(report_view(report, definitions, language))


@app.command("list")
def list_(folder: FolderOption = None, json: JsonOption = False, lang: LangOption = None) -> None:
    """List saved reports, oldest first.

    Example: selfcheck report list --json
    """
    from selfcheck.errors import ReportError
    from selfcheck.records import storage

    language = resolve_lang(lang)
    rows = []
    for path in storage.list_reports(storage.reports_dir(folder)):
        try:
            rows.append((path, storage.read_report(path)))
        except ReportError as exc:
            warn_skipped(exc, language)
    if json:
        print_json(
            [
                {
                    "path": str(path),
                    "created": report.created.isoformat(),
                    "name": report.respondent.name,
                    "role": report.respondent.role,
                    "questionnaires": {qid: r.scores.overall for qid, r in report.questionnaires.items()},
                    "findings": len(report.findings),
                }
                for path, report in rows
            ]
        )
        return
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.views import report_list

    make_console().print(report_list([(p.name, r) for p, r in rows], language))
