"""``selfcheck summary``: many members' reports at once (组织汇总)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from selfcheck.cli.options import JsonOption, LangOption, print_json, print_warning, resolve_lang


def summary(
    sources: Annotated[list[Path], typer.Argument(metavar="REPORTS...|DIR", help="Report files or folders.")],
    names: Annotated[bool, typer.Option("--names", help="Show respondents' names (hidden by default).")] = False,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """组织汇总 — many members' reports at once.

    Scores per dimension, frequent problems, open and overdue measures.

    Examples:

    \b
      selfcheck summary ./支部报告/
      selfcheck summary ./支部报告/ --json > summary.json
    """
    from selfcheck.compare.summary import gather, summarise_files

    files, status = gather(sources)
    result, messages = summarise_files(files, status)
    for message in messages:
        print_warning(f"skipped: {message}")
    if json:
        print_json(result.to_json(names))
        return
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.org_views import summary_view

    language = resolve_lang(lang)
    from selfcheck.questionnaire.library import load_library

    make_console().print(summary_view(result, load_library().titles(language), language, names))
