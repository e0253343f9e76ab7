"""Every validation rule of the questionnaire format, with the exact message a user sees."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from helpers import MINIMAL, minimal, write_toml
from selfcheck.errors import QuestionnaireError
from selfcheck.questionnaire.library import load_file


def problems_of(tmp_path: Path, data: dict[str, Any]) -> list[str]:
    """Load ``data`` from a file and return the problem lines (stripped), or [] when valid."""
    path = write_toml(tmp_path / "q.toml", data)
    try:
        load_file(path)
    except QuestionnaireError as exc:
        head, *lines = exc.render("en").split("\n")
        assert head.startswith(f"{path}: invalid questionnaire")
        return [d.strip() for d in lines]
    return []


def with_items(*edits: tuple[int, dict[str, Any]]) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    for index, change in edits:
        data["items"][index].update(change)
    return data


def test_minimal_is_valid(tmp_path: Path) -> None:
    assert problems_of(tmp_path, minimal()) == []


def test_duplicate_item_id(tmp_path: Path) -> None:
    assert problems_of(tmp_path, with_items((1, {"id": "a1"}))) == ["item a1: id: duplicate item id"]


def test_unknown_dimension(tmp_path: Path) -> None:
    assert problems_of(tmp_path, with_items((0, {"dimension": "zz"}))) == [
        "item a1: dimension: unknown dimension 'zz' (known: a, b)"
    ]


def test_show_if_later_item(tmp_path: Path) -> None:
    data = with_items((0, {"show_if": {"item": "b1", "op": "eq", "value": True}}))
    assert problems_of(tmp_path, data) == [
        "item a1: show_if.item: refers to a later item (conditions may only look back) 'b1'"
    ]


def test_show_if_unknown_item(tmp_path: Path) -> None:
    data = with_items((3, {"show_if": {"item": "nope", "op": "eq", "value": True}}))
    assert problems_of(tmp_path, data) == ["item b2: show_if.item: unknown item 'nope'"]


def test_show_if_impossible_value(tmp_path: Path) -> None:
    data = with_items((3, {"show_if": {"item": "a1", "op": "eq", "value": 9}}))
    assert problems_of(tmp_path, data) == [
        "item b2: show_if.value: impossible condition: 9 is outside the scale 1-5 of item 'a1'"
    ]
    data = with_items((3, {"show_if": {"item": "b1", "op": "eq", "value": "yes"}}))
    assert problems_of(tmp_path, data) == [
        "item b2: show_if.value: impossible condition: item 'b1' is yes/no: use op 'eq' or 'ne' with true or false"
    ]


def test_show_if_self_reference_is_a_cycle(tmp_path: Path) -> None:
    data = with_items((3, {"show_if": {"item": "b2", "op": "eq", "value": "x"}}))
    assert problems_of(tmp_path, data) == ["item b2: show_if.item: an item cannot depend on itself"]


def test_band_gap_and_overlap(tmp_path: Path) -> None:
    gap = minimal(bands=[{"min": 0, "max": 50, "label": "差"}, {"min": 60, "max": 100, "label": "好"}])
    assert problems_of(tmp_path, gap) == ["bands: gap between 50 and 60"]
    overlap = minimal(bands=[{"min": 0, "max": 70, "label": "差"}, {"min": 60, "max": 100, "label": "好"}])
    assert problems_of(tmp_path, overlap) == ["bands: overlap: 60 is covered twice"]
    short = minimal(bands=[{"min": 10, "max": 90, "label": "中"}])
    assert problems_of(tmp_path, short) == [
        "bands: gap: nothing covers 0 to 10",
        "bands: gap: nothing covers 90 to 100",
    ]


def test_scale_label_count(tmp_path: Path) -> None:
    data = minimal(scales={"freq": {"min": 1, "max": 5, "labels": ["a", "b"]}})
    assert problems_of(tmp_path, data) == ["scales.freq: labels: 5 points need 5 labels, got 2"]


def test_number_band_gap_and_overlap(tmp_path: Path) -> None:
    number = {
        "id": "n1",
        "dimension": "a",
        "kind": "number",
        "min": 0,
        "max": 10,
        "text": "次数",
        "bands": [{"min": 0, "max": 3, "score": 0}, {"min": 5, "max": 10, "score": 1}],
    }
    data = minimal()
    data["items"].append(number)
    assert problems_of(tmp_path, data) == ["item n1: bands: gap between 3 and 5"]
    number["bands"] = [{"min": 0, "max": 5, "score": 0}, {"min": 5, "max": 10, "score": 1}]
    assert problems_of(tmp_path, data) == ["item n1: bands: overlap: 5 is covered twice"]


def test_option_without_id(tmp_path: Path) -> None:
    data = copy.deepcopy(MINIMAL)
    del data["items"][4]["options"][1]["id"]
    assert problems_of(tmp_path, data) == ["item b3: options[1]: id: required field is missing"]


def test_non_positive_weights(tmp_path: Path) -> None:
    data = with_items((0, {"weight": 0}))
    data["dimensions"][1]["weight"] = -1
    assert problems_of(tmp_path, data) == [
        "dimension b: weight: must be positive, got -1",
        "item a1: weight: must be positive, got 0",
    ]


def test_dimension_without_scored_item(tmp_path: Path) -> None:
    data = minimal()
    data["dimensions"].append({"id": "c", "title": "丙"})
    data["items"].append({"id": "c1", "dimension": "c", "kind": "text", "text": "随便说说"})
    assert problems_of(tmp_path, data) == ["dimension c: has no scored item"]


def test_english_on_some_items_only(tmp_path: Path) -> None:
    data = with_items((0, {"text_en": "I often go down."}))
    found = problems_of(tmp_path, data)
    assert "item a2: text_en: English text missing (other texts have it; give all or none)" in found
    assert "title_en: English text missing (other texts have it; give all or none)" in found


def test_unknown_field_and_kind(tmp_path: Path) -> None:
    data = with_items((0, {"colour": "red"}), (1, {"kind": "slider"}))
    assert problems_of(tmp_path, data) == [
        "item a1: colour: unknown field (check its spelling)",
        "item a2: kind: unknown kind; use one of choice, date, likert, multi, number, text, yesno",
    ]


def test_all_errors_listed_at_once(tmp_path: Path) -> None:
    data = with_items((0, {"dimension": "zz"}), (1, {"id": "a1"}), (2, {"weight": -2}))
    assert len(problems_of(tmp_path, data)) == 3


def test_invalid_toml_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('id = "x"\ntitle = \n', encoding="utf-8")
    with pytest.raises(QuestionnaireError) as info:
        load_file(path)
    assert info.value.render("en") == f"{path}: invalid TOML: Invalid value (at line 2, column 9)."
    assert str(info.value) == f"{path}：TOML 格式错误：Invalid value (at line 2, column 9)。"  # Chinese by default


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes('title = "对照"'.encode("gbk"))
    with pytest.raises(QuestionnaireError) as info:
        load_file(path)
    assert "not UTF-8 text" in info.value.render("en")
    assert "不是 UTF-8 文本" in info.value.render("zh")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError) as info:
        load_file(tmp_path / "nope.toml")
    assert "no such file" in info.value.render("en")
