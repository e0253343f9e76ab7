"""The 对照检查材料 as a neutral document: sections of paragraphs, lists and tables.

Markdown, HTML and Word render this one structure, so the three always say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from selfcheck.i18n import Lang, Msg, t
from selfcheck.questionnaire.model import Questionnaire, pick
from selfcheck.records.ledger import status_label
from selfcheck.records.report import CAUSE_LABELS, CAUSES, SOURCE_LABELS, Finding, Report


@dataclass
class Table:
    """A table with a header row."""

    headers: list[str]
    rows: list[list[str]]


@dataclass
class Heading:
    """A sub-heading inside a section."""

    text: str


@dataclass
class Paragraph:
    """A paragraph of plain text."""

    text: str


@dataclass
class Numbered:
    """A numbered list; each entry a lead (bold) and its explanation."""

    entries: list[tuple[str, str]]


Block = Table | Heading | Paragraph | Numbered


@dataclass
class Section:
    """A numbered part of the material (一、基本情况 …)."""

    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Chart:
    """Scores of one questionnaire's dimensions, for the radar chart and bars in HTML."""

    title: str
    dimensions: list[tuple[str, float | None]]


@dataclass
class Document:
    """The whole material."""

    title: str
    subtitle: str
    sections: list[Section]
    charts: list[Chart]
    lang: Lang


def _group_of(f: Finding, definitions: Mapping[str, Questionnaire], lang: Lang) -> str:
    """思想作风/工作作风/生活作风 for a 对照 questionnaire; the ability area's title otherwise."""
    q = definitions.get(f.questionnaire or "")
    if q is None or f.item is None:
        return t(Msg.DOC_OTHER_GROUP, lang)
    if q.kind == "contrast":
        try:
            dim = q.dimension(q.item(f.item).dimension)
        except KeyError:
            return pick(q.title, q.title_en, lang)
        return pick(dim.title, dim.title_en, lang)
    return pick(q.title, q.title_en, lang)


def build(
    report: Report,
    definitions: Mapping[str, Questionnaire],
    lang: Lang = "zh",
    ledger_status: Mapping[str, str] | None = None,
) -> Document:
    """The material for one report; ``ledger_status`` maps finding ids to todo/doing/done."""
    en = lang == "en"
    fill = t(Msg.DOC_TO_FILL, lang)
    who = report.respondent.name or t(Msg.DOC_ANONYMOUS, lang)
    subtitle = f"{who}　{report.created:%Y-%m-%d}" if not en else f"{who}, {report.created:%Y-%m-%d}"

    # 一、基本情况
    titles, rows, charts = [], [], []
    answered = 0
    for qid, res in report.questionnaires.items():
        q = definitions.get(qid)
        title = pick(q.title, q.title_en, lang) if q else (res.title or qid)
        titles.append(f"《{title}》" if not en else f"“{title}”")
        answered += len(res.answers)
        dims = [d.id for d in q.dimensions] if q else [*res.scores.dimensions, *res.insufficient]
        chart: list[tuple[str, float | None]] = []
        for dim_id in dims:
            name = dim_id
            if q is not None:
                dim = q.dimension(dim_id)
                name = pick(dim.title, dim.title_en, lang)
            value = res.scores.dimensions.get(dim_id)
            band = q.band_for(value) if q is not None and value is not None else None
            level = pick(band.label, band.label_en, lang) if band else ""
            rows.append([title, name, f"{value:.1f}" if value is not None else t(Msg.INSUFFICIENT, lang), level])
            chart.append((name, value))
        overall = res.scores.overall
        rows.append(
            [
                title,
                t(Msg.OVERALL, lang),
                f"{overall:.1f}" if overall is not None else t(Msg.INSUFFICIENT, lang),
                (q.level_label(res.level, lang) if q else res.level) or "",
            ]
        )
        charts.append(Chart(title, chart))
    sep = "、" if not en else ", "
    overview = Section(
        t(Msg.DOC_S1, lang),
        [
            Paragraph(t(Msg.DOC_INTRO, lang, titles=sep.join(titles), answered=answered)),
            Table(
                [
                    t(Msg.DOC_COL_QUESTIONNAIRE, lang),
                    t(Msg.COL_DIMENSION, lang),
                    t(Msg.COL_SCORE, lang),
                    t(Msg.DOC_COL_LEVEL, lang),
                ],
                rows,
            ),
        ],
    )

    # 二、查摆出的主要问题
    problems = Section(t(Msg.DOC_S2, lang))
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(_group_of(f, definitions, lang), []).append(f)
    for group, members in groups.items():
        problems.blocks.append(Heading(group))
        entries = []
        for f in members:
            source = SOURCE_LABELS[f.source][en] if f.source else ""
            text = t(Msg.DOC_DETAIL, lang) + (f.detail or fill)
            if source:
                text += ("（" if not en else " (") + t(Msg.DOC_SOURCE, lang) + source + ("）" if not en else ")")
            entries.append((f.problem, text))
        problems.blocks.append(Numbered(entries))
    if not report.findings:
        problems.blocks.append(Paragraph(t(Msg.DOC_NO_PROBLEMS, lang)))

    # 三、原因剖析
    causes = Section(t(Msg.DOC_S3, lang))
    for cause in (*CAUSES, ""):
        members = [f for f in report.findings if f.cause == cause]
        if not members:
            continue
        causes.blocks.append(Heading(CAUSE_LABELS[cause][en] if cause else t(Msg.DOC_CAUSE_NONE, lang)))
        causes.blocks.append(Numbered([(f.problem, f.cause_note or fill) for f in members]))
    if not report.findings:
        causes.blocks.append(Paragraph(t(Msg.DOC_NO_CAUSES, lang)))

    # 四、整改措施
    status = ledger_status or {}
    measures = Section(t(Msg.DOC_S4, lang))
    if report.findings:
        measures.blocks.append(
            Table(
                [
                    t(Msg.DOC_COL_PROBLEM, lang),
                    t(Msg.DOC_COL_MEASURE, lang),
                    t(Msg.DOC_COL_OWNER, lang),
                    t(Msg.DOC_COL_DEADLINE, lang),
                    t(Msg.DOC_COL_STATUS, lang),
                ],
                [
                    [
                        f.problem,
                        f.measure or fill,
                        f.owner or fill,
                        f.deadline or fill,
                        status_label(status.get(f.id, f.status), lang),
                    ]
                    for f in report.findings
                ],
            )
        )
    else:
        measures.blocks.append(Paragraph(t(Msg.DOC_NO_MEASURES, lang)))

    sections = [overview, problems, causes, measures]
    # 五、上次整改落实情况
    review = Section(t(Msg.DOC_S5, lang))
    if report.review:
        review.blocks.append(
            Table(
                [
                    t(Msg.DOC_COL_PROBLEM, lang),
                    t(Msg.DOC_COL_MEASURE, lang),
                    t(Msg.DOC_COL_DEADLINE, lang),
                    t(Msg.DOC_COL_STATUS, lang),
                    t(Msg.DOC_COL_EVIDENCE, lang),
                ],
                [
                    [r.problem, r.measure or "", r.deadline or "", status_label(r.status, lang), r.evidence or ""]
                    for r in report.review
                ],
            )
        )
    else:
        review.blocks.append(Paragraph(t(Msg.DOC_NO_REVIEW, lang)))
    sections.append(review)
    return Document(t(Msg.DOC_TITLE, lang), subtitle, sections, charts, lang)
