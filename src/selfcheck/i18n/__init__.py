"""Choosing the language: :func:`t` for the interface (from the catalogue), :func:`pick` for questionnaire content.

This package is the one place that looks at which language was chosen: everything else words its text through
:func:`t`, :func:`pick` and the helpers of :mod:`selfcheck.i18n.text` (``tests/test_catalogue.py`` refuses an inline
``"…" if zh else "…"`` anywhere else)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Literal

from selfcheck.i18n.catalogue import Msg

Lang = Literal["zh", "en"]

LANGS: tuple[Lang, ...] = ("zh", "en")

__all__ = ["LANGS", "Content", "Lang", "Msg", "Phrase", "default_lang", "other_lang", "pick", "pick_list", "t"]


class Phrase:
    """A catalogue message with its values, worded later in whatever language is chosen.

    Values may themselves be phrases (a problem inside "where: what"); they are worded in the same language."""

    __slots__ = ("msg", "values")

    def __init__(self, msg: Msg, /, **values: object) -> None:
        self.msg = msg
        self.values = values

    def render(self, lang: Lang) -> str:
        """The phrase in ``lang``."""
        return t(self.msg, lang, **self.values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.msg, self.values) == (other.msg, other.values)

    def __hash__(self) -> int:
        return hash(self.msg)

    def __repr__(self) -> str:
        return f"Phrase({self.msg.name}, {self.values!r})"


class Content:
    """Questionnaire content in both languages (an option's label, an item's text), to fill a phrase with."""

    __slots__ = ("en", "zh")

    def __init__(self, zh: str, en: str | None) -> None:
        self.zh = zh
        self.en = en

    def render(self, lang: Lang) -> str:
        """The content in ``lang`` (Chinese when there is no English)."""
        return pick(self.zh, self.en, lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Content) and (self.zh, self.en) == (other.zh, other.en)

    def __hash__(self) -> int:
        return hash((self.zh, self.en))

    def __repr__(self) -> str:
        return f"Content({self.zh!r}, {self.en!r})"


def t(msg: Msg, lang: Lang, **values: object) -> str:
    """The message ``msg`` in ``lang`` with ``values`` filled in (phrases and content among them in ``lang`` too)."""
    zh, en = msg.value
    text = en if lang == "en" else zh
    if not values:
        return text
    return text.format(**{k: v.render(lang) if isinstance(v, Phrase | Content) else v for k, v in values.items()})


def pick(zh: str, en: str | None, lang: Lang) -> str:
    """Questionnaire content in the wanted language, falling back to Chinese (the original)."""
    return en if lang == "en" and en else zh


def pick_list(zh: Sequence[str], en: Sequence[str] | None, lang: Lang) -> list[str]:
    """Questionnaire labels (a scale's, a grade's) in the wanted language, falling back to the Chinese list."""
    return list(en if lang == "en" and en else zh)


def other_lang(lang: Lang) -> Lang:
    """The language not chosen (a page's link to switch)."""
    return "en" if lang == "zh" else "zh"


def default_lang() -> Lang:
    """``SELFCHECK_LANG``, else English only when the locale asks for it; Chinese is the default.

    The locale is read as gettext reads it for messages: ``LANGUAGE`` (a list such as ``en_GB:zh_CN``, whose first
    entry counts), then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``."""
    for var in ("SELFCHECK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "").split(":", 1)[0]
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"
