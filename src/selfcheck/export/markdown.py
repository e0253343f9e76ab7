"""The 对照检查材料 as CommonMark with pipe tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfcheck.export.document import Document, Heading, Numbered, Paragraph, Section, Table

if TYPE_CHECKING:
    from selfcheck.export import Source

_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


def _esc(text: str) -> str:
    """Escape Markdown syntax in user text and keep each table cell on one line."""
    return " ".join(text.translate(_SPECIAL).splitlines())


def _marked(text: str, mark: str) -> str:
    """Prose followed by what is still to be written, in bold so it cannot be missed."""
    return _esc(text) + (f" **{_esc(mark)}**" if mark else "")


def _section(section: Section) -> list[str]:
    out = [f"## {_esc(section.title)}", ""]
    for block in section.blocks:
        if isinstance(block, Heading):
            out += [f"### {_esc(block.text)}", ""]
        elif isinstance(block, Paragraph):
            out += [_marked(block.text, block.mark), ""]
        elif isinstance(block, Numbered):
            for n, e in enumerate(block.entries, 1):
                out.append(f"{n}. **{_esc(e.lead)}**" + (f" {_marked(e.text, e.mark)}" if e.text or e.mark else ""))
            out.append("")
        elif isinstance(block, Table):
            out.append("| " + " | ".join(_esc(h) for h in block.headers) + " |")
            out.append("|" + "|".join(" --- " for _ in block.headers) + "|")
            out += ["| " + " | ".join(_esc(c) for c in row) + " |" for row in block.rows]
            out.append("")
    return out


def render(doc: Document) -> str:
    """Markdown text of the document."""
    out = [f"# {_esc(doc.title)}", ""]
    out += [line for text in doc.byline for line in (_esc(text), "")]
    if doc.byline_mark:
        out += [f"**{_esc(doc.byline_mark)}**", ""]
    for section in doc.sections:
        out += _section(section)
    if doc.appendix is not None:
        out += _section(doc.appendix)
    return "\n".join(out).rstrip() + "\n"


def export(source: Source) -> str:
    """The exporter's entry point: the source's document as Markdown."""
    return render(source.document())
