"""The organisation's view (组织严管): many reports summarised. Built for thousands of files.

Reading is the cost: rtoml parses a report about ten times faster than tomllib (see :mod:`selfcheck.files.tomlfile`),
and only the fields the summary needs are checked (no full model validation), so 10,000 reports take well under
two seconds cold.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from selfcheck.compare.gap import MIN_RATERS
from selfcheck.errors import ReportError
from selfcheck.files.tomlfile import read_toml
from selfcheck.i18n import Msg, Phrase
from selfcheck.records.ledger import FINISHED

BINS = 5
"""The distribution bar splits 0-100 into this many equal bins."""


@dataclass
class Marks:
    """#14's counts: red lines, written reasons in place of problems, consistency notes, raters' grades.

    Counted, never named: a summary shows how many, not whose."""

    red_line_findings: int = 0
    red_line_reports: int = 0
    no_problem: int = 0
    """Written reasons why a dimension names no problem (the problem norm)."""
    notes: int = 0
    """Consistency notes in self-assessments (failed checks, same point everywhere, all at the best end)."""
    all_top_raters: int = 0
    """Ratings that mark every dimension at the top (好人主义)."""
    grades: dict[str, Counter[str]] = field(default_factory=dict)
    """Raters' overall grades per questionnaire."""

    def add(self, other: Marks) -> None:
        """Fold another report's or chunk's counts in."""
        self.red_line_findings += other.red_line_findings
        self.red_line_reports += other.red_line_reports
        self.no_problem += other.no_problem
        self.notes += other.notes
        self.all_top_raters += other.all_top_raters
        for qid, c in other.grades.items():
            self.grades.setdefault(qid, Counter()).update(c)

    def to_json(self) -> dict[str, Any]:
        """Stable keys for scripts."""
        return {
            "red_line_findings": self.red_line_findings,
            "reports_with_red_lines": self.red_line_reports,
            "no_problem_statements": self.no_problem,
            "consistency_notes": self.notes,
            "raters_all_top": self.all_top_raters,
            "grades": {qid: dict(c.most_common()) for qid, c in self.grades.items()},
        }


def _marks(tables: dict[str, Any], findings: list[dict[str, Any]], role: str) -> Marks:
    """The counts one report adds; fields of the wrong type count as absent (the report model checks them)."""
    marks = Marks()
    reds = sum(1 for f in findings if f.get("red_line") is True)
    marks.red_line_findings, marks.red_line_reports = reds, int(reds > 0)
    for qid, table in tables.items():
        reasons, notes, grade = table.get("no_problem"), table.get("notes"), table.get("grade")
        marks.no_problem += len(reasons) if isinstance(reasons, dict) else 0
        if isinstance(notes, list):
            from selfcheck.scoring.notes import ALL_TOP

            marks.notes += len(notes) if role == "self" else 0
            marks.all_top_raters += int(role != "self" and ALL_TOP in notes)
        if isinstance(grade, str) and role != "self":
            marks.grades.setdefault(qid, Counter())[grade] += 1
    return marks


@dataclass(slots=True)
class Light:
    """What the summary needs from one report."""

    path: Path
    created: datetime
    name: str | None
    role: str
    scores: dict[str, tuple[float | None, dict[str, float]]]
    findings: list[dict[str, Any]]
    marks: Marks = field(default_factory=Marks)
    comments: dict[str, dict[str, str]] = field(default_factory=dict)
    """A rater's comments per questionnaire and dimension (self-assessments have none)."""
    subject: str = ""
    """For a rating: the person rated."""
    digest: str = ""
    """Of the report's content: the same rating copied under two names counts once."""


def _digest(data: dict[str, Any]) -> str:
    import hashlib
    import json

    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _fail(path: Path, where: str, what: Msg, **values: object) -> ReportError:
    """``path: field: what is wrong`` (the fast reader names the field like the full one)."""
    return ReportError(Msg.LIGHT_PROBLEM, path=path, where=where, what=Phrase(what, **values))


def read_light(path: Path) -> Light:
    """Read the parts of a report the summary uses; a :class:`ReportError` names the file and field."""
    from selfcheck.records import versions

    # Regular files only, size limited. Nesting is not walked: this reader looks up fixed paths and checks each
    # value's type, so whatever a hostile file nests below them is never descended into. The version is checked
    # and an older report upgraded as the full reader does.
    data = versions.upgrade(versions.REPORT, read_toml(path, Msg.WHAT_REPORT, ReportError, walked=False), path)
    created = data.get("created")
    if not isinstance(created, datetime):
        raise _fail(path, "created", Msg.LIGHT_NOT_DATETIME)
    respondent = data.get("respondent", {})
    if not isinstance(respondent, dict):
        raise _fail(path, "respondent", Msg.LIGHT_NOT_TABLE)
    tables = data.get("questionnaires", {})
    if not isinstance(tables, dict):
        raise _fail(path, "questionnaires", Msg.LIGHT_NOT_TABLE)
    scores: dict[str, tuple[float | None, dict[str, float]]] = {}
    comments: dict[str, dict[str, str]] = {}
    for qid, table in tables.items():
        raw = table.get("scores", {}) if isinstance(table, dict) else None
        if not isinstance(raw, dict):
            raise _fail(path, f"questionnaires.{qid}.scores", Msg.LIGHT_NOT_TABLE)
        overall = raw.get("overall")
        dims = raw.get("dimensions", {})
        if overall is not None and (not isinstance(overall, int | float) or isinstance(overall, bool)):
            raise _fail(path, f"questionnaires.{qid}.scores.overall", Msg.LIGHT_NOT_NUMBER)
        if not isinstance(dims, dict) or not all(isinstance(v, int | float) for v in dims.values()):
            raise _fail(path, f"questionnaires.{qid}.scores.dimensions", Msg.LIGHT_NOT_NUMBERS)
        scores[qid] = (overall, dims)
        said = table.get("comments", {})
        if isinstance(said, dict) and said:
            comments[qid] = {str(k): v for k, v in said.items() if isinstance(v, str) and v.strip()}
    findings = data.get("findings", [])
    if not isinstance(findings, list) or not all(isinstance(f, dict) and "problem" in f for f in findings):
        raise _fail(path, "findings", Msg.LIGHT_BAD_FINDINGS)
    name = respondent.get("name")
    role = str(respondent.get("role", "self"))
    marks = _marks(tables, findings, role)
    own = comments if role != "self" else {}
    subject = respondent.get("subject")
    return Light(
        path,
        created,
        name if isinstance(name, str) else None,
        role,
        scores,
        findings,
        marks,
        own,
        subject=subject if isinstance(subject, str) else "",
        digest=_digest(data) if role != "self" else "",
    )


@dataclass(frozen=True)
class Spread:
    """Statistics of one dimension's scores across reports."""

    count: int
    mean: float
    median: float
    minimum: float
    maximum: float
    bins: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        """Stable keys for scripts."""
        return {
            "count": self.count,
            "mean": self.mean,
            "median": self.median,
            "min": self.minimum,
            "max": self.maximum,
            "distribution": list(self.bins),
        }


def spread(values: list[float]) -> Spread:
    """Mean, median, min, max and a histogram of :data:`BINS` equal bins over 0-100."""
    bins = [0] * BINS
    for v in values:
        bins[min(BINS - 1, max(0, int(v * BINS / 100)))] += 1
    return Spread(
        len(values),
        round(statistics.fmean(values), 2),
        round(statistics.median(values), 2),
        min(values),
        max(values),
        tuple(bins),
    )


@dataclass
class Summary:
    """Everything the organisation view shows."""

    reports: int
    skipped: list[str]
    counts: dict[str, dict[str, int]]
    dimensions: dict[str, dict[str, Spread]]
    overall: dict[str, Spread]
    top_findings: list[tuple[str, str, int]]
    open_measures: int
    overdue_measures: int
    names: list[str] = field(default_factory=list)
    marks: Marks = field(default_factory=Marks)
    comments: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Raters' comments per questionnaire and dimension, verbatim and sorted; only where 3 or more rated."""
    withheld: int = 0
    """Ratings left out of the scores: their subject has fewer than :data:`MIN_RATERS` distinct raters."""

    def to_json(self, names: bool = False) -> dict[str, Any]:
        """Stable keys; respondents' names only when asked."""
        out: dict[str, Any] = {
            "reports": self.reports,
            "skipped": self.skipped,
            "counts": self.counts,
            "questionnaires": {
                qid: {
                    "overall": self.overall[qid].to_json() if qid in self.overall else None,
                    "dimensions": {d: s.to_json() for d, s in dims.items()},
                }
                for qid, dims in self.dimensions.items()
            },
            "top_findings": [{"key": k, "problem": p, "count": n} for k, p, n in self.top_findings],
            "measures": {"open": self.open_measures, "overdue": self.overdue_measures},
            "ratings_withheld": self.withheld,
            **self.marks.to_json(),
            "comments": self.comments,
        }
        if names:
            out["names"] = self.names
        return out


@dataclass
class Tally:
    """Running totals over reports; tallies of separate chunks merge, so files can be read in parallel."""

    reports: int = 0
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    dim_values: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    overall_values: dict[str, list[float]] = field(default_factory=dict)
    problems: Counter[str] = field(default_factory=Counter)
    wording: dict[str, str] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    open_measures: int = 0
    overdue_measures: int = 0
    skipped: list[str] = field(default_factory=list)
    messages: list[ReportError] = field(default_factory=list)
    marks: Marks = field(default_factory=Marks)
    comments: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    ratings: dict[str, dict[str, Light]] = field(default_factory=dict)
    """Ratings by subject and content digest, counted in :meth:`finish` (a copy of one rating counts once)."""

    def add(self, light: Light, status: Mapping[str, str], day: str) -> None:
        """Count one report; ``day`` is today as an ISO date (deadlines before it are overdue)."""
        if light.role != "self":
            self.ratings.setdefault(light.subject, {})[light.digest] = light
            return
        self._count(light, status, day, scored=True)

    def _count(self, light: Light, status: Mapping[str, str], day: str, scored: bool) -> None:
        self.reports += 1
        self.marks.add(light.marks)
        if light.name:
            self.names.add(light.name)
        for qid, scores in light.scores.items():
            self.counts.setdefault(qid, Counter())[light.role] += 1
            if scored:
                self._score(qid, scores)
        if scored:  # a rater's comments only where their subject has enough raters (背靠背)
            for qid, said in light.comments.items():
                per_q = self.comments.setdefault(qid, {})
                for dim, text in said.items():
                    per_q.setdefault(dim, []).append(text.strip())
        self._findings(light, status, day)

    def _score(self, qid: str, scores: tuple[float | None, dict[str, float]]) -> None:
        overall, dims = scores
        if overall is not None:
            self.overall_values.setdefault(qid, []).append(overall)
        per = self.dim_values.setdefault(qid, {})
        for dim, value in dims.items():
            per.setdefault(dim, []).append(value)

    def _findings(self, light: Light, status: Mapping[str, str], day: str) -> None:
        for f in light.findings:
            item = f.get("item")
            if item:
                key = f"{f.get('questionnaire')}/{item}" + (f"/{f['option']}" if f.get("option") else "")
            else:
                key = "+" + str(f["problem"]).strip()
            self.problems[key] += 1
            self.wording.setdefault(key, str(f["problem"]))
            if light.role == "self" and status.get(str(f.get("id")), "todo") not in FINISHED:
                self.open_measures += 1
                deadline = f.get("deadline")
                if isinstance(deadline, str) and deadline < day:
                    self.overdue_measures += 1

    def merge(self, other: Tally) -> None:
        """Fold another chunk's totals into this one."""
        self.reports += other.reports
        self.marks.add(other.marks)
        for qid, c in other.counts.items():
            self.counts.setdefault(qid, Counter()).update(c)
        for qid, dims in other.dim_values.items():
            per = self.dim_values.setdefault(qid, {})
            for dim, values in dims.items():
                per.setdefault(dim, []).extend(values)
        for qid, values in other.overall_values.items():
            self.overall_values.setdefault(qid, []).extend(values)
        self.problems.update(other.problems)
        for key, text in other.wording.items():
            self.wording.setdefault(key, text)
        self.names |= other.names
        self.open_measures += other.open_measures
        self.overdue_measures += other.overdue_measures
        self.skipped += other.skipped
        self.messages += other.messages
        for qid, said in other.comments.items():
            mine = self.comments.setdefault(qid, {})
            for dim, texts in said.items():
                mine.setdefault(dim, []).extend(texts)
        for subject, ratings in other.ratings.items():
            self.ratings.setdefault(subject, {}).update(ratings)

    def finish(self, top: int = 10) -> Summary:
        """The summary of everything counted. A subject's ratings join the statistics only from
        :data:`MIN_RATERS` distinct raters on: with fewer, a mean, minimum or maximum would give a rater away."""
        withheld = 0
        for ratings in self.ratings.values():
            if len(ratings) < MIN_RATERS:
                withheld += len(ratings)
            for light in ratings.values():
                self._count(light, {}, "", scored=len(ratings) >= MIN_RATERS)
        self.ratings = {}
        return Summary(
            reports=self.reports,
            skipped=self.skipped,
            counts={q: dict(sorted(c.items())) for q, c in self.counts.items()},
            dimensions={q: {d: spread(v) for d, v in dims.items()} for q, dims in self.dim_values.items()},
            overall={q: spread(v) for q, v in self.overall_values.items()},
            top_findings=[(k, self.wording[k], c) for k, c in self.problems.most_common(top)],
            open_measures=self.open_measures,
            overdue_measures=self.overdue_measures,
            names=sorted(self.names),
            marks=self.marks,
            comments=self._shown_comments(),
            withheld=withheld,
        )

    def _shown_comments(self) -> dict[str, dict[str, list[str]]]:
        """Comments where 3 or more others rated (背靠背), sorted so that file order gives nothing away."""
        from selfcheck.compare.gap import MIN_RATERS

        out = {}
        for qid, dims in self.comments.items():
            raters = sum(n for role, n in self.counts.get(qid, Counter()).items() if role != "self")
            if raters >= MIN_RATERS and dims:
                out[qid] = {dim: sorted(texts) for dim, texts in dims.items()}
        return out


def summarise(
    reports: Iterable[Light],
    skipped: list[str],
    ledger_status: Mapping[str, str] | None = None,
    today: date | None = None,
    top: int = 10,
) -> Summary:
    """Aggregate reports already read: counts per questionnaire and role, statistics, frequent findings."""
    tally = Tally(skipped=list(skipped))
    day = (today or date.today()).isoformat()
    for light in reports:
        tally.add(light, ledger_status or {}, day)
    return tally.finish(top)


def _tally_files(job: tuple[list[Path], Mapping[str, str], str]) -> Tally:
    """Read and count a chunk of files (runs in a worker process for large sets)."""
    paths, status, day = job
    tally = Tally()
    for path in paths:
        try:
            tally.add(read_light(path), status, day)
        except ReportError as exc:
            tally.skipped.append(str(path))
            tally.messages.append(exc)
    return tally


PARALLEL_FROM = 2000
"""From this many files on, reading may be split over idle cores (fork is cheap; parsing dominates)."""


def idle_cores() -> int:
    """Cores with nothing to do right now: the count less the one-minute load average (all of them where the
    platform has no load average). A worker on a busy core only adds the pool's own cost to the same wall time."""
    import os

    count = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover - Windows has no load average
        return count
    return max(1, int(count - load + 0.5))


def summarise_files(
    paths: list[Path], ledger_status: Mapping[str, str] | None = None, today: date | None = None, top: int = 10
) -> tuple[Summary, list[ReportError]]:
    """Read and aggregate report files; returns the summary and the error of each file skipped as unreadable."""

    status = dict(ledger_status or {})
    day = (today or date.today()).isoformat()
    workers = min(idle_cores(), 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        tally = _tally_files((paths, status, day))
    else:
        import multiprocessing

        try:
            context = multiprocessing.get_context("fork")
        except ValueError:  # pragma: no cover - platforms without fork read in one process
            tally = _tally_files((paths, status, day))
        else:
            size = -(-len(paths) // workers)
            jobs = [(paths[i : i + size], status, day) for i in range(0, len(paths), size)]
            with context.Pool(workers) as pool:
                parts = pool.map(_tally_files, jobs)
            tally = parts[0]
            for part in parts[1:]:
                tally.merge(part)
    return tally.finish(top), tally.messages


def gather(sources: Iterable[Path]) -> tuple[list[Path], dict[str, str]]:
    """Report files from files and folders, and the ledger status found in those folders (finding id → status)."""
    from selfcheck.records import ledger
    from selfcheck.records.storage import list_reports

    files: list[Path] = []
    status: dict[str, str] = {}
    for source in sources:
        if source.is_dir():
            files += list_reports(source)
            if ledger.ledger_path(source).exists():
                status.update(ledger.load(source).finding_status())
        elif source.exists():
            files.append(source)
        else:
            raise ReportError(Msg.NO_SOURCE, path=source)
    return files, status
