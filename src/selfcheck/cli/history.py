"""``selfcheck history``: every report over time."""

from __future__ import annotations

from typing import Annotated

import typer

from selfcheck.cli.options import (
    FolderOption,
    JsonOption,
    LangOption,
    library_definitions,
    print_json,
    resolve_lang,
    warn_skipped,
)


def history(
    ids: Annotated[list[str] | None, typer.Argument(metavar="ID", help="Only these questionnaires.")] = None,
    folder: FolderOption = None,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """历次自查 — every report, with a trend line per dimension.

    Reports are listed oldest first.

    Examples:

    \b
      selfcheck history
      selfcheck history zuofeng --json
    """
    from selfcheck.records import storage

    rows, broken = storage.load_all(storage.reports_dir(folder))
    for exc in broken:
        warn_skipped(exc, resolve_lang(lang))
    wanted = list(ids or dict.fromkeys(q for _, r in rows for q in r.questionnaires))
    rows = [(p, r) for p, r in rows if set(r.questionnaires) & set(wanted)]
    if json:
        print_json(
            [
                {
                    "path": str(p),
                    "created": r.created.isoformat(),
                    "name": r.respondent.name,
                    "role": r.respondent.role,
                    "questionnaires": {
                        q: {"overall": res.scores.overall, "level": res.level, "dimensions": res.scores.dimensions}
                        for q, res in r.questionnaires.items()
                        if q in wanted
                    },
                }
                for p, r in rows
            ]
        )
        return
    from selfcheck.records.definitions import for_reports
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.views import history_view

    definitions = for_reports(rows, storage.reports_dir(folder), lambda: library_definitions(wanted))

    make_console().print(history_view([(p.name, r) for p, r in rows], definitions, wanted, resolve_lang(lang)))
