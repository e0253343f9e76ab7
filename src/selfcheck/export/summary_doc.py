"""The organisation summary as a document (for md and html) and as a table (csv)."""

from __future__ import annotations

from selfcheck.compare.summary import BINS, Stats, Summary
from selfcheck.export.document import Chart, Document, Entry, Heading, Numbered, Paragraph, Section, Table
from selfcheck.export.phrasing import comment_heading, head
from selfcheck.i18n import Lang, Msg, t
from selfcheck.i18n.text import sentence
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
    "group",
]


Titles = dict[str, tuple[str, dict[str, str]]]
"""Questionnaire id → its title and its dimensions' titles, in the chosen language."""


def build(summary: Summary, titles: Titles, lang: Lang, names: bool) -> Document:
    """Counts, score statistics per dimension, frequent problems and measures, as one document."""
    scores, charts = _scores(summary, titles, lang)
    sections = [_overview(summary, titles, lang, names), scores, _problems(summary, lang), _measures(summary, lang)]
    if summary.comments:  # already withheld below three raters and sorted by the core
        sections.append(_comments(summary, titles, lang))
    return Document(t(Msg.SUMMARY_DOC_TITLE, lang), [], sections, charts, lang)


def _overview(summary: Summary, titles: Titles, lang: Lang, names: bool) -> Section:
    """一、概况: what was counted, the reports per questionnaire and role, and the names when asked for."""
    counts = Table(
        [t(m, lang) for m in (Msg.DOC_COL_QUESTIONNAIRE, Msg.COL_ROLE, Msg.COL_REPORTS)],
        [
            [titles.get(q, (q, {}))[0], role_label(r, lang), str(n)]
            for q, per in summary.counts.items()
            for r, n in per.items()
        ],
    )
    overview = Section(t(Msg.SUMMARY_DOC_S1, lang), [Paragraph(sentence(line, lang)) for line in head(summary, lang)])
    overview.blocks.append(counts)
    if names and summary.names:
        overview.blocks.append(Paragraph(t(Msg.SUMMARY_NAMES, lang, names="、".join(summary.names))))
    return overview


_SCORE_COLUMNS = (
    Msg.COL_DIMENSION,
    Msg.COL_COUNT,
    Msg.COL_MEAN,
    Msg.COL_MEDIAN,
    Msg.COL_MIN,
    Msg.COL_MAX,
    Msg.COL_DISTRIBUTION_BINS,
)


def _scores(summary: Summary, titles: Titles, lang: Lang) -> tuple[Section, list[Chart]]:
    """二、各维度得分: a table per questionnaire and group (self-assessments, ratings by others), and its chart."""
    scores = Section(t(Msg.SUMMARY_DOC_S2, lang))
    charts = []
    header = [t(m, lang) for m in _SCORE_COLUMNS]
    for qid, group, stats in _groups(summary):
        title, dim_titles = titles.get(qid, (qid, {}))
        own = Msg.SUMMARY_OWN_TABLE_REPORTS if summary.all_reports else Msg.SUMMARY_OWN_TABLE
        caption = own if group == "self" else Msg.SUMMARY_OTHERS_TABLE
        dims = list(stats.dimensions.items())
        if stats.overall is not None:
            dims.append(("overall", stats.overall))
        rows = [
            [
                t(Msg.OVERALL, lang) if d == "overall" else dim_titles.get(d, d),
                str(s.count),
                f"{s.mean:.1f}",
                f"{s.median:.1f}",
                f"{s.minimum:.1f}",
                f"{s.maximum:.1f}",
                " / ".join(str(b) for b in s.bins),
            ]
            for d, s in dims
        ]
        label = t(caption, lang, title=title, qid=qid, n=stats.people, ratings=stats.ratings)
        scores.blocks += [Heading(label), Table(header, rows)]
        charts.append(Chart(label, [(dim_titles.get(d, d), s.mean) for d, s in stats.dimensions.items()]))
    return scores, charts


def _problems(summary: Summary, lang: Lang) -> Section:
    """三、常见问题: the most frequent problems, each with how often it was found."""
    problems = Section(t(Msg.SUMMARY_DOC_S3, lang))
    if summary.top_findings:
        problems.blocks.append(Numbered([Entry(p, t(Msg.TIMES, lang, n=n)) for _k, p, n in summary.top_findings]))
    else:
        problems.blocks.append(Paragraph(t(Msg.SUMMARY_DOC_NO_PROBLEMS, lang)))
    return problems


def _measures(summary: Summary, lang: Lang) -> Section:
    """四、整改落实: open and overdue measures."""
    text = t(Msg.SUMMARY_DOC_MEASURES, lang, open=summary.open_measures, overdue=summary.overdue_measures)
    return Section(t(Msg.SUMMARY_DOC_S4, lang), [Paragraph(text)])


def _comments(summary: Summary, titles: Titles, lang: Lang) -> Section:
    """五、意见建议: raters' comments per questionnaire and dimension, verbatim."""
    said = Section(t(Msg.SUMMARY_DOC_S5, lang))
    for qid, per in summary.comments.items():
        title, dim_titles = titles.get(qid, (qid, {}))
        said.blocks.append(Heading(f"{title} ({qid})"))
        said.blocks.append(Paragraph(t(Msg.COMMENTS_TITLE, lang)))
        entries = [
            Entry(t(Msg.LEAD, lang, label=comment_heading(d, dim_titles, lang)), x) for d, xs in per.items() for x in xs
        ]
        said.blocks.append(Numbered(entries))
    return said


def _groups(summary: Summary) -> list[tuple[str, str, Stats]]:
    """(questionnaire, ``self`` or ``others``, statistics) for every group that has scores."""
    out = []
    for qid in dict.fromkeys([*summary.own, *summary.others]):
        for group, stats in (("self", summary.own.get(qid)), ("others", summary.others.get(qid))):
            if stats is not None and (stats.dimensions or stats.overall is not None):
                out.append((qid, group, stats))
    return out


def rows(summary: Summary) -> list[list[str]]:
    """One row per questionnaire, group (``self``: one value per person; ``others``: one per person rated) and
    dimension (and ``overall``) with the statistics."""
    out = []
    for qid, group, stats in _groups(summary):
        entries = list(stats.dimensions.items())
        if stats.overall is not None:
            entries.append(("overall", stats.overall))
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
                    group,
                ]
            )
    return out
