"""``selfcheck gap`` and ``selfcheck summary``: oversight beyond the self (组织严管、社会监管)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from selfcheck.cli.common import JsonOption, LangOption, guarded, print_json, print_warning, resolve_lang

if TYPE_CHECKING:
    pass


@guarded
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
    from selfcheck import storage
    from selfcheck.catalog import load_catalog
    from selfcheck.gap import check_subject, compare

    self_path = storage.resolve(self_ref, storage.reports_dir(folder))
    mine = storage.read_report(self_path)
    named = []
    for path in others:
        if path.is_dir():
            rows, broken = storage.load_all(path)
            for exc in broken:
                print_warning(f"skipped: {exc}")
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
    gaps = compare(mine, [r for _, r in named], load_catalog().definitions())
    if json:
        print_json(
            {
                "subject": mine.respondent.name,
                "self": str(self_path),
                "questionnaires": {g.id: g.to_json() for g in gaps},
            }
        )
        return
    from selfcheck.console import make_console
    from selfcheck.orgviews import gap_view

    make_console().print(gap_view(gaps, mine.respondent.name or "", resolve_lang(lang)))


@guarded
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
    from selfcheck.summary import gather, summarise_files

    files, status = gather(sources)
    result, messages = summarise_files(files, status)
    for message in messages:
        print_warning(f"skipped: {message}")
    if json:
        print_json(result.to_json(names))
        return
    from selfcheck.console import make_console
    from selfcheck.orgviews import summary_view

    language = resolve_lang(lang)
    from selfcheck.catalog import load_catalog

    make_console().print(summary_view(result, load_catalog().titles(language), language, names))
