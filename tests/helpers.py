"""Test data builders: a small valid questionnaire to make variations of, and a TOML writer."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

if TYPE_CHECKING:
    import pexpect

SCALE = {"min": 1, "max": 5, "labels": ["从不", "偶尔", "有时", "经常", "总是"]}

MINIMAL: dict[str, Any] = {
    "id": "mini",
    "version": "1",
    "title": "小问卷",
    "kind": "custom",
    "scales": {"freq": SCALE},
    "dimensions": [{"id": "a", "title": "甲"}, {"id": "b", "title": "乙", "weight": 2.0}],
    "bands": [
        {"min": 0, "max": 60, "label": "较差"},
        {"min": 60, "max": 85, "label": "良好"},
        {"min": 85, "max": 100, "label": "优秀"},
    ],
    "items": [
        {
            "id": "a1",
            "dimension": "a",
            "kind": "likert",
            "scale": "freq",
            "text": "我经常下基层。",
            "flag": {"op": "le", "value": 2},
            "problem": "下基层少",
        },
        {"id": "a2", "dimension": "a", "kind": "likert", "scale": "freq", "reverse": True, "text": "我拖延回复。"},
        {
            "id": "b1",
            "dimension": "b",
            "kind": "yesno",
            "text": "我回访过群众。",
            "flag": {"op": "eq", "value": False},
            "problem": "不回访",
        },
        {
            "id": "b2",
            "dimension": "b",
            "kind": "text",
            "text": "说明回访情况。",
            "show_if": {"item": "b1", "op": "eq", "value": True},
        },
        {
            "id": "b3",
            "dimension": "b",
            "kind": "choice",
            "text": "多少问题解决了？",
            "options": [
                {"id": "all", "label": "全部", "score": 1.0},
                {"id": "half", "label": "一半", "score": 0.5},
                {"id": "none", "label": "没有", "score": 0.0},
            ],
        },
    ],
}


def minimal(**changes: Any) -> dict[str, Any]:
    """A deep copy of the small valid questionnaire, with top-level keys replaced."""
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    return data


def write_toml(path: Path, data: dict[str, Any]) -> Path:
    """Write ``data`` as TOML to ``path`` and return the path."""
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def spawn(args: list[str], home: Path, width: int = 60, timeout: int = 20, **env: str) -> pexpect.spawn:
    """``selfcheck ARGS`` in a pseudo-terminal of ``width`` columns and 40 lines, with its own SELFCHECK_HOME (text
    mode, UTF-8); ``env`` adds variables such as ``NO_COLOR``."""
    import os
    import sys

    import pexpect

    environ = {**os.environ, "SELFCHECK_HOME": str(home), "COLUMNS": str(width), "LINES": "40", "TERM": "xterm", **env}
    return pexpect.spawn(
        sys.executable,
        ["-m", "selfcheck", *args],
        env=environ,
        encoding="utf-8",
        timeout=timeout,
        dimensions=(40, width),
    )
