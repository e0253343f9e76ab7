"""The 对照检查材料 as one self-contained HTML file: inline CSS, inline SVG charts, no scripts."""

from __future__ import annotations

import math
from html import escape

from selfcheck.export.document import Chart, Document, Heading, Numbered, Paragraph, Table

CSS = """
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "FangSong", "仿宋", "STFangsong", "Songti SC", serif; font-size: 16px; line-height: 1.8;
       max-width: 800px; margin: 2em auto; color: #111; padding: 0 1em; }
h1 { font-family: "SimSun", "宋体", "Songti SC", serif; font-weight: bold; text-align: center; font-size: 26px; }
h2, h3 { font-family: "SimHei", "黑体", "Heiti SC", sans-serif; }
h2 { font-size: 20px; margin-top: 1.6em; }
h3 { font-size: 17px; }
.subtitle { text-align: center; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; page-break-inside: avoid; }
th, td { border: 1px solid #444; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eee; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; page-break-inside: avoid; }
.chart { flex: 1 1 340px; }
.bar { fill: #b22222; }
.track { fill: #eee; }
@media print { body { margin: 0; max-width: none; } }
"""


def _radar(chart: Chart, size: int = 320) -> str:
    """An SVG radar of the dimension scores (0-100); needs three or more dimensions."""
    n = len(chart.dimensions)
    cx = cy = size / 2
    r = size / 2 - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" role="img" '
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


def _bars(chart: Chart, width: int = 360) -> str:
    """An SVG bar per dimension with its score."""
    row = 26
    label_w = 150
    height = row * len(chart.dimensions) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(chart.title)}">'
    ]
    span = width - label_w - 50
    for i, (label, value) in enumerate(chart.dimensions):
        y = i * row + 4
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{escape(label)}</text>')
        parts.append(f'<rect class="track" x="{label_w}" y="{y + 3}" width="{span}" height="14"/>')
        if value is not None:
            parts.append(f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{span * value / 100:.1f}" height="14"/>')
        text = f"{value:.1f}" if value is not None else "–"
        parts.append(f'<text x="{label_w + span + 6}" y="{y + 15}" font-size="13">{text}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render(doc: Document) -> str:
    """HTML text of the document; every text from the report is escaped."""
    lang = "zh-CN" if doc.lang == "zh" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{escape(doc.title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="subtitle">{escape(doc.subtitle)}</p>',
    ]
    for index, section in enumerate(doc.sections):
        out.append(f"<h2>{escape(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, Heading):
                out.append(f"<h3>{escape(block.text)}</h3>")
            elif isinstance(block, Paragraph):
                out.append(f"<p>{escape(block.text)}</p>")
            elif isinstance(block, Numbered):
                items = "".join(f"<li><strong>{escape(a)}</strong> {escape(b)}</li>" for a, b in block.entries)
                out.append(f"<ol>{items}</ol>")
            elif isinstance(block, Table):
                head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
                body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
                out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        if index == 0 and doc.charts:
            out.append('<div class="charts">')
            for chart in doc.charts:
                out.append(f'<div class="chart"><h3>{escape(chart.title)}</h3>')
                if len(chart.dimensions) >= 3:
                    out.append(_radar(chart))
                out.append(_bars(chart))
                out.append("</div>")
            out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
