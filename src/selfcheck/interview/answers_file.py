"""Non-interactive answers: a TOML file with ``[questionnaires.<id>.answers]`` tables (a report works too)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selfcheck.errors import AnswerError, ReportError
from selfcheck.files.tomlfile import read_toml
from selfcheck.i18n import Msg, Phrase
from selfcheck.questionnaire.conditions import visible_ids
from selfcheck.questionnaire.library import Library
from selfcheck.questionnaire.model import AnswerValue, Questionnaire
from selfcheck.questionnaire.profile import Who
from selfcheck.questionnaire.values import check


@dataclass
class Answers:
    """What an answers file supplies, checked against the questionnaires."""

    questionnaires: list[Questionnaire]
    answers: dict[str, dict[str, AnswerValue]]
    skipped: dict[str, list[str]]
    findings: list[dict[str, Any]]
    who: Who | None = None
    """``[respondent] post`` and ``serves_public``: items that do not apply to the post are left out."""
    no_problem: dict[str, dict[str, str]] = field(default_factory=dict)
    """``[questionnaires.<id>.no_problem]``: dimension → why no problem applies (the problem norm)."""
    name: str | None = None
    """``[respondent] name`` of a report fed back (``--name`` wins)."""


def load(path: Path, library: Library, ids: list[str]) -> Answers:
    """Read and check an answers file; every bad value is reported at once, naming questionnaire and item."""
    from selfcheck.records import versions

    data = versions.upgrade(versions.ANSWERS, read_toml(path, Msg.WHAT_ANSWERS, ReportError), path)
    tables = data.get("questionnaires")
    if not isinstance(tables, dict) or not tables:
        raise ReportError(Msg.ANSWERS_NO_TABLES, path=path)
    # Tables for unknown questionnaires are listed with every other problem below, not raised one at a time.
    wanted = ids or [qid for qid in tables if qid in library.entries]
    questionnaires = library.select(wanted)
    problems: list[Phrase] = []
    who = _who(path, data.get("respondent"))
    no_problem: dict[str, dict[str, str]] = {}
    answers: dict[str, dict[str, AnswerValue]] = {}
    skipped: dict[str, list[str]] = {}
    for q in questionnaires:
        table = tables.get(q.id, {})
        raw = table.get("answers", {}) if isinstance(table, dict) else None
        if not isinstance(raw, dict):
            problems.append(_at(f"questionnaires.{q.id}.answers", Phrase(Msg.ANSWERS_NOT_TABLE)))
            continue
        items = {i.id: i for i in q.items}
        checked: dict[str, AnswerValue] = {}
        for item_id, value in raw.items():
            if item_id not in items:
                where = f"questionnaires.{q.id}.answers.{item_id}"
                problems.append(_at(where, Phrase(Msg.ANSWERS_NO_ITEM, id=q.id, version=q.version)))
                continue
            try:
                checked[item_id] = check(q, items[item_id], value)
            except AnswerError as exc:
                problems.append(_at(f"questionnaires.{q.id}.answers.{item_id}", exc.phrase))
        reasons = table.get("no_problem", {}) if isinstance(table, dict) else {}
        if not isinstance(reasons, dict) or not all(isinstance(v, str) for v in reasons.values()):
            problems.append(_at(f"questionnaires.{q.id}.no_problem", Phrase(Msg.ANSWERS_NO_PROBLEM_TABLE)))
        else:
            no_problem[q.id] = {k: v for k, v in reasons.items() if v.strip()}
        shown = visible_ids(q, checked, who)
        answers[q.id] = {k: v for k, v in checked.items() if k in shown}
        skipped[q.id] = [i.id for i in q.items if i.id in shown and i.id not in checked]
    for qid in tables:
        if qid not in library.entries:  # with ids given too: a table that cannot be used is never dropped silently
            problems.append(Phrase(Msg.ANSWERS_UNKNOWN_QUESTIONNAIRE, qid=qid))
    findings = data.get("findings", [])
    if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
        problems.append(_at("findings", Phrase(Msg.ANSWERS_FINDINGS_ARRAY)))
        findings = []
    problems += check_findings(findings, questionnaires, answers, who)
    if problems:
        raise ReportError(Msg.ANSWERS_PROBLEMS, problems, path=path, n=len(problems))
    respondent = data.get("respondent")
    name = respondent.get("name") if isinstance(respondent, dict) else None
    return Answers(
        questionnaires, answers, skipped, findings, who, no_problem, name if isinstance(name, str) and name else None
    )


def check_findings(
    findings: list[dict[str, Any]],
    questionnaires: list[Questionnaire],
    answers: dict[str, dict[str, AnswerValue]],
    who: Who | None,
) -> list[Phrase]:
    """Every problem of the ``[[findings]]``: fields that do not fit, and findings for a questionnaire not answered,
    an item it does not have, or an item whose answer flags nothing."""
    from pydantic import ValidationError

    from selfcheck.records.report import Finding
    from selfcheck.scoring.findings import detect

    by_id = {q.id: q for q in questionnaires}
    flagged = {(q.id, d.item, d.option) for q in questionnaires for d in detect(q, answers.get(q.id, {}), who)}
    problems: list[Phrase] = []
    for n, raw in enumerate(findings):
        try:
            Finding.model_validate({**raw, "id": "F0000000"})
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                where = ".".join(str(p) for p in err["loc"])
                problems.append(_at(f"findings[{n}].{where}", err["msg"]))  # pydantic's own text
        qid, item, option = raw.get("questionnaire"), raw.get("item"), raw.get("option")
        if qid is None or not isinstance(qid, str):
            continue
        if qid not in by_id:
            problems.append(Phrase(Msg.ANSWERS_FINDING_QUESTIONNAIRE, n=n, qid=qid, ids=", ".join(by_id)))
            continue
        if item is None:
            continue
        if item not in {i.id for i in by_id[qid].items}:
            problems.append(Phrase(Msg.ANSWERS_FINDING_ITEM, n=n, qid=qid, item=item))
        elif not any(f[:2] == (qid, item) and option in (None, f[2]) for f in flagged):
            problems.append(Phrase(Msg.ANSWERS_FINDING_NOT_FLAGGED, n=n, qid=qid, item=item))
    return problems


def _who(path: Path, respondent: object) -> Who | None:
    """The post from ``[respondent]`` (a past report has it), checked against the profile."""
    if not isinstance(respondent, dict) or respondent.get("post") is None:
        return None
    from selfcheck.questionnaire.profile import load_profile

    post, public = respondent.get("post"), respondent.get("serves_public")
    known = [p.id for p in load_profile().posts]
    if post not in known:
        raise ReportError(Msg.ANSWERS_BAD_POST, path=path, post=post, known=", ".join(known))
    return Who(str(post), public if isinstance(public, bool) else None)


def _at(where: str, what: Phrase | str) -> Phrase:
    """A problem line: the place in the file (TOML keys), then what is wrong there."""
    return Phrase(Msg.AT, where=where, what=what)
