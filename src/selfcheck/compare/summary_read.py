"""The summary's fast reader: from each report only the fields a summary counts, each checked for its type, and no
model validation — reading is the summary's cost (see :mod:`selfcheck.compare.summary`). A file the full reader
refuses is refused here too, naming the file and the field; ``tests/test_organisation.py`` compares the two."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from selfcheck.errors import ReportError
from selfcheck.files.tomlfile import read_toml
from selfcheck.i18n import Msg, Phrase
from selfcheck.records.codes import is_rater


@dataclass
class Marks:
    """#14's counts: red lines, written reasons in place of problems, consistency notes, raters' grades.

    Counted, never named: a summary shows how many, not whose."""

    red_line_findings: int = 0
    red_line_reports: int = 0
    """Reports counted that hold a red-line finding."""
    red_line_persons: int = 0
    """Persons counted with a red-line finding."""
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
        self.red_line_persons += other.red_line_persons
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
            "persons_with_red_lines": self.red_line_persons,
            "no_problem_statements": self.no_problem,
            "consistency_notes": self.notes,
            "raters_all_top": self.all_top_raters,
            "grades": {qid: dict(c.most_common()) for qid, c in self.grades.items()},
        }


def _marks(tables: dict[str, Any], role: str) -> dict[str, Marks]:
    """The counts each questionnaire of one report adds (red lines are counted from the findings counted);
    fields of the wrong type count as absent (the report model checks them)."""
    from selfcheck.scoring.notes import ALL_TOP

    out: dict[str, Marks] = {}
    for qid, table in tables.items():
        marks = out[qid] = Marks()
        reasons, notes, grade = table.get("no_problem"), table.get("notes"), table.get("grade")
        marks.no_problem += len(reasons) if isinstance(reasons, dict) else 0
        if isinstance(notes, list):
            marks.notes += 0 if is_rater(role) else len(notes)
            marks.all_top_raters += int(is_rater(role) and ALL_TOP in notes)
        if isinstance(grade, str) and is_rater(role):
            marks.grades.setdefault(qid, Counter())[grade] += 1
    return out


@dataclass(slots=True)
class Light:
    """What the summary needs from one report."""

    path: Path
    created: datetime
    name: str | None
    role: str
    scores: dict[str, tuple[float | None, dict[str, float]]]
    findings: list[dict[str, Any]]
    marks: dict[str, Marks] = field(default_factory=dict)
    """Per questionnaire: written reasons, consistency notes, a rater's grade and all-top note."""
    comments: dict[str, dict[str, str]] = field(default_factory=dict)
    """A rater's comments per questionnaire and dimension (self-assessments have none)."""
    subject: str = ""
    """For a rating: the person rated."""
    digest: str = ""
    """Of the report's content: the same rating copied under two names counts once."""
    titles: dict[str, str] = field(default_factory=dict)
    """The questionnaires' titles as the report keeps them (for one no questionnaire file describes)."""

    @property
    def person(self) -> str:
        """Who answered: the name; a report without one stands for a person of its own (its path)."""
        name = (self.name or "").strip()
        return name if name else f"\0{self.path}"

    @property
    def order(self) -> tuple[float, str]:
        """Newer reports sort later; the path settles a tie, so that any reading order picks the same one. (A
        time without a zone, which the full reader refuses, is taken as local time rather than stop the count.)"""
        return self.created.timestamp(), str(self.path)


def _ballot(respondent: dict[str, Any]) -> str:
    """A rating's token: copies of one rating share it (see ``Respondent.ballot``); older ratings have none."""
    ballot = respondent.get("ballot")
    return ballot if isinstance(ballot, str) else ""


def _digest(data: dict[str, Any]) -> str:
    import hashlib
    import json

    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _fail(path: Path, where: str, what: Msg, **values: object) -> ReportError:
    """``path: field: what is wrong`` (the fast reader names the field like the full one)."""
    return ReportError(Msg.LIGHT_PROBLEM, path=path, where=where, what=Phrase(what, **values))


def read_light(path: Path) -> Light:
    """Read the parts of a report the summary uses; a :class:`ReportError` names the file and field (or says the
    file is no report at all: a folder may hold other TOML files)."""
    from selfcheck.records import versions
    from selfcheck.records.storage import is_report_data

    # Regular files only, size limited. Nesting is not walked: this reader looks up fixed paths and checks each
    # value's type, so whatever a hostile file nests below them is never descended into. The version is checked
    # and an older report upgraded as the full reader does.
    data = read_toml(path, Msg.WHAT_REPORT, ReportError, walked=False)
    if not is_report_data(data):
        raise ReportError(Msg.NOT_A_REPORT, path=path)
    data = versions.upgrade(versions.REPORT, data, path)
    created = data.get("created")
    if not isinstance(created, datetime):
        raise _fail(path, "created", Msg.LIGHT_NOT_DATETIME)
    if created.tzinfo is not None:  # rtoml's own zone cannot cross to the parent process of a parallel read
        created = created.astimezone(UTC)
    respondent = data.get("respondent", {})
    if not isinstance(respondent, dict):
        raise _fail(path, "respondent", Msg.LIGHT_NOT_TABLE)
    tables = data.get("questionnaires", {})
    if not isinstance(tables, dict):
        raise _fail(path, "questionnaires", Msg.LIGHT_NOT_TABLE)
    scores, comments, titles = _questionnaires(path, tables)
    findings = data.get("findings", [])
    if not isinstance(findings, list) or not all(isinstance(f, dict) and "problem" in f for f in findings):
        raise _fail(path, "findings", Msg.LIGHT_BAD_FINDINGS)
    name = respondent.get("name")
    role = str(respondent.get("role", "self"))
    subject = respondent.get("subject")
    return Light(
        path,
        created,
        name if isinstance(name, str) else None,
        role,
        scores,
        findings,
        _marks(tables, role),
        comments if is_rater(role) else {},
        subject=subject if isinstance(subject, str) else "",
        digest=_ballot(respondent) or _digest(data) if is_rater(role) else "",
        titles=titles,
    )


Scores = dict[str, tuple[float | None, dict[str, float]]]
"""Questionnaire id → (overall, dimension → score)."""


def _questionnaires(path: Path, tables: dict[str, Any]) -> tuple[Scores, dict[str, dict[str, str]], dict[str, str]]:
    """Per questionnaire: the scores (refused by field when of the wrong type), the comments and the stored title."""
    scores: Scores = {}
    comments: dict[str, dict[str, str]] = {}
    titles: dict[str, str] = {}
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
        title = table.get("title")
        if isinstance(title, str) and title:
            titles[qid] = title
        said = table.get("comments", {})
        if isinstance(said, dict) and said:
            comments[qid] = {str(k): v for k, v in said.items() if isinstance(v, str) and v.strip()}
    return scores, comments, titles
