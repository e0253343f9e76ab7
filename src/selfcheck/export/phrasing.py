"""Comparisons put in words where the terminal, the exported documents and the command line's warnings say the same
thing: who and what a summary counted, the files passed over and why, and what a rater's comment is about. The
comparisons themselves (:mod:`selfcheck.compare`) return counts and codes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from selfcheck.compare.gap import SUBJECT_COMMENT
from selfcheck.i18n import Lang, Msg, t

if TYPE_CHECKING:
    from selfcheck.compare.summary import Summary


def comment_heading(key: str, titles: Mapping[str, str], lang: Lang) -> str:
    """What a rater's comment is about: its dimension's title, or 总体意见 for the comment on the person."""
    if key == SUBJECT_COMMENT and key not in titles:
        return t(Msg.COMMENTS_OVERALL, lang)
    return titles.get(key, key)


_SKIP_WORDS: dict[str, Msg] = {
    "not_report": Msg.SKIP_NOT_REPORT,
    "unreadable": Msg.SKIP_UNREADABLE,
    "too_large": Msg.SKIP_TOO_LARGE,
    "not_toml": Msg.SKIP_NOT_TOML,
    "newer": Msg.SKIP_NEWER,
    "invalid": Msg.SKIP_INVALID,
}


def skipped_text(reasons: Mapping[str, int], lang: Lang) -> str:
    """How many files were skipped and why, in words: 跳过3个文件：不是报告2个、无法读取1个 ("" when none)."""
    total = sum(reasons.values())
    if not total:
        return ""
    counted = [
        t(Msg.SKIPPED_COUNT, lang, label=t(_SKIP_WORDS.get(code, Msg.SKIP_INVALID), lang), n=n)
        for code, n in reasons.items()
        if n
    ]
    return t(Msg.SKIPPED_FILES, lang, n=total, reasons=t(Msg.SKIPPED_SEPARATOR, lang).join(counted))


def head(summary: Summary, lang: Lang) -> list[str]:
    """Who and what was counted: persons (or every report), ratings, files read and skipped, in words."""
    lines = []
    if summary.all_reports:
        lines.append(
            t(Msg.SUMMARY_ALL_REPORTS, lang, reports=summary.reports - summary.ratings, persons=summary.persons)
        )
    else:
        lines.append(t(Msg.SUMMARY_PERSONS, lang, persons=summary.persons))
        if summary.superseded:
            lines.append(t(Msg.SUMMARY_SUPERSEDED, lang, n=summary.superseded))
    if summary.unnamed:
        lines.append(t(Msg.SUMMARY_UNNAMED, lang, n=summary.unnamed))
    if summary.subjects:
        lines.append(t(Msg.SUMMARY_RATINGS, lang, ratings=summary.ratings, subjects=summary.subjects))
    files = t(Msg.SUMMARY_FILES, lang, files=summary.files)
    skipped = skipped_text(summary.skip_reasons, lang)
    lines.append(files + (t(Msg.LIST_SEPARATOR, lang) + skipped if skipped else ""))
    return lines
