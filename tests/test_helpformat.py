"""Help text wrapped by display cells: Chinese takes two cells, and closing punctuation never starts a line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from selfcheck.cli.helpformat import cells, fill, wrap_paragraphs


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
