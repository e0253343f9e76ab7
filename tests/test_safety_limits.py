"""Limits and linear cost (#13): a 2 MB report's text is shown whole; a large questionnaire walks correctly.

Timings live in benchmarks/run.py; these tests check the results, and that the interview's cached visibility agrees
with working it out afresh after every move."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import MINIMAL
from selfcheck.cli import app
from selfcheck.errors import ReportError
from selfcheck.files.tomlfile import MAX_DEPTH, depth, read_toml
from selfcheck.i18n import Msg
from selfcheck.interview.state import Interview
from selfcheck.questionnaire.conditions import visible_ids
from selfcheck.questionnaire.model import ChoiceItem, LikertItem, Questionnaire, YesNoItem

LONG = ("我在调研中只听汇报没有入户，" * 45000)[
    :300_000
] + "最后一句。"  # twice in one report: about 1.8 MB, near the 2 MB limit


def test_a_two_megabyte_text_is_shown_whole_by_report_show_and_plan(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    data: dict[str, Any] = {
        "questionnaires": {"diaoyan": {"answers": {"dc-went": True, "dc-days": 0}}},
        "findings": [
            {"questionnaire": "diaoyan", "item": "dc-days", "problem": "下基层少", "detail": LONG, "measure": LONG}
        ],
    }
    answers.write_text(tomli_w.dumps(data), encoding="utf-8")
    folder = tmp_path / "reports"
    runner = CliRunner()
    assert runner.invoke(app, ["start", "diaoyan", "--answers", str(answers), "--dir", str(folder)]).exit_code == 0
    for args in (["report", "show"], ["plan"]):
        result = runner.invoke(app, [*args, "--dir", str(folder)])
        assert result.exit_code == 0, args
        flat = "".join(result.output.split())
        assert "最后一句。" in flat, args
        assert flat.count("只听汇报") >= 20000, args


def _big(size: int) -> Questionnaire:
    items: list[dict[str, Any]] = []
    for n in range(size):
        if n % 10 == 0:
            items.append({"id": f"g{n}", "dimension": "a", "kind": "yesno", "text": "我做到了吗？"})
        else:
            items.append(
                {
                    "id": f"i{n}",
                    "dimension": "a",
                    "kind": "likert",
                    "scale": "freq",
                    "text": "我做到了。",
                    "show_if": {"item": f"g{n - n % 10}", "op": "eq", "value": True},
                }
            )
    return Questionnaire.model_validate({**MINIMAL, "dimensions": [{"id": "a", "title": "甲"}], "items": items})


def test_a_large_questionnaire_asks_only_what_is_shown() -> None:
    q = _big(2_000)  # the 10,000-item timing is a benchmark row; here the walk itself is checked
    interview = Interview([q])
    asked = 0
    while (step := interview.current()) is not None:
        asked += 1
        if isinstance(step.item, YesNoItem):
            interview.answer(int(step.item.id[1:]) % 20 == 0)  # every other group opens its nine follow-ups
        else:
            interview.answer(3)
    assert asked == 200 + 100 * 9
    assert interview.progress() == (1100, 1100)


@given(st.lists(st.sampled_from(["yes", "no", "three", "skip", "back"]), max_size=30))
def test_cached_visibility_agrees_with_working_it_out_afresh(moves: list[str]) -> None:
    q = Questionnaire.model_validate(MINIMAL)
    interview = Interview([q])
    for move in moves:
        step = interview.current()
        if step is None:
            break
        if move == "back":
            interview.back()
        elif move == "skip" and not step.item.required:
            interview.skip()
        elif isinstance(step.item, YesNoItem):
            interview.answer(move == "yes")
        elif isinstance(step.item, LikertItem):
            interview.answer(3)
        elif isinstance(step.item, ChoiceItem):
            interview.answer("all")
        else:
            interview.answer("回访了")
        fresh = visible_ids(q, interview.all_answers()["mini"], interview.who)
        assert {s.item.id for s in interview.steps if interview.visible(s)} == fresh


def _reference_words(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """The pieces as the plain character-by-character rule finds them (the fast path must agree)."""
    from selfcheck.terminal.linebreak import _CLOSING, _OPENING, _is_wide, cells

    out = []
    i = start
    while i < end:
        j = i
        while j < end and text[j] in _OPENING:
            j += 1
        if j < end and _is_wide(text[j]):
            j += 1
            while j < end and text[j] in _CLOSING:
                j += 1
        else:
            j = i + 1
            while j < end and not _is_wide(text[j]):
                j += 1
        out.append((i, j, cells(text[i:j])))
        i = j
    return out


@given(st.text(alphabet="我在调研中只听汇报没有入户，。、（）《》“”abc12…—", max_size=60))
def test_fast_pieces_agree_with_the_plain_rule(text: str) -> None:
    from selfcheck.terminal.linebreak import _words

    if not text or text.isascii():
        return
    assert _words(text, 0, len(text)) == _reference_words(text, 0, len(text))


def _nesting(node: object) -> int:
    """How deeply tables and arrays nest, by the definition (recursive): the rule ``tomlfile.depth`` counts by."""
    if isinstance(node, dict):
        return 1 + max((_nesting(v) for v in node.values()), default=0)
    if isinstance(node, list):
        return 1 + max((_nesting(v) for v in node), default=0)
    return 0


_NESTED = st.recursive(
    st.one_of(st.none(), st.integers(), st.text(max_size=3)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=2), inner, max_size=3)),
    max_leaves=40,
)


@given(_NESTED)
def test_depth_agrees_with_the_definition(data: object) -> None:
    assert depth(data) == _nesting(data)


def test_a_file_nested_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    inside = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    path.write_text(f"a = {inside}\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        read_toml(path, Msg.WHAT_REPORT, ReportError)
    assert caught.value.msg is Msg.FILE_TOO_DEEP
    assert depth({"a": [[[]]]}) == 4 and depth([]) == 1 and depth(3) == 0
    just = tmp_path / "just.toml"
    just.write_text("a = " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", encoding="utf-8")
    assert depth(read_toml(just, Msg.WHAT_REPORT, ReportError)) == MAX_DEPTH
