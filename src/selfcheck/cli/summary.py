"""``selfcheck summary``: many members' reports at once (组织汇总)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from selfcheck.cli.options import JsonOption, LangOption, print_json, resolve_lang, warn_skipped


def summary(
    sources: Annotated[list[Path], typer.Argument(metavar="REPORTS...|DIR", help="Report files or folders.")],
    names: Annotated[bool, typer.Option("--names", help="Show respondents' names (hidden by default).")] = False,
    all_reports: Annotated[
        bool,
        typer.Option(
            "--all-reports", help="Count every report, not each person's latest per questionnaire (the default)."
        ),
    ] = False,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """组织汇总 — many members' reports at once.

    Counts persons: each person's latest report per questionnaire (--all-reports: every report). Reads every .toml
    in a folder that is a report, whatever its name, and says how many files it skipped and why. Scores per
    dimension (self-assessments per person; ratings per person rated), frequent problems, open and overdue measures.

    Examples:

    \b
      selfcheck summary ./支部报告/
      selfcheck summary ./支部报告/ --json > summary.json
      selfcheck summary ./支部报告/ --all-reports
    """
    from selfcheck.compare.summary import gather, summarise_files

    language = resolve_lang(lang)
    files, status = gather(sources)
    result, skipped = summarise_files(files, status, all_reports=all_reports)
    for error in skipped:
        warn_skipped(error, language)
    if json:
        print_json(result.to_json(names))
        return
    from selfcheck.questionnaire.library import load_library
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.org_views import summary_view

    make_console().print(
        summary_view(result, {**result.kept_titles(), **load_library().titles(language)}, language, names)
    )
