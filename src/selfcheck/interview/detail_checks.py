"""Honest-wording checks on what people write: too short, a restated problem, copied text, no concrete detail,
the group's problem instead of one's own, and a wish instead of a checkable measure."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Literal

MIN_DETAIL = 10
"""A 具体表现 shorter than this (in characters) is questioned."""
SIMILAR = 0.85
"""difflib ratio at or above which two descriptions count as the same wording."""

_PUNCT = "，。、；：！？,.;:!? \t\n“”\"'（）()"
# The patterns are kept as text and compiled by ``re`` on first use (and cached there): compiling the three
# alternations at import cost every ``diff`` and ``report show`` more than their wording checks, which use none.
_CONCRETE = (
    r"[0-9０-９〇一二三四五六七八九十百千万两]"
    r"|[年月日周天次件户人]|村|社区|镇|乡|街道|县|市|区|单位|部门|会议|项目|企业|学校|医院|工地|窗口|热线|信访"
)

# Only words that put a group or other people where "I" belongs; 单位 and 部门 name a place
# ("除了单位组织的集中学习外"), not who failed.
_COLLECTIVE = (
    r"我们|咱们|大家|班子成员|有的同志|有些同志|部分同志|个别同志|一些同志|有的干部|部分干部|部分党员|有的党员"
)
# A checkable measure says how often, how many or by when: a figure, a Chinese number with its counter (not the
# 一 of 进一步), "每…", "不少于/至少", or a time limit.
_CHECKABLE = (
    r"[0-9０-９]"
    r"|[一二三四五六七八九十百千两半]+(?:次|个|篇|户|天|周|月|季度|年|件|人|名|小时|份|本|项|场|条|遍|期|批|家)"
    r"|每|不少于|至少|不超过|以上|以内|之内|之前|以前|年底|月底|季度末|前完成"
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
    return re.search(_CONCRETE, text) is None


def first_similar(text: str, earlier: Iterable[tuple[str, str]]) -> str | None:
    """The label (e.g. ``2025-11``) of the first earlier text this one copies, or None."""
    for label, old in earlier:
        if similar(text, old):
            return label
    return None


def is_collective(text: str) -> bool:
    """Written about "we", the unit or "some comrades" and never "I": 以集体问题代替个人问题."""
    return re.search(_COLLECTIVE, text) is not None and "我" not in text.replace("我们", "")


def is_wish(measure: str) -> bool:
    """No frequency, amount or date in it ("进一步加强学习"): a wish rather than a measure one can check."""
    return re.search(_CHECKABLE, measure) is None


Issue = Literal["short", "repeat", "similar", "same", "collective", "generic"]
"""What is questioned in a 具体表现; the front end words it (``generic`` is a hint, given once per interview)."""


def detail_issue(
    text: str, problem: str, earlier: Iterable[tuple[str, str]], others: Iterable[tuple[str, str]] = ()
) -> tuple[Issue, str] | None:
    """The first thing to question in a description, with a label: the earlier report's month (``similar``) or the
    other problem's wording (``same``: one 具体表现 given for two problems of this report)."""
    if too_short(text):
        return "short", ""
    if repeats(text, problem):
        return "repeat", ""
    label = first_similar(text, earlier)
    if label is not None:
        return "similar", label
    for other_problem, other_detail in others:
        if other_problem != problem and similar(text, other_detail):
            return "same", other_problem
    if is_collective(text):
        return "collective", ""
    if is_generic(text):
        return "generic", ""
    return None
