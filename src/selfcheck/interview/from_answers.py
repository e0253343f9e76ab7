"""A self-check without prompts: an answers file (or a past report) scored and written as a report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.errors import ReportError
from selfcheck.i18n import Lang, Msg
from selfcheck.questionnaire.library import Library
from selfcheck.records.codes import Role

if TYPE_CHECKING:
    from datetime import datetime

    from selfcheck.interview.answers_file import Answers
    from selfcheck.questionnaire.profile import Who
    from selfcheck.records.report import Finding, Respondent


@dataclass
class StartOptions:
    """What ``selfcheck start`` was asked to do."""

    ids: list[str]
    name: str | None
    folder: Path
    lang: Lang | None
    """None: the draft's language when resuming, else the locale's."""
    resume: bool
    files: dict[str, str]
    """Custom questionnaire files by id (``--questionnaire``)."""
    role: Role = "self"
    subject: str | None = None


Note = tuple["Msg", dict[str, object]]


def from_answers(
    library: Library, opts: StartOptions, answers_path: Path, strict: bool = False, notes: list[Note] | None = None
) -> Path:
    """Score an answers file and write its report without asking anything.

    The honest-wording checks of the interview run on the findings' descriptions and measures: their notes are
    appended to ``notes`` (warnings), or with ``strict`` refuse the file before anything is written."""
    from selfcheck import __version__
    from selfcheck.interview import answers_file as answerfile
    from selfcheck.records import ledger, storage
    from selfcheck.records.report import build, now

    given = answerfile.load(answers_path, library, opts.ids)
    created = now()
    findings = _findings(given, answers_path, created)
    _check_norm(given, findings, answers_path)
    found = wording_notes(findings, _earlier(opts.folder))
    if found and strict:
        raise ReportError(Msg.ANSWERS_STRICT, found, path=answers_path)
    if notes is not None:
        notes.extend(found)
    report = build(
        given.questionnaires,
        given.answers,
        given.skipped,
        findings,
        name=opts.name or given.name,
        created=created,
        tool_version=__version__,
        respondent=_respondent(opts.name or given.name, given.who),
        no_problem=given.no_problem,
    )
    path = storage.write_report(report, opts.folder)
    from selfcheck.records import definitions

    definitions.store(given.questionnaires, opts.folder)
    ledger.take_in(opts.folder, path, report)
    return path


def _findings(given: Answers, answers_path: Path, created: datetime) -> list[Finding]:
    """The file's own ``[[findings]]``, then one for every problem the answers reveal that none of them covers;
    red lines are marked whatever the file says."""
    from pydantic import ValidationError

    from selfcheck.files.tomlfile import first_problem
    from selfcheck.records.report import Finding, finding_id
    from selfcheck.scoring.findings import detect

    findings: list[Finding] = []
    for i, raw in enumerate(given.findings):
        data: dict[str, Any] = {k: v for k, v in raw.items() if k != "id"}
        key = f"{data.get('questionnaire')}/{data.get('item')}/{data.get('option')}/{i}"
        try:
            findings.append(Finding.model_validate({"id": finding_id(created, key), **data}))
        except ValidationError as exc:
            problem = first_problem(exc, f"findings[{i}].")
            raise ReportError(Msg.ANSWERS_BAD_FINDING, path=answers_path, problem=problem) from None
    covered = {(f.questionnaire, f.item, f.option): n for n, f in enumerate(findings)}
    for q in given.questionnaires:
        for d in detect(q, given.answers[q.id], given.who):
            where = (d.questionnaire, d.item, d.option)
            if where in covered:
                findings[covered[where]].red_line = d.red_line
                continue
            fid = finding_id(created, f"{d.questionnaire}/{d.key}")
            findings.append(
                Finding(
                    id=fid, questionnaire=q.id, item=d.item, option=d.option, problem=d.problem, red_line=d.red_line
                )
            )
    return findings


def _respondent(name: str | None, who: Who | None) -> Respondent:
    from selfcheck.records.report import Respondent

    if who is None:
        return Respondent(name=name or None)
    return Respondent(name=name or None, post=who.post, serves_public=who.public)


def _check_norm(given: Answers, findings: list[Finding], path: Path) -> None:
    """The problem norm as in the interview: a dimension short of problems needs a finding or a written reason."""
    from selfcheck.i18n import Msg, pick
    from selfcheck.scoring.norm import missing_problems

    found = [(f.questionnaire, f.item, f.dimension) for f in findings]
    lines: list[tuple[Msg, dict[str, object]]] = []
    for q in given.questionnaires:
        for dim, n in missing_problems(q, found, given.no_problem.get(q.id, {})).items():
            title = pick(q.dimension(dim).title, q.dimension(dim).title_en, "zh")
            lines.append((Msg.ANSWERS_NORM_LINE, {"qid": q.id, "dimension": title, "dim": dim, "n": n}))
    if lines:
        raise ReportError(Msg.ANSWERS_NORM_MISSING, lines, path=path)


def _earlier(folder: Path) -> list[tuple[str, str]]:
    """(month, text) of the descriptions in the person's own earlier reports, to catch copied wording."""
    from selfcheck.records import storage

    rows, _broken = storage.load_all(folder)
    return [
        (f"{r.created:%Y-%m}", f.detail) for _, r in rows if not r.respondent.is_rater for f in r.findings if f.detail
    ]


def wording_notes(findings: list[Finding], earlier: list[tuple[str, str]]) -> list[Note]:
    """The interview's wording checks over written findings: one note per questioned description or measure."""
    from selfcheck.interview import detail_checks as wording

    messages = {
        "short": Msg.ANSWERS_WARN_SHORT,
        "repeat": Msg.ANSWERS_WARN_REPEAT,
        "similar": Msg.ANSWERS_WARN_SIMILAR,
        "same": Msg.ANSWERS_WARN_SAME,
        "collective": Msg.ANSWERS_WARN_COLLECTIVE,
        "generic": Msg.ANSWERS_WARN_GENERIC,
    }
    notes: list[Note] = []
    for n, f in enumerate(findings):
        values: dict[str, object] = {"n": n, "problem": f.problem, "min": wording.MIN_DETAIL}
        if f.detail:
            others = [(o.problem, o.detail) for o in findings[:n] if o.detail]
            found = wording.detail_issue(f.detail, f.problem, earlier, others)
            if found is not None:
                notes.append((messages[found[0]], {**values, "label": found[1]}))
        if f.measure and wording.is_wish(f.measure):
            notes.append((Msg.ANSWERS_WARN_WISH, values))
    return notes
