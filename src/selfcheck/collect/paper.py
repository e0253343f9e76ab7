"""Paper ballots: the blank 测评表 as Word (one numbered sheet per rater), the table to type them into, and the
import of that table — every cell checked, every problem listed, nothing written unless all rows are valid."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.collect.ballot import MAX_COMMENT, Ballot, Problem, Role, clean_comment, to_reports
from selfcheck.collect.form import Column, abstain_label, columns
from selfcheck.errors import ReportError
from selfcheck.i18n import Lang, Msg, pick, t

if TYPE_CHECKING:
    from selfcheck.questionnaire.model import Questionnaire

MAX_BYTES = 5 * 1024 * 1024
"""A typed-in table of a meeting's ballots is a few kilobytes; anything near this is the wrong file."""
BOX = "□"


def _keys(form: Questionnaire) -> list[str]:
    """What each heading holds, in the order of :func:`headings`."""
    situations = ["situations"] if form.disqualifiers else []
    return ["number", "subject", *(c.key for c in columns(form)), *situations, "comment"]


def headings(form: Questionnaire, lang: Lang) -> list[str]:
    """The heading row as the sheet prints it: 编号, 被测评人, the columns (the overall grade last), 反向情形 when
    the form has them, 意见建议."""
    situations = [t(Msg.COLLECT_DISQUALIFIERS_HEAD, lang)] if form.disqualifiers else []
    return [
        t(Msg.IMPORT_HEAD_NUMBER, lang),
        t(Msg.COLLECT_SUBJECT, lang),
        *(c.heading(lang) for c in columns(form)),
        *situations,
        t(Msg.COLLECT_COMMENT, lang),
    ]


def csv_template(form: Questionnaire, subjects: Sequence[str], sheets: int, lang: Lang) -> str:
    """The table to type paper ballots into: the heading row and one row per sheet × subject, marks empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headings(form, lang))
    blanks = [""] * (len(headings(form, lang)) - 2)
    for n in range(1, sheets + 1):
        for subject in subjects:
            writer.writerow([n, subject, *blanks])
    return "\ufeff" + out.getvalue()  # a BOM, so that Excel reads the Chinese


def sheet_docx(form: Questionnaire, subjects: Sequence[str], sheets: int, lang: Lang) -> bytes:
    """The blank 测评表: A4 landscape, one page per rater with its number, subjects in rows, a box per mark."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm

    from selfcheck.export.docx import BODY_FONT, HEADING_FONT, TITLE_FONT
    from selfcheck.export.docx import set_run_font as _font

    cols = columns(form)
    abstain = abstain_label(form, lang)
    listed = "；".join(f"{n}. {pick(d.label, d.label_en, lang)}" for n, d in enumerate(form.disqualifiers, 1))
    notes = [t(Msg.PAPER_DISQUALIFIERS, lang, items=listed)] if form.disqualifiers else []
    word = docx.Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(15)
    section.left_margin = section.right_margin = Mm(18)
    title = t(Msg.PAPER_TITLE, lang)
    for n in range(1, sheets + 1):
        head = word.add_paragraph()
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(head.add_run(f"{pick(form.title, form.title_en, lang)} · {title}"), TITLE_FONT, 18, bold=True)
        number = word.add_paragraph()
        number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _font(number.add_run(t(Msg.PAPER_NUMBER, lang, n=n)), BODY_FONT, 12, bold=True)
        for text in (t(Msg.PAPER_INSTRUCTIONS, lang, abstain=abstain), t(Msg.PAPER_ANONYMOUS, lang), *notes):
            _font(word.add_paragraph().add_run(text), BODY_FONT, 11)
        names = headings(form, lang)[1:]
        table = word.add_table(rows=1, cols=len(names))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, names, strict=True):
            _font(cell.paragraphs[0].add_run(text), HEADING_FONT, 11)
        for subject in subjects:
            cells = table.add_row().cells
            _font(cells[0].paragraphs[0].add_run(subject), BODY_FONT, 12, bold=True)
            for cell, col in zip(cells[1:], cols, strict=False):
                _boxes(cell, [*reversed(col.label_list(lang)), abstain])
            if form.disqualifiers:
                _boxes(cells[len(cols) + 1], [str(n) for n in range(1, len(form.disqualifiers) + 1)], per_line=3)
        table.autofit = False
        for row in table.rows[1:]:  # room to write a comment by hand
            row.height = Mm(14)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for column, width in zip(table.columns, _widths(cols, bool(form.disqualifiers)), strict=True):
            column.width = width
            for cell in column.cells:
                cell.width = width
        if n < sheets:
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _boxes(cell: Any, labels: list[str], per_line: int = 0) -> None:
    """Check boxes in a cell, in two lines (or ``per_line`` a line), so that no label is split by wrapping."""
    from selfcheck.export.docx import BODY_FONT
    from selfcheck.export.docx import set_run_font as _font

    per_line = per_line or (len(labels) + 1) // 2
    paragraph = cell.paragraphs[0]
    for start in range(0, len(labels), per_line):
        run = paragraph.add_run(" ".join(f"{BOX}{label}" for label in labels[start : start + per_line]))
        _font(run, BODY_FONT, 10)
        if start + per_line < len(labels):
            run.add_break()


def _widths(cols: list[Column], situations: bool) -> list[Any]:
    """Column widths on A4 landscape (261 mm between the margins); the comments take what is left."""
    from docx.shared import Mm

    sizes = [50 if c.kind == "grade" else 36 for c in cols]
    extra = [28] if situations else []
    used = 24 + sum(sizes) + sum(extra)
    return [Mm(w) for w in (24, *sizes, *extra, max(40, 261 - used))]


@dataclass
class Imported:
    """Paper ballots read from a table: by ballot number, and how many rows."""

    ballots: dict[int, Ballot] = field(default_factory=dict)
    rows: int = 0


def _marks(col: Column, abstain: set[str]) -> dict[str, int | None]:
    """Every way a cell may name a mark of ``col`` (Chinese or English label), and 不了解 (None)."""
    out: dict[str, int | None] = dict.fromkeys(abstain)
    for labels in (col.labels, col.labels_en or ()):
        out.update({label: n for n, label in enumerate(labels, 1)})
    return out


def _layout(head: list[str], form: Questionnaire) -> tuple[dict[str, int], list[Problem]]:
    """Which heading is in which position, in either language; problems for missing and unknown headings."""
    keys = _keys(form)
    names = {name: key for lang in ("zh", "en") for name, key in zip(headings(form, lang), keys, strict=True)}
    where: dict[str, int] = {}
    problems: list[Problem] = []
    for i, cell in enumerate(head):
        key = names.get(cell.strip().lstrip("\ufeff"))
        if key is None:
            if cell.strip():
                problems.append((Msg.IMPORT_UNKNOWN_COLUMN, {"column": cell.strip()}))
        else:
            where[key] = i
    expected = "，".join(headings(form, "zh"))
    for key, name in zip(keys, headings(form, "zh"), strict=True):
        if key not in where and key not in ("comment", "situations"):
            problems.append((Msg.IMPORT_MISSING_COLUMN, {"column": name, "expected": expected}))
    return where, problems


def _situations(text: str, form: Questionnaire, row: int, problems: list[Problem]) -> list[str]:
    """The ticked situations of a cell such as ``1、3`` (numbers as the sheet prints them, or ids)."""
    ids = [d.id for d in form.disqualifiers]
    out = []
    for part in (p.strip() for p in re.split(r"[,，、;；\s]+", text)):
        if not part:
            continue
        if part.isdecimal() and 1 <= int(part) <= len(ids):
            out.append(ids[int(part) - 1])
        elif part in ids:
            out.append(part)
        else:
            problems.append((Msg.IMPORT_ROW_DISQUALIFIER, {"row": row, "value": part, "n": len(ids)}))
    return [i for i in ids if i in out]


def read_table(text: str, form: Questionnaire, subjects: Sequence[str]) -> tuple[Imported, list[Problem]]:
    """Rows (one per rater × subject) → ballots, and every problem found in any cell."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) < 2:
        return Imported(), [(Msg.IMPORT_EMPTY, {})]
    where, problems = _layout(rows[0], form)
    if problems:
        return Imported(), problems
    cols = columns(form)
    abstain = {"", "不了解", abstain_label(form, "zh"), abstain_label(form, "en")}
    marks = {c.key: _marks(c, abstain) for c in cols}
    known = set(subjects)
    first: dict[tuple[int, str], int] = {}
    out = Imported(rows=len(rows) - 1)
    for row_no, row in enumerate(rows[1:], 2):
        if len(row) > len(rows[0]):
            problems.append((Msg.IMPORT_ROW_WIDTH, {"row": row_no, "n": len(row), "m": len(rows[0])}))
            continue
        cell = {key: (row[i] if i < len(row) else "") for key, i in where.items()}
        number_text, subject = cell["number"].strip(), cell["subject"].strip()
        number = int(number_text) if number_text.isdecimal() and int(number_text) > 0 else None
        if number is None:
            problems.append((Msg.IMPORT_ROW_NUMBER, {"row": row_no, "value": number_text}))
        if subject not in known:
            problems.append(
                (Msg.IMPORT_ROW_SUBJECT, {"row": row_no, "value": subject, "subjects": "、".join(subjects)})
            )
        if number is not None and subject in known:
            if (number, subject) in first:
                problems.append(
                    (
                        Msg.IMPORT_ROW_DUPLICATE,
                        {"row": row_no, "number": number, "subject": subject, "first": first[(number, subject)]},
                    )
                )
            first.setdefault((number, subject), row_no)
        ballot = out.ballots.setdefault(number or 0, Ballot())
        for col in cols:
            value = cell[col.key].strip()
            if value not in marks[col.key]:
                labels = "/".join(col.labels)
                problems.append(
                    (Msg.IMPORT_ROW_MARK, {"row": row_no, "column": col.title, "value": value, "labels": labels})
                )
            elif (mark := marks[col.key][value]) is not None:
                ballot.marks.setdefault(subject, {})[col.key] = mark
        ticked = _situations(cell.get("situations", ""), form, row_no, problems)
        if ticked:
            ballot.disqualifiers[subject] = ticked
        comment = clean_comment(cell.get("comment", ""))
        if len(comment) > MAX_COMMENT:
            problems.append((Msg.IMPORT_ROW_COMMENT, {"row": row_no, "max": MAX_COMMENT}))
        elif comment:
            ballot.comments[subject] = comment
    return out, problems


def read_file(path: Path) -> str:
    """A ballots table as text: UTF-8 with or without a BOM."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReportError(Msg.IMPORT_TOO_BIG, path=path, mb=MAX_BYTES // 1024 // 1024)
        raw = path.read_bytes()
    except OSError as exc:
        raise ReportError(Msg.OS_ERROR, path=path, reason=exc.strerror or exc) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportError(Msg.IMPORT_NOT_TEXT, path=path) from None


def import_ballots(
    path: Path, form: Questionnaire, subjects: Sequence[str], role: Role, folder: Path, day: date
) -> tuple[int, int]:
    """Read a table of paper ballots and write one rating report per rated subject — all of them, or, when any
    cell is wrong, none (the error lists every problem). Returns ballots and reports written."""
    from selfcheck.records.storage import write_report

    imported, problems = read_table(read_file(path), form, subjects)
    if problems:
        raise ReportError(Msg.IMPORT_INVALID, problems, path=path, n=len(problems))
    reports = [r for _, ballot in sorted(imported.ballots.items()) for r in to_reports(form, ballot, role, day)]
    written: list[Path] = []
    try:
        for report in reports:
            written.append(write_report(report, folder))
    except BaseException:
        for done in written:  # all or nothing, so that the same table can simply be imported again
            done.unlink(missing_ok=True)
        raise
    return len(imported.ballots), len(reports)
