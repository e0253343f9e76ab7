"""questionnaires/COVERAGE.md maps every point of the source text to built-in items, or says why none asks it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from selfcheck.questionnaire.library import load_library

COVERAGE = Path(__file__).resolve().parents[1] / "questionnaires" / "COVERAGE.md"
ROW = re.compile(r"^\|\s*(\d+)\s*\|(.*)\|(.*)\|(.*)\|\s*$")
REF = re.compile(r"`([a-z0-9][a-z0-9_-]*)/([a-z0-9][a-z0-9_-]*)`")


def rows(text: str) -> list[tuple[int, str, list[tuple[str, str]], str, str]]:
    """(number, point, item references, reason, raw items cell) for each numbered row of the table."""
    found = []
    for line in text.splitlines():
        m = ROW.match(line)
        if m:
            number, point, items, reason = m.groups()
            found.append((int(number), point.strip(), REF.findall(items), reason.strip(), items.strip()))
    return found


def problems(text: str, known: dict[str, set[str]]) -> list[str]:
    """Everything wrong with a coverage table, given the item ids of each questionnaire."""
    out = []
    table = rows(text)
    if not table:
        out.append("no rows")
    numbers = [r[0] for r in table]
    if len(set(numbers)) != len(numbers):
        out.append(f"row numbers repeat: {numbers}")
    for number, point, refs, reason, cell in table:
        if not point:
            out.append(f"row {number}: no source point")
        if not refs and not reason:
            out.append(f"row {number}: neither items nor a reason")
        if cell and not refs:
            out.append(f"row {number}: items cell {cell!r} names no `questionnaire/item`")
        for qid, item in refs:
            if qid not in known:
                out.append(f"row {number}: no built-in questionnaire {qid!r}")
            elif item not in known[qid]:
                out.append(f"row {number}: {qid} has no item {item!r}")
    return out


@pytest.fixture(scope="module")
def known() -> dict[str, set[str]]:
    return {qid: {item.id for item in entry.questionnaire.items} for qid, entry in load_library().entries.items()}


def test_every_row_names_existing_items_or_a_reason(known: dict[str, set[str]]) -> None:
    assert problems(COVERAGE.read_text(encoding="utf-8"), known) == []


def test_the_map_covers_every_builtin_questionnaire(known: dict[str, set[str]]) -> None:
    named = {qid for row in rows(COVERAGE.read_text(encoding="utf-8")) for qid, _item in row[2]}
    assert set(known) <= named


def test_the_check_catches_a_missing_item_and_an_empty_row() -> None:
    known = {"zuofeng": {"sx-study"}}
    text = (
        "| 1 | 学习 | `zuofeng/sx-study` | |\n"
        "| 2 | 组织生活 | `zuofeng/sx-gone` | |\n"
        "| 3 | 党费 | | |\n"
        "| 4 | 页脚 | | 网站页脚 |\n"
        "| 5 | 外卷 | `nope/x` | |\n"
    )
    assert problems(text, known) == [
        "row 2: zuofeng has no item 'sx-gone'",
        "row 3: neither items nor a reason",
        "row 5: no built-in questionnaire 'nope'",
    ]
