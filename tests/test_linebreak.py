"""Line breaking by display cells (Chinese takes two), for help pages and the Rich front end."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from selfcheck.cli.helpformat import wrap_paragraphs
from selfcheck.terminal.linebreak import cells, fill, line_spans


def test_cells_counts_chinese_as_two() -> None:
    assert cells("abc") == 3
    assert cells("对照检查") == 8
    assert cells("整改清单 — plan") == 15
    assert cells("（）：，。") == 10


def test_fill_breaks_between_chinese_characters_and_at_spaces() -> None:
    lines = fill("近一年来，我对照党章和八项规定逐条查找过自身问题 and kept a record.", 20, "  ", "  ")
    assert all(cell_len(line) <= 20 for line in lines)
    assert "".join(line.strip() for line in lines).replace("and", " and ") != ""
    assert lines[0] == "  近一年来，我对照党"
    assert not any(line.strip().startswith("，") for line in lines)


def test_closing_punctuation_stays_with_the_character_before_it() -> None:
    # 9 cells of room: "一二三四" is 8, then "五。" (3 cells) must move down together.
    assert fill("一二三四五。六", 9) == ["一二三四", "五。六"]


def test_a_word_longer_than_the_line_is_cut_not_lost() -> None:
    lines = fill("x" * 25, 10)
    assert lines == ["x" * 10, "x" * 10, "x" * 5]


def test_paragraphs_and_verbatim_blocks() -> None:
    text = "第一段 first\nparagraph.\n\n\b\n  selfcheck start   # 开始\n  selfcheck diff\n\nlast"
    out = wrap_paragraphs(text, 40, "  ").split("\n\n")
    assert out[0] == "  第一段 first paragraph."
    assert out[1] == "    selfcheck start   # 开始\n    selfcheck diff"
    assert out[2] == "  last"


alphabet = st.sampled_from(list("ab cd，。（）对照检查 —x\u3000"))


@given(st.text(alphabet, max_size=200), st.integers(min_value=4, max_value=80))
def test_fill_never_exceeds_the_width_and_keeps_every_character(text: str, width: int) -> None:
    lines = fill(text, width)
    assert all(cells(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(text.split()).replace(" ", "")


def test_line_spans_keep_newlines_and_a_leading_indent() -> None:
    text = "1. 问题\n   具体表现：很长很长的描述文字，包含逗号、句号。\n   原因：x"
    lines = [text[a:b] for a, b in line_spans(text, 20)]
    assert lines == ["1. 问题", "   具体表现：很长很", "长的描述文字，包含逗", "号、句号。", "   原因：x"]
    ending = "abc\n"
    assert [ending[a:b] for a, b in line_spans(ending, 10)] == ["abc", ""]
    assert line_spans("", 10) == [(0, 0)]


def test_first_line_may_have_its_own_width() -> None:
    text = "aaa bbb ccc ddd"
    assert [text[a:b] for a, b in line_spans(text, 7, first=3)] == ["aaa", "bbb ccc", "ddd"]


chinese = st.sampled_from(list("对照检查改进作风群众期盼先进典型"))
# Runs of Chinese, each maybe followed by one punctuation mark and a space or newline (as real sentences are).
sentence = st.lists(
    st.tuples(
        st.lists(chinese, min_size=1, max_size=6).map("".join),
        st.sampled_from(["", "，", "。"]),
        st.sampled_from(["", "", " ", "\n"]),
    ).map("".join),
    max_size=20,
).map("".join)


@given(sentence, st.integers(min_value=4, max_value=60))
def test_no_line_starts_with_closing_punctuation_and_nothing_is_lost(text: str, width: int) -> None:
    spans = line_spans(text, width)
    lines = [text[a:b] for a, b in spans]
    assert all(cells(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
    assert len(lines) >= text.count("\n") + 1
    after_newline = {0} | {i + 1 for i, c in enumerate(text) if c == "\n"}
    for (a, _b), line in zip(spans, lines, strict=True):
        if a not in after_newline and line:
            assert line[0] not in "，。", (text, width, lines)


def test_wrapped_renders_within_the_width_and_keeps_styles() -> None:
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from selfcheck.terminal.console import Wrapped

    text = Text("遇到群众反映的棘手问题，我首先想到的是会不会给自己带来麻烦。")
    text.stylize("bold", 0, 4)
    console = Console(width=58, file=io.StringIO(), color_system="truecolor", force_terminal=True)
    console.print(Wrapped(text))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[1m遇到群众\x1b[0m" in out
    plain = Console(width=58, file=io.StringIO(), color_system=None)
    plain.print(Wrapped(text))
    lines = plain.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert lines == ["遇到群众反映的棘手问题，我首先想到的是会不会给自己带来麻", "烦。"]
    table = Table("题目")
    table.add_row(Wrapped(text))
    narrow = Console(width=30, file=io.StringIO(), color_system=None)
    narrow.print(table)
    rows = narrow.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert all(cell_len(row) <= 30 for row in rows)
    assert not any(row.startswith("│ 。") or row.startswith("│ ，") for row in rows)


def test_widest_piece_is_the_longest_unbreakable_run() -> None:
    from selfcheck.terminal.linebreak import widest_piece

    assert widest_piece("") == 0
    assert widest_piece("visit households quarterly") == len("households")
    assert widest_piece("对照检查，") == 4  # one character with its comma
    assert widest_piece("ab 对照") == 2


_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0x300, max_codepoint=0x36F),  # combining marks
    st.characters(min_codepoint=0x2000, max_codepoint=0x2BFF),  # punctuation, symbols, format characters
    st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF),  # CJK
    st.characters(min_codepoint=0xFE00, max_codepoint=0xFFEF),  # variation selectors, fullwidth forms
    st.characters(min_codepoint=0x1F000, max_codepoint=0x1FAFF),  # emoji and their modifiers
).filter(lambda c: unicodedata.category(c) not in ("Cn", "Co", "Cs"))  # characters Python's tables know


@given(st.text(_ALPHABET, max_size=40))
def test_stdlib_widths_agree_with_rich(text: str) -> None:
    """Help is wrapped without Rich, the interview with it: both must measure a line alike. Character by character
    outside emoji sequences (a joiner glues two characters into one cell group, so there no per-character sum can
    agree), and for whole strings always."""
    from rich.cells import cell_len

    from selfcheck.terminal import linebreak

    if "\u200d" not in text and "\ufe0f" not in text:
        assert sum(map(linebreak._cell, text)) == cell_len(text)
    assert linebreak.cells(text) == cell_len(text)


def test_stdlib_cells_measure_emoji_sequences_as_rich_does_without_loading_it_for_plain_text() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from selfcheck.terminal.linebreak import cells; "
        "assert cells('对照检查') == 8; assert 'rich' not in sys.modules; "
        "print(cells('\\u200d0'), cells('a\\u200db'), cells('\\U0001F468\\u200d\\U0001F469'), cells('\\u263a\\ufe0f'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "1", "2", "2"]


_EMOJI_TEXT = st.text(st.sampled_from([*"ab 对照，\u200d\ufe0f\u263a0", "\U0001f468"]), max_size=60)


@given(_EMOJI_TEXT, st.integers(4, 30))
def test_lines_with_emoji_sequences_fit_and_keep_them_whole(text: str, width: int) -> None:
    from rich.cells import cell_len

    for start, end in line_spans(text, width):
        line = text[start:end]
        assert cell_len(line) <= width, (text, width, line)
        joined_on = start > 0 and not text[start - 1].isspace()
        assert not (joined_on and line[:1] in ("\u200d", "\ufe0f")), (text, width, line)
        if joined_on and text[start - 1] == "\u200d":  # split inside a joined sequence: only when it cannot fit
            left = len(text[:start]) - len(text[:start].rsplit(maxsplit=1)[-1])
            right = start + len(text[start:].split(maxsplit=1)[0])
            assert cell_len(text[left:right]) > width, (text, width, line)


@pytest.mark.parametrize("closing", list("〉〗］｝％"))
def test_closing_brackets_and_percent_never_start_a_line(closing: str) -> None:
    text = "这一项完成率达到百分之九十" + closing + "以上"
    for width in range(4, 30):
        for start, _end in line_spans(text, width):
            assert text[start : start + 1] != closing, (width, closing)


@pytest.mark.parametrize("width", [60, 72, 80, 100, 120])
def test_questionnaires_show_starts_no_line_with_closing_punctuation(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    from typer.testing import CliRunner

    from selfcheck.cli import app

    monkeypatch.setenv("COLUMNS", str(width))
    for qid in ("zuofeng", "qunzhong", "xianjin", "diaoyan", "juece", "fuwu"):
        result = CliRunner().invoke(app, ["questionnaires", "show", qid])
        assert result.exit_code == 0
        cells_starting = re.findall(r"│ ([，。、；：？！）》」』】〕〉〗］｝％”’…])", result.output)
        assert not cells_starting, (qid, width)


def _reference_spans(text: str, width: int, first: int | None = None) -> list[tuple[int, int]]:
    """Line breaking as it was written first: a character at a time, one piece (``_words``) at a time. The laid-out
    version, which places a stretch of ideographs a line at a time (#19), must cut every text at the same places."""
    from selfcheck.terminal.linebreak import _fit, _words

    spans: list[tuple[int, int]] = []
    limit = width if first is None else first
    start = end = -1
    used = 0
    fresh = True
    i, n = 0, len(text)
    while i <= n:
        j = i
        while j < n and text[j].isspace() and text[j] != "\n":
            j += 1
        gap = cells(text[i:j])
        if j >= n or text[j] == "\n":
            spans.append((start, end) if start >= 0 else (j, j))
            start = end = -1
            used, limit, fresh, i = 0, width, True, j + 1
            continue
        k = j
        while k < n and not text[k].isspace():
            k += 1
        for word_start, b, word_cells in _words(text, j, k):
            a, size = word_start, word_cells
            if start >= 0 and used + gap + size > limit:
                spans.append((start, end))
                start, used, limit = -1, 0, width
            if start < 0:
                if fresh:
                    start = i
                else:
                    start, gap = a, 0
                fresh = False
            while used + gap + size > limit and b - a > 1:
                cut = a + _fit(text[a:b], limit - used - gap)
                spans.append((start, cut))
                start, a, used, gap, limit = cut, cut, 0, 0, width
                size = cells(text[a:b])
            used += gap + size
            end, gap = b, 0
        i = k
    return spans


pieces = st.sampled_from(
    ["对照检查改进作风", "群众", "，", "。", "（", "）", "“", "”", "…", " ", "  ", "\n", "\t", "\u3000", "ab", "1"]
)


@given(
    st.lists(pieces, max_size=60).map("".join),
    st.integers(min_value=1, max_value=40),
    st.none() | st.integers(min_value=1, max_value=40),
)
def test_line_spans_cut_where_the_piece_by_piece_rule_cuts(text: str, width: int, first: int | None) -> None:
    assert line_spans(text, width, first) == _reference_spans(text, width, first)


def test_a_long_chinese_text_is_cut_where_the_piece_by_piece_rule_cuts() -> None:
    text = ("我在调研中只听汇报没有入户，" * 800)[:10_000] + "\n  最后一句。"
    for width in (1, 2, 3, 37, 100):
        assert line_spans(text, width) == _reference_spans(text, width)


def test_wrapped_keeps_its_style_on_every_line() -> None:
    import io

    from rich.console import Console
    from rich.text import Text

    from selfcheck.terminal.console import Wrapped

    console = Console(width=12, file=io.StringIO(), color_system="standard", force_terminal=True)
    console.print(Wrapped("对照检查改进作风，群众期盼", style="bold"))  # no spans: the style was dropped before #19
    mixed = Text("对照检查", style="yellow")
    mixed.append("改进作风群众期盼", style="bold")
    console.print(Wrapped(mixed))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert out.splitlines()[:2] == ["\x1b[1m对照检查改进\x1b[0m", "\x1b[1m作风，群众期\x1b[0m"]
    assert "\x1b[33m对照检查\x1b[0m\x1b[1;33m改进\x1b[0m" in out  # the base style under the span's, as Rich draws it


@given(
    st.text(st.one_of(_ALPHABET, st.sampled_from("\t\n\u3000\x1b \u1161\u093f\U0001d300한\ufe0f\u200d")), max_size=40),
    st.integers(min_value=1, max_value=60),
    st.none() | st.integers(1, 60),
)
def test_a_line_that_fits_whole_is_cut_as_the_long_way_cuts_it(text: str, width: int, first: int | None) -> None:
    from selfcheck.terminal.linebreak import _broken

    assert line_spans(text, width, first) == _broken(text, width, first)


def test_a_jamo_counts_as_the_long_way_counts_it() -> None:  # Rich's whole-string count differs on it
    import rich.cells  # noqa: F401 - loaded, as in the application

    assert line_spans("作\u1161", 2) == [(0, 1), (1, 2)]


def test_an_emoji_sequence_counts_as_the_long_way_counts_it() -> None:  # 0 + VS16 is two cells, not one
    assert line_spans("00000对对对0\ufe0f对对", 16) == _reference_spans("00000对对对0\ufe0f对对", 16)
    assert all(cells("00000对对对0\ufe0f对对"[a:b]) <= 16 for a, b in line_spans("00000对对对0\ufe0f对对", 16))


def test_a_tab_counts_as_the_long_way_counts_it() -> None:  # the short cut once measured the line with Rich: 0 cells
    assert line_spans("群众群众，，\t，", 14) == [(0, 6), (7, 8)]
