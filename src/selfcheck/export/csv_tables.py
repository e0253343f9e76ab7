"""Tidy tables for spreadsheets: one row per answered item, or one row per finding (the 整改清单)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.i18n import t
from selfcheck.questionnaire.model import Questionnaire
from selfcheck.questionnaire.values import describe, item_score
from selfcheck.records.ledger import status_label
from selfcheck.records.report import CAUSE_LABELS, SOURCE_LABELS, Report

if TYPE_CHECKING:
    from selfcheck.export import Source

ANSWER_COLUMNS = [
    "report",
    "created",
    "respondent",
    "role",
    "questionnaire",
    "version",
    "dimension",
    "item",
    "answer",
    "answer_text",
    "item_score",
]
FINDING_COLUMNS = [
    "report",
    "created",
    "respondent",
    "id",
    "questionnaire",
    "item",
    "option",
    "problem",
    "detail",
    "cause",
    "cause_note",
    "measure",
    "owner",
    "deadline",
    "source",
    "status",
]


def _value(value: object) -> str:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def answer_rows(reports: Sequence[tuple[Path, Report]], definitions: Mapping[str, Questionnaire]) -> list[list[str]]:
    """One row per answered item across ``reports``."""
    rows = []
    for path, report in reports:
        for qid, res in report.questionnaires.items():
            q = definitions.get(qid)
            for item_id, value in res.answers.items():
                dim, text, score = "", _value(value), ""
                if q is not None:
                    try:
                        item = q.item(item_id)
                    except KeyError:
                        item = None
                    if item is not None:
                        dim = item.dimension
                        text = describe(q, item, value)
                        s = item_score(q, item, value)
                        score = "" if s is None else f"{s:.4g}"
                rows.append(
                    [
                        path.name,
                        report.created.isoformat(),
                        report.respondent.name or "",
                        report.respondent.role,
                        qid,
                        res.version,
                        dim,
                        item_id,
                        _value(value),
                        text,
                        score,
                    ]
                )
    return rows


def finding_rows(reports: Sequence[tuple[Path, Report]], status: Mapping[str, str] | None = None) -> list[list[str]]:
    """One row per finding (every field) across ``reports``; ``status`` from the ledger when known.

    Cause, source and status are written as the Chinese labels (未启动/进行中/已完成), as a spreadsheet reader
    sees them in the material."""
    rows = []
    for path, report in reports:
        for f in report.findings:
            rows.append(
                [
                    path.name,
                    report.created.isoformat(),
                    report.respondent.name or "",
                    f.id,
                    f.questionnaire or "",
                    f.item or "",
                    f.option or "",
                    f.problem,
                    f.detail,
                    t(CAUSE_LABELS[f.cause], "zh") if f.cause else "",
                    f.cause_note,
                    f.measure,
                    f.owner,
                    f.deadline or "",
                    t(SOURCE_LABELS[f.source], "zh") if f.source else "",
                    status_label((status or {}).get(f.id, f.status), "zh"),
                ]
            )
    return rows


def render_csv(header: list[str], rows: list[list[str]]) -> str:
    """CSV per RFC 4180 (CRLF, quotes doubled) with a BOM so that Excel reads the Chinese correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([defuse(cell) for cell in header])
    writer.writerows([defuse(cell) for cell in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def defuse(cell: str) -> str:
    """A cell a spreadsheet will not run (OWASP CSV injection): one that begins with ``= + - @``, a tab or a carriage
    return gets a leading single quote, so ``=HYPERLINK(…)`` is shown as text. A plain number such as ``-3`` is
    left as it is."""
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def export(source: Source) -> str:
    """The exporter's entry point: the source's table as CSV."""
    header, rows = source.table()
    return render_csv(header, rows)
