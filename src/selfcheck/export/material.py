"""The sections of one person's 对照检查材料, built from a report: prose where the genre has prose, tables where it
has tables, and a marker wherever the person still has to write."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Mapping
from datetime import datetime

from selfcheck.export.document import (
    Chart,
    Document,
    Entry,
    Numbered,
    Paragraph,
    Section,
    Table,
    TitleBlock,
    mark,
    sub_heading,
)
from selfcheck.i18n import Lang, Msg, pick, t
from selfcheck.i18n.text import byline, joined, listing, lower_first, quoted, sentence
from selfcheck.questionnaire.model import MultiItem, Questionnaire
from selfcheck.records.ledger import status_label
from selfcheck.records.report import CAUSE_LABELS, CAUSES, SOURCE_LABELS, SOURCES, Finding, Report, ReviewEntry


def long_date(when: datetime, lang: Lang) -> str:
    """2026年11月25日 / 25 November 2026."""
    return t(Msg.DOC_DATE, lang, y=when.year, m=when.month, d=when.day, month=calendar.month_name[when.month])


def problem_text(f: Finding, definitions: Mapping[str, Questionnaire], lang: Lang) -> str:
    """The problem as worded in ``lang``: the questionnaire's English wording when the person kept the original."""
    q = definitions.get(f.questionnaire or "")
    if q is None or f.item is None:
        return f.problem
    try:
        item = q.item(f.item)
    except KeyError:
        return f.problem
    english = item.problem_en
    if f.option and isinstance(item, MultiItem):
        english = next((o.problem_en for o in item.options if o.id == f.option), None)
    # The finding is identified by its item and option; the questionnaire's English is the translation of it.
    return pick(f.problem, english, lang)


def _area(
    f: Finding, definitions: Mapping[str, Questionnaire], order: list[str], lang: Lang
) -> tuple[tuple[int, int], str]:
    """The area a problem belongs to and its place: 作风 areas first, then abilities, then the rest."""
    q = definitions.get(f.questionnaire or "")
    if q is None or (f.item is None and f.dimension is None):
        return (3, 0), t(Msg.DOC_OTHER_AREA, lang)
    try:
        # A problem named to meet the problem norm carries its dimension; one an answer flagged, its item's.
        dim_id = f.dimension or q.item(f.item or "").dimension
    except KeyError:
        dim_id = ""
    return _dimension_area(q, dim_id, order, lang)


def _dimension_area(q: Questionnaire | None, dim_id: str, order: list[str], lang: Lang) -> tuple[tuple[int, int], str]:
    """The area of the material a questionnaire's dimension falls in, and its place: a 对照 set's dimension is an
    area of its own (思想作风 …), shared by the three sets; an ability or custom questionnaire is one area."""
    if q is None:
        return (3, 0), t(Msg.DOC_OTHER_AREA, lang)
    place = order.index(q.id) if q.id in order else len(order)
    if q.kind == "contrast":
        try:
            dim = q.dimension(dim_id)
        except KeyError:
            return (2, place), pick(q.title, q.title_en, lang)
        return (0, [d.id for d in q.dimensions].index(dim_id)), pick(dim.title, dim.title_en, lang)
    return (1 if q.kind == "ability" else 2, place), pick(q.title, q.title_en, lang)


def group_by_area(
    report: Report, definitions: Mapping[str, Questionnaire], lang: Lang, *, with_reasons: bool = False
) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by area, areas in the order of the material. ``with_reasons``: also the areas where a
    dimension names no problem but a written reason (the problem norm), with the findings they have (maybe none)."""
    order = list(report.questionnaires)
    groups: dict[str, list[Finding]] = {}
    places: dict[str, tuple[int, int]] = {}
    for f in report.findings:
        place, name = _area(f, definitions, order, lang)
        groups.setdefault(name, []).append(f)
        places[name] = min(places.get(name, place), place)
    if with_reasons:
        for qid, res in report.questionnaires.items():
            for dim_id, reason in res.no_problem.items():
                if reason.strip():
                    place, name = _dimension_area(definitions.get(qid), dim_id, order, lang)
                    groups.setdefault(name, [])
                    places[name] = min(places.get(name, place), place)
    return sorted(groups.items(), key=lambda kv: places[kv[0]])


def _reference(title: str) -> str:
    """A 对照 set's title without its 对照 (Against): what the person compared themselves with."""
    return title.removeprefix("对照").removeprefix("Against ").removeprefix("against ")


def _scope(report: Report, definitions: Mapping[str, Questionnaire], lang: Lang) -> str:
    """What the person examined, in the genre's words, never saying 对照 twice."""
    refs, areas, abilities, parts = [], [], [], []
    for qid, res in report.questionnaires.items():
        q = definitions.get(qid)
        title = pick(q.title, q.title_en, lang) if q else (res.title or qid)
        if q is not None and q.kind == "contrast":
            refs.append(_reference(title))
            dims = (lower_first(pick(d.title, d.title_en, lang), lang) for d in q.dimensions)
            areas += [a for a in dims if a not in areas]
        elif q is not None and q.kind == "ability":
            abilities.append(lower_first(title, lang))
        else:
            parts.append(t(Msg.DOC_SCOPE_CUSTOM, lang, title=title))
    if refs:
        parts.insert(0, t(Msg.DOC_SCOPE_CONTRAST, lang, refs=listing(refs, lang), areas=listing(areas, lang)))
    if abilities:
        parts.insert(1 if refs else 0, t(Msg.DOC_SCOPE_ABILITY, lang, titles=listing(abilities, lang)))
    return t(Msg.LIST_SEPARATOR, lang).join(parts)


def _red_lines(report: Report, definitions: Mapping[str, Questionnaire], lang: Lang) -> list[str] | None:
    """The 八项规定 red lines crossed, as problems; ``[]`` when they were checked and none was; None when no
    questionnaire of the report has red-line items."""
    asked = False
    for qid in report.questionnaires:
        q = definitions.get(qid)
        if q is not None and any(
            getattr(item, "red_line", False) or any(o.red_line for o in getattr(item, "options", []))
            for item in q.items
        ):
            asked = True
    crossed = [problem_text(f, definitions, lang) for f in report.findings if f.red_line]
    return crossed if asked or crossed else None


def overview(report: Report, definitions: Mapping[str, Questionnaire], title: TitleBlock, lang: Lang) -> Section:
    """一、基本情况 as prose: what was examined, what is to be written, what was found and from where."""
    answered = sum(len(res.answers) for res in report.questionnaires.values())
    scope = _scope(report, definitions, lang)
    if title.meeting:
        opening = t(Msg.DOC_OPENING, lang, meeting=title.meeting, scope=scope, answered=answered)
    else:
        opening = t(Msg.DOC_OPENING_PLAIN, lang, scope=scope, answered=answered)
    section = Section(t(Msg.DOC_S1, lang), [Paragraph(opening, mark(t(Msg.DOC_MARK_STUDY, lang), lang))])
    if report.findings:
        sources = Counter(f.source for f in report.findings)
        by_source = [
            t(Msg.DOC_COUNT, lang, label=t(SOURCE_LABELS[s], lang), n=sources[s]) for s in SOURCES if sources[s]
        ]
        if sources[""]:
            by_source.append(t(Msg.DOC_COUNT, lang, label=t(Msg.DOC_SOURCE_NONE, lang), n=sources[""]))
        by_area = [
            t(Msg.DOC_COUNT, lang, label=t(Msg.DOC_AREA, lang, area=area), n=len(members))
            for area, members in group_by_area(report, definitions, lang)
        ]
        found = t(
            Msg.DOC_FOUND,
            lang,
            n=len(report.findings),
            by_source=joined(by_source, lang),
            by_area=joined(by_area, lang),
        )
        section.blocks.append(Paragraph(found))
    else:
        todo = "" if any(r.no_problem for r in report.questionnaires.values()) else t(Msg.DOC_MARK_NONE_REASON, lang)
        section.blocks.append(Paragraph(t(Msg.DOC_FOUND_NONE, lang), mark(todo, lang) if todo else ""))
    red = _red_lines(report, definitions, lang)
    if red is not None:
        text = t(Msg.DOC_RED_LINES, lang, items=quoted(red, lang)) if red else t(Msg.DOC_RED_LINES_NONE, lang)
        section.blocks.append(Paragraph(text))
    if reasons := no_problem_reasons(report, definitions, lang):
        count = sum(len(texts) for texts in reasons.values())
        section.blocks.append(Paragraph(t(Msg.DOC_NO_PROBLEM_COUNT, lang, n=count)))
    if report.review:
        latest = _latest_reviews(report)
        statuses = Counter(r.status for r in latest)
        by_status = [
            t(Msg.DOC_COUNT, lang, label=status_label(s, lang), n=statuses[s])
            for s in ("done", "doing", "todo")
            if statuses[s]
        ]
        unplanned = sum(1 for r in latest if not r.measure.strip())
        section.blocks.append(
            Paragraph(
                t(
                    Msg.DOC_REVIEW_SUMMARY,
                    lang,
                    n=len(latest),
                    by_status=joined(by_status, lang),
                    unplanned=t(Msg.DOC_REVIEW_UNPLANNED, lang, n=unplanned) if unplanned else "",
                )
            )
        )
    return section


def no_problem_reasons(report: Report, definitions: Mapping[str, Questionnaire], lang: Lang) -> dict[str, list[str]]:
    """The problem norm's written reasons, by the area of the material where that dimension's problems would be,
    each worded so that a reviewer sees which questionnaire and dimension it answers for."""
    order = list(report.questionnaires)
    out: dict[str, list[str]] = {}
    for qid, res in report.questionnaires.items():
        q = definitions.get(qid)
        title = pick(q.title, q.title_en, lang) if q is not None else (res.title or qid)
        for dim_id, reason in res.no_problem.items():
            if not reason.strip():
                continue
            _place, area = _dimension_area(q, dim_id, order, lang)
            dim_title = dim_id
            if q is not None:
                try:
                    dim = q.dimension(dim_id)
                    dim_title = pick(dim.title, dim.title_en, lang)
                except KeyError:
                    pass
            contrast = q is not None and q.kind == "contrast" and area != title
            text = (
                t(Msg.DOC_NO_PROBLEM_REASON, lang, ref=_reference(title), reason=reason.strip())
                if contrast
                else t(
                    Msg.DOC_NO_PROBLEM_REASON_DIM, lang, questionnaire=title, dimension=dim_title, reason=reason.strip()
                )
            )
            out.setdefault(area, []).append(sentence(text, lang))
    return out


def problems(report: Report, definitions: Mapping[str, Questionnaire], lang: Lang) -> Section:
    """二、查摆出的问题: （一）area by area, 1. each problem with its 具体表现 and source."""
    section = Section(t(Msg.DOC_S2, lang))
    reasons = no_problem_reasons(report, definitions, lang)
    if not report.findings:
        todo = "" if reasons else mark(t(Msg.DOC_MARK_NONE_REASON, lang), lang)
        section.blocks.append(Paragraph(t(Msg.DOC_NO_PROBLEMS, lang), todo))
    for n, (area, members) in enumerate(group_by_area(report, definitions, lang, with_reasons=True), 1):
        section.blocks.append(sub_heading(n, t(Msg.DOC_AREA, lang, area=area), lang))
        # Where a dimension names no problem, the person's written reason stands where its problems would be.
        section.blocks += [Paragraph(text) for text in reasons.get(area, [])]
        if not members:
            continue
        entries = []
        for f in members:
            text, todo = "", ""
            if f.detail:
                text = sentence(t(Msg.DOC_DETAIL, lang) + f.detail, lang)
            else:
                todo = mark(t(Msg.DOC_MARK_DETAIL, lang), lang)
            if f.source:
                source = t(Msg.DOC_SOURCE, lang) + t(SOURCE_LABELS[f.source], lang)
                text += t(Msg.IN_BRACKETS, lang, text=source)
            entries.append(Entry(sentence(problem_text(f, definitions, lang), lang), text, todo))
        section.blocks.append(Numbered(entries))
    return section


def causes(report: Report, definitions: Mapping[str, Questionnaire], lang: Lang) -> Section:
    """三、原因剖析: one paragraph per cause, tied back to its problems, with the person's own notes woven in."""
    section = Section(t(Msg.DOC_S3, lang))
    if not report.findings:
        section.blocks.append(Paragraph(t(Msg.DOC_NO_CAUSES, lang)))
        return section
    section.blocks.append(Paragraph(t(Msg.DOC_CAUSES_INTRO, lang)))
    n = 0
    for cause in CAUSES:
        members = [f for f in report.findings if cause in f.causes]
        if not members:
            continue
        n += 1
        heading = t(CAUSE_LABELS[cause], lang)
        label = lower_first(heading, lang)
        section.blocks.append(sub_heading(n, t(Msg.DOC_AREA, lang, area=heading), lang))
        # The same problem or note met twice (one note typed for several problems) is said once.
        problems = list(dict.fromkeys(problem_text(f, definitions, lang) for f in members))
        tie = Msg.DOC_CAUSE_TIE if len(problems) > 1 else Msg.DOC_CAUSE_TIE_ONE
        text = t(tie, lang, problems=quoted(problems, lang), cause=label)
        notes = list(dict.fromkeys(f.cause_note.strip().rstrip("。.；;") for f in members if f.cause_note.strip()))
        if notes:
            said = t(Msg.LIST_SEPARATOR, lang).join(notes)
            notes_text = sentence(t(Msg.DOC_CAUSE_NOTES, lang, notes=said), lang)
            section.blocks.append(Paragraph(t(Msg.TWO_SENTENCES, lang, first=text, second=notes_text)))
        else:
            section.blocks.append(Paragraph(text, mark(t(Msg.DOC_MARK_CAUSE, lang, cause=label), lang)))
    missing = [f for f in report.findings if not f.cause]
    if missing:
        names = quoted(list(dict.fromkeys(problem_text(f, definitions, lang) for f in missing)), lang)
        section.blocks.append(
            Paragraph(t(Msg.DOC_CAUSE_MISSING, lang, problems=names), mark(t(Msg.DOC_MARK_CAUSE_MISSING, lang), lang))
        )
    return section


def measures(
    report: Report, definitions: Mapping[str, Questionnaire], status: Mapping[str, str], lang: Lang
) -> Section:
    """四、整改措施: the table of problem, measure, owner, deadline and status (from the ledger)."""
    section = Section(t(Msg.DOC_S4, lang))
    if not report.findings:
        section.blocks.append(Paragraph(t(Msg.DOC_NO_MEASURES, lang)))
        return section
    todo = t(Msg.DOC_MARK_CELL, lang)
    section.blocks += [
        Paragraph(t(Msg.DOC_MEASURES_INTRO, lang)),
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
                    problem_text(f, definitions, lang),
                    f.measure or todo,
                    f.owner or todo,
                    f.deadline or todo,
                    status_label(status.get(f.id, f.status), lang),
                ]
                for f in report.findings
            ],
            ["text", "wide", "short", "short", "short"],
        ),
    ]
    return section


def _latest_reviews(report: Report) -> list[ReviewEntry]:
    """One review entry per problem (the last recorded), none without a problem."""
    latest = {r.problem_id or r.finding: r for r in report.review if r.problem.strip()}
    return list(latest.values())


def review(report: Report, status: Mapping[str, str], lang: Lang) -> Section | None:
    """五、上次整改落实情况 (回头看): one row per earlier problem; the ledger's status when it moved on since."""
    rows = _latest_reviews(report)
    if not rows:
        return None
    table = Table(
        [
            t(Msg.DOC_COL_PROBLEM, lang),
            t(Msg.DOC_COL_MEASURE, lang),
            t(Msg.DOC_COL_DEADLINE, lang),
            t(Msg.DOC_COL_REVIEW_STATUS, lang),
            t(Msg.DOC_COL_EVIDENCE, lang),
        ],
        [
            [
                r.problem,
                # Never an empty cell: a problem that had no measure (or deadline) says so.
                r.measure.strip() or t(Msg.DOC_REVIEW_NO_MEASURE, lang),
                r.deadline or t(Msg.DOC_REVIEW_NO_DEADLINE, lang),
                status_label(status.get(r.finding, r.status), lang),
                r.evidence.strip() or t(Msg.DOC_REVIEW_NO_EVIDENCE, lang),
            ]
            for r in rows
        ],
        ["text", "wide", "short", "short", "wide"],
    )
    return Section(t(Msg.DOC_S5, lang), [table])


def appendix(report: Report, definitions: Mapping[str, Questionnaire], lang: Lang) -> tuple[Section, list[Chart]]:
    """附：自查得分: scores and levels per questionnaire and dimension, with the charts for HTML."""
    rows, charts = [], []
    for qid, res in report.questionnaires.items():
        q = definitions.get(qid)
        title = pick(q.title, q.title_en, lang) if q else (res.title or qid)
        chart: list[tuple[str, float | None]] = []
        for dim_id in [d.id for d in q.dimensions] if q else [*res.scores.dimensions, *res.insufficient]:
            name = dim_id
            if q is not None:
                dim = q.dimension(dim_id)
                name = pick(dim.title, dim.title_en, lang)
            value = res.scores.dimensions.get(dim_id)
            band = q.band_for(value) if q is not None and value is not None else None
            # Too few answers give no level: the cell says so rather than stay empty.
            level = pick(band.label, band.label_en, lang) if band else t(Msg.DOC_LEVEL_NONE, lang)
            rows.append([title, name, f"{value:.1f}" if value is not None else t(Msg.INSUFFICIENT, lang), level])
            chart.append((name, value))
        overall = res.scores.overall
        level = (q.level_label(res.level, lang) if q else res.level) or t(Msg.DOC_LEVEL_NONE, lang)
        score = f"{overall:.1f}" if overall is not None else t(Msg.INSUFFICIENT, lang)
        rows.append([title, t(Msg.OVERALL, lang), score, level])
        charts.append(Chart(title, chart))
    headers = [t(Msg.DOC_COL_QUESTIONNAIRE, lang), t(Msg.COL_DIMENSION, lang), t(Msg.COL_SCORE, lang)]
    table = Table([*headers, t(Msg.DOC_COL_LEVEL, lang)], rows, ["text", "text", "short", "short"])
    return Section(t(Msg.DOC_APPENDIX, lang), [Paragraph(t(Msg.DOC_APPENDIX_NOTE, lang)), table]), charts


def _title_block(report: Report, title: TitleBlock, lang: Lang) -> tuple[str, list[str], str]:
    """The title, the lines under it (unit and post with the name; the date) and a marker when the name is missing."""
    heading = t(Msg.DOC_TITLE_MEETING, lang, meeting=title.meeting) if title.meeting else t(Msg.DOC_TITLE, lang)
    name = title.name or report.respondent.name or ""
    who = byline([x for x in (title.unit, title.post, name) if x], lang)
    lines = [who] if who else []
    lines.append(long_date(report.created, lang))
    return heading, lines, "" if name else mark(t(Msg.DOC_MARK_NAME, lang), lang)


def build_material(
    report: Report,
    definitions: Mapping[str, Questionnaire],
    lang: Lang,
    status: Mapping[str, str],
    title: TitleBlock,
    scores: bool,
) -> Document:
    """The whole material for one person's report."""
    heading, byline, missing = _title_block(report, title, lang)
    sections = [
        overview(report, definitions, title, lang),
        problems(report, definitions, lang),
        causes(report, definitions, lang),
        measures(report, definitions, status, lang),
    ]
    looked_back = review(report, status, lang)
    if looked_back is not None:
        sections.append(looked_back)
    extra, charts = appendix(report, definitions, lang) if scores else (None, [])
    return Document(heading, byline, sections, charts, lang, extra, missing)
