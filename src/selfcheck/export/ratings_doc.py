"""民主测评结果 as a document: per person rated, the raters, the grades, the marks per dimension and the comments.

Built from :mod:`selfcheck.compare.ratings`, which withholds everything but totals below three raters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from selfcheck.compare.gap import MIN_RATERS
from selfcheck.compare.ratings import QuestionnaireRatings, summarise_ratings
from selfcheck.export.document import (
    Column,
    Document,
    Entry,
    Numbered,
    Paragraph,
    Section,
    Table,
    chinese_number,
    sub_heading,
)
from selfcheck.export.material import long_date
from selfcheck.export.phrasing import comment_heading
from selfcheck.i18n import Lang, Msg, pick, pick_list, t
from selfcheck.i18n.text import joined
from selfcheck.questionnaire.model import Questionnaire
from selfcheck.records.report import Report


def _number(value: float | None, lang: Lang) -> str:
    return f"{value:.1f}" if value is not None else t(Msg.INSUFFICIENT, lang)


def _blocks(r: QuestionnaireRatings, q: Questionnaire | None, lang: Lang) -> list[Paragraph | Table | Numbered]:
    """One questionnaire's results for one person."""
    if not r.detailed or q is None:
        return [
            Paragraph(t(Msg.RATE_DOC_RATERS_ONLY, lang, raters=r.raters)),
            Paragraph(t(Msg.RATE_DOC_FEW, lang, min=MIN_RATERS)),
        ]
    blocks: list[Paragraph | Table | Numbered] = [
        Paragraph(t(Msg.RATE_DOC_RATERS, lang, raters=r.raters, overall=_number(r.overall, lang)))
    ]
    if q.grades is not None and any(r.grades):
        labels = pick_list(q.grades.labels, q.grades.labels_en, lang)
        counts = [t(Msg.RATE_DOC_COUNT, lang, label=label, n=n) for label, n in zip(labels, r.grades, strict=True)]
        blocks.append(Paragraph(t(Msg.RATE_DOC_GRADES, lang, grades=joined(counts, lang))))
    rating = q.rating
    labels = pick_list(rating.labels, rating.labels_en, lang) if rating else []
    abstain = pick(rating.abstain or "", rating.abstain_en, lang) if rating else ""
    titles = {d.id: pick(d.title, d.title_en, lang) for d in q.dimensions}
    rows = [
        [titles[d.id], *(str(n) for n in reversed(d.counts)), str(d.abstained), _number(d.mean, lang)]
        for d in r.dimensions
    ]
    headers = [t(Msg.COL_DIMENSION, lang), *reversed(labels), abstain or t(Msg.RATE_DOC_ABSTAIN, lang)]
    short: list[Column] = ["short"] * len(headers)
    columns: list[Column] = ["text", *short]
    blocks.append(Table([*headers, t(Msg.COL_SCORE, lang)], rows, columns))
    if r.comments:
        blocks.append(Paragraph(t(Msg.RATE_DOC_COMMENTS, lang)))
        entries = [
            Entry(t(Msg.LEAD, lang, label=comment_heading(dim, titles, lang)), text)
            for dim, texts in r.comments.items()
            for text in texts
        ]
        blocks.append(Numbered(entries))
    else:
        blocks.append(Paragraph(t(Msg.RATE_DOC_NO_COMMENTS, lang)))
    return blocks


def build(reports: Sequence[Report], definitions: Mapping[str, Questionnaire], lang: Lang) -> Document:
    """The 民主测评结果 of every person rated in ``reports``."""
    sections = []
    for n, subject in enumerate(summarise_ratings(reports, definitions), 1):
        name = subject.subject or t(Msg.RATE_DOC_NO_SUBJECT, lang)
        section = Section(t(Msg.RATE_DOC_SECTION, lang, cn=chinese_number(n), n=n, subject=name))
        for k, r in enumerate(subject.questionnaires, 1):
            q = definitions.get(r.id)
            section.blocks.append(sub_heading(k, pick(q.title, q.title_en, lang) if q else r.id, lang))
            section.blocks += _blocks(r, q, lang)
        sections.append(section)
    latest = max(r.created for r in reports)
    return Document(t(Msg.RATE_DOC_TITLE, lang), [long_date(latest, lang)], sections, [], lang)
