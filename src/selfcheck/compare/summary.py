"""The organisation's view (组织严管): many reports summarised. Built for thousands of files.

Reading is the cost: rtoml parses a report about ten times faster than tomllib (see :mod:`selfcheck.files.tomlfile`),
and only the fields the summary needs are checked (no full model validation: :mod:`selfcheck.compare.summary_read`),
so 10,000 reports take well under two seconds cold. The summary holds counts and codes; its words are in
:mod:`selfcheck.export.phrasing`.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from selfcheck.compare.gap import MIN_RATERS
from selfcheck.compare.summary_read import Light, Marks, read_light
from selfcheck.errors import ReportError
from selfcheck.i18n import Msg
from selfcheck.records.codes import is_rater
from selfcheck.records.ledger import FINISHED
from selfcheck.records.storage import SKIP_CODES

BINS = 5
"""The distribution bar splits 0-100 into this many equal bins."""


@dataclass(frozen=True)
class Spread:
    """Statistics of one dimension's scores across people."""

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


@dataclass(frozen=True)
class Stats:
    """One questionnaire's statistics over a group of people: self-assessments one value per person; ratings one
    value per person rated (the mean of their distinct raters), never one per rating."""

    overall: Spread | None
    dimensions: dict[str, Spread]
    people: int = 0
    """Persons counted: those who assessed themselves, or those rated."""
    ratings: int = 0
    """For ratings by others: the distinct ratings behind the persons' means."""

    def to_json(self) -> dict[str, Any]:
        """``{overall, dimensions}``."""
        return {
            "overall": self.overall.to_json() if self.overall is not None else None,
            "dimensions": {d: s.to_json() for d, s in self.dimensions.items()},
        }


def _stats(
    overall: dict[str, list[float]],
    dims: dict[str, dict[str, list[float]]],
    people: Mapping[str, int],
    ratings: Mapping[str, int] | None = None,
) -> dict[str, Stats]:
    ids = list(dict.fromkeys([*dims, *overall]))
    return {
        q: Stats(
            spread(overall[q]) if overall.get(q) else None,
            {d: spread(v) for d, v in dims.get(q, {}).items() if v},
            people.get(q, 0),
            (ratings or {}).get(q, 0),
        )
        for q in ids
    }


@dataclass
class Summary:
    """Everything the organisation view shows."""

    reports: int
    """Reports counted: per person and questionnaire the latest (every report with ``all_reports``), and each
    distinct rating whose subject has enough raters."""
    skipped: list[str]
    counts: dict[str, dict[str, int]]
    """Per questionnaire and role: persons (self) or distinct ratings (peer, masses) counted."""
    own: dict[str, Stats]
    """Self-assessments per questionnaire, one value per person."""
    others: dict[str, Stats]
    """Ratings by others per questionnaire, one value per person rated: the mean of their raters."""
    top_findings: list[tuple[str, str, int]]
    open_measures: int
    overdue_measures: int
    names: list[str] = field(default_factory=list)
    marks: Marks = field(default_factory=Marks)
    comments: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Raters' comments per questionnaire and dimension, verbatim and sorted; only where 3 or more rated."""
    withheld: int = 0
    """Ratings left out of the scores: their subject has fewer than :data:`MIN_RATERS` distinct raters."""
    persons: int = 0
    """People whose self-assessments are counted (a report without a name counts as one person)."""
    files: int = 0
    """Report files read (skipped files apart)."""
    superseded: int = 0
    """Self-assessments left out as older than the same person's later report of the same questionnaires."""
    unnamed: int = 0
    """Self-assessments without a name, each counted as a person of its own."""
    subjects: int = 0
    """People rated by others whose ratings are counted (3 or more distinct raters)."""
    ratings: int = 0
    """Distinct ratings counted (of people with enough raters)."""
    all_reports: bool = False
    """Every report counted, not the latest per person."""
    skip_reasons: dict[str, int] = field(default_factory=dict)
    """Why files were skipped: reason code → count (see :data:`selfcheck.records.storage.SKIP_CODES`)."""
    titles: dict[str, str] = field(default_factory=dict)
    """Questionnaire titles as the reports keep them, for a questionnaire no file describes."""

    def kept_titles(self) -> dict[str, tuple[str, dict[str, str]]]:
        """The titles the reports keep, shaped as the library's (title, dimension titles) for the views; the
        library's, in the language asked for, take precedence where a questionnaire file describes the id."""
        return {qid: (title, {}) for qid, title in self.titles.items()}

    @property
    def dimensions(self) -> dict[str, dict[str, Spread]]:
        """Self-assessment statistics per questionnaire and dimension."""
        return {q: s.dimensions for q, s in self.own.items()}

    @property
    def overall(self) -> dict[str, Spread]:
        """Self-assessment overall statistics per questionnaire."""
        return {q: s.overall for q, s in self.own.items() if s.overall is not None}

    def to_json(self, names: bool = False) -> dict[str, Any]:
        """Stable keys; respondents' names only when asked."""
        ids = list(dict.fromkeys([*self.own, *self.others]))
        empty = Stats(None, {})
        out: dict[str, Any] = {
            "persons": self.persons,
            "files": self.files,
            "reports": self.reports,
            "all_reports": self.all_reports,
            "superseded": self.superseded,
            "unnamed": self.unnamed,
            "subjects": self.subjects,
            "ratings": self.ratings,
            "skipped": self.skipped,
            "skipped_reasons": self.skip_reasons,
            "counts": self.counts,
            "questionnaires": {
                qid: {
                    **self.own.get(qid, empty).to_json(),
                    "persons": self.own[qid].people if qid in self.own else 0,
                    "others": (
                        {
                            **self.others[qid].to_json(),
                            "persons": self.others[qid].people,
                            "ratings": self.others[qid].ratings,
                        }
                        if qid in self.others
                        else None
                    ),
                }
                for qid in ids
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


ANY_QUESTIONNAIRE = ""
"""The part of a report that belongs to no questionnaire: problems added by hand outside any dimension. A
person's latest report speaks for it."""


@dataclass
class Tally:
    """Running totals over reports; tallies of separate chunks merge, so files can be read in parallel.

    Self-assessments are kept as the latest report per person and questionnaire until :meth:`finish` counts them
    (every report at once with ``all_reports``); ratings are kept per subject and content until then, since a
    subject's ratings count only from three distinct raters."""

    all_reports: bool = False
    files: int = 0
    latest: dict[tuple[str, str], Light] = field(default_factory=dict)
    """(person, questionnaire) → the newest self-assessment of it (``all_reports`` off)."""
    self_files: int = 0
    """Self-assessments read (those not counted in the end were superseded by the same person's later ones)."""
    ratings: dict[str, dict[str, Light]] = field(default_factory=dict)
    """Ratings by subject and content digest, counted in :meth:`finish` (a copy of one rating counts once)."""
    skipped: list[str] = field(default_factory=list)
    messages: list[ReportError] = field(default_factory=list)
    skip_reasons: Counter[str] = field(default_factory=Counter)
    # What finish() counts into (and what all_reports counts into as reports arrive):
    reports: int = 0
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    dim_values: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    overall_values: dict[str, list[float]] = field(default_factory=dict)
    problems: Counter[str] = field(default_factory=Counter)
    wording: dict[str, str] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)
    red_persons: set[str] = field(default_factory=set)
    open_measures: int = 0
    overdue_measures: int = 0
    marks: Marks = field(default_factory=Marks)
    titles: dict[str, str] = field(default_factory=dict)

    def add(self, light: Light, status: Mapping[str, str], day: str) -> None:
        """Take one report in; ``day`` is today as an ISO date (deadlines before it are overdue)."""
        self.files += 1
        for qid, title in light.titles.items():
            self.titles.setdefault(qid, title)
        if is_rater(light.role):
            self.ratings.setdefault(light.subject, {})[light.digest] = light
            return
        self.self_files += 1
        if self.all_reports:
            self._count_self(light, set(light.scores) | {ANY_QUESTIONNAIRE}, status, day)
            return
        person = light.person
        for qid in (*light.scores, ANY_QUESTIONNAIRE):
            kept = self.latest.get((person, qid))
            if kept is None or kept.order < light.order:
                self.latest[(person, qid)] = light

    def _count_self(self, light: Light, parts: set[str], status: Mapping[str, str], day: str) -> None:
        """Count the questionnaires ``parts`` of one self-assessment (and, with :data:`ANY_QUESTIONNAIRE`, its
        problems outside any questionnaire)."""
        self.reports += 1
        self.persons.add(light.person)
        if light.name:
            self.names.add(light.name)
        for qid in light.scores:  # the report's order, not the set's: a set's order changes with the hash seed
            if qid not in parts:
                continue
            self.counts.setdefault(qid, Counter())[light.role] += 1
            overall, dims = light.scores[qid]
            if overall is not None:
                self.overall_values.setdefault(qid, []).append(overall)
            per = self.dim_values.setdefault(qid, {})
            for dim, value in dims.items():
                per.setdefault(dim, []).append(value)
            if qid in light.marks:
                self.marks.add(light.marks[qid])
        counted = [f for f in light.findings if _part(f, light) in parts]
        reds = sum(1 for f in counted if f.get("red_line") is True)
        if reds:
            self.marks.red_line_findings += reds
            self.marks.red_line_reports += 1
            self.red_persons.add(light.person)
        self._findings(counted, status, day)

    def _findings(self, findings: list[dict[str, Any]], status: Mapping[str, str], day: str) -> None:
        for f in findings:
            item = f.get("item")
            if item:
                key = f"{f.get('questionnaire')}/{item}" + (f"/{f['option']}" if f.get("option") else "")
            else:
                key = "+" + str(f["problem"]).strip()
            self.problems[key] += 1
            self.wording.setdefault(key, str(f["problem"]))
            if status.get(str(f.get("id")), "todo") not in FINISHED:
                self.open_measures += 1
                deadline = f.get("deadline")
                if isinstance(deadline, str) and deadline < day:
                    self.overdue_measures += 1

    def merge(self, other: Tally) -> None:
        """Fold another chunk's reports into this one (chunks count nothing before :meth:`finish`, except with
        ``all_reports``, whose counts add up)."""
        self.files += other.files
        for qid, title in other.titles.items():
            self.titles.setdefault(qid, title)
        for part, light in other.latest.items():
            kept = self.latest.get(part)
            if kept is None or kept.order < light.order:
                self.latest[part] = light
        self.self_files += other.self_files
        for subject, ratings in other.ratings.items():
            self.ratings.setdefault(subject, {}).update(ratings)
        self.skipped += other.skipped
        self.messages += other.messages
        self.skip_reasons.update(other.skip_reasons)
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
        self.persons |= other.persons
        self.red_persons |= other.red_persons
        self.open_measures += other.open_measures
        self.overdue_measures += other.overdue_measures

    def finish(self, status: Mapping[str, str] | None = None, day: str = "", top: int = 10) -> Summary:
        """The summary of everything taken in: each person's latest self-assessment per questionnaire, and each
        subject's ratings from :data:`MIN_RATERS` distinct raters on (with fewer, a mean, minimum, maximum or grade
        count would give a rater away: those ratings are counted as withheld, and nothing else of them is used)."""
        self._count_latest(status or {}, day)
        rated = self._count_ratings()
        self.marks.red_line_persons = len(self.red_persons)
        return Summary(
            reports=self.reports + rated.ratings,
            skipped=self.skipped,
            counts={q: dict(sorted(c.items())) for q, c in self.counts.items()},
            own=_stats(self.overall_values, self.dim_values, {q: c["self"] for q, c in self.counts.items()}),
            others=_stats(rated.overall, rated.dimensions, rated.subjects_per_q, rated.ratings_per_q),
            top_findings=[(k, self.wording[k], c) for k, c in self.problems.most_common(top)],
            open_measures=self.open_measures,
            overdue_measures=self.overdue_measures,
            names=sorted(self.names),
            marks=self.marks,
            comments={q: {d: sorted(texts) for d, texts in per.items()} for q, per in rated.comments.items()},
            withheld=rated.withheld,
            persons=len(self.persons),
            files=self.files,
            superseded=self.self_files - self.reports,
            unnamed=sum(1 for p in self.persons if p.startswith("\0")),
            subjects=rated.subjects,
            ratings=rated.ratings,
            all_reports=self.all_reports,
            skip_reasons={code: self.skip_reasons[code] for code in SKIP_CODES if self.skip_reasons[code]},
            titles=dict(sorted(self.titles.items())),
        )

    def _count_latest(self, status: Mapping[str, str], day: str) -> None:
        """Count the self-assessments kept: each report once, for the questionnaires it is the latest of."""
        parts: dict[str, tuple[Light, set[str]]] = {}
        for (_person, qid), light in sorted(self.latest.items(), key=lambda kv: (kv[0], str(kv[1].path))):
            parts.setdefault(str(light.path), (light, set()))[1].add(qid)
        for light, qids in parts.values():
            self._count_self(light, qids, status, day)
        self.latest = {}

    def _count_ratings(self) -> _Rated:
        """Count the ratings kept, subject by subject: below :data:`MIN_RATERS` distinct raters only as withheld;
        from there on their scores (one value per person rated), marks and comments."""
        rated = _Rated()
        for _subject, given in sorted(self.ratings.items()):
            for light in given.values():
                for qid in light.scores:
                    self.counts.setdefault(qid, Counter())[light.role] += 1
            if len(given) < MIN_RATERS:
                rated.withheld += len(given)
                continue
            rated.subjects += 1
            rated.ratings += len(given)
            for qid in {q for light in given.values() for q in light.scores}:
                rated.subjects_per_q[qid] += 1
            per_subject: dict[str, dict[str, list[float]]] = {}
            per_overall: dict[str, list[float]] = {}
            for light in given.values():
                for qid, (overall, dims) in light.scores.items():
                    rated.ratings_per_q[qid] += 1
                    if overall is not None:
                        per_overall.setdefault(qid, []).append(overall)
                    for dim, value in dims.items():
                        per_subject.setdefault(qid, {}).setdefault(dim, []).append(value)
                    if qid in light.marks:
                        self.marks.add(light.marks[qid])
                for qid, said in light.comments.items():
                    for dim, text in said.items():
                        rated.comments.setdefault(qid, {}).setdefault(dim, []).append(text.strip())
            rated.add_subject(per_overall, per_subject)
        self.ratings = {}
        return rated


@dataclass
class _Rated:
    """Ratings by others, counted subject by subject in :meth:`Tally.finish`."""

    withheld: int = 0
    subjects: int = 0
    ratings: int = 0
    comments: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    dimensions: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    overall: dict[str, list[float]] = field(default_factory=dict)
    subjects_per_q: Counter[str] = field(default_factory=Counter)
    ratings_per_q: Counter[str] = field(default_factory=Counter)

    def add_subject(self, overall: dict[str, list[float]], dimensions: dict[str, dict[str, list[float]]]) -> None:
        """One value per person rated: the mean of their raters, so a subject with thirty raters weighs as much as
        one with three, and nobody's marks are averaged with someone else's."""
        for qid, marks in overall.items():
            self.overall.setdefault(qid, []).append(round(statistics.fmean(marks), 2))
        for qid, by_dim in dimensions.items():
            for dim, marks in by_dim.items():
                self.dimensions.setdefault(qid, {}).setdefault(dim, []).append(round(statistics.fmean(marks), 2))


def _part(f: dict[str, Any], light: Light) -> str:
    """The questionnaire a finding belongs to within its report, or :data:`ANY_QUESTIONNAIRE`."""
    qid = f.get("questionnaire")
    return qid if isinstance(qid, str) and qid in light.scores else ANY_QUESTIONNAIRE


def skip_counts(errors: Iterable[ReportError]) -> dict[str, int]:
    """Reason code → count for the errors of files skipped, in the catalogue's order of codes."""
    from selfcheck.records.storage import skip_code

    found = Counter(skip_code(e) for e in errors)
    return {code: found[code] for code in SKIP_CODES if found[code]}


def summarise(
    reports: Iterable[Light],
    skipped: list[str],
    ledger_status: Mapping[str, str] | None = None,
    today: date | None = None,
    top: int = 10,
    *,
    all_reports: bool = False,
) -> Summary:
    """Aggregate reports already read: counts per questionnaire and role, statistics, frequent findings."""
    tally = Tally(all_reports=all_reports, skipped=list(skipped))
    day = (today or date.today()).isoformat()
    for light in reports:
        tally.add(light, ledger_status or {}, day)
    return tally.finish(ledger_status, day, top)


def _tally_files(job: tuple[list[Path], Mapping[str, str], str, bool]) -> Tally:
    """Read a chunk of files (runs in a worker process for large sets)."""
    from selfcheck.records.storage import skip_code

    paths, status, day, all_reports = job
    tally = Tally(all_reports=all_reports)
    for path in paths:
        try:
            tally.add(read_light(path), status, day)
        except ReportError as exc:
            tally.skipped.append(str(path))
            tally.messages.append(exc)
            tally.skip_reasons[skip_code(exc)] += 1
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
    paths: list[Path],
    ledger_status: Mapping[str, str] | None = None,
    today: date | None = None,
    top: int = 10,
    *,
    all_reports: bool = False,
) -> tuple[Summary, list[ReportError]]:
    """Read and aggregate report files; returns the summary and the error of each file skipped (not a report,
    unreadable, …). Per person and questionnaire the latest report counts, unless ``all_reports``."""

    status = dict(ledger_status or {})
    day = (today or date.today()).isoformat()
    workers = min(idle_cores(), 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        tally = _tally_files((paths, status, day, all_reports))
    else:
        import multiprocessing

        try:
            context = multiprocessing.get_context("fork")
        except ValueError:  # pragma: no cover - platforms without fork read in one process
            tally = _tally_files((paths, status, day, all_reports))
        else:
            size = -(-len(paths) // workers)
            jobs = [(paths[i : i + size], status, day, all_reports) for i in range(0, len(paths), size)]
            with context.Pool(workers) as pool:
                parts = pool.map(_tally_files, jobs)
            tally = parts[0]
            for part in parts[1:]:
                tally.merge(part)
    return tally.finish(status, day, top), tally.messages


def gather(sources: Iterable[Path]) -> tuple[list[Path], dict[str, str]]:
    """Report files from files and folders, and the ledger status found in those folders (finding id → status)."""
    from selfcheck.records import ledger
    from selfcheck.records.storage import report_files

    files: list[Path] = []
    status: dict[str, str] = {}
    for source in sources:
        if source.is_dir():
            files += report_files(source)  # whatever their names: members send 张三.toml
            if ledger.ledger_path(source).exists():
                status.update(ledger.load(source).finding_status())
        elif source.exists():
            files.append(source)
        else:
            raise ReportError(Msg.NO_SOURCE, path=source)
    return files, status
