"""Line breaking for mixed Chinese and English text, measured in terminal cells.

A Chinese character takes two cells. Lines break at spaces and between Chinese characters, and closing
punctuation (，。）) never starts a line, nor opening punctuation (（《“) ends one, as Chinese typesetting
expects. Both the help pages and the Rich front end wrap with it. No imports beyond the standard library's core:
``--help`` uses it and must stay instant.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re

# East Asian Wide and Fullwidth ranges (two cells each); ambiguous-width characters such as — and “ count as
# one cell, as in Rich and most terminals. Plain comparisons rather than a regular expression: compiling a
# character class this wide takes milliseconds.
_WIDE = (
    (0x3000, 0x303E),  # CJK punctuation (after the ideographs, see _wide, the commonest) and fullwidth forms
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


def _is_wide(char: str) -> bool:
    code = ord(char)
    if code < 0x1100:
        return False
    if 0x4E00 <= code <= 0x9FFF:  # the common ideographs: most of the Chinese in our text
        return True
    return any(low <= code <= high for low, high in _WIDE)


_WIDE_CACHE: dict[str, bool] = {}
"""Each character's answer, once: a long text repeats a few thousand characters, and a dict look-up is cheaper."""


def _wide(char: str) -> bool:
    known = _WIDE_CACHE.get(char)
    if known is None:
        known = _WIDE_CACHE[char] = _is_wide(char)
    return known


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_wide, text))


_IDEOGRAPHS: list["re.Pattern[str]"] = []


def _ideographs() -> "re.Pattern[str]":
    """Runs of common ideographs (a narrow class: compiled in microseconds, and only once Chinese is wrapped)."""
    if not _IDEOGRAPHS:
        import re

        _IDEOGRAPHS.append(re.compile("[\u4e00-\u9fff]+"))
    return _IDEOGRAPHS[0]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """The unbreakable pieces of a run without spaces, as :func:`_words` lists them, except that a stretch of
    ideographs each standing alone (two cells, nothing kept beside it) is one entry ``(a, b, -1)``: a long Chinese
    text is laid out a stretch at a time, not a tuple per character. One pass, each character measured once."""
    if text[start:end].isascii():
        return [(start, end, end - start)]
    out: list[tuple[int, int, int]] = []
    wide, known = _wide, _WIDE_CACHE
    i = start
    ideographs = _ideographs()
    while i < end:
        char = text[i]
        if "\u4e00" <= char <= "\u9fff":  # a stretch of ideographs: each its own piece but the last (see below)
            last = ideographs.match(text, i, end).end() - 1  # type: ignore[union-attr]  # char itself matches
            if last > i:
                out.append((i, last, -1))
            i = last
            char = text[i]
        if known.get(char) and char not in _OPENING:  # the common case, a Chinese character: kept short
            j = i + 1
            size = 2
            while j < end and text[j] in _CLOSING:
                size += 1 + wide(text[j])
                j += 1
            out.append((i, j, size))
            i = j
            continue
        j = i
        size = 0
        while j < end and text[j] in _OPENING:
            size += 1 + wide(text[j])
            j += 1
        if j < end and wide(text[j]):
            size += 2
            j += 1
            while j < end and text[j] in _CLOSING:
                size += 1 + wide(text[j])
                j += 1
        else:
            j = i + 1
            size = 1 + wide(text[i])
            while j < end and not wide(text[j]):
                size += 1
                j += 1
        out.append((i, j, size))
        i = j
    return out


def _words(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """The unbreakable pieces of a run without spaces, with their cells: ASCII words, and each wide character
    together with the punctuation that must stay beside it."""
    out: list[tuple[int, int, int]] = []
    for a, b, size in _pieces(text, start, end):
        if size >= 0:
            out.append((a, b, size))
        else:
            out.extend([(p, p + 1, 2) for p in range(a, b)])
    return out


def _fit(word: str, room: int) -> int:
    """How many leading characters of ``word`` fit in ``room`` cells (at least one)."""
    taken = 0
    for n, char in enumerate(word):
        taken += cells(char)
        if taken > room:
            return max(n, 1)
    return len(word)


_SPACE_RUNS: list["re.Pattern[str]"] = []


def _space_runs() -> tuple["re.Pattern[str]", "re.Pattern[str]"]:
    """Spaces other than a newline, and a run without spaces (``str.isspace`` and ``\\s`` agree)."""
    if not _SPACE_RUNS:
        import re

        _SPACE_RUNS.extend([re.compile(r"[^\S\n]*"), re.compile(r"\S*")])
    return _SPACE_RUNS[0], _SPACE_RUNS[1]


def line_spans(text: str, width: int, first: int | None = None) -> list[tuple[int, int]]:
    """Where to cut ``text`` into lines of at most ``width`` cells (``first`` for the first line), as
    ``(start, end)`` offsets. Newlines are kept and so is the indent a line starts with; the spaces at a break are
    dropped; a word wider than a whole line is cut. Linear: a stretch of ideographs is placed a line at a time."""
    spaces, word = _space_runs()
    spans: list[tuple[int, int]] = []
    limit = width if first is None else first
    start = end = -1  # the current line's first and last character; -1 while it is empty
    used = 0
    fresh = True  # at the start of the text or just after a newline: leading spaces are an indent to keep
    i, n = 0, len(text)
    while i <= n:
        j = spaces.match(text, i).end()  # type: ignore[union-attr]  # matches the empty string
        gap = cells(text[i:j])
        if j >= n or text[j] == "\n":
            spans.append((start, end) if start >= 0 else (j, j))
            start = end = -1
            used, limit, fresh, i = 0, width, True, j + 1
            continue
        k = word.match(text, j).end()  # type: ignore[union-attr]
        for piece_start, piece_end, piece_cells in _pieces(text, j, k):
            stretch = piece_end if piece_cells < 0 else 0  # ideographs from piece_start on, two cells each
            a = piece_start
            b, size = (a + 1, 2) if stretch else (piece_end, piece_cells)
            if start >= 0 and used + gap + size > limit:
                spans.append((start, end))
                start, used, limit = -1, 0, width
            if start < 0:
                if fresh:
                    start = i  # keep the indent
                else:
                    start, gap = a, 0
                fresh = False
            while used + gap + size > limit and b - a > 1:  # wider than a whole line: cut it
                cut = a + _fit(text[a:b], limit - used - gap)
                spans.append((start, cut))
                start, a, used, gap, limit = cut, cut, 0, 0, width
                size = cells(text[a:b])
            used += gap + size
            end, gap = b, 0
            while end < stretch:  # the rest of the stretch: as many as fit on this line, then the next line
                room = (limit - used) // 2
                if room <= 0:
                    spans.append((start, end))
                    start, used, limit = end, 0, width
                    room = max(limit // 2, 1)
                taken = min(room, stretch - end)
                used += 2 * taken
                end += taken
        i = k
    return spans


def widest_piece(text: str) -> int:
    """The cells of the widest piece of ``text`` that is never broken (a word, or a character with its
    punctuation): the narrowest a column holding it should be."""
    widest = 0
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        j = i
        while j < n and not text[j].isspace():
            j += 1
        widest = max([widest, *(2 if size < 0 else size for _a, _b, size in _pieces(text, i, j))])
        i = j
    return widest


def fill(text: str, width: int, initial: str = "", subsequent: str = "") -> list[str]:
    """``text`` with its whitespace collapsed, as indented lines of at most ``width`` cells."""
    flat = " ".join(text.split())
    spans = line_spans(flat, width - cells(subsequent), first=width - cells(initial))
    return [((subsequent if n else initial) + flat[a:b]).rstrip() for n, (a, b) in enumerate(spans)]
