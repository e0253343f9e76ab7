"""The rectification ledger (整改台账): one entry per problem with its whole history, kept beside the reports.

Reports are records and never change. The ledger keeps what happened since: which reports found each problem,
every status change with its evidence, and every later edit of measure, deadline, owner or cause. A problem is
known by its identity (:attr:`~selfcheck.records.report.Finding.identity`), so finding it again links to the same
entry; finding it again after it was done or closed reopens it (年年有) instead of starting a second entry.
"""

# No ``from __future__ import annotations`` in this module: the models' annotations are objects when the classes
# are made, so pydantic does not compile and evaluate each one as text (about 1 M instructions in every process
# that reads the ledger).

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from selfcheck.errors import ReportError, UsageError
from selfcheck.files import exact
from selfcheck.files.tomlfile import dump_toml, first_problem, read_toml
from selfcheck.i18n import Lang, Msg, t
from selfcheck.records import versions
from selfcheck.records.codes import Progress
from selfcheck.records.report import CauseCode, Finding, Report, Source
from selfcheck.records.storage import atomic_write, private_dir

T = TypeVar("T")
LEDGER_NAME = "ledger.toml"
LEDGER_SCHEMA = versions.LEDGER.current
"""2: one ``[[problems]]`` entry per problem with its ``events``; 1 was a flat list of status entries per finding."""
FINISHED = ("done", "closed")
"""Done by the person; closed (销号) once someone checked it, which only follows done."""
EventKind = Literal["found", "status", "edit", "reopened"]
EditField = Literal["measure", "deadline", "owner", "causes", "cause_note"]
EDIT_FIELDS: tuple[EditField, ...] = ("measure", "deadline", "owner", "causes", "cause_note")
MIN_EVIDENCE = 2
"""Evidence shorter than this (a single character) is questioned: it cannot say what was done."""

_STATUS_MSG = {"todo": Msg.STATUS_TODO, "doing": Msg.STATUS_DOING, "done": Msg.STATUS_DONE, "closed": Msg.STATUS_CLOSED}


class Event(BaseModel):
    """One thing that happened to a problem: found by a report, a status change, an edit, or a reopening."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    kind: EventKind
    date: str
    """The day it happened (ISO date); for ``found``, the report's day."""
    recorded: datetime
    report: str = ""
    """The report file that found it (``found``, ``reopened``), or the one a status was given for."""
    finding: str = ""
    """The finding's id in that report."""
    status: Progress | None = None
    """The status from here on (``status``; ``reopened`` sets todo)."""
    evidence: str = ""
    changed: EditField | None = None
    """What an ``edit`` changed; ``old`` and ``new`` hold the values (causes comma-separated)."""
    old: str = ""
    new: str = ""
    measure: str = ""
    """``found``: the measure that report gave."""
    deadline: str | None = None
    run: str = ""
    """The start time of the interview whose 回头看 recorded this, so that run's own report does not reopen it."""


class Problem(BaseModel):
    """One problem across reports: its current measure, deadline, owner and cause, and its history."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str
    problem: str
    questionnaire: str | None = None
    item: str | None = None
    option: str | None = None
    dimension: str | None = None
    """A problem named by hand for a dimension (the problem norm): that dimension."""
    measure: str = ""
    deadline: str | None = None
    owner: str = ""
    causes: list[CauseCode] = Field(default_factory=list)
    cause_note: str = ""
    source: Source = ""
    events: list[Event] = Field(default_factory=list)

    @property
    def status(self) -> Progress:
        """The latest status; ``todo`` when none was recorded, and again after a reopening."""
        current: Progress = "todo"
        for e in self.events:
            if e.kind in ("status", "reopened") and e.status is not None:
                current = e.status
        return current

    @property
    def findings(self) -> list[str]:
        """The finding ids of the reports that found it, oldest first."""
        return [e.finding for e in self.events if e.kind == "found"]

    @property
    def reports(self) -> list[str]:
        """The report files that found it, oldest first."""
        return [e.report for e in self.events if e.kind == "found"]

    @property
    def by_hand(self) -> bool:
        """Added by the person, not flagged by an item: only the person can say whether it persists."""
        return self.item is None

    def days_left(self, today: date) -> int | None:
        """Days until the deadline (negative when overdue), or None without a deadline."""
        return None if not self.deadline else (date.fromisoformat(self.deadline) - today).days


class Ledger(BaseModel):
    """The ledger file."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: int = LEDGER_SCHEMA
    problems: list[Problem] = Field(default_factory=list)

    def get(self, problem_id: str) -> Problem | None:
        """The entry for a problem identity, or None."""
        return next((p for p in self.problems if p.id == problem_id), None)

    def finding_status(self) -> dict[str, str]:
        """Every finding id any report gave → its problem's current status (for exports of any report)."""
        return {fid: p.status for p in self.problems for fid in p.findings}

    def open(self, include_done: bool = False) -> list[Problem]:
        """Problems still to work on (todo, doing), in the order first found; finished ones too when asked."""
        return [p for p in self.problems if include_done or p.status not in FINISHED]


def status_label(status: str, lang: Lang) -> str:
    """未启动/进行中/已完成/已销号 (or English) for a ledger status; a report's own "open" is 未启动."""
    return t(_STATUS_MSG["todo" if status == "open" else status], lang)


def ledger_path(folder: Path) -> Path:
    """Where the ledger lives: beside the reports."""
    return folder / LEDGER_NAME


def load(folder: Path) -> Ledger:
    """The ledger as stored (empty when there is none yet); a schema 1 file is upgraded in memory."""
    path = ledger_path(folder)
    if not path.exists():
        # No validator to build for an empty ledger (milliseconds per command); the list is given rather than made
        # by its default factory, since pydantic asks inspect.signature whether a factory takes the validated data.
        return Ledger.model_construct(problems=[])
    data = versions.upgrade(versions.LEDGER, read_toml(path, Msg.WHAT_LEDGER, ReportError), path)
    try:
        return exact.validate(Ledger, data)
    except ValidationError as exc:
        raise ReportError(Msg.LEDGER_INVALID, path=path, problem=first_problem(exc)) from None


def save(ledger: Ledger, folder: Path) -> None:
    """Write the ledger atomically (0600, in a 0700 folder)."""
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


def update(folder: Path, change: Callable[[Ledger], T], reports: Iterable[tuple[Path, Report]] = ()) -> T:
    """Apply ``change`` to the ledger as it is on disk now (with ``reports`` taken in), and save it, under the lock:
    a change made by another process in the meantime (``plan update`` while an interview runs) is read first."""
    with locked(folder):
        book = load(folder)
        sync(book, reports, _now())
        result = change(book)
        save(book, folder)
        return result


def current(folder: Path, reports: Iterable[tuple[Path, Report]]) -> Ledger:
    """The ledger with every report in the folder taken in (in memory; saved by commands that change it)."""
    book = load(folder)
    sync(book, reports, _now())
    return book


def take_in(folder: Path, path: Path, report: Report) -> None:
    """Enter a newly written report's findings in the folder's ledger (and save it)."""
    if not report.respondent.is_rater and report.findings:
        update(folder, lambda _book: None, [(path, report)])


def _now() -> datetime:
    from selfcheck.records.report import now

    return now()


def _new_problem(f: Finding) -> Problem:
    # Built without validation: every value comes from a finding the report model validated (and reading a
    # ledger should not build the Problem validator, which costs milliseconds in every command).
    return Problem.model_construct(
        id=f.identity,
        problem=f.problem,
        questionnaire=f.questionnaire,
        item=f.item,
        option=f.option,
        dimension=f.dimension,
        measure=f.measure,
        deadline=f.deadline,
        owner=f.owner,
        causes=list(f.causes),
        cause_note=f.cause_note,
        source=f.source,
        events=[],  # given, not left to the default factory (see load)
    )


def _finished_before(p: Problem, report: Report) -> bool:
    """Whether the problem was already finished when ``report`` was made (or in that report's own 回头看)."""
    last = next((e for e in reversed(p.events) if e.kind in ("status", "reopened")), None)
    if last is None or last.status not in FINISHED:
        return False
    return last.recorded < report.created or last.run == report.created.isoformat()


def sync(ledger: Ledger, reports: Iterable[tuple[Path, Report]], now: datetime) -> list[Problem]:
    """Take in the findings of the person's own reports not yet in the ledger, oldest report first.

    A problem found again links to its entry and takes that report's measure, deadline, owner and cause; one
    found again after it was done or closed is reopened. Returns the problems that changed."""
    changed: dict[str, Problem] = {}
    known = {fid for p in ledger.problems for fid in p.findings}
    own = sorted((r for r in reports if not r[1].respondent.is_rater), key=lambda r: r[1].created)
    for path, report in own:
        day = report.created.date().isoformat()
        for f in report.findings:
            if f.id in known:
                continue
            known.add(f.id)
            p = ledger.get(f.identity)
            if p is None:
                p = _new_problem(f)
                ledger.problems.append(p)
            else:
                _take_newer(p, f)
            reopen = p.status in FINISHED and _finished_before(p, report)
            p.events.append(
                Event.model_construct(  # values from a validated report, as in _new_problem
                    kind="found",
                    date=day,
                    recorded=now,
                    report=path.name,
                    finding=f.id,
                    measure=f.measure,
                    deadline=f.deadline,
                )
            )
            if reopen:
                p.events.append(
                    Event.model_construct(
                        kind="reopened", date=day, recorded=now, report=path.name, finding=f.id, status="todo"
                    )
                )
            changed[p.id] = p
    return list(changed.values())


def _take_newer(p: Problem, f: Finding) -> None:
    """A newer report's 查摆 supersedes the entry's fields, where it gave them."""
    p.problem = f.problem or p.problem
    p.measure = f.measure or p.measure
    p.deadline = f.deadline or p.deadline
    p.owner = f.owner or p.owner
    p.causes = list(f.causes) or p.causes
    p.cause_note = f.cause_note or p.cause_note
    p.source = f.source or p.source


def find(ledger: Ledger, ref: str) -> Problem:
    """The problem named by ``ref``: its id or any of its finding ids, in any case, or a unique prefix of one."""
    wanted = ref.strip().lower()
    if not wanted:
        raise UsageError(Msg.LEDGER_NO_PROBLEM, ref=ref)

    def names(p: Problem) -> list[str]:
        return [p.id.lower(), *(f.lower() for f in p.findings)]

    exact = [p for p in ledger.problems if wanted in names(p)]
    found = exact or [p for p in ledger.problems if any(n.startswith(wanted) for n in names(p))]
    if not found:
        raise UsageError(Msg.LEDGER_NO_PROBLEM, ref=ref)
    if len(found) > 1:
        raise UsageError(Msg.LEDGER_AMBIGUOUS, ref=ref, ids=", ".join(p.id for p in found))
    return found[0]


def thin_evidence(text: str) -> bool:
    """Evidence too short to say what was done or who checked (a single character)."""
    return 0 < len(text.strip()) < MIN_EVIDENCE


def record(
    p: Problem, status: Progress, evidence: str, when: date, now: datetime, *, report: str = "", run: str = ""
) -> Event:
    """Append a status change to a problem; done needs evidence, closed (销号) follows done and needs a note."""
    evidence = evidence.strip()
    if when > now.date():
        raise UsageError(Msg.LEDGER_DATE_FUTURE, date=when.isoformat(), today=now.date().isoformat())
    if status == "done" and not evidence:
        raise UsageError(Msg.LEDGER_DONE_NEEDS_EVIDENCE)
    if status == "closed":
        if p.status != "done":
            raise UsageError(Msg.LEDGER_CLOSE_AFTER_DONE, id=p.id)
        if not evidence:
            raise UsageError(Msg.LEDGER_CLOSE_NEEDS_NOTE)
    event = Event(
        kind="status",
        date=when.isoformat(),
        recorded=now,
        status=status,
        evidence=evidence,
        report=report or (p.reports[-1] if p.reports else ""),
        finding=p.findings[-1] if p.findings else "",
        run=run,
    )
    p.events.append(event)
    return event


def edit(p: Problem, changes: Mapping[EditField, str | list[CauseCode]], now: datetime) -> list[Event]:
    """Change the measure, deadline, owner or cause of a problem, each change kept as an event; reports stay."""
    events = []
    for name, value in changes.items():
        old = getattr(p, name)
        text = ", ".join(value) if isinstance(value, list) else value
        before = ", ".join(old) if isinstance(old, list) else (old or "")
        if text == before:
            continue
        setattr(p, name, value if value != "" or name != "deadline" else None)
        events.append(Event(kind="edit", date=now.date().isoformat(), recorded=now, changed=name, old=before, new=text))
    p.events.extend(events)
    return events
