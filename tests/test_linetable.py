"""LineTable draws what Rich's Table draws for the same columns and rows, character by character and style by style."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from selfcheck.terminal.linetable import Justify, LineTable
from selfcheck.terminal.visible import install

install()  # as the application runs: control characters shown, not obeyed (the same for both tables)


class _AsciiFile(io.StringIO):
    """A terminal whose encoding is ASCII: Rich draws boxes with ``+-|``."""

    encoding = "ascii"


def _drawn(renderable: RenderableType, width: int, color: bool, ascii_only: bool = False) -> tuple[list[Segment], str]:
    """The segments (same-style neighbours merged, a missing style read as none) and the text a console writes."""
    console = Console(
        file=_AsciiFile() if ascii_only else io.StringIO(),
        width=width,
        color_system="truecolor" if color else None,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    segments = [Segment(s.text, s.style or Style.null(), s.control) for s in console.render(renderable)]
    with console.capture() as capture:
        console.print(renderable)
    return list(Segment.simplify(segments)), capture.get()


def _score_table(rows: list[tuple[str, str, str, str | Text]], title: str | None, sections: set[int]) -> LineTable:
    table = LineTable(title=title, title_justify="left")
    table.add_column("维度", overflow="fold")
    table.add_column("旧", justify="right", no_wrap=True)
    table.add_column("新", justify="right", no_wrap=True)
    table.add_column("变化", justify="right", no_wrap=True)
    for n, row in enumerate(rows):
        table.add_row(*row)
        if n in sections:
            table.add_section()
    return table


def test_a_score_table_is_drawn_as_rich_draws_it() -> None:
    rows: list[tuple[str, str, str, str | Text]] = [
        ("思想作风", "66.7", "75.0", Text("▲ +8.3", style="green")),
        ("工作作风", "52.3", "53.6", Text("▼ -1.4", style="red")),
        ("生活作风", "–", "–", Text("未比较", style="yellow")),
        ("总分", "56.9", "57.2", Text("= 0.0", style="dim")),
    ]
    table = _score_table(rows, "对照改进作风要求 (zuofeng)", {2})
    for width in (60, 100):
        for color in (True, False):
            assert _drawn(table, width, color) == _drawn(table.rich_table(), width, color)
    _segments, text = _drawn(table, 100, False)
    assert text.splitlines()[1].startswith("┏━━━━━━━━━━┳")
    assert "├──────────┼" in text  # the section rule before 总分


def test_a_table_too_wide_is_handed_to_rich_which_wraps_it() -> None:
    long_name = "近一年来我对照党章党规逐条查找问题的情况" * 3
    table = _score_table([(long_name, "1.0", "2.0", "+1.0")], "标题", set())
    assert _drawn(table, 40, True) == _drawn(table.rich_table(), 40, True)
    assert all(len(line) <= 40 for line in _drawn(table, 40, False)[1].splitlines())


def test_ascii_terminals_get_rich_s_ascii_box() -> None:
    table = _score_table([("a", "1", "2", "+1")], None, set())
    assert _drawn(table, 80, False, ascii_only=True) == _drawn(table.rich_table(), 80, False, ascii_only=True)
    assert "┏" not in _drawn(table, 80, False, ascii_only=True)[1]


_plain = st.sampled_from([*"作风调研 决策服务abcXYZ 0123.+-–▲▼[]/\\", "\x1b", "😀", "\u3000", "\u0301"])
_breaking = st.sampled_from(["\t", "\n", "\u2028", "\x85"])  # what makes Rich draw the table itself
cell_text = st.text(st.one_of(*[_plain] * 9, _breaking), max_size=14)  # one character in ten breaks a line
styles = st.sampled_from(["", "green", "bold red", "dim", "yellow"])


@st.composite
def cells(draw: st.DrawFn) -> str | Text:
    if draw(st.booleans()):
        return draw(cell_text)
    text = Text(draw(cell_text), style=draw(styles))
    if text.plain and draw(st.booleans()):
        text.stylize(draw(styles) or "bold", 0, draw(st.integers(1, len(text.plain))))
    return text


@settings(max_examples=150, deadline=None)
@given(
    headers=st.lists(st.tuples(cell_text, st.sampled_from(["left", "right"])), min_size=1, max_size=5),
    data=st.data(),
    title=st.none() | cell_text,
    width=st.integers(20, 120),
    color=st.booleans(),
)
def test_any_table_is_drawn_as_rich_draws_it(
    headers: list[tuple[str, Justify]], data: st.DataObject, title: str | None, width: int, color: bool
) -> None:
    table = LineTable(title=title, title_justify=data.draw(st.sampled_from(["left", "right"])))
    for header, justify in headers:
        table.add_column(header, justify=justify, overflow=data.draw(st.sampled_from(["fold", "ellipsis", "crop"])))
    for _ in range(data.draw(st.integers(0, 5))):
        table.add_row(*(data.draw(cells()) for _ in headers))
        if data.draw(st.booleans()):
            table.add_section()
    assert _drawn(table, width, color) == _drawn(table.rich_table(), width, color)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), columns=st.integers(1, 3), color=st.booleans())
def test_one_line_tables_that_fit_are_drawn_directly_as_rich_draws_them(
    data: st.DataObject, columns: int, color: bool
) -> None:
    """Tables that take LineTable's own path (not handed to Rich), so the comparison above is not only Rich's
    table against itself."""
    short = st.text(_plain, max_size=10)
    table = LineTable(title=data.draw(st.none() | short))
    for _ in range(columns):
        table.add_column(data.draw(short), justify=data.draw(st.sampled_from(["left", "right"])))
    for _ in range(data.draw(st.integers(0, 4))):
        table.add_row(*(data.draw(short) for _ in range(columns)))
    console = Console(file=io.StringIO(), width=100, markup=False, emoji=False, highlight=False)
    assert not any(isinstance(part, Table) for part in table.__rich_console__(console, console.options))
    assert _drawn(table, 100, color) == _drawn(table.rich_table(), 100, color)


def test_a_line_separator_in_a_cell_is_left_to_rich() -> None:
    table = _score_table([("甲\u2028乙", "1", "2", "+1")], None, set())
    assert _drawn(table, 80, False) == _drawn(table.rich_table(), 80, False)


def test_a_short_row_gets_empty_cells_and_a_long_one_is_refused() -> None:
    table = _score_table([], None, set())
    table.add_row("甲")
    assert table.rows[-1] == ("甲", "", "", "")
    assert _drawn(table, 80, True) == _drawn(table.rich_table(), 80, True)
    with pytest.raises(ValueError, match="5 cells for 4 columns"):
        table.add_row("1", "2", "3", "4", "5")
