"""Honest-wording checks on what people write: too short, a restated problem, copied text, no concrete detail."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

MIN_DETAIL = 10
"""A 具体表现 shorter than this (in characters) is questioned."""
SIMILAR = 0.85
"""difflib ratio at or above which two descriptions count as the same wording."""

_PUNCT = "，。、；：！？,.;:!? \t\n“”\"'（）()"
_CONCRETE = re.compile(
    r"[0-9０-９〇一二三四五六七八九十百千万两]"
    r"|[年月日周天次件户人]|村|社区|镇|乡|街道|县|市|区|单位|部门|会议|项目|企业|学校|医院|工地|窗口|热线|信访"
)


def _core(text: str) -> str:
    return text.strip(_PUNCT)


def similar(a: str, b: str) -> bool:
    """Whether two descriptions are the same wording or nearly so."""
    a, b = _core(a), _core(b)
    return bool(a) and bool(b) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR)


def repeats(text: str, problem: str) -> bool:
    """Whether a description only restates the problem's wording."""
    a, b = _core(text), _core(problem)
    return bool(a) and (a in b or similar(a, b))


def too_short(text: str) -> bool:
    """Under :data:`MIN_DETAIL` characters once punctuation is set aside."""
    return len(_core(text)) < MIN_DETAIL


def is_generic(text: str) -> bool:
    """No number, date, place or case in it: a slogan rather than 见人见事."""
    return _CONCRETE.search(text) is None


def first_similar(text: str, earlier: Iterable[tuple[str, str]]) -> str | None:
    """The label (e.g. ``2025-11``) of the first earlier text this one copies, or None."""
    for label, old in earlier:
        if similar(text, old):
            return label
    return None
