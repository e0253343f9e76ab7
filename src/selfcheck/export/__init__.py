"""Exporters: one module per format behind one interface, ``export(source) -> str | bytes``, found by name in
:data:`FORMATS` and imported only when chosen (python-docx is loaded for ``docx`` alone).

A :class:`Source` is what any export is made from: the reports, and — built only when an exporter asks — the
document (the 对照检查材料, the 民主测评结果 or the organisation summary) and the table (csv's rows). Exporters neither
write files nor print: the command writes what they return.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol, cast, get_args

if TYPE_CHECKING:
    from selfcheck.export.document import Document
    from selfcheck.records.report import Report


class Format(NamedTuple):
    """One export format: the module that renders it and what it can take. (A named tuple: a frozen dataclass
    compiles its methods from source when the class is made, in every export.)"""

    module: str
    suffix: str
    """The default file name's ending."""
    text: bool = True
    """Text that may go to stdout (``-o -``); docx is binary."""
    several: bool = False
    """Takes several self-assessments at once (a table); a document is one person's (or ratings of several)."""
    summary: bool = True
    """Can render the organisation summary (``export --summary``)."""
    scores: bool = True
    """The material's appendix 附：自查得分 is on unless ``--no-scores`` (off by default in Word)."""
    table: bool = False
    """Renders the table (csv: ``--what`` answers or findings), not the document."""


FormatName = Literal["md", "html", "docx", "csv", "json", "doc-json"]
"""The names ``--format`` takes (the keys of :data:`FORMATS`)."""
TableName = Literal["answers", "findings"]
"""csv's tables (``--what``): one row per answered item, or the 整改清单 (one row per finding)."""

FORMATS: dict[FormatName, Format] = {
    "md": Format("selfcheck.export.markdown", ".md"),
    "html": Format("selfcheck.export.html", ".html"),
    "docx": Format("selfcheck.export.docx", ".docx", text=False, summary=False, scores=False),
    "csv": Format("selfcheck.export.csv_tables", ".csv", several=True, table=True),
    "json": Format("selfcheck.export.report_json", ".json", several=True, summary=False),
    "doc-json": Format("selfcheck.export.document_json", ".doc.json"),
}
"""Every format by the name ``--format`` takes, in the order ``--help`` lists them."""
assert tuple(FORMATS) == get_args(FormatName), "FormatName lists the formats of FORMATS, in order"


@dataclass
class Source:
    """What an export is made from; the document and the table are built on first use, once."""

    reports: Sequence[tuple[Path, Report]] = ()
    build_document: Callable[[], Document] | None = None
    build_table: Callable[[], tuple[list[str], list[list[str]]]] | None = None
    template: Path | None = None
    """docx: an organisation's .docx whose styles and letterhead to use."""
    _document: Document | None = field(default=None, init=False, repr=False)

    def document(self) -> Document:
        """The document (built now if not yet)."""
        if self._document is None:
            assert self.build_document is not None, "this source has no document"
            self._document = self.build_document()
        return self._document

    def table(self) -> tuple[list[str], list[list[str]]]:
        """The table's header and rows."""
        assert self.build_table is not None, "this source has no table"
        return self.build_table()


class Exporter(Protocol):
    """The one interface of every format's module."""

    def export(self, source: Source) -> str | bytes:
        """The export's content: text, or bytes for a binary format."""
        ...


def exporter(name: FormatName) -> Exporter:
    """The module of format ``name`` (a key of :data:`FORMATS`), imported now."""
    import importlib

    return cast(Exporter, importlib.import_module(FORMATS[name].module))
