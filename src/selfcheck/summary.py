"""The organisation's view (组织严管): many reports summarised. Built for thousands of files.

Reading is the cost: rtoml parses a report about ten times faster than tomllib (see :mod:`selfcheck.tomlfile`),
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

from selfcheck.errors import ReportError
from selfcheck.tomlfile import MAX_FILE_BYTES, parse_toml

BINS = 5
"""The distribution bar splits 0-100 into this many equal bins."""


@dataclass(slots=True)
class Light:
    """What the summary needs from one report."""

    path: Path
    created: datetime
    name: str | None
    role: str
    scores: dict[str, tuple[float | None, dict[str, float]]]
    findings: list[dict[str, Any]]


def _fail(path: Path, where: str, what: str) -> ReportError:
    return ReportError(f"{path}: {where}: {what}.")


def read_light(path: Path) -> Light:
    """Read the parts of a report the summary uses; a :class:`ReportError` names the file and field."""
    from selfcheck.report import SCHEMA_VERSION

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _fail(path, "(file)", "larger than 2 MB; not a report")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(path, "(file)", "not UTF-8 text") from None
    except OSError as exc:
        raise _fail(path, "(file)", f"cannot read: {exc.strerror}") from None
    data = parse_toml(text, path, ReportError)
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= SCHEMA_VERSION:
        raise _fail(path, "schema_version", f"unsupported value {version!r}")
    created = data.get("created")
    if not isinstance(created, datetime):
        raise _fail(path, "created", "missing or not a date-time")
    respondent = data.get("respondent", {})
    if not isinstance(respondent, dict):
        raise _fail(path, "respondent", "not a table")
    tables = data.get("questionnaires", {})
    if not isinstance(tables, dict):
        raise _fail(path, "questionnaires", "not a table")
    scores: dict[str, tuple[float | None, dict[str, float]]] = {}
    for qid, table in tables.items():
        raw = table.get("scores", {}) if isinstance(table, dict) else None
        if not isinstance(raw, dict):
            raise _fail(path, f"questionnaires.{qid}.scores", "not a table")
        overall = raw.get("overall")
        dims = raw.get("dimensions", {})
        if overall is not None and (not isinstance(overall, int | float) or isinstance(overall, bool)):
            raise _fail(path, f"questionnaires.{qid}.scores.overall", "not a number")
        if not isinstance(dims, dict) or not all(isinstance(v, int | float) for v in dims.values()):
            raise _fail(path, f"questionnaires.{qid}.scores.dimensions", "not a table of numbers")
        scores[qid] = (overall, dims)
    findings = data.get("findings", [])
    if not isinstance(findings, list) or not all(isinstance(f, dict) and "problem" in f for f in findings):
        raise _fail(path, "findings", "not a list of findings with a problem")
    name = respondent.get("name")
    return Light(
        path, created, name if isinstance(name, str) else None, str(respondent.get("role", "self")), scores, findings
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
        }
        if names:
            out["names"] = self.names
        return out


def summarise(
    reports: Iterable[Light],
    skipped: list[str],
    ledger_status: Mapping[str, str] | None = None,
    today: date | None = None,
    top: int = 10,
) -> Summary:
    """Aggregate reports: counts per questionnaire and role, score statistics, frequent findings, measures."""
    counts: dict[str, Counter[str]] = {}
    dim_values: dict[str, dict[str, list[float]]] = {}
    overall_values: dict[str, list[float]] = {}
    problems: Counter[str] = Counter()
    wording: dict[str, str] = {}
    names: set[str] = set()
    open_n = overdue = n = 0
    status = ledger_status or {}
    day = (today or date.today()).isoformat()
    for light in reports:
        n += 1
        if light.name:
            names.add(light.name)
        for qid, (overall, dims) in light.scores.items():
            counts.setdefault(qid, Counter())[light.role] += 1
            if overall is not None:
                overall_values.setdefault(qid, []).append(overall)
            per = dim_values.setdefault(qid, {})
            for dim, value in dims.items():
                per.setdefault(dim, []).append(value)
        for f in light.findings:
            item = f.get("item")
            key = (
                f"{f.get('questionnaire')}/{item}" + (f"/{f['option']}" if f.get("option") else "")
                if item
                else ("+" + str(f["problem"]).strip())
            )
            problems[key] += 1
            wording.setdefault(key, str(f["problem"]))
            if light.role == "self" and status.get(str(f.get("id")), "todo") != "done":
                open_n += 1
                deadline = f.get("deadline")
                if isinstance(deadline, str) and deadline < day:
                    overdue += 1
    return Summary(
        reports=n,
        skipped=skipped,
        counts={q: dict(sorted(c.items())) for q, c in counts.items()},
        dimensions={q: {d: spread(v) for d, v in dims.items()} for q, dims in dim_values.items()},
        overall={q: spread(v) for q, v in overall_values.items()},
        top_findings=[(k, wording[k], c) for k, c in problems.most_common(top)],
        open_measures=open_n,
        overdue_measures=overdue,
        names=sorted(names),
    )
