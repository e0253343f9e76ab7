"""``selfcheck export``: the 对照检查材料 (md, docx, html, doc-json), tables (csv) and the reports (json).

The format is looked up in :data:`selfcheck.export.FORMATS`; its module renders a :class:`selfcheck.export.Source`
built here, and this command writes the result."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from selfcheck.export import Source
    from selfcheck.export.document import Document
    from selfcheck.i18n import Lang
    from selfcheck.records.report import Report

from selfcheck.cli.options import LangOption, library_definitions, resolve_lang, warn_skipped
from selfcheck.export import FormatName, TableName  # at run time: Typer reads the choices from them


def export(
    refs: Annotated[
        list[str] | None, typer.Argument(metavar="REPORT|latest", help="Reports to export (default: latest).")
    ] = None,
    fmt: Annotated[
        FormatName,
        typer.Option("--format", "-f", help="json: the reports as stored; doc-json: the document as data."),
    ] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file; - for stdout (text formats).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")] = False,
    what: Annotated[
        TableName, typer.Option("--what", help="csv: answers (one row per item) or findings (整改清单).")
    ] = "answers",
    folder: Annotated[Path | None, typer.Option("--dir", help="Reports folder (for latest and the ledger).")] = None,
    summary: Annotated[
        bool, typer.Option("--summary", help="Export the organisation summary of REPORTS (files or folders).")
    ] = False,
    names: Annotated[bool, typer.Option("--names", help="With --summary: include respondents' names.")] = False,
    unit: Annotated[str | None, typer.Option("--unit", help="Title block: your unit (remembered).")] = None,
    post: Annotated[str | None, typer.Option("--post", help="Title block: your post (remembered).")] = None,
    meeting: Annotated[
        str | None, typer.Option("--meeting", help="Title block: the meeting, e.g. 2026年度组织生活会 (remembered).")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="Title block: your name (remembered).")] = None,
    scores: Annotated[
        bool | None,
        typer.Option(
            "--scores/--no-scores", help="Add the appendix 附：自查得分 (default: on in md/html, off in docx)."
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="docx: an organisation's .docx whose styles and letterhead to use."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """导出 — the 对照检查材料 (md, docx, html, doc-json), a table (csv) or the reports (json).

    Examples:

    \b
      selfcheck export -f docx --meeting 2026年度组织生活会
      selfcheck export latest --format html -o 材料.html
      selfcheck export --format md -o -
      selfcheck export --format csv --what findings *.toml
      selfcheck export --summary ./支部报告/ --format html
    """
    from selfcheck.export import FORMATS, exporter
    from selfcheck.records import storage

    base = storage.reports_dir(folder)
    language = resolve_lang(lang)
    if summary:
        source, stem = _summary_source(refs or [str(base)], fmt, names, language)
    else:
        title = {"unit": unit, "post": post, "meeting": meeting, "name": name}
        source, stem = _reports_source(refs or ["latest"], base, fmt, output, what, title, scores, language)
        source.template = template
    _write(exporter(fmt).export(source), output, Path.cwd() / f"{stem}{FORMATS[fmt].suffix}", force)


def _reports_source(
    refs: list[str],
    base: Path,
    fmt: FormatName,
    output: Path | None,
    what: TableName,
    title: dict[str, str | None],
    scores: bool | None,
    lang: Lang,
) -> tuple[Source, str]:
    """What an export of reports is made from, and the default file name's stem. Self-assessments give the
    material (one report) or a table (several); ratings by others give the 民主测评结果 of everyone rated."""
    from selfcheck.errors import UsageError
    from selfcheck.export import FORMATS, Source
    from selfcheck.i18n import Msg
    from selfcheck.records import ledger

    form = FORMATS[fmt]
    paths = _report_paths(refs, base)
    if output is not None and str(output) == "-" and not form.text:
        raise UsageError(Msg.OUTPUT_BINARY)
    reports = _read_all(paths, lang)
    rated = all(r.respondent.is_rater for _, r in reports)
    if len(paths) > 1 and not form.several and not rated:
        raise UsageError(Msg.FORMAT_ONE_REPORT, fmt=fmt)
    status = ledger.load(base).finding_status()

    def document() -> Document:
        if rated:  # ratings by others: the 民主测评结果 of everyone rated, never one rater's answers
            from selfcheck.export.ratings_doc import build as build_ratings

            return build_ratings([r for _, r in reports], library_definitions(), lang)
        return _material(reports[0], base, title, lang, status, form.scores if scores is None else scores)

    def table() -> tuple[list[str], list[list[str]]]:
        from selfcheck.export import csv_tables as tables

        if what == "findings":
            return tables.FINDING_COLUMNS, tables.finding_rows(reports, status)
        return tables.ANSWER_COLUMNS, tables.answer_rows(reports, library_definitions())

    stem = paths[0].stem if len(paths) == 1 else f"selfcheck-{what if form.table else 'reports'}"
    return Source(reports, document, table), stem


def _material(
    row: tuple[Path, Report],
    base: Path,
    given: dict[str, str | None],
    lang: Lang,
    status: Mapping[str, str],
    scores: bool,
) -> Document:
    """The 对照检查材料 of one self-assessment, its title block from the options and what was remembered."""
    from selfcheck.export.document import TitleBlock, build
    from selfcheck.records import definitions, material_settings

    report = row[1]
    kept = material_settings.remember(base, given)
    title = TitleBlock(
        unit=kept.get("unit", ""),
        post=kept.get("post", ""),
        meeting=kept.get("meeting", ""),
        name=given["name"] or report.respondent.name or kept.get("name", ""),
    )
    defs = definitions.for_reports([row], base, library_definitions)
    return build(report, defs, lang, status, title, scores)


def _report_paths(refs: list[str], base: Path) -> list[Path]:
    """Report files from the arguments: a folder gives its reports, and the other files a reports folder holds
    (the ledger, the remembered title block, a draft) are passed over, so ``reports/*.toml`` works."""
    from selfcheck.files.paths import DRAFT_NAME
    from selfcheck.records import draftname, storage
    from selfcheck.records.ledger import LEDGER_NAME
    from selfcheck.records.material_settings import SETTINGS_NAME

    paths: list[Path] = []
    for ref in refs:
        path = Path(ref)
        if path.is_dir():
            paths += storage.report_files(path)  # whatever their names: members send 张三.toml
        elif len(refs) == 1 or not (
            path.name in (LEDGER_NAME, SETTINGS_NAME, DRAFT_NAME) or path.name.startswith(draftname.PREFIX)
        ):
            paths.append(storage.resolve(ref, base))
    if not paths:
        from selfcheck.errors import UsageError
        from selfcheck.i18n import Msg

        raise UsageError(Msg.EXPORT_NO_REPORTS, where=", ".join(refs))
    return paths


def _write(data: str | bytes, output: Path | None, default: Path, force: bool) -> None:
    """Write to ``output`` (or ``default``), refusing to overwrite without ``force``; ``-`` is stdout."""
    from selfcheck.errors import SelfcheckError, UsageError
    from selfcheck.i18n import Msg
    from selfcheck.records import storage

    if output is not None and str(output) == "-":
        assert isinstance(data, str)
        text = data.removeprefix("\ufeff")
        if sys.stdout.isatty():  # read on screen, not piped: escape sequences in the data are shown, not obeyed
            from selfcheck.terminal.visible import visible

            text = visible(text)
        sys.stdout.write(text)
        return
    output = output or default
    if output.exists() and not force:
        raise SelfcheckError(Msg.OUTPUT_EXISTS, path=output)
    if not output.parent.is_dir():
        raise UsageError(Msg.NO_FOLDER, path=output.parent)
    storage.atomic_write(output, data.encode("utf-8") if isinstance(data, str) else data)
    typer.echo(str(output))


def _summary_source(sources: list[str], fmt: FormatName, names: bool, lang: Lang) -> tuple[Source, str]:
    """``export --summary``: the organisation summary as a document (md, html, doc-json) or a table (csv)."""
    from selfcheck.compare.summary import gather, summarise_files
    from selfcheck.errors import UsageError
    from selfcheck.export import FORMATS, Source, summary_doc
    from selfcheck.i18n import Msg
    from selfcheck.questionnaire.library import load_library

    if not FORMATS[fmt].summary:
        raise UsageError(Msg.SUMMARY_FORMAT, choices=", ".join(f for f, form in FORMATS.items() if form.summary))
    files, status = gather(map(Path, sources))
    result, skipped = summarise_files(files, status)
    for error in skipped:
        warn_skipped(error, lang)
    if skipped:
        from selfcheck.cli.options import print_warning
        from selfcheck.export.phrasing import skipped_text

        print_warning(skipped_text(result.skip_reasons, lang))

    def document() -> Document:
        titles = {**result.kept_titles(), **load_library().titles(lang)}
        return summary_doc.build(result, titles, lang, names)

    source = Source(
        build_document=document,
        build_table=lambda: (summary_doc.SUMMARY_COLUMNS, summary_doc.rows(result)),
    )
    return source, "selfcheck-summary"


def _read_all(paths: list[Path], lang: Lang) -> list[tuple[Path, Report]]:
    """The reports; of several, one that cannot be read is named and passed over (as in every command that reads
    a folder), while a single named report that cannot be read is the error."""
    from selfcheck.errors import ReportError
    from selfcheck.records import storage

    out = []
    skipped: list[ReportError] = []
    for path in paths:
        try:
            out.append((path, storage.read_report(path)))
        except ReportError as exc:
            if len(paths) == 1:
                raise
            warn_skipped(exc, lang)
            skipped.append(exc)
    if not out and skipped:
        raise skipped[-1]  # nothing left to export: the error of the last one is the answer
    if skipped:
        from selfcheck.cli.options import print_warning
        from selfcheck.compare.summary import skip_counts
        from selfcheck.export.phrasing import skipped_text

        print_warning(skipped_text(skip_counts(skipped), lang))
    return out
