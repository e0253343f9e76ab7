"""Progress: the figure counts honestly, never goes backwards as conditional items appear, and the bar agrees."""

from __future__ import annotations

import itertools
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import minimal
from selfcheck.cli import app
from selfcheck.interview.state import Interview
from selfcheck.questionnaire.library import Library, load_library, parse
from selfcheck.questionnaire.model import (
    AnswerValue,
    ChoiceItem,
    DateItem,
    ItemBase,
    LikertItem,
    MultiItem,
    NumberItem,
    Questionnaire,
    YesNoItem,
)


def _value(q: Questionnaire, item: ItemBase, draw: st.DrawFn) -> AnswerValue:
    if isinstance(item, LikertItem):
        scale = q.scale_of(item)
        return draw(st.integers(scale.min, scale.max))
    if isinstance(item, YesNoItem):
        return draw(st.booleans())
    if isinstance(item, ChoiceItem):
        return draw(st.sampled_from([o.id for o in item.options]))
    if isinstance(item, MultiItem):
        plain = [o.id for o in item.options if not o.exclusive]
        return draw(st.lists(st.sampled_from(plain), min_size=1, unique=True)) if plain else [item.options[0].id]
    if isinstance(item, NumberItem):
        return draw(st.integers(item.min, item.max))
    if isinstance(item, DateItem):
        return "2026-01-01"
    return "说明"


@cache
def _library() -> Library:
    return load_library()


@st.composite
def walks(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Answer (or skip) every item of the built-in questionnaires drawn, recording the progress shown at each."""
    library = _library()
    ids = draw(st.lists(st.sampled_from(list(library.entries)), min_size=1, max_size=3, unique=True))
    iv = Interview(library.select(ids))
    seen = []
    while (step := iv.current()) is not None:
        seen.append(iv.progress())
        if draw(st.integers(0, 9)) == 0 and not step.item.required:
            iv.skip()
        else:
            iv.answer(_value(step.questionnaire, step.item, draw))
    return seen


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])  # one walk answers up to ~40 items
@given(walks())
def test_progress_counts_up_by_one_and_the_total_never_grows(seen: list[tuple[int, int]]) -> None:
    assert [n for n, _ in seen] == list(range(1, len(seen) + 1))
    totals = [total for _, total in seen]
    assert all(later <= earlier for earlier, later in itertools.pairwise(totals))
    assert all(n <= total for n, total in seen)  # (the last may be n-1/n: an item hanging on it did not appear)
    fractions = [n / total for n, total in seen]
    assert fractions == sorted(fractions)


def test_a_conditional_item_is_counted_before_it_appears() -> None:
    iv = Interview([parse(minimal(), "t")])
    assert iv.progress() == (1, 5)  # b2 may appear (it hangs on b1, not answered yet)
    for value in (3, 2):
        iv.answer(value)
    assert iv.progress() == (3, 5)
    iv.answer(True)
    assert iv.progress() == (4, 5)  # b2 appeared: the total stays
    iv.back()
    iv.answer(False)
    assert iv.progress() == (4, 4)  # b2 will not appear: the total shrinks, the figure stays


def test_the_bar_shows_the_figure_rounded_up() -> None:
    from rich.console import Console

    from selfcheck.terminal.console import item_panel

    iv = Interview([parse(minimal(), "t")])
    step = iv.current()
    assert step is not None
    console = Console(width=60, color_system=None)
    for progress, cells in (((1, 38), 1), ((1, 13), 2), ((13, 13), 16), ((12, 13), 15)):
        with console.capture() as captured:
            console.print(item_panel(step, progress, "zh"))
        assert captured.get().count("█") == cells, progress


def test_unknown_questionnaire_lists_the_known_ones() -> None:
    result = CliRunner().invoke(app, ["start", "nosuch"])
    assert result.exit_code == 2
    assert "nosuch" in result.output
    for qid in ("zuofeng", "qunzhong", "xianjin", "diaoyan", "juece", "fuwu"):
        assert qid in result.output


@pytest.mark.parametrize("width", [40, 60, 100])
def test_a_long_panel_title_is_never_cut(width: int) -> None:
    """An English questionnaire and dimension at 60 columns: the title moves inside the panel, whole."""
    from rich.console import Console

    from selfcheck.terminal.console import item_panel

    iv = Interview(load_library().select(["zuofeng"]))
    step = iv.current()
    assert step is not None
    console = Console(width=width, color_system=None)
    with console.capture() as captured:
        console.print(item_panel(step, (1, 30), "en"))
    flat = " ".join(line.strip("│╭╮─ ").strip() for line in captured.get().splitlines())
    title = step.questionnaire.title_en or ""
    dimension = step.questionnaire.dimension(step.item.dimension).title_en or ""
    assert " ".join(f"{title} · {dimension}".split()) in " ".join(flat.split()), captured.get()
