"""Text for XML-based outputs (.docx, HTML): characters XML 1.0 cannot hold are dropped.

A control character typed into a report (or pasted from a chat) would otherwise stop python-docx with
"All strings must be XML compatible". Applied once to the whole document, before any format renders it."""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

T = TypeVar("T")

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Outside XML 1.0's Char production: C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF; lone
surrogates."""


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def clean(value: T) -> T:
    """A copy of ``value`` (a document's dataclasses, lists, tuples, strings) with every string made XML-safe."""
    result: object
    if isinstance(value, str):
        result = xml_safe(value)
    elif isinstance(value, list):
        result = [clean(v) for v in value]
    elif isinstance(value, tuple):
        result = tuple(clean(v) for v in value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: clean(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        result = dataclasses.replace(value, **changes)
    else:
        result = value
    return result  # type: ignore[return-value]
