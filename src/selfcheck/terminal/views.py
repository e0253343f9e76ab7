"""Rich views of saved data: a report, the report list, a diff, the history and the rectification ledger."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from selfcheck.i18n import Lang, Msg, pick, t
from selfcheck.terminal.console import Wrapped, bar
from selfcheck.terminal.linetable import LineTable

if TYPE_CHECKING:
    from datetime import date

    from selfcheck.compare.diff import Diff, ItemDiff, Note, QuestionnaireDiff
    from selfcheck.questionnaire.model import Questionnaire
    from selfcheck.records.ledger import Problem
    from selfcheck.records.report import Finding, QuestionnaireResult, Report


def report_view(report: Report, definitions: Mapping[str, Questionnaire], lang: Lang) -> RenderableType:
    """A saved report: scores per questionnaire and dimension, then the findings.

    Titles and level names come from ``definitions`` in ``lang``; a questionnaire that no longer exists shows ids."""

    r = report.respondent
    if not r.is_rater:
        who = r.name or t(Msg.ANONYMOUS, lang)
    else:
        kind = t(Msg.RESPONDENT_PEER if r.role == "peer" else Msg.RESPONDENT_MASSES, lang)
        who = t(Msg.RATING_OF, lang, kind=kind, subject=r.subject)
    parts: list[RenderableType] = [
        Text(f"{report.created:%Y-%m-%d %H:%M} · {who}", style="bold"),
    ]
    for qid, res in report.questionnaires.items():
        q = definitions.get(qid)
        title = pick(q.title, q.title_en, lang) if q else (res.title or qid)
        dims = {d.id: pick(d.title, d.title_en, lang) for d in q.dimensions} if q else {}
        table = LineTable(title=f"{title} ({qid})", title_justify="left")
        table.add_column(t(Msg.COL_DIMENSION, lang))
        table.add_column(t(Msg.COL_SCORE, lang), justify="right")
        table.add_column("", no_wrap=True)
        for dim_id in list(res.scores.dimensions) + res.insufficient:
            value = res.scores.dimensions.get(dim_id)
            table.add_row(
                dims.get(dim_id, dim_id),
                f"{value:.1f}" if value is not None else t(Msg.INSUFFICIENT, lang),
                bar(value / 100, 12) if value is not None else "",
            )
        overall = res.scores.overall
        table.add_section()
        level = (q.level_label(res.level, lang) if q else res.level) or ""
        if res.level_uncapped:
            uncapped = (q.level_label(res.level_uncapped, lang) if q else res.level_uncapped) or ""
            level = t(Msg.LEVEL_CAPPED, lang, level=level, uncapped=uncapped)
        table.add_row(
            t(Msg.OVERALL, lang),
            f"{overall:.1f}" if overall is not None else t(Msg.INSUFFICIENT, lang),
            Text(level, style="bold red" if res.level_uncapped else ""),
        )
        parts.append(table)
        parts += _statements(res, q, dims, lang)
    if report.findings:
        parts.append(Text(""))
        parts.append(Text(t(Msg.REPORT_FINDINGS_TITLE, lang), style="bold underline"))
        parts.extend(Wrapped(finding_lines(n, f, lang), hanging=True) for n, f in enumerate(report.findings, 1))
    return Group(*parts)


def _statements(
    res: QuestionnaireResult, q: Questionnaire | None, dims: Mapping[str, str], lang: Lang
) -> list[RenderableType]:
    """Under a questionnaire's scores: the written reasons in place of a problem, and the consistency notes."""
    parts: list[RenderableType] = []
    if res.no_problem:
        parts.append(Text(t(Msg.REPORT_NO_PROBLEM, lang), style="bold"))
        parts += [
            Padding(Wrapped(Text(f"{dims.get(d, d)}：{reason}")), (0, 0, 0, 2)) for d, reason in res.no_problem.items()
        ]
    if res.notes and q is not None:
        from selfcheck.terminal.norm import note_text

        parts.append(Text(t(Msg.REPORT_NOTES, lang), style="bold"))
        parts += [Padding(Wrapped(Text(f"·{note_text(q, n, lang)}")), (0, 0, 0, 2)) for n in res.notes]
    return parts


def no_reports(lang: Lang) -> Text:
    """What list-like views say when the folder has no report yet."""
    return Text(t(Msg.NO_REPORTS_YET, lang), style="yellow")


def report_list(rows: Sequence[tuple[str, Report]], lang: Lang) -> RenderableType:
    """The table for ``selfcheck report list``: one row per report, oldest first."""
    if not rows:
        return no_reports(lang)
    headers = ["#"] + [
        t(m, lang) for m in (Msg.COL_CREATED, Msg.COL_NAME, Msg.COL_SCORES, Msg.COL_FINDINGS, Msg.COL_FILE)
    ]
    table = Table()
    for i, col in enumerate(headers):
        table.add_column(col, overflow="fold", justify="right" if i in (0, 4) else "left", no_wrap=i in (0, 1, 5))
    for n, (name, report) in enumerate(rows, 1):
        scores = "\n".join(
            f"{r.title or qid}：{r.scores.overall:.1f}" if r.scores.overall is not None else f"{r.title or qid}：–"
            for qid, r in report.questionnaires.items()
        )
        table.add_row(
            str(n),
            f"{report.created:%Y-%m-%d %H:%M}",
            report.respondent.name or "–",
            scores,
            str(len(report.findings)),
            name,
        )
    return _TableOrBlocks(table, [_report_block(n, name, report, lang) for n, (name, report) in enumerate(rows, 1)])


class _TableOrBlocks:
    """The table when it fits whole; otherwise one block per row, so a file name is never cut mid-word."""

    def __init__(self, table: Table, blocks: list[Text]) -> None:
        self.table, self.blocks = table, blocks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The table if its natural width fits ``options``, else the blocks."""
        from rich.measure import Measurement

        if Measurement.get(console, options.update(width=10_000), self.table).maximum <= options.max_width:
            yield self.table
        else:
            yield from self.blocks


def _report_block(n: int, name: str, report: Report, lang: Lang) -> Text:
    """One report as lines: number, time, name and problem count; a line per questionnaire; the file name."""
    block = Text.assemble(
        (f"{n}  ", "bold"),
        f"{report.created:%Y-%m-%d %H:%M}  {report.respondent.name or '–'}  ",
        t(Msg.LIST_FINDINGS, lang, n=len(report.findings)),
    )
    for qid, r in report.questionnaires.items():
        score = f"{r.scores.overall:.1f}" if r.scores.overall is not None else "–"
        block.append(f"\n   {r.title or qid}：{score}")
    block.append(f"\n   {name}", style="dim")
    return block


def finding_lines(n: int, finding: Finding, lang: Lang) -> Text:
    """One finding as a short block of labelled lines (reads well at any width)."""
    from selfcheck.records.report import CAUSE_LABELS, SOURCE_LABELS

    empty = t(Msg.FINDING_TO_FILL, lang)
    cause = t(CAUSE_LABELS[finding.cause], lang) if finding.cause else ""
    if finding.cause_note:
        cause = f"{cause}：{finding.cause_note}" if cause else finding.cause_note
    rows = [
        (Msg.FIELD_DETAIL, finding.detail),
        (Msg.FIELD_CAUSE, cause),
        (Msg.FIELD_MEASURE, finding.measure),
        (Msg.FIELD_DEADLINE, finding.deadline or ""),
        (Msg.FIELD_OWNER, finding.owner),
        (Msg.FIELD_SOURCE, t(SOURCE_LABELS[finding.source], lang) if finding.source else ""),
    ]
    text = Text(f"{n}. ", style="bold")
    if finding.red_line:
        text.append(t(Msg.RED_LINE_TAG, lang), style="bold red")
    text.append(finding.problem, style="bold")
    text.append(f"  [{finding.id}]", style="dim")
    for label, value in rows:
        text.append("\n   " + t(Msg.LABEL_LEAD, lang, label=t(label, lang)))
        text.append(value or empty, style="" if value else "dim")
    return text


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """One character per value on 0-100 (· where a value is missing)."""
    return "".join("·" if v is None else SPARKS[round(max(0.0, min(100.0, v)) * 7 / 100)] for v in values)


def delta_text(value: float | None) -> Text:
    """A change with ▲/▼ and colour; – when unknown."""
    if value is None:
        return Text("–", style="dim")
    if value > 0:
        return Text(f"▲ {value:+.1f}", style="green")
    if value < 0:
        return Text(f"▼ {value:+.1f}", style="red")
    return Text("= 0.0", style="dim")


def number_text(value: float | None) -> str:
    """A score with one decimal; – when missing."""
    return "–" if value is None else f"{value:.1f}"


def diff_view(diff: Diff, old_label: str, new_label: str, lang: Lang, show_all: bool = False) -> RenderableType:
    """``selfcheck diff``: score changes, changed answers, then resolved / persisting / new findings."""
    parts: list[RenderableType] = [
        Text(t(Msg.DIFF_OLD_LABEL, lang, label=old_label), style="bold"),
        Text(t(Msg.DIFF_NEW_LABEL, lang, label=new_label), style="bold"),
    ]
    for q in diff.questionnaires:
        parts.append(_score_changes(q, lang))
        parts += _version_notes(q, lang)
        parts += _answer_changes(q.items if show_all else q.changed_items, show_all, lang)
    for qid in diff.only_old:
        parts.append(Text(t(Msg.DIFF_ONLY_OLD, lang, id=qid), style="dim"))
    for qid in diff.only_new:
        parts.append(Text(t(Msg.DIFF_ONLY_NEW, lang, id=qid), style="dim"))
    parts += _finding_changes(diff, lang)
    return Group(*parts)


def _score_changes(q: QuestionnaireDiff, lang: Lang) -> LineTable:
    """Old → new per dimension and overall, with the change; a dimension not compared says so."""
    table = LineTable(title=f"{q.title} ({q.id})", title_justify="left")
    table.add_column(t(Msg.COL_DIMENSION, lang), overflow="fold")
    table.add_column(t(Msg.COL_OLD, lang), justify="right", no_wrap=True)
    table.add_column(t(Msg.COL_NEW, lang), justify="right", no_wrap=True)
    table.add_column(t(Msg.COL_CHANGE, lang), justify="right", no_wrap=True)
    for d in q.dimensions:
        if d.not_compared is not None:
            skipped = Text(t(Msg.DIFF_NOT_COMPARED_CELL, lang), style="yellow")
            table.add_row(d.title, number_text(None), number_text(None), skipped)
            continue
        name = d.title + (" *" if d.common_only else "")
        table.add_row(name, number_text(d.change.old), number_text(d.change.new), delta_text(d.change.delta))
    table.add_section()
    level = ""
    if q.level[0] != q.level[1]:
        level = f"  {q.level[0] or '–'} → {q.level[1] or '–'}"
    table.add_row(
        t(Msg.OVERALL, lang) + level,
        number_text(q.overall.old),
        number_text(q.overall.new),
        delta_text(q.overall.delta),
    )
    return table


def _version_notes(q: QuestionnaireDiff, lang: Lang) -> list[RenderableType]:
    """Under the table, when the questionnaire changed between the reports: what was compared and how."""
    parts: list[RenderableType] = []
    if any(d.common_only and d.not_compared is None for d in q.dimensions):
        parts.append(Text(t(Msg.DIFF_COMMON_ONLY, lang), style="dim"))
    for d in q.dimensions:
        why = d.not_compared
        if why is not None:
            text = t(
                Msg.DIFF_NOT_COMPARED,
                lang,
                dimension=d.title,
                common=why.common,
                old=why.old_items,
                new=why.new_items,
            )
            parts.append(Wrapped(Text(text, style="yellow")))
    if q.added or q.removed:
        # Counts, not ids: the items themselves are listed with their wording among the answers below.
        changed = t(
            Msg.DIFF_VERSION_CHANGED,
            lang,
            old=q.version[0],
            new=q.version[1],
            added=len(q.added),
            removed=len(q.removed),
        )
        parts.append(Wrapped(Text(changed, style="dim")))
    return parts


def _answer_changes(items: Sequence[ItemDiff], show_all: bool, lang: Lang) -> list[RenderableType]:
    """The items (changed ones, or all), each with its old → new answer and the change in its score.

    A list rather than a table: the item's wording gets the full width (a table squeezed it into a third of it at
    60 columns) and rendering is several times cheaper."""
    if not items:
        return []
    label = t(Msg.DIFF_ALL_ANSWERS if show_all else Msg.DIFF_CHANGED_ANSWERS, lang)
    # One text for the whole list, drawn in one pass (a renderable per line cost more than its text): the item's
    # wording, then its change, whose wrapped line stays under it (hanging).
    block = Text()
    for n, i in enumerate(items):
        delta = i.score.delta
        block.append(f"\n{i.text}\n    " if n else f"{i.text}\n    ")
        block.append(i.old_text or "–")
        block.append(" → ")
        block.append(i.new_text or "–", style="bold")
        block.append("  ")
        block.append_text(delta_text(delta * 100 if delta is not None else None))
    return [Text(t(Msg.COUNTED, lang, label=label, n=len(items)), style="bold"), Wrapped(block, hanging=True)]


def _finding_changes(diff: Diff, lang: Lang) -> list[RenderableType]:
    """The problems as 解决, 未复查 (only when there are any), 持续 and 新增, each with its notes."""
    parts: list[RenderableType] = []
    sections = (
        (Msg.DIFF_RESOLVED, diff.resolved, "green"),
        (Msg.DIFF_UNCHECKED, diff.unchecked, "dim"),
        (Msg.DIFF_PERSISTING, diff.persisting, "yellow"),
        (Msg.DIFF_NEW, diff.new, "red"),
    )
    for msg, links, style in sections:
        if msg is Msg.DIFF_UNCHECKED and not links:
            continue  # only there when something could not be re-checked
        title = t(msg, lang)
        parts.append(Text(t(Msg.COUNTED, lang, label=title, n=len(links)), style=f"bold {style}"))
        if msg is Msg.DIFF_UNCHECKED:
            parts.append(Wrapped(Text(t(Msg.DIFF_UNCHECKED_HINT, lang), style="dim")))
        if links:
            lines = Text()  # one text for the section, as for the changed answers
            for n, link in enumerate(links):
                lines.append("\n  • " if n else "  • ")
                if link.finding.red_line:
                    lines.append(t(Msg.RED_LINE_TAG, lang), style="bold red")
                lines.append(link.finding.problem)
                for note in link.notes:
                    lines.append(f"  [{note_text(note, lang)}]", style="bold magenta")
            parts.append(Wrapped(lines, hanging=True))
    return parts


_NOTES = {
    "copied": Msg.DIFF_NOTE_COPIED,
    "streak": Msg.DIFF_NOTE_STREAK,
    "ledger_done": Msg.DIFF_NOTE_DONE,
    "ledger_closed": Msg.DIFF_NOTE_CLOSED,
    "again_done": Msg.DIFF_NOTE_AGAIN_DONE,
    "again_closed": Msg.DIFF_NOTE_AGAIN_CLOSED,
    "item_gone": Msg.DIFF_NOTE_ITEM_GONE,
    "option_gone": Msg.DIFF_NOTE_OPTION_GONE,
}


def note_text(note: Note, lang: Lang) -> str:
    """A diff note in words (the core hands back its code and values)."""
    return t(_NOTES[note.code], lang, month=note.month or "", n=note.n or 0)


def _qtitle(qid: str, definitions: Mapping[str, Questionnaire], rows: Sequence[tuple[str, Report]], lang: Lang) -> str:
    """A questionnaire's title where its id would be shown: from its definition, else as a report recorded it."""
    q = definitions.get(qid)
    if q is not None:
        return pick(q.title, q.title_en, lang)
    recorded = next((r.questionnaires[qid].title for _, r in rows if qid in r.questionnaires), "")
    return recorded or qid


def history_view(
    rows: Sequence[tuple[str, Report]], definitions: dict[str, Questionnaire], ids: Sequence[str], lang: Lang
) -> RenderableType:
    """``selfcheck history``: one row per report, then a sparkline per dimension across reports."""
    if not rows:
        return no_reports(lang)
    table = LineTable(title=t(Msg.HISTORY_TITLE, lang), title_justify="left")
    table.add_column(t(Msg.COL_DATE, lang), no_wrap=True)
    table.add_column(t(Msg.COL_NAME, lang), overflow="fold")
    for qid in ids:
        table.add_column(_qtitle(qid, definitions, rows, lang), justify="right", overflow="fold")
    for _name, report in rows:
        cells = []
        for qid in ids:
            res = report.questionnaires.get(qid)
            cells.append(number_text(res.scores.overall) if res else "")
        table.add_row(f"{report.created:%Y-%m-%d}", report.respondent.name or "–", *cells)
    parts: list[RenderableType] = [table]
    trend = LineTable(title=t(Msg.HISTORY_TREND, lang), title_justify="left")
    trend.add_column(t(Msg.DOC_COL_QUESTIONNAIRE, lang), overflow="fold")
    trend.add_column(t(Msg.COL_DIMENSION, lang), overflow="fold")
    trend.add_column(t(Msg.COL_TREND, lang), no_wrap=True)
    trend.add_column(t(Msg.COL_FIRST_LAST, lang), justify="right", no_wrap=True)
    for qid in ids:
        taking = [r.questionnaires[qid] for _, r in rows if qid in r.questionnaires]
        q = definitions.get(qid)
        dims = [d.id for d in q.dimensions] if q else sorted({d for t in taking for d in t.scores.dimensions})
        for dim in dims:
            values = [t.scores.dimensions.get(dim) for t in taking]
            present = [v for v in values if v is not None]
            title = dim
            if q is not None:
                title = pick(q.dimension(dim).title, q.dimension(dim).title_en, lang)
            span = f"{present[0]:.0f} → {present[-1]:.0f}" if present else "–"
            trend.add_row(_qtitle(qid, definitions, rows, lang), title, sparkline(values), span)
    parts.append(trend)
    return Group(*parts)


def days_text(left: int | None, lang: Lang) -> Text:
    """剩 N 天 / 已逾期 N 天 / 无时限, coloured by urgency."""
    if left is None:
        return Text(t(Msg.PLAN_NO_DEADLINE, lang), style="dim")
    if left < 0:
        return Text(t(Msg.PLAN_OVERDUE, lang, n=-left), style="bold red")
    return Text(t(Msg.PLAN_DAYS_LEFT, lang, n=left), style="yellow" if left <= 14 else "")


def plan_view(problems: Sequence[Problem], today: date, lang: Lang) -> RenderableType:
    """``selfcheck plan``: one block per problem — measure, owner, deadline with days left, status, and history."""
    from selfcheck.records.ledger import FINISHED, status_label

    if not problems:
        return Text(t(Msg.PLAN_EMPTY, lang), style="green")
    fill = t(Msg.PLAN_TO_FILL, lang)
    parts: list[RenderableType] = [Text(t(Msg.PLAN_TITLE, lang), style="bold underline")]
    for p in problems:
        block = Text.assemble((f"[{p.id}] ", "dim"), (p.problem, "bold"), "\n   ")
        block.append(t(Msg.PLAN_MEASURE, lang, measure=p.measure or fill))
        block.append("\n   " + t(Msg.PLAN_OWNER, lang, owner=p.owner or fill))
        block.append("  " + t(Msg.PLAN_DEADLINE, lang, deadline=p.deadline or fill) + "  ")
        if p.status not in FINISHED and p.deadline:  # no deadline: "（未填写）" says it, not "– 无时限" again
            block.append_text(days_text(p.days_left(today), lang))
            block.append("  ")
        block.append(t(Msg.PLAN_STATUS, lang, status=status_label(p.status, lang)))
        evidence = next((e.evidence for e in reversed(p.events) if e.evidence), "")
        if evidence:
            block.append("\n   " + t(Msg.PLAN_EVIDENCE, lang, evidence=evidence))
        reports = p.reports
        if reports:
            block.append("\n   " + t(Msg.PLAN_FOUND_IN, lang, n=len(reports), report=reports[-1]), style="dim")
        parts.append(Wrapped(block, hanging=True))  # a wrapped measure or file name stays under its label
    return Group(*parts)
