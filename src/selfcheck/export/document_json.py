"""``--format doc-json``: the document itself as data — the structure md, html and docx are rendered from, so a
script (or another layout) gets exactly what the three say. The schema is described in the README."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, assert_never

from selfcheck.export.document import Block, Chart, Document, Heading, Numbered, Paragraph, Section, Table

if TYPE_CHECKING:
    from selfcheck.export import Source

SCHEMA = "selfcheck-document"
VERSION = 1
"""Raised when a key changes meaning or goes away; new keys may appear without it."""


def block_data(block: Block) -> dict[str, Any]:
    """One block, tagged with its ``type``."""
    match block:
        case Heading():
            return {"type": "heading", "text": block.text}
        case Paragraph():
            return {"type": "paragraph", "text": block.text, "mark": block.mark}
        case Numbered():
            entries = [{"lead": e.lead, "text": e.text, "mark": e.mark} for e in block.entries]
            return {"type": "numbered", "entries": entries}
        case Table():
            columns = [block.kind(i) for i in range(len(block.headers))]
            return {"type": "table", "headers": block.headers, "columns": columns, "rows": block.rows}
        case _:
            assert_never(block)


def section_data(section: Section) -> dict[str, Any]:
    """A numbered part: its title and blocks."""
    return {"title": section.title, "blocks": [block_data(b) for b in section.blocks]}


def chart_data(chart: Chart) -> dict[str, Any]:
    """A questionnaire's scores per dimension (null where too few answers to score)."""
    return {"title": chart.title, "dimensions": [{"name": n, "score": s} for n, s in chart.dimensions]}


def to_data(doc: Document) -> dict[str, Any]:
    """The whole document as JSON-ready data."""
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "lang": doc.lang,
        "title": doc.title,
        "byline": doc.byline,
        "byline_mark": doc.byline_mark,
        "sections": [section_data(s) for s in doc.sections],
        "appendix": section_data(doc.appendix) if doc.appendix is not None else None,
        "charts": [chart_data(c) for c in doc.charts],
    }


def export(source: Source) -> str:
    """The exporter's entry point."""
    return json.dumps(to_data(source.document()), ensure_ascii=False, indent=2) + "\n"
