"""The 对照检查材料 as a neutral document: a title block, numbered sections of prose, lists and tables.

Markdown, HTML and Word render this one structure, so the three always say the same thing. The wording and the
numbering (一、（一）1.) are decided here, not in the renderers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from selfcheck.i18n import Lang, Msg, t

if TYPE_CHECKING:
    from selfcheck.questionnaire.model import Questionnaire
    from selfcheck.records.report import Report

Column = Literal["wide", "text", "short"]
"""How a table column is laid out: ``wide`` (措施, 具体表现), ``text``, or ``short`` (names, dates, status: never
broken inside)."""


@dataclass
class Table:
    """A table with a header row; ``columns`` says how each column is laid out."""

    headers: list[str]
    rows: list[list[str]]
    columns: list[Column] = field(default_factory=list)

    def kind(self, index: int) -> Column:
        """The layout of column ``index`` (``text`` when not given)."""
        return self.columns[index] if index < len(self.columns) else "text"


@dataclass
class Heading:
    """A second-level heading inside a section, numbered already: （一）思想作风方面."""

    text: str


@dataclass
class Paragraph:
    """A paragraph of prose; ``mark`` is what the person still has to write, shown as such."""

    text: str
    mark: str = ""


@dataclass
class Entry:
    """One numbered point: a lead sentence (bold), its explanation, and what is still to be written."""

    lead: str
    text: str = ""
    mark: str = ""


@dataclass
class Numbered:
    """A list numbered 1. 2. …"""

    entries: list[Entry]


Block = Table | Heading | Paragraph | Numbered


@dataclass
class Section:
    """A numbered part of the material (一、基本情况 …)."""

    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Chart:
    """Scores of one questionnaire's dimensions, for the radar chart and bars in HTML."""

    title: str
    dimensions: list[tuple[str, float | None]]


@dataclass
class Document:
    """The whole material: title, the lines under it (unit, post, name; date), sections, an optional appendix."""

    title: str
    byline: list[str]
    sections: list[Section]
    charts: list[Chart]
    lang: Lang
    appendix: Section | None = None
    byline_mark: str = ""
    """What is missing from the title block (the name), shown as a marker line."""


@dataclass(frozen=True)
class TitleBlock:
    """What the title block says besides the report: from ``export`` options, the settings file or the report."""

    unit: str = ""
    post: str = ""
    meeting: str = ""
    name: str = ""


_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (enough for headings)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def sub_heading(n: int, text: str, lang: Lang) -> Heading:
    """（一）text in Chinese, (1) text in English."""
    return Heading(t(Msg.DOC_SUB_HEADING, lang, cn=chinese_number(n), n=n, text=text))


def display_width(text: str) -> int:
    """Width in half-em cells: Chinese and full-width characters count two."""
    return sum(2 if ord(c) >= 0x1100 else 1 for c in text)


def mark(what: str, lang: Lang) -> str:
    """The marker for something the person still has to write."""
    return t(Msg.DOC_MARK, lang, what=what)


def build(
    report: Report,
    definitions: Mapping[str, Questionnaire],
    lang: Lang = "zh",
    ledger_status: Mapping[str, str] | None = None,
    title: TitleBlock | None = None,
    scores: bool = True,
) -> Document:
    """The material for one report; ``ledger_status`` maps finding ids to the ledger's status; ``scores`` adds
    the appendix 附：自查得分."""
    from selfcheck.export.material import build_material

    return build_material(report, definitions, lang, ledger_status or {}, title or TitleBlock(), scores)
