"""Choosing the language: :func:`t` for the interface (from the catalogue), :func:`pick` for questionnaire content."""

from __future__ import annotations

import os
from typing import Literal

from selfcheck.i18n.catalogue import Msg

Lang = Literal["zh", "en"]

__all__ = ["Lang", "Msg", "default_lang", "pick", "t"]


def t(msg: Msg, lang: Lang, **values: object) -> str:
    """The message ``msg`` in ``lang`` with ``values`` filled in."""
    zh, en = msg.value
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def pick(zh: str, en: str | None, lang: Lang) -> str:
    """Questionnaire content in the wanted language, falling back to Chinese (the original)."""
    return en if lang == "en" and en else zh


def default_lang() -> Lang:
    """``SELFCHECK_LANG``, else English only when the locale asks for it; Chinese is the default."""
    for var in ("SELFCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"
