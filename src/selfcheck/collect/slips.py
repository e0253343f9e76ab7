"""The sheet of code slips: one slip per ballot with its QR code (the link with the code in it) and the code typed
out, as one self-contained HTML page to print and cut. segno (QR codes) is imported here only."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from selfcheck.collect.ballot import grouped
from selfcheck.errors import UsageError
from selfcheck.i18n import Lang, Msg, t

SLIP_STYLE = """\
body{margin:0;font:12pt/1.4 "Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.sheet{display:grid;grid-template-columns:repeat(3,1fr)}
.slip{border:1px dashed #888;padding:4mm;text-align:center;break-inside:avoid;page-break-inside:avoid}
.slip svg{width:32mm;height:32mm}
.code{font:bold 11pt monospace;letter-spacing:.05em;word-break:break-all}
.url{font-size:8pt;color:#444;word-break:break-all}
@page{size:A4;margin:10mm}
"""


def ballot_link(url: str, code: str) -> str:
    """The link on a slip: the ballot page with the code in it."""
    return f"{url.rstrip('/')}/b?c={code}"


def qr_svg(text: str) -> str:
    """An inline SVG QR code for ``text``."""
    import segno

    svg: str = segno.make(text, error="m").svg_inline(scale=4, border=2)
    return svg


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code's modules (True = dark) with a quiet zone of two, for drawing in a terminal."""
    import segno

    qr = segno.make(text, error="l")
    border = 2
    rows = [[bool(v) for v in row] for row in qr.matrix]
    size = len(rows) + 2 * border
    blank = [False] * size
    return [blank] * border + [[False] * border + r + [False] * border for r in rows] + [blank] * border


def slips_html(url: str, codes: Sequence[str], title: str, lang: Lang) -> str:
    """The printable page of slips."""
    slips = []
    for code in codes:
        link = ballot_link(url, code)
        slips.append(
            f'<div class="slip"><div>{escape(title)}</div>{qr_svg(link)}'
            f'<div class="code">{escape(grouped(code))}</div><div class="url">{escape(url)}</div></div>'
        )
    lang_attr = t(Msg.HTML_LANG, lang)
    return (
        f'<!doctype html>\n<html lang="{lang_attr}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{SLIP_STYLE}</style></head><body>\n<p>{escape(t(Msg.SLIPS_NOTE, lang))}</p>\n"
        f'<div class="sheet">\n' + "\n".join(slips) + "\n</div></body></html>\n"
    )


def write_once(path: Path, html: str) -> None:
    """Write the slips once (never over an existing file), readable by the organiser only: until used, each
    code lets one ballot in."""
    import os

    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise UsageError(Msg.PAPER_EXISTS, path=path) from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(html)
