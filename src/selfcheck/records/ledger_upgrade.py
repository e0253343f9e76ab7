"""Ledger schema 1 → 2: status entries per finding become one entry per problem, using the reports they name."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from selfcheck.errors import ReportError
from selfcheck.files.tomlfile import first_problem
from selfcheck.i18n import Msg
from selfcheck.records.codes import Progress
from selfcheck.records.ledger import FINISHED, Event, Ledger, Problem, sync


class _EntryV1(BaseModel):
    """A schema 1 entry: one status change of one report's finding."""

    model_config = ConfigDict(extra="forbid")

    finding: str
    report: str
    status: Progress
    date: str
    evidence: str = ""
    recorded: datetime


class _LedgerV1(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = 1
    entries: list[_EntryV1] = Field(default_factory=list)


def from_v1(data: dict[str, Any], folder: Path, path: Path) -> Ledger:
    """The schema 2 ledger for a schema 1 file and the reports in ``folder``.

    Schema 1 kept a status per finding, so a problem found in two reports had two rows; the latest finding's
    status was the one that counted. Here the problem keeps every change, and ends with that same status."""
    from selfcheck.records.storage import load_all

    try:
        old = _LedgerV1.model_validate(data)
    except ValidationError as exc:
        raise ReportError(Msg.LEDGER_INVALID, path=path, problem=first_problem(exc)) from None
    rows, _broken = load_all(folder)
    book = Ledger()
    for path_, report in sorted(rows, key=lambda r: r[1].created):
        sync(book, [(path_, report)], report.created)
    by_finding = {fid: p for p in book.problems for fid in p.findings}
    latest: dict[str, Progress] = {}
    for entry in old.entries:
        p = by_finding.get(entry.finding)
        if p is None:  # its report is gone: keep the history under the finding's id
            p = Problem(id=entry.finding, problem=entry.finding)
            book.problems.append(p)
            by_finding[entry.finding] = p
        p.events.append(
            Event(
                kind="status",
                date=entry.date,
                recorded=entry.recorded,
                report=entry.report,
                finding=entry.finding,
                status=entry.status,
                evidence=entry.evidence,
            )
        )
        latest[entry.finding] = entry.status
    for p in book.problems:
        p.events.sort(key=lambda e: e.recorded)
        last = p.findings[-1] if p.findings else ""
        target = latest.get(last, "todo")
        if p.findings and p.status != target:
            reopened = target == "todo" and p.status in FINISHED
            found = next(e for e in reversed(p.events) if e.kind == "found")
            p.events.append(
                Event(
                    kind="reopened" if reopened else "status",
                    date=found.date,
                    recorded=found.recorded,
                    report=found.report,
                    finding=found.finding,
                    status=target,
                )
            )
    return book
