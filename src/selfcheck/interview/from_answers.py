"""A self-check without prompts: an answers file (or a past report) scored and written as a report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from selfcheck.errors import ReportError
from selfcheck.i18n import Lang
from selfcheck.questionnaire.library import Library


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
    role: Literal["self", "peer", "masses"] = "self"
    subject: str | None = None


def from_answers(library: Library, opts: StartOptions, answers_path: Path) -> Path:
    """Score an answers file and write its report without asking anything."""
    from pydantic import ValidationError

    from selfcheck import __version__
    from selfcheck.files.tomlfile import first_problem
    from selfcheck.interview import answers_file as answerfile
    from selfcheck.records import storage
    from selfcheck.records.report import Finding, build, finding_id, now
    from selfcheck.scoring.findings import detect

    given = answerfile.load(answers_path, library, opts.ids)
    created = now()
    findings: list[Finding] = []
    for i, raw in enumerate(given.findings):
        data: dict[str, Any] = {k: v for k, v in raw.items() if k != "id"}
        key = f"{data.get('questionnaire')}/{data.get('item')}/{data.get('option')}/{i}"
        try:
            findings.append(Finding.model_validate({"id": finding_id(created, key), **data}))
        except ValidationError as exc:
            problem = first_problem(exc, f"findings[{i}].")
            raise ReportError(f"{answers_path}: {problem}; no report written.") from None
    covered = {(f.questionnaire, f.item, f.option) for f in findings}
    for q in given.questionnaires:
        for d in detect(q, given.answers[q.id]):
            if (d.questionnaire, d.item, d.option) not in covered:
                findings.append(
                    Finding(
                        id=finding_id(created, f"{d.questionnaire}/{d.key}"),
                        questionnaire=q.id,
                        item=d.item,
                        option=d.option,
                        problem=d.problem,
                    )
                )
    report = build(
        given.questionnaires,
        given.answers,
        given.skipped,
        findings,
        name=opts.name,
        created=created,
        tool_version=__version__,
    )
    return storage.write_report(report, opts.folder)
