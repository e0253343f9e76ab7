"""Non-interactive answers: a TOML file with ``[questionnaires.<id>.answers]`` tables (a report works too)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfcheck.errors import AnswerError, ReportError
from selfcheck.files.tomlfile import read_toml
from selfcheck.questionnaire.conditions import visible_ids
from selfcheck.questionnaire.library import Library
from selfcheck.questionnaire.model import AnswerValue, Questionnaire
from selfcheck.questionnaire.values import check


@dataclass
class Answers:
    """What an answers file supplies, checked against the questionnaires."""

    questionnaires: list[Questionnaire]
    answers: dict[str, dict[str, AnswerValue]]
    skipped: dict[str, list[str]]
    findings: list[dict[str, Any]]


def load(path: Path, library: Library, ids: list[str]) -> Answers:
    """Read and check an answers file; every bad value is reported at once, naming questionnaire and item."""
    data = read_toml(path, "answers", ReportError)
    from selfcheck.records.report import SCHEMA_VERSION

    version = data.get("schema_version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool) or version > SCHEMA_VERSION):
        raise ReportError(
            f"{path}: schema_version: {version!r} is not a report version this selfcheck understands "
            f"(up to {SCHEMA_VERSION}); upgrade selfcheck or remove the key."
        )
    tables = data.get("questionnaires")
    if not isinstance(tables, dict) or not tables:
        raise ReportError(f"{path}: no [questionnaires.<id>.answers] tables; see `selfcheck start --help`.")
    wanted = ids or list(tables)
    try:
        questionnaires = library.select(wanted)
    except ReportError:
        raise
    problems: list[str] = []
    answers: dict[str, dict[str, AnswerValue]] = {}
    skipped: dict[str, list[str]] = {}
    for q in questionnaires:
        table = tables.get(q.id, {})
        raw = table.get("answers", {}) if isinstance(table, dict) else None
        if not isinstance(raw, dict):
            problems.append(f"questionnaires.{q.id}.answers: must be a table of item = value")
            continue
        items = {i.id: i for i in q.items}
        checked: dict[str, AnswerValue] = {}
        for item_id, value in raw.items():
            if item_id not in items:
                problems.append(f"questionnaires.{q.id}.answers.{item_id}: no such item in {q.id} v{q.version}")
                continue
            try:
                checked[item_id] = check(q, items[item_id], value, "en")
            except AnswerError as exc:
                problems.append(f"questionnaires.{q.id}.answers.{item_id}: {exc.message}")
        shown = visible_ids(q, checked)
        answers[q.id] = {k: v for k, v in checked.items() if k in shown}
        skipped[q.id] = [i.id for i in q.items if i.id in shown and i.id not in checked]
    for qid in tables:
        if qid not in {q.id for q in questionnaires} and not ids:
            problems.append(f"questionnaires.{qid}: unknown questionnaire")
    findings = data.get("findings", [])
    if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
        problems.append("findings: must be an array of tables ([[findings]])")
        findings = []
    if problems:
        raise ReportError(f"{path}: {len(problems)} problem(s); no report written:", [f"  {p}" for p in problems])
    return Answers(questionnaires, answers, skipped, findings)
