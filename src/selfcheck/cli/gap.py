"""``selfcheck gap``: self against others (自评与他评)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from selfcheck.cli.options import JsonOption, LangOption, print_json, resolve_lang, warn_skipped


def gap(
    self_ref: Annotated[str, typer.Argument(metavar="SELF", help="The self-assessment: a path or latest.")],
    others: Annotated[list[Path], typer.Argument(metavar="OTHERS...", help="Ratings by others: files or folders.")],
    folder: Annotated[Path | None, typer.Option("--dir", help="Reports folder (for latest).")] = None,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """自评与他评 — where your view and others' view of you differ.

    Shows self score, others' mean, spread and count per dimension; blind spots (self ≥ 15 above others) and
    hidden strengths; the items with the largest gaps. With fewer than 3 raters only totals are shown.

    Examples:

    \b
      selfcheck gap latest ./测评/
      selfcheck gap me.toml r1.toml r2.toml r3.toml --json
    """
    from selfcheck.compare.gap import check_subject, compare
    from selfcheck.questionnaire.library import load_library
    from selfcheck.records import storage

    self_path = storage.resolve(self_ref, storage.reports_dir(folder))
    mine = storage.read_report(self_path)
    named = []
    for path in others:
        if path.is_dir():
            rows, broken = storage.load_all(path)
            for exc in broken:
                warn_skipped(exc, resolve_lang(lang))
            named += [
                (str(p), r)
                for p, r in rows
                if p.resolve() != self_path.resolve()
                and r.respondent.role != "self"
                and r.respondent.subject == mine.respondent.name
            ]
        else:
            named.append((str(path), storage.read_report(path)))
    check_subject(mine, str(self_path), named)
    definitions = load_library().definitions()
    gaps = compare(mine, [r for _, r in named], definitions)
    if json:
        print_json(
            {
                "subject": mine.respondent.name,
                "self": str(self_path),
                "questionnaires": {g.id: g.to_json() for g in gaps},
            }
        )
        return
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.org_views import gap_view

    make_console().print(gap_view(gaps, mine.respondent.name or "", definitions, resolve_lang(lang)))
