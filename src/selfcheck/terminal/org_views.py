"""Rich views of many people's reports: self against others (gap) and the organisation summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from selfcheck.i18n import Lang, Msg, t
from selfcheck.terminal.console import Wrapped
from selfcheck.terminal.views import SPARKS, delta_text, number_text

if TYPE_CHECKING:
    from selfcheck.compare.gap import QuestionnaireGap
    from selfcheck.compare.summary import Summary


def gap_view(gaps: Sequence[QuestionnaireGap], subject: str, lang: Lang) -> RenderableType:
    """``selfcheck gap``: self against others per dimension, blind spots, hidden strengths, largest item gaps."""
    from selfcheck.compare.gap import MIN_RATERS

    zh = lang == "zh"
    parts: list[RenderableType] = [Text(("自评与他评：" if zh else "Self and others: ") + subject, style="bold")]
    for g in gaps:
        parts.append(
            Text(
                f"{g.title} ({g.id}) · " + (f"{g.raters} 人评价" if zh else f"{g.raters} rater(s)"),
                style="bold underline",
            )
        )
        o = g.overall
        parts.append(
            Text(
                ("总分：自评 " if zh else "Overall: self ")
                + number_text(o.self_score)
                + ("，他评均值 " if zh else ", others' mean ")
                + number_text(o.mean)
            )
        )
        if not g.detailed:
            parts.append(Wrapped(Text(t(Msg.GAP_WITHHELD, lang, n=MIN_RATERS), style="yellow")))
            continue
        table = Table()
        for i, col in enumerate(
            ("维度", "自评", "他评均值", "离散", "人数", "差距")
            if zh
            else ("Dimension", "Self", "Others", "Spread", "N", "Gap")
        ):
            table.add_column(col, justify="left" if i == 0 else "right", overflow="fold", no_wrap=i > 0)
        for dim, s in g.dimensions.items():
            table.add_row(
                g.dimension_titles.get(dim, dim),
                number_text(s.self_score),
                number_text(s.mean),
                number_text(s.spread),
                str(s.count),
                delta_text(s.gap),
            )
        parts.append(table)
        for label, dims, style in (
            ("盲区（自评高于他评15分以上）" if zh else "Blind spots (self ≥ 15 above others)", g.blind_spots, "red"),
            (
                "潜在优势（他评高于自评15分以上）" if zh else "Hidden strengths (others ≥ 15 above self)",
                g.hidden_strengths,
                "green",
            ),
        ):
            names = "、".join(g.dimension_titles.get(d, d) for d in dims) or ("无" if zh else "none")
            parts.append(Text(f"{label}：{names}" if zh else f"{label}: {names}", style=style))
        parts += _rater_lines(g, lang)
        if g.items:
            parts.append(Text("差距最大的题目" if zh else "Items with the largest gaps", style="bold"))
            for _item_id, text, s in g.items:
                line = Text(f"  • {text} ")
                line.append_text(delta_text(s.gap))
                parts.append(line)
        parts += comments_view(g.comments, g.dimension_titles, lang)
    return Group(*parts)


def comments_view(comments: dict[str, list[str]], titles: dict[str, str], lang: Lang) -> list[RenderableType]:
    """Raters' comments per dimension, verbatim, already sorted and withheld below three raters by the core."""
    if not comments:
        return []
    parts: list[RenderableType] = [Text(t(Msg.COMMENTS_TITLE, lang), style="bold")]
    for dim, texts in comments.items():
        parts.append(Text(f"  {titles.get(dim, dim)}", style="bold"))
        parts += [Text(f"    • {text}") for text in texts]
    return parts


def _rater_lines(g: QuestionnaireGap, lang: Lang) -> list[Text]:
    """The grade distribution, ticked disqualifying situations and all-top raters, as counts."""
    lines: list[Text] = []
    if g.grades:
        lines.append(Text(t(Msg.GAP_GRADES, lang, dist="  ".join(f"{k} {n}" for k, n in g.grades.items()))))
    if g.disqualifiers:
        dist = "  ".join(f"{k} {n}" for k, n in g.disqualifiers.items())
        lines.append(Text(t(Msg.GAP_DISQUALIFIERS, lang, dist=dist), style="red"))
    if g.all_top:
        lines.append(Text(t(Msg.GAP_ALL_TOP, lang, n=g.all_top), style="yellow"))
    return lines


def summary_view(
    summary: Summary, titles: dict[str, tuple[str, dict[str, str]]], lang: Lang, names: bool = False
) -> RenderableType:
    """``selfcheck summary``: counts, score statistics per dimension, frequent findings, measures."""
    zh = lang == "zh"
    parts: list[RenderableType] = [
        Text(
            (f"共 {summary.reports} 份报告" if zh else f"{summary.reports} reports")
            + (
                (
                    f"，跳过 {len(summary.skipped)} 份无法读取的文件"
                    if zh
                    else f", {len(summary.skipped)} unreadable skipped"
                )
                if summary.skipped
                else ""
            ),
            style="bold",
        )
    ]
    if summary.withheld:
        from selfcheck.compare.gap import MIN_RATERS

        parts.append(Wrapped(Text(t(Msg.SUMMARY_WITHHELD, lang, count=summary.withheld, n=MIN_RATERS), style="yellow")))
    roles = {"self": ("自评", "self"), "peer": ("互评", "peer"), "masses": ("群众评议", "public")}
    for qid, dims in summary.dimensions.items():
        title, dim_titles = titles.get(qid, (qid, {}))
        count = "  ".join(f"{roles.get(r, (r, r))[not zh]} {n}" for r, n in summary.counts.get(qid, {}).items())
        table = Table(title=f"{title} ({qid}) · {count}", title_justify="left")
        for i, col in enumerate(
            ("维度", "均值", "中位数", "最低", "最高", "分布 0→100")
            if zh
            else ("Dimension", "Mean", "Median", "Min", "Max", "Distribution 0→100")
        ):
            table.add_column(col, justify="left" if i in (0, 5) else "right", overflow="fold", no_wrap=i > 0)
        rows = list(dims.items())
        if qid in summary.overall:
            rows.append(("overall", summary.overall[qid]))
        for dim, s in rows:
            peak = max(s.bins) or 1
            dist = "".join(SPARKS[round(b / peak * 7)] if b else " " for b in s.bins)
            name = ("总分" if zh else "Overall") if dim == "overall" else dim_titles.get(dim, dim)
            table.add_row(
                name, number_text(s.mean), number_text(s.median), number_text(s.minimum), number_text(s.maximum), dist
            )
        parts.append(table)
    if summary.top_findings:
        parts.append(Text("最常见的问题" if zh else "Most frequent problems", style="bold underline"))
        for _key, problem, n in summary.top_findings:
            parts.append(Text(f"  {n:>5} × {problem}"))
    parts.append(
        Text(
            (
                f"整改措施：未完成 {summary.open_measures} 项，其中逾期 {summary.overdue_measures} 项"
                if zh
                else f"Measures: {summary.open_measures} open, {summary.overdue_measures} overdue"
            ),
            style="bold red" if summary.overdue_measures else "bold",
        )
    )
    parts += _marks_lines(summary, titles, lang)
    for qid, per in summary.comments.items():
        title, dim_titles = titles.get(qid, (qid, {}))
        parts.append(Text(f"{title} ({qid})", style="bold underline"))
        parts += comments_view(per, dim_titles, lang)
    if names:
        parts.append(Text(("参加人员：" if zh else "Respondents: ") + "、".join(summary.names)))
    return Group(*parts)


def _marks_lines(summary: Summary, titles: dict[str, tuple[str, dict[str, str]]], lang: Lang) -> list[Text]:
    """Red lines, written reasons, consistency notes and raters' grades: counts only, never names."""
    marks = summary.marks
    lines: list[Text] = []
    if marks.red_line_findings:
        lines.append(
            Text(
                t(Msg.SUMMARY_RED_LINES, lang, n=marks.red_line_findings, reports=marks.red_line_reports),
                style="bold red",
            )
        )
    for msg, n in (
        (Msg.SUMMARY_NO_PROBLEM, marks.no_problem),
        (Msg.SUMMARY_NOTES, marks.notes),
        (Msg.SUMMARY_ALL_TOP, marks.all_top_raters),
    ):
        if n:
            lines.append(Text(t(msg, lang, n=n)))
    for qid, grades in marks.grades.items():
        dist = "  ".join(f"{grade} {n}" for grade, n in grades.most_common())
        lines.append(Text(t(Msg.SUMMARY_GRADES, lang, title=titles.get(qid, (qid, {}))[0], dist=dist)))
    return lines
