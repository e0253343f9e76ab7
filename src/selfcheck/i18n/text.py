"""Sentences put together in the chosen language: lists, full stops, a title inside a sentence.

Chinese and English differ in more than words — 、 against ", ", 和 against "and", 。 against "." — and these
helpers keep that difference here, beside the catalogue, rather than in every view and exporter."""

from __future__ import annotations

from collections.abc import Iterable

from selfcheck.i18n import Lang, Msg, t

_END = '。！？；.!?;…”"）)'


def joined(texts: Iterable[str], lang: Lang) -> str:
    """甲、乙、丙 / a, b, c."""
    return t(Msg.ENUM_SEPARATOR, lang).join(texts)


def listing(texts: list[str], lang: Lang) -> str:
    """A、B和C / a, b and c."""
    if len(texts) < 2:
        return "".join(texts)
    return t(Msg.LAST_OF_LIST, lang, head=joined(texts[:-1], lang), last=texts[-1])


def byline(parts: list[str], lang: Lang) -> str:
    """Unit, post and name under a title: 单位　职务　姓名 (ideographic spaces) / unit, post, name."""
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out = t(Msg.BYLINE_NEXT, lang, head=out, part=part)
    return out


def quoted(texts: list[str], lang: Lang) -> str:
    """“甲”、“乙” / “a”, “b”: problem titles inside a sentence."""
    return joined((f"“{x.rstrip('。.')}”" for x in texts), lang)


def is_chinese(char: str) -> bool:
    """A CJK character or punctuation (from U+2E80 on)."""
    return ord(char) >= 0x2E80


def sentence(text: str, lang: Lang) -> str:
    """``text`` ending in a full stop unless it already ends in punctuation: 。 after Chinese (even in English
    material, where the person's own notes may be Chinese), . otherwise."""
    text = text.strip()
    if not text or text[-1] in _END:
        return text
    return text + t(Msg.FULL_STOP, "zh" if is_chinese(text[-1]) else lang)


def lower_first(text: str, lang: Lang) -> str:
    """An English title inside a sentence starts in lower case (Research ability → research ability); Chinese has
    no case."""
    return text[:1].lower() + text[1:] if lang == "en" else text


def spacer(lang: Lang) -> str:
    """What separates a lead from its text and prose from a marker: nothing in Chinese, a space in English."""
    return "" if lang == "zh" else " "


def justified(lang: Lang) -> bool:
    """Whether prose is set justified: Chinese stays even; English opens gaps between words on a short line."""
    return lang == "zh"
