"""Line breaking for mixed Chinese and English text, measured in terminal cells.

A Chinese character takes two cells. Lines break at spaces and between Chinese characters, and closing
punctuation (，。）) never starts a line, nor opening punctuation (（《“) ends one, as Chinese typesetting
expects. Both the help pages and the Rich front end wrap with it. No imports beyond the standard library's core:
``--help`` uses it and must stay instant.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re

# Widths follow Unicode's East Asian Width (wide and fullwidth: two cells) and zero for combining marks and format
# characters, as Rich measures them; the few characters Python's Unicode tables (older than Rich's) disagree on are
# listed. When Rich is loaded its own cell_len is used for whole strings, so the two never disagree on a line.
_WIDE_EXTRA = ((0x2630, 0x2637), (0x268A, 0x268F), (0x4DC0, 0x4DFF))
_ZERO_EXTRA = ((0x302E, 0x302F), (0x3164, 0x3164), (0xFFA0, 0xFFA0), (0x1F3FB, 0x1F3FF))
_OPENING = "（《「『【〔〈〖［｛“‘("
_CLOSING = "，。、；：？！）》」』】〕〉〗］｝％”’…),.;:!?%"


def _measure(char: str) -> int:
    code = ord(char)
    if 0x4E00 <= code <= 0x9FFF:  # the common ideographs: most of the Chinese in our text
        return 2
    if code < 0x300:
        return 1
    import unicodedata  # stdlib, loaded only for non-Latin text

    if any(low <= code <= high for low, high in _ZERO_EXTRA):
        return 0
    if any(low <= code <= high for low, high in _WIDE_EXTRA):
        return 2
    if unicodedata.category(char) in ("Mn", "Me", "Cf", "Zl", "Zp"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


_WIDTH_CACHE: dict[str, int] = {}
"""Each character's width, once: a long text repeats a few thousand characters, and a dict look-up is cheaper."""


def _cell(char: str) -> int:
    known = _WIDTH_CACHE.get(char)
    if known is None:
        known = _WIDTH_CACHE[char] = _measure(char)
    return known


def _wide(char: str) -> bool:
    return _cell(char) == 2


def _is_wide(char: str) -> bool:
    """Two cells, measured afresh (the reference the cached fast path is tested against)."""
    return _measure(char) == 2


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: Rich's count when Rich is loaded, the same count without it."""
    if text.isascii():
        return len(text)
    import sys

    rich_cells = sys.modules.get("rich.cells")
    if rich_cells is None and ("\u200d" in text or "\ufe0f" in text):
        # An emoji sequence: a joiner glues the next character on, VS16 widens some narrow symbols. Rich knows which
        # (from its Unicode 17 tables); help text never has these, so --help still loads nothing.
        import rich.cells as rich_cells
    if rich_cells is not None:
        return int(rich_cells.cell_len(text))
    return sum(map(_cell, text))


_JOINERS = "\u200d\ufe0f"


def _glued(text: str, j: int, end: int) -> int:
    """Where the piece ending at ``j`` really ends: a zero-width joiner takes the next character with it and a
    variation selector stays with its symbol, so an emoji sequence is never split across lines."""
    while j < end:
        if text[j] in _JOINERS:
            j += 1
        elif text[j - 1] == "\u200d":
            j += 1  # the joined character
        else:
            break
    return j


_IDEOGRAPHS: list["re.Pattern[str]"] = []


def _ideographs_end(text: str, i: int, end: int) -> int:
    """Where the run of common ideographs starting at ``i`` (one itself) ends. In a short text, as a line of help or
    an item is, by looking; in a long one by a regular expression, compiled only then: compiling its class of 20,992
    characters costs about 9 million instructions, more than wrapping a help page, and looking costs more than that
    over a long text (a 600,000-character text drew in 0.49 s of CPU instead of 0.34)."""
    if len(text) <= 4096:
        j = i + 1
        while j < end and "\u4e00" <= text[j] <= "\u9fff":
            j += 1
        return j
    if not _IDEOGRAPHS:
        import re

        _IDEOGRAPHS.append(re.compile("[\u4e00-\u9fff]+"))
    return _IDEOGRAPHS[0].match(text, i, end).end()  # type: ignore[union-attr]  # text[i] itself matches


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """The unbreakable pieces of a run without spaces, as :func:`_words` lists them, except that a stretch of
    ideographs each standing alone (two cells, nothing kept beside it) is one entry ``(a, b, -1)``: a long Chinese
    text is laid out a stretch at a time, not a tuple per character. One pass, each character measured once."""
    if text[start:end].isascii():
        return [(start, end, end - start)]
    out: list[tuple[int, int, int]] = []
    wide, cell, known = _wide, _cell, _WIDTH_CACHE
    i = start
    while i < end:
        char = text[i]
        if "\u4e00" <= char <= "\u9fff":  # a stretch of ideographs: each its own piece but the last (see below)
            last = _ideographs_end(text, i, end) - 1
            if last > i:
                out.append((i, last, -1))
            i = last
            char = text[i]
        if known.get(char) == 2 and char not in _OPENING:  # the common case, a Chinese character: kept short
            j = i + 1
            size = 2
            while j < end and text[j] in _CLOSING:
                size += cell(text[j])
                j += 1
            if j < end and text[j] in _JOINERS:
                j = _glued(text, j, end)
                size = cells(text[i:j])
            out.append((i, j, size))
            i = j
            continue
        j = i
        size = 0
        while j < end and text[j] in _OPENING:
            size += cell(text[j])
            j += 1
        if j < end and wide(text[j]):
            size += 2
            j += 1
            while j < end and text[j] in _CLOSING:
                size += cell(text[j])
                j += 1
        else:
            j = i + 1
            size = cell(text[i])
            while j < end and not wide(text[j]):
                size += cell(text[j])
                j += 1
        j = _glued(text, j, end)
        if _JOINERS[0] in text[i:j] or _JOINERS[1] in text[i:j]:
            size = cells(text[i:j])
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


_SEPARATORS = "+-/_"
"""Inside a word too wide for a line (a file name, a path) the cut goes after one of these when it can."""


def _fit(word: str, room: int) -> int:
    """How many leading characters of ``word`` fit in ``room`` cells (at least one), ending after a separator
    (``+``, ``-``, ``/``…) when one is in the second half of what fits, so a file name breaks between its parts."""
    taken = 0
    fits = len(word)
    joined = _JOINERS[0] in word or _JOINERS[1] in word  # then a character's width depends on its neighbours
    for n, char in enumerate(word):
        taken = cells(word[: n + 1]) if joined else taken + cells(char)
        if taken > room:
            fits = max(n, 1)
            break
    else:
        return fits
    while fits > 1 and (word[fits] in _JOINERS or word[fits - 1] == "\u200d"):
        fits -= 1  # a joiner stays with the character before it, and a joined character with the joiner
    after = max(word.rfind(sep, 0, fits) for sep in _SEPARATORS) + 1
    return after if after > fits // 2 else fits


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
    limit = width if first is None else first
    # No newline, tab, joiner, variation selector or space other than " " (an emoji sequence is measured by Rich
    # piece by piece), and no longer in characters than the line is in cells (a long text would be measured whole
    # only to be cut anyway).
    if len(text) <= limit and text.isprintable() and _JOINERS[0] not in text and _JOINERS[1] not in text:
        kept = text.rstrip()
        # Measured character by character as the pieces are (Rich's whole-string count differs on some combining
        # characters, e.g. Hangul jamo), so that the short cut cuts exactly where the long way would.
        if kept and (len(kept) if kept.isascii() else sum(map(_cell, kept))) <= limit:
            return [(0, len(kept))]  # it fits: one line, its indent kept and its trailing spaces dropped
    return _broken(text, width, first)


def _broken(text: str, width: int, first: int | None = None) -> list[tuple[int, int]]:
    """:func:`line_spans` the long way, piece by piece (what a line that fits whole is checked against)."""
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
