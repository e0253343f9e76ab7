"""Help pages that fit the terminal when they mix Chinese and English.

Click wraps help by counting characters, but a Chinese character takes two cells, so its lines ran past the
edge of a narrow terminal. This formatter wraps with :mod:`selfcheck.terminal.linebreak` instead.
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

from selfcheck.terminal.linebreak import cells, fill

if TYPE_CHECKING:
    from typer._click import HelpFormatter as ClickFormatter
else:  # Typer vendors Click; its formatter is reached through the public Context rather than a private module
    ClickFormatter = typer.Context.formatter_class


def wrap_paragraphs(text: str, width: int, indent: str = "") -> str:
    """Click's paragraph rules (blank lines separate paragraphs, a ``\\b`` line keeps one as written), by cells."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        raw = block.splitlines()
        if raw and raw[0].strip() == "\b":
            out.append("\n".join(indent + line for line in raw[1:]))
            continue
        extra = " " * (len(raw[0]) - len(raw[0].lstrip())) if raw else ""
        joined = " ".join(line.strip() for line in raw)
        out.append("\n".join(fill(joined, width, indent + extra, indent + extra)))
    return "\n\n".join(out)


class HelpFormatter(ClickFormatter):
    """Click's formatter with text and definition lists wrapped by display cells."""

    def write_text(self, text: str) -> None:
        """Re-indented, re-wrapped paragraphs."""
        self.write(wrap_paragraphs(text, self.width, " " * self.current_indent))
        self.write("\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """Two columns: names, and their help wrapped beside them."""
        rows = list(rows)
        first = min(max((cells(name) for name, _ in rows), default=0), col_max) + col_spacing
        pad = " " * (self.current_indent + first)
        for name, help_text in rows:
            head = " " * self.current_indent + name
            if not help_text:
                self.write(head + "\n")
                continue
            if cells(name) > first - col_spacing:
                self.write(head + "\n")
                head = pad
            else:
                head += " " * (first - cells(name))
            text = " ".join(help_text.split())
            self.write("\n".join(fill(text, max(self.width, cells(pad) + 10), head, pad)) + "\n")
