"""``selfcheck gap``: self against others (自评与他评)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from selfcheck.cli.options import JsonOption, LangOption, library_definitions, print_json, resolve_lang, warn_skipped

if TYPE_CHECKING:
    from selfcheck.errors import ReportError
    from selfcheck.records.report import Report


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
    from selfcheck.compare.summary import skip_counts
    from selfcheck.export.phrasing import skipped_text
    from selfcheck.records import storage

    language = resolve_lang(lang)
    self_path = storage.resolve(self_ref, storage.reports_dir(folder))
    mine = storage.read_report(self_path)
    named, broken, read = _ratings(mine, self_path, others)
    for exc in broken:
        warn_skipped(exc, language)
    check_subject(mine, str(self_path), named)
    definitions = library_definitions()
    gaps = compare(mine, [r for _, r in named], definitions)
    reasons = skip_counts(broken)
    if json:
        print_json(
            {
                "subject": mine.respondent.name,
                "self": str(self_path),
                "files": {"read": read, "ratings": len(named)},
                "skipped": [str(e.values.get("path", "")) for e in broken],
                "skipped_reasons": reasons,
                "questionnaires": {g.id: g.to_json() for g in gaps},
            }
        )
        return
    from selfcheck.i18n import Msg, t
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.org_views import gap_view

    subject = mine.respondent.name or ""
    files = t(Msg.GAP_FILES, language, files=read, used=len(named), subject=subject)
    skipped = skipped_text(reasons, language)
    said = files + (t(Msg.LIST_SEPARATOR, language) + skipped if skipped else "")
    make_console().print(gap_view(gaps, subject, definitions, language, said))


def _ratings(
    mine: Report, self_path: Path, others: list[Path]
) -> tuple[list[tuple[str, Report]], list[ReportError], int]:
    """The ratings of this person among the files and folders named (a file named is taken as it is; in a folder,
    every .toml that is a rating of this person, whatever its name), the files that could not be read, and how many
    were read."""
    from selfcheck.compare.gap import ratings_of
    from selfcheck.records import storage

    named: list[tuple[str, Report]] = []
    broken: list[ReportError] = []
    read = 0
    for path in others:
        if path.is_dir():
            rows, unread = storage.load_all(path, any_name=True)
            broken += unread
            read += len(rows)
            named += [(str(p), r) for p, r in ratings_of(mine, rows, self_path)]
        else:
            named.append((str(path), storage.read_report(path)))
            read += 1
    return named, broken, read
