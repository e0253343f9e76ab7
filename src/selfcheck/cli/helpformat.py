"""Help pages that fit the terminal when they mix Chinese and English.

Click wraps help by counting characters, but a Chinese character takes two cells, so its lines ran past the
edge of a narrow terminal. This formatter wraps by display cells, breaks between Chinese characters, and keeps
closing punctuation (，。）) off the start of a line. It imports nothing heavy: ``--help`` must stay instant.
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from typer._click import HelpFormatter as ClickFormatter
else:  # Typer vendors Click; its formatter is reached through the public Context rather than a private module
    ClickFormatter = typer.Context.formatter_class

# East Asian Wide and Fullwidth ranges (two cells each); ambiguous-width characters such as — and “ count as
# one cell, as in Rich and most terminals. The ideographic space (U+3000) is left out: it is a space to wrap at.
# Plain comparisons rather than a regular expression: compiling a character class this wide takes milliseconds.
_WIDE = (
    (0x3001, 0x303E),  # CJK punctuation and fullwidth forms first: after the ideographs (see _wide), the commonest
    (0xFF00, 0xFF60),
    (0x1100, 0x115F),
    (0x2E80, 0x2FFF),
    (0x3041, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA000, 0xA4CF),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6F),
    (0xFFE0, 0xFFE6),
    (0x1F300, 0x1F64F),
    (0x1F900, 0x1F9FF),
    (0x20000, 0x3FFFD),
)
_OPENING = "（《「『【〔“‘("
_CLOSING = "，。、；：？！）》」』】〕”’…),.;:!?"


def _wide(char: str) -> bool:
    code = ord(char)
    if code < 0x1100:
        return False
    if 0x4E00 <= code <= 0x9FFF:  # the common ideographs: most of the Chinese in help text
        return True
    return any(low <= code <= high for low, high in _WIDE)


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_wide, text))


def _tokens(text: str) -> list[str]:
    """Spaces (as one " "), words, and single wide characters with the punctuation that must stay beside them."""
    out: list[str] = []
    for word in text.split():
        out.append(" ")
        if word.isascii():  # most of the help: no character-by-character work
            out.append(word)
        else:
            out.extend(_split_wide(word))
    return out[1:]


def _split_wide(word: str) -> list[str]:
    """A word without spaces cut before and after each wide character (keeping punctuation attached)."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        j = i
        while j < n and word[j] in _OPENING:
            j += 1
        if j < n and _wide(word[j]):
            j += 1
            while j < n and word[j] in _CLOSING:
                j += 1
        else:
            j = i + 1
            while j < n and not _wide(word[j]):
                j += 1
        out.append(word[i:j])
        i = j
    return out


def fill(text: str, width: int, initial: str = "", subsequent: str = "") -> list[str]:
    """``text`` as lines of at most ``width`` cells (a single word longer than a line is cut)."""
    lines: list[str] = []
    line, used = initial, cells(initial)
    indent = cells(subsequent)
    fresh = True  # nothing but the indent on this line yet
    for token in _tokens(text):
        if token == " ":
            if not fresh:
                line, used = line + " ", used + 1
            continue
        rest, size = token, cells(token)
        if used + size > width and not fresh:
            lines.append(line.rstrip())
            line, used = subsequent, indent
        while used + size > width and len(rest) > 1:  # a word wider than the whole line
            cut = _fit(rest, width - used)
            lines.append(line + rest[:cut])
            rest = rest[cut:]
            size = cells(rest)
            line, used = subsequent, indent
        line, used = line + rest, used + size
        fresh = False
    lines.append(line.rstrip())
    return lines


def _fit(word: str, room: int) -> int:
    """How many leading characters of ``word`` fit in ``room`` cells (at least one)."""
    taken = 0
    for n, char in enumerate(word):
        taken += cells(char)
        if taken > room:
            return max(n, 1)
    return len(word)


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
