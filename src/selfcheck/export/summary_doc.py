"""The organisation summary as a document (for md and html) and as a table (csv)."""

from __future__ import annotations

from selfcheck.compare.summary import BINS, Summary
from selfcheck.export.document import Chart, Document, Entry, Heading, Numbered, Paragraph, Section, Table
from selfcheck.i18n import Lang, Msg, t
from selfcheck.records.report import role_label

SUMMARY_COLUMNS = [
    "questionnaire",
    "dimension",
    "count",
    "mean",
    "median",
    "min",
    "max",
    *[f"bin_{i * 100 // BINS}_{(i + 1) * 100 // BINS}" for i in range(BINS)],
]


def build(summary: Summary, titles: dict[str, tuple[str, dict[str, str]]], lang: Lang, names: bool) -> Document:
    """Counts, score statistics per dimension, frequent problems and measures, as one document."""
    counts = Table(
        [t(m, lang) for m in (Msg.DOC_COL_QUESTIONNAIRE, Msg.COL_ROLE, Msg.COL_REPORTS)],
        [
            [titles.get(q, (q, {}))[0], role_label(r, lang), str(n)]
            for q, per in summary.counts.items()
            for r, n in per.items()
        ],
    )
    intro = (
        t(Msg.SUMMARY_DOC_INTRO_SKIPPED, lang, n=summary.reports, skipped=len(summary.skipped))
        if summary.skipped
        else t(Msg.SUMMARY_DOC_INTRO, lang, n=summary.reports)
    )
    overview = Section(t(Msg.SUMMARY_DOC_S1, lang), [Paragraph(intro), counts])
    if names and summary.names:
        overview.blocks.append(Paragraph(t(Msg.SUMMARY_NAMES, lang, names="、".join(summary.names))))
    scores = Section(t(Msg.SUMMARY_DOC_S2, lang))
    charts = []
    header = [
        t(m, lang)
        for m in (
            Msg.COL_DIMENSION,
            Msg.COL_COUNT,
            Msg.COL_MEAN,
            Msg.COL_MEDIAN,
            Msg.COL_MIN,
            Msg.COL_MAX,
            Msg.COL_DISTRIBUTION_BINS,
        )
    ]
    for qid, dims in summary.dimensions.items():
        title, dim_titles = titles.get(qid, (qid, {}))
        rows = [
            [
                dim_titles.get(d, d),
                str(s.count),
                f"{s.mean:.1f}",
                f"{s.median:.1f}",
                f"{s.minimum:.1f}",
                f"{s.maximum:.1f}",
                " / ".join(str(b) for b in s.bins),
            ]
            for d, s in dims.items()
        ]
        scores.blocks += [Heading(f"{title} ({qid})"), Table(header, rows)]
        charts.append(Chart(title, [(dim_titles.get(d, d), s.mean) for d, s in dims.items()]))
    problems = Section(t(Msg.SUMMARY_DOC_S3, lang))
    if summary.top_findings:
        problems.blocks.append(Numbered([Entry(p, t(Msg.TIMES, lang, n=n)) for _k, p, n in summary.top_findings]))
    else:
        problems.blocks.append(Paragraph(t(Msg.SUMMARY_DOC_NO_PROBLEMS, lang)))
    measures = Section(
        t(Msg.SUMMARY_DOC_S4, lang),
        [Paragraph(t(Msg.SUMMARY_DOC_MEASURES, lang, open=summary.open_measures, overdue=summary.overdue_measures))],
    )
    sections = [overview, scores, problems, measures]
    if summary.comments:  # already withheld below three raters and sorted by the core
        said = Section(t(Msg.SUMMARY_DOC_S5, lang))
        for qid, per in summary.comments.items():
            title, dim_titles = titles.get(qid, (qid, {}))
            said.blocks.append(Heading(f"{title} ({qid})"))
            said.blocks.append(Paragraph(t(Msg.COMMENTS_TITLE, lang)))
            said.blocks.append(
                Numbered([Entry(t(Msg.LEAD, lang, label=dim_titles.get(d, d)), x) for d, xs in per.items() for x in xs])
            )
        sections.append(said)
    return Document(t(Msg.SUMMARY_DOC_TITLE, lang), [], sections, charts, lang)


def rows(summary: Summary) -> list[list[str]]:
    """One row per questionnaire and dimension (and ``overall``) with the statistics."""
    out = []
    for qid, dims in summary.dimensions.items():
        entries = list(dims.items())
        if qid in summary.overall:
            entries.append(("overall", summary.overall[qid]))
        for dim, s in entries:
            out.append(
                [
                    qid,
                    dim,
                    str(s.count),
                    f"{s.mean:g}",
                    f"{s.median:g}",
                    f"{s.minimum:g}",
                    f"{s.maximum:g}",
                    *[str(b) for b in s.bins],
                ]
            )
    return out
