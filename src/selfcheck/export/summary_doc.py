"""The organisation summary as a document (for md and html) and as a table (csv)."""

from __future__ import annotations

from selfcheck.compare.summary import BINS, Summary
from selfcheck.export.document import Chart, Document, Entry, Heading, Numbered, Paragraph, Section, Table
from selfcheck.i18n import Lang, Msg, t

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
    zh = lang == "zh"
    roles = {"self": ("自评", "self"), "peer": ("互评", "peer"), "masses": ("群众评议", "public")}
    counts = Table(
        ["问卷", "类别", "份数"] if zh else ["Questionnaire", "Role", "Reports"],
        [
            [titles.get(q, (q, {}))[0], roles.get(r, (r, r))[not zh], str(n)]
            for q, per in summary.counts.items()
            for r, n in per.items()
        ],
    )
    intro = (f"共汇总 {summary.reports} 份报告" if zh else f"{summary.reports} reports summarised") + (
        (f"，{len(summary.skipped)} 份无法读取已跳过。" if zh else f"; {len(summary.skipped)} unreadable skipped.")
        if summary.skipped
        else ("。" if zh else ".")
    )
    overview = Section("一、概况" if zh else "1. Overview", [Paragraph(intro), counts])
    if names and summary.names:
        overview.blocks.append(Paragraph(("参加人员：" if zh else "Respondents: ") + "、".join(summary.names)))
    scores = Section("二、各维度得分" if zh else "2. Scores per dimension")
    charts = []
    header = (
        ["维度", "人数", "均值", "中位数", "最低", "最高", "分布（0–100，五档）"]
        if zh
        else ["Dimension", "N", "Mean", "Median", "Min", "Max", "Distribution (0-100, five bins)"]
    )
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
    problems = Section("三、常见问题" if zh else "3. Most frequent problems")
    if summary.top_findings:
        problems.blocks.append(
            Numbered([Entry(p, f"{n} 次" if zh else f"{n} times") for _k, p, n in summary.top_findings])
        )
    else:
        problems.blocks.append(Paragraph("没有查摆出的问题。" if zh else "No problems recorded."))
    measures = Section(
        "四、整改落实" if zh else "4. Rectification",
        [
            Paragraph(
                f"未完成的整改措施 {summary.open_measures} 项，其中逾期 {summary.overdue_measures} 项。"
                if zh
                else f"{summary.open_measures} open measures, {summary.overdue_measures} of them overdue."
            )
        ],
    )
    sections = [overview, scores, problems, measures]
    if summary.comments:  # already withheld below three raters and sorted by the core
        said = Section("五、意见建议" if zh else "5. Comments")
        for qid, per in summary.comments.items():
            title, dim_titles = titles.get(qid, (qid, {}))
            said.blocks.append(Heading(f"{title} ({qid})"))
            said.blocks.append(Paragraph(t(Msg.COMMENTS_TITLE, lang)))
            said.blocks.append(
                Numbered([Entry(dim_titles.get(d, d) + ("：" if zh else ":"), x) for d, xs in per.items() for x in xs])
            )
        sections.append(said)
    return Document("组织汇总" if zh else "Organisation summary", [], sections, charts, lang)


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
