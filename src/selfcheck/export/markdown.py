"""The 对照检查材料 as CommonMark with pipe tables."""

from __future__ import annotations

from selfcheck.export.document import Document, Heading, Numbered, Paragraph, Table

_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


def _esc(text: str) -> str:
    """Escape Markdown syntax in user text and keep each table cell on one line."""
    return " ".join(text.translate(_SPECIAL).splitlines())


def render(doc: Document) -> str:
    """Markdown text of the document."""
    out = [f"# {_esc(doc.title)}", "", _esc(doc.subtitle), ""]
    for section in doc.sections:
        out += [f"## {_esc(section.title)}", ""]
        for block in section.blocks:
            if isinstance(block, Heading):
                out += [f"### {_esc(block.text)}", ""]
            elif isinstance(block, Paragraph):
                out += [_esc(block.text), ""]
            elif isinstance(block, Numbered):
                out += [f"{n}. **{_esc(lead)}** {_esc(text)}" for n, (lead, text) in enumerate(block.entries, 1)]
                out.append("")
            elif isinstance(block, Table):
                out.append("| " + " | ".join(_esc(h) for h in block.headers) + " |")
                out.append("|" + "|".join(" --- " for _ in block.headers) + "|")
                out += ["| " + " | ".join(_esc(c) for c in row) + " |" for row in block.rows]
                out.append("")
    return "\n".join(out).rstrip() + "\n"
