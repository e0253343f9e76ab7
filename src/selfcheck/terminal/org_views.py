"""Rich views of many people's reports: self against others (gap) and the organisation summary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from selfcheck.i18n import Lang, Msg, pick, pick_list, t
from selfcheck.i18n.text import joined
from selfcheck.terminal.console import Wrapped
from selfcheck.terminal.linetable import LineTable
from selfcheck.terminal.views import SPARKS, delta_text, number_text

if TYPE_CHECKING:
    from selfcheck.compare.gap import QuestionnaireGap
    from selfcheck.compare.summary import Summary
    from selfcheck.questionnaire.model import Questionnaire


def gap_view(
    gaps: Sequence[QuestionnaireGap],
    subject: str,
    definitions: Mapping[str, Questionnaire],
    lang: Lang,
    files: str = "",
) -> RenderableType:
    """``selfcheck gap``: self against others per dimension, blind spots, hidden strengths, largest item gaps;
    ``files`` says what was read and skipped.

    The core hands back ids; titles, items, grades and situations are worded here from ``definitions``."""
    from selfcheck.compare.gap import MIN_RATERS

    parts: list[RenderableType] = [Text(t(Msg.GAP_TITLE, lang, subject=subject), style="bold")]
    if files:
        parts.append(Wrapped(Text(files, style="dim")))
    for g in gaps:
        words = _Words(definitions.get(g.id), lang)
        title = words.title(g.stored_title)
        parts.append(Text(t(Msg.GAP_HEAD, lang, title=title, id=g.id, n=g.raters), style="bold underline"))
        o = g.overall
        parts.append(Text(t(Msg.GAP_OVERALL, lang, own=number_text(o.self_score), mean=number_text(o.mean))))
        if not g.detailed:
            parts.append(Wrapped(Text(t(Msg.GAP_WITHHELD, lang, n=MIN_RATERS), style="yellow")))
            continue
        parts += _gap_details(g, words, lang)
    return Group(*parts)


class _Words:
    """One questionnaire's names in the chosen language; ids (or the stored title) where it is unknown."""

    def __init__(self, q: Questionnaire | None, lang: Lang) -> None:
        self.q, self.lang = q, lang
        self.dimensions = {d.id: pick(d.title, d.title_en, lang) for d in q.dimensions} if q else {}

    def title(self, stored: str) -> str:
        return pick(self.q.title, self.q.title_en, self.lang) if self.q else stored

    def dimension(self, dim: str) -> str:
        return self.dimensions.get(dim, dim)

    def item(self, item_id: str) -> str:
        try:
            return self.q.item(item_id).label(self.lang) if self.q else item_id
        except KeyError:
            return item_id

    def situation(self, option_id: str) -> str:
        options = self.q.disqualifiers if self.q else []
        return next((pick(o.label, o.label_en, self.lang) for o in options if o.id == option_id), option_id)

    def grade(self, stored: str) -> str:
        """A grade is stored as the form names it in Chinese; shown in the chosen language."""
        grades = self.q.grades if self.q else None
        if grades is None or stored not in grades.labels:
            return stored
        return pick_list(grades.labels, grades.labels_en, self.lang)[grades.labels.index(stored)]


def _gap_details(g: QuestionnaireGap, words: _Words, lang: Lang) -> list[RenderableType]:
    """From three raters on: the table per dimension, blind spots and strengths, grades, items, comments."""
    from selfcheck.compare.gap import THRESHOLD

    table = LineTable()
    headers = (Msg.COL_DIMENSION, Msg.COL_SELF, Msg.COL_OTHERS, Msg.COL_SPREAD, Msg.COL_COUNT, Msg.COL_GAP)
    for i, col in enumerate(t(m, lang) for m in headers):
        table.add_column(col, justify="left" if i == 0 else "right", overflow="fold", no_wrap=i > 0)
    for dim, s in g.dimensions.items():
        table.add_row(
            words.dimension(dim),
            number_text(s.self_score),
            number_text(s.mean),
            number_text(s.spread),
            str(s.count),
            delta_text(s.gap),
        )
    parts: list[RenderableType] = [table]
    for label, dims, style in (
        (Msg.GAP_BLIND_SPOTS, g.blind_spots, "red"),
        (Msg.GAP_HIDDEN_STRENGTHS, g.hidden_strengths, "green"),
    ):
        names = joined((words.dimension(d) for d in dims), lang) or t(Msg.NONE_KNOWN, lang)
        parts.append(Text(t(label, lang, names=names, points=f"{THRESHOLD:g}"), style=style))
    parts += _rater_lines(g, words, lang)
    if g.items:
        parts.append(Text(t(Msg.GAP_LARGEST, lang), style="bold"))
        for item_id, s in g.items:
            line = Text(f"  • {words.item(item_id)} ")
            line.append_text(delta_text(s.gap))
            parts.append(line)
    parts += comments_view(g.comments, words.dimensions, lang)
    return parts


def comments_view(comments: dict[str, list[str]], titles: dict[str, str], lang: Lang) -> list[RenderableType]:
    """Raters' comments per dimension, verbatim, already sorted and withheld below three raters by the core."""
    from selfcheck.export.phrasing import comment_heading

    if not comments:
        return []
    parts: list[RenderableType] = [Text(t(Msg.COMMENTS_TITLE, lang), style="bold")]
    for dim, texts in comments.items():
        parts.append(Text(f"  {comment_heading(dim, titles, lang)}", style="bold"))
        parts += [Text(f"    • {text}") for text in texts]
    return parts


def _rater_lines(g: QuestionnaireGap, words: _Words, lang: Lang) -> list[Text]:
    """The grade distribution, ticked disqualifying situations and all-top raters, as counts."""
    lines: list[Text] = []
    if g.grades:
        dist = "  ".join(f"{words.grade(k)} {n}" for k, n in g.grades.items())
        lines.append(Text(t(Msg.GAP_GRADES, lang, dist=dist)))
    if g.disqualifiers:
        dist = "  ".join(f"{words.situation(k)} {n}" for k, n in g.disqualifiers.items())
        lines.append(Text(t(Msg.GAP_DISQUALIFIERS, lang, dist=dist), style="red"))
    if g.all_top:
        lines.append(Text(t(Msg.GAP_ALL_TOP, lang, n=g.all_top), style="yellow"))
    return lines


def summary_view(
    summary: Summary, titles: dict[str, tuple[str, dict[str, str]]], lang: Lang, names: bool = False
) -> RenderableType:
    """``selfcheck summary``: persons and files, score statistics per dimension (self-assessments per person,
    ratings per person rated), frequent findings, measures."""
    from selfcheck.export.phrasing import head as summary_head

    head = summary_head(summary, lang)
    parts: list[RenderableType] = [Wrapped(Text(head[0], style="bold"))]
    parts += [Wrapped(Text(line)) for line in head[1:]]
    if summary.withheld:
        from selfcheck.compare.gap import MIN_RATERS

        parts.append(Wrapped(Text(t(Msg.SUMMARY_WITHHELD, lang, count=summary.withheld, n=MIN_RATERS), style="yellow")))
    for qid in dict.fromkeys([*summary.own, *summary.others]):
        title, dim_titles = titles.get(qid, (qid, {}))
        own = Msg.SUMMARY_OWN_TABLE_REPORTS if summary.all_reports else Msg.SUMMARY_OWN_TABLE
        for stats, caption in ((summary.own.get(qid), own), (summary.others.get(qid), Msg.SUMMARY_OTHERS_TABLE)):
            if stats is None or not (stats.dimensions or stats.overall):
                continue
            label = t(caption, lang, title=title, qid=qid, n=stats.people, ratings=stats.ratings)
            table = LineTable(title=label, title_justify="left")
            headers = (Msg.COL_DIMENSION, Msg.COL_MEAN, Msg.COL_MEDIAN, Msg.COL_MIN, Msg.COL_MAX, Msg.COL_DISTRIBUTION)
            for i, col in enumerate(t(m, lang) for m in headers):
                table.add_column(col, justify="left" if i in (0, 5) else "right", overflow="fold", no_wrap=i > 0)
            rows = list(stats.dimensions.items())
            if stats.overall is not None:
                rows.append(("overall", stats.overall))
            for dim, s in rows:
                peak = max(s.bins) or 1
                dist = "".join(SPARKS[round(b / peak * 7)] if b else " " for b in s.bins)
                name = t(Msg.OVERALL, lang) if dim == "overall" else dim_titles.get(dim, dim)
                table.add_row(
                    name,
                    number_text(s.mean),
                    number_text(s.median),
                    number_text(s.minimum),
                    number_text(s.maximum),
                    dist,
                )
            parts.append(table)
    if summary.top_findings:
        parts.append(Text(t(Msg.SUMMARY_TOP_FINDINGS, lang), style="bold underline"))
        for _key, problem, n in summary.top_findings:
            parts.append(Wrapped(Text(f"  {n:>5} × {problem}")))  # Chinese wraps within the line, not before it
    measures = t(Msg.SUMMARY_MEASURES, lang, open=summary.open_measures, overdue=summary.overdue_measures)
    parts.append(Text(measures, style="bold red" if summary.overdue_measures else "bold"))
    parts += _marks_lines(summary, titles, lang)
    for qid, per in summary.comments.items():
        title, dim_titles = titles.get(qid, (qid, {}))
        parts.append(Text(f"{title} ({qid})", style="bold underline"))
        parts += comments_view(per, dim_titles, lang)
    if names:
        parts.append(Text(t(Msg.SUMMARY_NAMES, lang, names="、".join(summary.names))))
    return Group(*parts)


def _marks_lines(summary: Summary, titles: dict[str, tuple[str, dict[str, str]]], lang: Lang) -> list[RenderableType]:
    """Red lines, written reasons, consistency notes and raters' grades: counts only, never names."""
    marks = summary.marks
    lines: list[RenderableType] = []
    if marks.red_line_findings:
        lines.append(
            Text(
                t(
                    Msg.SUMMARY_RED_LINES,
                    lang,
                    n=marks.red_line_findings,
                    persons=marks.red_line_persons,
                    reports=marks.red_line_reports,
                ),
                style="bold red",
            )
        )
    for msg, n in (
        (Msg.SUMMARY_NO_PROBLEM, marks.no_problem),
        (Msg.SUMMARY_NOTES, marks.notes),
        (Msg.SUMMARY_ALL_TOP, marks.all_top_raters),
    ):
        if n:
            lines.append(Wrapped(Text(t(msg, lang, n=n))))
    for qid, grades in marks.grades.items():
        dist = "  ".join(f"{grade} {n}" for grade, n in grades.most_common())
        lines.append(Wrapped(Text(t(Msg.SUMMARY_GRADES, lang, title=titles.get(qid, (qid, {}))[0], dist=dist))))
    return lines
