"""``selfcheck diff``: what changed between two reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from selfcheck.cli.options import (
    FolderOption,
    JsonOption,
    LangOption,
    library_definitions,
    print_json,
    print_warning,
    resolve_lang,
    warn_skipped,
)

if TYPE_CHECKING:
    from selfcheck.errors import ReportError
    from selfcheck.i18n import Lang
    from selfcheck.questionnaire.model import Questionnaire
    from selfcheck.records.report import Report


def _latest_pair(rows: list[tuple[Path, Report]]) -> tuple[int, int]:
    """Indexes of the two most recent reports of one series (one's own, or ratings of one person in one role) that
    share a questionnaire."""
    from selfcheck.errors import UsageError
    from selfcheck.i18n import Msg

    for j in range(len(rows) - 1, 0, -1):
        b = rows[j][1]
        for i in range(j - 1, -1, -1):
            a = rows[i][1]
            if a.respondent.same_series(b.respondent) and set(a.questionnaires) & set(b.questionnaires):
                return i, j
    raise UsageError(Msg.NO_PAIR)


def _pair(
    old: str | None,
    new: str | None,
    base: Path,
    rows: list[tuple[Path, Report]],
    broken: list[ReportError],
    lang: Lang,
) -> tuple[tuple[Path, Report], tuple[Path, Report]]:
    """The two reports: as named (latest~1 and latest by default), or with no names the latest pair of one series
    (the folder's unreadable files are named then, since they might have been that pair)."""
    from selfcheck.records import storage

    if old is None and new is None:
        for exc in broken:
            warn_skipped(exc, lang)
        i, j = _latest_pair(rows)
        return rows[i], rows[j]
    a_path = storage.resolve(old or "latest~1", base)
    b_path = storage.resolve(new or "latest", base)
    return (a_path, storage.read_report(a_path)), (b_path, storage.read_report(b_path))


def _as_answered(
    older: tuple[Path, Report], newer: tuple[Path, Report], base: Path
) -> tuple[dict[str, Questionnaire], dict[str, Questionnaire]]:
    """The questionnaires as the reports answered them (stored beside them, so a deleted or changed file does not
    change the comparison; the files are read only for a definition not stored), and the older report's own where
    its version differs: its answers are worded and scored by them."""
    from selfcheck.records.definitions import for_reports

    a, b = older[1], newer[1]
    defs = for_reports([older, newer], base, lambda: library_definitions([*a.questionnaires, *b.questionnaires]))
    changed = [
        qid
        for qid, res in a.questionnaires.items()
        if qid in b.questionnaires and b.questionnaires[qid].digest != res.digest
    ]
    old_defs = for_reports([older], base, lambda: library_definitions(changed)) if changed else {}
    return defs, old_defs


DROP_EXIT = 3
"""``--fail-on-drop``: a dimension fell by more than asked (1 stays for errors, 2 for usage)."""


def diff(
    old: Annotated[str | None, typer.Argument(metavar="A", help="Older report: path, latest~1, ...")] = None,
    new: Annotated[str | None, typer.Argument(metavar="B", help="Newer report: path, latest, ...")] = None,
    folder: FolderOption = None,
    show_all: Annotated[bool, typer.Option("--all", help="Show every item, not only changed ones.")] = False,
    fail_on_drop: Annotated[
        float | None, typer.Option("--fail-on-drop", metavar="N", help="Exit 3 when a dimension fell by more than N.")
    ] = None,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """对比两次报告 — what improved, what slipped, what was solved.

    Shows score changes, changed answers, and which problems were solved and which persist.

    With no arguments: the two most recent reports that share a questionnaire.

    Examples:

    \b
      selfcheck diff
      selfcheck diff latest~1 latest --all
      selfcheck diff 2025.toml 2026.toml --json
      selfcheck diff --fail-on-drop 10
    """
    from selfcheck.compare.diff import compare
    from selfcheck.i18n import Msg, t
    from selfcheck.records import ledger, storage

    base = storage.reports_dir(folder)
    language = resolve_lang(lang)
    rows, broken = storage.load_all(base)
    (a_path, a), (b_path, b) = _pair(old, new, base, rows, broken, language)
    # Streaks and copied wording are about the same person's own reports, not ratings others gave.
    itself = a_path.resolve()
    earlier = [
        r for p, r in rows if r.created < a.created and r.respondent.same_series(a.respondent) and p.resolve() != itself
    ]
    book = ledger.current(base, rows)
    defs, old_defs = _as_answered((a_path, a), (b_path, b), base)
    result = compare(a, b, defs, book, earlier, language, old_definitions=old_defs)
    if json:
        print_json({"old": str(a_path), "new": str(b_path), **result.to_json(show_all)})
    else:
        from selfcheck.terminal.console import make_console
        from selfcheck.terminal.views import diff_view

        labels = (f"{a.created:%Y-%m-%d} ({a_path.name})", f"{b.created:%Y-%m-%d} ({b_path.name})")
        make_console().print(diff_view(result, *labels, language, show_all))
    if fail_on_drop is not None:
        drops = result.drops_over(fail_on_drop)
        if drops:
            listed = ", ".join(f"{q}.{d} {delta:+.1f}" for q, d, delta in drops)
            print_warning(t(Msg.DROPPED, language, limit=fail_on_drop, listed=listed))
            raise typer.Exit(DROP_EXIT)  # not 1: a script must tell a drop from a report it could not read
