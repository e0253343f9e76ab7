"""The 对照检查材料 as one self-contained HTML file: inline CSS, inline SVG charts, no scripts."""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

from selfcheck.export.document import (
    Chart,
    Document,
    Heading,
    Numbered,
    Paragraph,
    Section,
    Table,
    display_width,
)
from selfcheck.i18n import Lang, Msg, t
from selfcheck.i18n.text import spacer

if TYPE_CHECKING:
    from selfcheck.export import Source

CSS = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16px; line-height: 1.8;
       max-width: 52em; margin: 2em auto; color: #111; padding: 0 1em; }
h1 { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; font-weight: bold; text-align: center;
     font-size: 26px; line-height: 1.4; margin: 0 0 .6em; }
h2 { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 18px; font-weight: normal;
     margin: 1.4em 0 .4em; }
h3 { font-family: "KaiTi", "楷体", "STKaiti", serif; font-size: 17px; font-weight: normal; margin: .8em 0 .2em; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: .3em 0; text-indent: 2em; }
.byline { text-align: center; text-indent: 0; font-family: "KaiTi", "楷体", "STKaiti", serif; margin: 0; }
.points { list-style: none; padding: 0; margin: .3em 0; }
.points li { text-indent: 2em; margin: .3em 0; }
mark { background: #fff3a0; color: #000; }
.scroll { overflow-x: auto; margin: .6em 0; }
table { border-collapse: collapse; width: 100%; font-size: 15px; line-height: 1.6; }
th, td { border: 1px solid #444; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: bold; }
.short { white-space: nowrap; word-break: keep-all; }
td { min-width: 6em; }
td.wide { min-width: 10em; }
td.short { min-width: 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.chart { break-inside: avoid; page-break-inside: avoid; margin: .6em 0 1em; }
.chart h3 { margin-bottom: .3em; }
.figures svg { display: inline-block; vertical-align: middle; max-width: 100%; height: auto; margin-right: 1.5em; }
.bar { fill: #b22222; }
.track { fill: #eee; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 16pt; line-height: 28pt; }
  h1 { font-size: 22pt; line-height: 32pt; }
  h2, h3 { font-size: 16pt; margin: 0; }
  p, .points li { margin: 0; }
  table { font-size: 12pt; line-height: 18pt; }
  svg text { font-size: 12px; }
  .scroll { overflow: visible; }
  td, td.wide { min-width: 0; }
  .figures svg { max-height: 50mm; width: auto; }
  mark { background: none; outline: 1px solid #000; }
}
"""


def _radar(chart: Chart, size: int = 320) -> str:
    """An SVG radar of the dimension scores (0-100); needs three or more dimensions."""
    n = len(chart.dimensions)
    cx = cy = size / 2
    r = size / 2 - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
        'role="img" '
        f'aria-label="{escape(chart.title)}">'
    ]

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * value / 100 * math.cos(angle), cy + r * value / 100 * math.sin(angle)

    for ring in (25, 50, 75, 100):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, ring) for i in range(n)))
        parts.append(f'<polygon points="{pts}" fill="none" stroke="#ccc"/>')
    for i, (label, _value) in enumerate(chart.dimensions):
        x, y = point(i, 100)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#ccc"/>')
        lx, ly = point(i, 118)
        parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="12" text-anchor="middle">{escape(label)}</text>')
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, v or 0) for i, (_, v) in enumerate(chart.dimensions)))
    parts.append(f'<polygon points="{pts}" fill="rgba(178,34,34,.25)" stroke="#b22222" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


def _bars(chart: Chart) -> str:
    """An SVG bar per dimension with its score; the label column as wide as the longest label."""
    row, font = 26, 13
    label_w = min(max(display_width(label) for label, _ in chart.dimensions) * font // 2 + 10, 300)
    span = 180
    width = label_w + span + 46
    height = row * len(chart.dimensions) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(chart.title)}">'
    ]
    for i, (label, value) in enumerate(chart.dimensions):
        y = i * row + 4
        parts.append(f'<text x="0" y="{y + 15}" font-size="{font}">{escape(label)}</text>')
        parts.append(f'<rect class="track" x="{label_w}" y="{y + 3}" width="{span}" height="14"/>')
        if value is not None:
            parts.append(f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{span * value / 100:.1f}" height="14"/>')
        text = f"{value:.1f}" if value is not None else "–"
        parts.append(f'<text x="{label_w + span + 6}" y="{y + 15}" font-size="{font}">{text}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _marked(text: str, mark: str, lang: Lang) -> str:
    """Escaped prose and, highlighted, what is still to be written."""
    return escape(text) + ((spacer(lang) if text else "") + f"<mark>{escape(mark)}</mark>" if mark else "")


def _table(block: Table) -> str:
    """A table whose short columns (names, dates, status) never break inside an entry."""
    kinds = [block.kind(i) for i in range(len(block.headers))]

    def cls(i: int) -> str:
        return f' class="{kinds[i]}"' if kinds[i] != "text" else ""

    head = "".join(f"<th{cls(i)}>{escape(h)}</th>" for i, h in enumerate(block.headers))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{escape(c)}</td>" for i, c in enumerate(row)) + "</tr>" for row in block.rows
    )
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _charts(doc: Document) -> list[str]:
    """Each questionnaire's radar and bars together in one figure that is never split across pages."""
    out = []
    for chart in doc.charts:
        radar = _radar(chart) if len(chart.dimensions) >= 3 else ""
        out.append(
            f'<figure class="chart"><h3>{escape(chart.title)}</h3><div class="figures">{radar}{_bars(chart)}</div>'
            "</figure>"
        )
    return out


def _section(section: Section, lang: Lang) -> list[str]:
    out = [f"<h2>{escape(section.title)}</h2>"]
    for block in section.blocks:
        if isinstance(block, Heading):
            out.append(f"<h3>{escape(block.text)}</h3>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{_marked(block.text, block.mark, lang)}</p>")
        elif isinstance(block, Numbered):
            items = "".join(
                f"<li><strong>{n}. {escape(e.lead)}</strong>{spacer(lang)}{_marked(e.text, e.mark, lang)}</li>"
                for n, e in enumerate(block.entries, 1)
            )
            out.append(f'<ol class="points">{items}</ol>')
        elif isinstance(block, Table):
            out.append(_table(block))
    return out


def render(doc: Document) -> str:
    """HTML text of the document; every text from the report is escaped."""
    from selfcheck.export.xmltext import clean

    doc = clean(doc)  # no control characters in the page (and its SVG, which is XML)
    lang = t(Msg.HTML_LANG, doc.lang)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape(doc.title)}</h1>",
    ]
    out += [f'<p class="byline">{escape(line)}</p>' for line in doc.byline]
    if doc.byline_mark:
        out.append(f'<p class="byline">{_marked("", doc.byline_mark, doc.lang)}</p>')
    for index, section in enumerate(doc.sections):
        out += _section(section, doc.lang)
        if index == 0 and doc.appendix is None:  # the organisation summary: charts follow its overview
            out += _charts(doc)
    if doc.appendix is not None:
        out += _section(doc.appendix, doc.lang)
        out += _charts(doc)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def export(source: Source) -> str:
    """The exporter's entry point: the source's document as one HTML page."""
    return render(source.document())
