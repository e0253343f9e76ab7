"""The rectification ledger (整改台账): status history of measures, kept beside the reports.

Reports are records and never change; progress on their measures lives here, every change kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from selfcheck.errors import ReportError, UsageError
from selfcheck.files.tomlfile import dump_toml, first_problem, read_toml
from selfcheck.i18n import Lang, Msg
from selfcheck.records.report import Finding, Report
from selfcheck.records.storage import atomic_write, private_dir

T = TypeVar("T")
LEDGER_NAME = "ledger.toml"
LEDGER_SCHEMA = 1
Progress = Literal["todo", "doing", "done", "closed"]
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "todo": ("未启动", "not started"),
    "doing": ("进行中", "in progress"),
    "done": ("已完成", "done"),
    "closed": ("已销号", "closed"),
}
FINISHED = ("done", "closed")
"""Done by the person; closed (销号) once someone checked it, which only follows done."""


class Entry(BaseModel):
    """One recorded change of a measure's status."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    finding: str
    report: str
    """The report file's name, so an entry can be traced without the finding id."""
    status: Progress
    date: str
    """The day the progress happened (ISO date)."""
    evidence: str = ""
    recorded: datetime


class Ledger(BaseModel):
    """The ledger file."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: int = LEDGER_SCHEMA
    entries: list[Entry] = Field(default_factory=list)

    def status(self, finding_id: str) -> Progress:
        """The latest status recorded for a finding; ``todo`` when none was."""
        for entry in reversed(self.entries):
            if entry.finding == finding_id:
                return entry.status
        return "todo"

    def history(self, finding_id: str) -> list[Entry]:
        """Every change recorded for a finding, oldest first."""
        return [e for e in self.entries if e.finding == finding_id]


def status_label(status: str, lang: Lang) -> str:
    """未启动/进行中/已完成/已销号 (or English) for a ledger status; a report's own "open" is 未启动."""
    return STATUS_LABELS["todo" if status == "open" else status][lang == "en"]


def ledger_path(folder: Path) -> Path:
    """Where the ledger lives: beside the reports."""
    return folder / LEDGER_NAME


def load(folder: Path) -> Ledger:
    """The ledger (empty when there is none yet)."""
    path = ledger_path(folder)
    if not path.exists():
        return Ledger()
    data = read_toml(path, "ledger", ReportError)
    version = data.get("schema_version")
    if isinstance(version, int) and version > LEDGER_SCHEMA:
        raise ReportError(f"{path}: schema_version {version} is newer than this selfcheck understands; upgrade it.")
    try:
        return Ledger.model_validate(data)
    except ValidationError as exc:
        raise ReportError(f"{path}: {first_problem(exc)}.") from None


def save(ledger: Ledger, folder: Path) -> None:
    """Write the ledger atomically (0600, in a 0700 folder). Changes go through :func:`update`, under the lock."""
    private_dir(folder)
    atomic_write(ledger_path(folder), dump_toml(ledger.model_dump(mode="python", exclude_none=True)))


LOCK_NAME = ".ledger.lock"
LOCK_TIMEOUT = 30.0
"""Seconds to wait for another selfcheck that is changing the ledger; a change takes milliseconds."""


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the ledger's lock (an OS file lock, released even when the process dies) for a read-modify-write."""
    from filelock import FileLock, Timeout

    private_dir(folder)
    lock = FileLock(folder / LOCK_NAME, timeout=LOCK_TIMEOUT, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise ReportError(Msg.LEDGER_BUSY, path=ledger_path(folder), seconds=int(LOCK_TIMEOUT)) from None
    try:
        yield
    finally:
        lock.release()


def update(folder: Path, change: Callable[[Ledger], T]) -> T:
    """Apply ``change`` to the ledger as it is on disk now, and save it, under the lock: a change made by another
    process in the meantime (``plan update`` while an interview runs) is read first and kept."""
    with locked(folder):
        book = load(folder)
        result = change(book)
        save(book, folder)
        return result


@dataclass(frozen=True)
class Measure:
    """A rectification measure from a report, with its current status."""

    finding: Finding
    report: str
    created: datetime
    status: Progress

    def days_left(self, today: date) -> int | None:
        """Days until the deadline (negative when overdue), or None without a deadline."""
        if not self.finding.deadline:
            return None
        return (date.fromisoformat(self.finding.deadline) - today).days


def measures(reports: list[tuple[Path, Report]], ledger: Ledger, include_done: bool = False) -> list[Measure]:
    """Every measure of the respondent's own reports, oldest report first; done ones only when asked."""
    out = []
    for path, report in reports:
        if report.respondent.role != "self":
            continue
        for finding in report.findings:
            status = ledger.status(finding.id)
            if status in FINISHED and not include_done:
                continue
            out.append(Measure(finding, path.name, report.created, status))
    return out


def record(
    ledger: Ledger,
    reports: list[tuple[Path, Report]],
    finding_id: str,
    status: Progress,
    evidence: str,
    when: date,
    now: datetime,
) -> Entry:
    """Append a status change for ``finding_id`` (an id or a unique prefix of one)."""
    matches = [(p, f) for p, r in reports for f in r.findings if f.id == finding_id]
    if not matches:
        matches = [(p, f) for p, r in reports for f in r.findings if f.id.startswith(finding_id)]
    if not matches:
        raise UsageError(f"No finding with id {finding_id!r}; `selfcheck plan --all` lists them.")
    if len({f.id for _, f in matches}) > 1:
        raise UsageError(f"{finding_id!r} matches several findings; give more of the id.")
    if status == "done" and not evidence.strip():
        raise UsageError("A measure marked done needs evidence (--evidence): what was done, where it can be checked.")
    path, finding = matches[0]
    if status == "closed":
        if ledger.status(finding.id) != "done":
            raise UsageError(f"{finding.id}: only a measure marked done can be closed (销号); mark it done first.")
        if not evidence.strip():
            raise UsageError("Closing (销号) needs a note of the check (--evidence): who checked it, and when.")
    entry = Entry(
        finding=finding.id, report=path.name, status=status, date=when.isoformat(), evidence=evidence, recorded=now
    )
    ledger.entries.append(entry)
    return entry
