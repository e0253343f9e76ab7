"""The 对照检查材料 as a neutral document: sections of paragraphs, lists and tables.

Markdown, HTML and Word render this one structure, so the three always say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from selfcheck.messages import Lang
from selfcheck.questionnaire import Questionnaire, pick
from selfcheck.report import CAUSE_LABELS, CAUSES, SOURCE_LABELS, Finding, Report


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


_TEXT = {
    "title": ("对照检查材料", "Self-examination report (对照检查材料)"),
    "s1": ("一、基本情况", "1. Overview"),
    "s2": ("二、查摆出的主要问题", "2. Problems found"),
    "s3": ("三、原因剖析", "3. Analysis of causes"),
    "s4": ("四、整改措施", "4. Rectification measures"),
    "s5": ("五、上次整改落实情况", "5. How last time's measures went"),
    "anonymous": ("（未署名）", "(anonymous)"),
    "intro": (
        "本人对照{titles}进行了自查，共作答{answered}题。各维度得分如下（满分100分）：",
        "I examined myself against {titles}, answering {answered} questions. Scores per dimension (out of 100):",
    ),
    "col.questionnaire": ("问卷", "Questionnaire"),
    "col.dimension": ("维度", "Dimension"),
    "col.score": ("得分", "Score"),
    "col.level": ("等次", "Level"),
    "overall": ("总分", "Overall"),
    "insufficient": ("作答不足", "insufficient"),
    "no.problems": ("本次自查未查摆出问题。", "No problems were found in this self-examination."),
    "no.causes": ("没有需要剖析的问题。", "There are no problems to analyse."),
    "no.measures": ("没有整改措施。", "There are no rectification measures."),
    "no.review": (
        "本次自查没有回头看记录（首次自查或上次没有整改措施）。",
        "No look-back records (a first self-examination, or no earlier measures).",
    ),
    "detail": ("具体表现：", "Instance: "),
    "source": ("来源：", "Source: "),
    "to.fill": ("（待填写）", "(to fill in)"),
    "other.group": ("其他问题", "Other problems"),
    "cause.none": ("未归类", "Not classified"),
    "col.problem": ("问题", "Problem"),
    "col.measure": ("整改措施", "Measure"),
    "col.owner": ("责任人", "Owner"),
    "col.deadline": ("完成时限", "Deadline"),
    "col.status": ("状态", "Status"),
    "col.evidence": ("完成情况及证据", "Evidence"),
    "status.todo": ("未启动", "Not started"),
    "status.doing": ("进行中", "In progress"),
    "status.done": ("已完成", "Done"),
    "status.open": ("未启动", "Not started"),
}


def _t(key: str, lang: Lang, **values: object) -> str:
    zh, en = _TEXT[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def _group_of(f: Finding, definitions: Mapping[str, Questionnaire], lang: Lang) -> str:
    """思想作风/工作作风/生活作风 for a 对照 questionnaire; the ability area's title otherwise."""
    q = definitions.get(f.questionnaire or "")
    if q is None or f.item is None:
        return _t("other.group", lang)
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
    fill = _t("to.fill", lang)
    who = report.respondent.name or _t("anonymous", lang)
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
            rows.append([title, name, f"{value:.1f}" if value is not None else _t("insufficient", lang), level])
            chart.append((name, value))
        overall = res.scores.overall
        rows.append(
            [
                title,
                _t("overall", lang),
                f"{overall:.1f}" if overall is not None else _t("insufficient", lang),
                res.level or "",
            ]
        )
        charts.append(Chart(title, chart))
    sep = "、" if not en else ", "
    overview = Section(
        _t("s1", lang),
        [
            Paragraph(_t("intro", lang, titles=sep.join(titles), answered=answered)),
            Table(
                [
                    _t("col.questionnaire", lang),
                    _t("col.dimension", lang),
                    _t("col.score", lang),
                    _t("col.level", lang),
                ],
                rows,
            ),
        ],
    )

    # 二、查摆出的主要问题
    problems = Section(_t("s2", lang))
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(_group_of(f, definitions, lang), []).append(f)
    for group, members in groups.items():
        problems.blocks.append(Heading(group))
        entries = []
        for f in members:
            source = SOURCE_LABELS[f.source][en] if f.source else ""
            text = _t("detail", lang) + (f.detail or fill)
            if source:
                text += ("（" if not en else " (") + _t("source", lang) + source + ("）" if not en else ")")
            entries.append((f.problem, text))
        problems.blocks.append(Numbered(entries))
    if not report.findings:
        problems.blocks.append(Paragraph(_t("no.problems", lang)))

    # 三、原因剖析
    causes = Section(_t("s3", lang))
    for cause in (*CAUSES, ""):
        members = [f for f in report.findings if f.cause == cause]
        if not members:
            continue
        causes.blocks.append(Heading(CAUSE_LABELS[cause][en] if cause else _t("cause.none", lang)))
        causes.blocks.append(Numbered([(f.problem, f.cause_note or fill) for f in members]))
    if not report.findings:
        causes.blocks.append(Paragraph(_t("no.causes", lang)))

    # 四、整改措施
    status = ledger_status or {}
    measures = Section(_t("s4", lang))
    if report.findings:
        measures.blocks.append(
            Table(
                [
                    _t("col.problem", lang),
                    _t("col.measure", lang),
                    _t("col.owner", lang),
                    _t("col.deadline", lang),
                    _t("col.status", lang),
                ],
                [
                    [
                        f.problem,
                        f.measure or fill,
                        f.owner or fill,
                        f.deadline or fill,
                        _t(f"status.{status.get(f.id, f.status)}", lang),
                    ]
                    for f in report.findings
                ],
            )
        )
    else:
        measures.blocks.append(Paragraph(_t("no.measures", lang)))

    sections = [overview, problems, causes, measures]
    # 五、上次整改落实情况
    review = Section(_t("s5", lang))
    if report.review:
        review.blocks.append(
            Table(
                [
                    _t("col.problem", lang),
                    _t("col.measure", lang),
                    _t("col.deadline", lang),
                    _t("col.status", lang),
                    _t("col.evidence", lang),
                ],
                [
                    [r.problem, r.measure or "", r.deadline or "", _t(f"status.{r.status}", lang), r.evidence or ""]
                    for r in report.review
                ],
            )
        )
    else:
        review.blocks.append(Paragraph(_t("no.review", lang)))
    sections.append(review)
    return Document(_t("title", lang), subtitle, sections, charts, lang)
