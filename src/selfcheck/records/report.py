"""The report: what one run of ``selfcheck start`` keeps, as a versioned Pydantic model."""

# No ``from __future__ import annotations`` in this module: the models' annotations are objects when the classes
# are made, so pydantic does not compile and evaluate each one as text (about 5 M instructions in every process
# that reads a report).

import hashlib
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from selfcheck.i18n import Lang, Msg, t
from selfcheck.questionnaire.model import AnswerValue, Questionnaire
from selfcheck.records import codes, versions
from selfcheck.records.codes import Role

if TYPE_CHECKING:
    from selfcheck.questionnaire.profile import Who
    from selfcheck.scoring.scores import Result

SCHEMA_VERSION = versions.REPORT.current
"""What each version added, and how an older report is upgraded: :data:`selfcheck.records.versions.REPORT`."""

CAUSE_LABELS: dict[str, Msg] = {
    "lixiang": Msg.CAUSE_LIXIANG,
    "zongzhi": Msg.CAUSE_ZONGZHI,
    "dangxing": Msg.CAUSE_DANGXING,
    "nengli": Msg.CAUSE_NENGLI,
    "other": Msg.CAUSE_OTHER,
}
"""A cause's code → its name in the catalogue."""
SOURCE_LABELS: dict[str, Msg] = {
    "self": Msg.SOURCE_SELF,
    "masses": Msg.SOURCE_MASSES,
    "superior": Msg.SOURCE_SUPERIOR,
    "peers": Msg.SOURCE_PEERS,
}
"""Where a problem came from (code) → its name in the catalogue."""
ROLE_LABELS: dict[str, Msg] = {"self": Msg.ROLE_SELF, "peer": Msg.ROLE_PEER, "masses": Msg.ROLE_MASSES}
"""Who answered (a report's ``respondent.role``) → the name of that kind of report."""
Cause = Literal["lixiang", "zongzhi", "dangxing", "nengli", "other", ""]
CauseCode = Literal["lixiang", "zongzhi", "dangxing", "nengli", "other"]
Source = Literal["self", "masses", "superior", "peers", ""]
CAUSES: tuple[CauseCode, ...] = ("lixiang", "zongzhi", "dangxing", "nengli", "other")
SOURCES: tuple[Source, ...] = ("self", "masses", "superior", "peers")
Status = Literal["open", "doing", "done"]
ReviewStatus = Literal["todo", "doing", "done"]
"""What the person says in 回头看; closing (销号) is a check by someone else, recorded with ``selfcheck plan``."""
Outcome = Literal["persists", "solved", ""]
"""回头看 of a problem added by hand (no item can find it again): does it persist, or was it solved?"""


def role_label(role: str, lang: Lang) -> str:
    """自评 / 互评 / 群众评议 for a report's role; a role this version does not know is shown as it is."""
    msg = ROLE_LABELS.get(role)
    return t(msg, lang) if msg else role


class Record(BaseModel):
    """Report parts: unknown keys are refused so a hand edit that misspells a field is caught."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class Respondent(Record):
    """Who answered; ``name`` is optional so reports may stay anonymous."""

    name: str | None = None
    role: Role = "self"
    subject: str | None = None
    post: str | None = None
    """The post profile's id (leader, cadre, member); items that do not apply to it were neither asked nor scored."""
    serves_public: bool | None = None
    ballot: str | None = None
    """A rating's random token (128 bits, drawn when the rating is written): a copy of one rating shares it, two
    raters who gave the same marks do not. It says nothing about who rated."""

    @property
    def is_rater(self) -> bool:
        """Someone rating another person (``peer`` or ``masses``), not the person's own self-assessment."""
        return codes.is_rater(self.role)

    @property
    def about(self) -> str | None:
        """Whom the report is about: the respondent's own name, or the person rated."""
        return codes.about(self.role, self.name, self.subject)

    def rates(self, name: str | None) -> bool:
        """A rating of ``name`` by someone else."""
        return self.is_rater and name is not None and self.subject == name

    def same_series(self, other: "Respondent") -> bool:
        """Reports that follow one another: one's own self-assessments, or ratings of one person in one role. They
        are the pairs ``diff`` compares and the history its honest-wording notes look back over. Two self-assessments
        signed with different names are two people's (a folder the branch collects into), never one series."""
        if (self.role, self.subject) != (other.role, other.subject):
            return False
        return self.role != "self" or not self.name or not other.name or self.name == other.name


class Scores(Record):
    """Scores on 0-100; a dimension with too few answers is absent here and listed as insufficient."""

    overall: float | None = Field(default=None, ge=0, le=100)
    dimensions: dict[str, float] = Field(default_factory=dict)


class QuestionnaireResult(Record):
    """One questionnaire's answers and scores within a report."""

    title: str = ""
    version: str
    digest: str
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    skipped: list[str] = Field(default_factory=list)
    scores: Scores = Field(default_factory=Scores)
    level: str | None = None
    coverage: float = Field(default=0.0, ge=0, le=1)
    insufficient: list[str] = Field(default_factory=list)
    ratings: dict[str, int] = Field(default_factory=dict)
    """A rater's 民主测评 mark per dimension (1 = worst); abstentions are absent."""
    comments: dict[str, str] = Field(default_factory=dict)
    """A rater's optional comment per dimension."""
    red_lines: list[str] = Field(default_factory=list)
    """Red-line answers (``item`` or ``item/option``); they capped the level."""
    level_uncapped: str | None = None
    """The level the score alone gave, when a red line capped it."""
    not_applicable: list[str] = Field(default_factory=list)
    """Items that do not apply to the respondent's post: not asked, not scored."""
    no_problem: dict[str, str] = Field(default_factory=dict)
    """The problem norm: dimension → the written reason why no problem applies."""
    notes: list[str] = Field(default_factory=list)
    """Consistency notes (ids of failed checks, ``same-point``, ``all-best``); they never change a score."""
    grade: str | None = None
    """A rater's overall grade of the person (one of the questionnaire's ``grades``)."""
    disqualifiers: list[str] = Field(default_factory=list)
    """A rater's ticked disqualifying situations (option ids)."""


class Finding(Record):
    """One problem in the 问题清单 with its 查摆 details and rectification measure."""

    id: str
    questionnaire: str | None = None
    item: str | None = None
    option: str | None = None
    problem_id: str | None = None
    """A problem added by hand and carried from an earlier report keeps that problem's id here."""
    problem: str = Field(min_length=1)
    detail: str = ""
    """具体表现: the concrete instance (见人见事)."""
    causes: list[CauseCode] = Field(default_factory=list)
    cause_note: str = ""
    measure: str = ""
    deadline: str | None = None
    owner: str = ""
    source: Source = ""
    status: Status = "open"
    red_line: bool = False
    """A red-line answer's finding: it cannot be dropped."""
    dimension: str | None = None
    """For a problem named to meet the problem norm: the dimension it belongs to."""

    @model_validator(mode="before")
    @classmethod
    def _one_cause(cls, data: object) -> object:
        # Schema 1 and answers files name one cause (cause = "zongzhi"); it is the list's only entry.
        if isinstance(data, dict) and "cause" in data:
            data = dict(data)
            one = data.pop("cause")
            if "causes" not in data:
                data["causes"] = [one] if one else []
        return data

    @property
    def cause(self) -> Cause:
        """The first cause ("" when none was given): the one a finding is listed under when one is enough."""
        return self.causes[0] if self.causes else ""

    @property
    def identity(self) -> str:
        """The problem this finding is about, the same in every report that finds it.

        An item's finding: ``questionnaire/item`` (``/option`` for a checklist option that is itself a problem).
        A problem added by hand: the id it was first recorded with, kept when it is carried forward."""
        if self.item:
            return "/".join(p for p in (self.questionnaire or "", self.item, self.option or "") if p)
        return self.problem_id or self.id

    @field_validator("deadline", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        # A hand-written file may hold a TOML date (deadline = 2027-06-30) rather than a string: both are fine.
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, str):
            date.fromisoformat(value)
        return value


class ReviewEntry(Record):
    """回头看: how a measure from an earlier report went, recorded at the start of this run."""

    finding: str
    report: str
    problem_id: str = ""
    """The problem's identity (see :attr:`Finding.identity`); empty in entries upgraded from schema 1."""
    questionnaire: str | None = None
    dimension: str | None = None
    """For a problem added by hand for a dimension: where it belongs, so a carried problem stays there."""
    problem: str
    measure: str = ""
    deadline: str | None = None
    status: ReviewStatus
    evidence: str = ""
    outcome: Outcome = ""


class Report(Record):
    """A report file."""

    schema_version: int = SCHEMA_VERSION
    created: datetime
    tool_version: str
    respondent: Respondent = Field(default_factory=Respondent)
    questionnaires: dict[str, QuestionnaireResult] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)
    review: list[ReviewEntry] = Field(default_factory=list)

    @field_validator("created")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("must include a time zone (e.g. 2026-11-25T10:00:00+08:00)")
        return value


def now() -> datetime:
    """The current time, timezone-aware in the local zone."""
    return datetime.now(UTC).astimezone()


def finding_id(created: datetime, key: str) -> str:
    """A short id, stable once written and unique across reports: derived from the run's time and the key."""
    digest = hashlib.sha256(f"{created.isoformat()}|{key}".encode()).hexdigest()
    return f"F{digest[:7]}"


def result_for(
    q: Questionnaire,
    answers: dict[str, AnswerValue],
    skipped: list[str],
    result: "Result",
    ratings: dict[str, int] | None = None,
    comments: dict[str, str] | None = None,
    who: "Who | None" = None,
) -> QuestionnaireResult:
    """The report's table for one questionnaire from its answers and score."""
    from selfcheck.questionnaire.profile import applies
    from selfcheck.scoring.notes import consistency_notes, rating_notes

    capped = result.band is not result.uncapped and result.uncapped is not None
    return QuestionnaireResult(
        red_lines=result.red_lines,
        level_uncapped=result.uncapped.label if capped and result.uncapped else None,
        not_applicable=[i.id for i in q.items if not applies(i, who)],
        notes=consistency_notes(q, answers, who) if ratings is None else rating_notes(q, ratings),
        ratings=ratings or {},
        comments=comments or {},
        title=q.title,
        version=q.version,
        digest=q.digest(),
        answers=answers,
        skipped=skipped,
        scores=Scores(
            overall=result.overall,
            dimensions={k: d.score for k, d in result.dimensions.items() if d.score is not None},
        ),
        level=result.band.label if result.band else None,
        coverage=round(result.coverage, 4),
        insufficient=[k for k, d in result.dimensions.items() if d.insufficient],
    )


def to_toml_data(report: Report) -> dict[str, Any]:
    """The report as plain data for tomli-w (None values left out: TOML has no null)."""
    return report.model_dump(mode="python", exclude_none=True)


def build(
    questionnaires: list[Questionnaire],
    answers: dict[str, dict[str, AnswerValue]],
    skipped: dict[str, list[str]],
    findings: list[Finding],
    *,
    name: str | None,
    created: datetime,
    tool_version: str,
    respondent: Respondent | None = None,
    review: list[ReviewEntry] | None = None,
    ratings: dict[str, dict[str, int]] | None = None,
    comments: dict[str, dict[str, str]] | None = None,
    no_problem: dict[str, dict[str, str]] | None = None,
    grades: dict[str, dict[str, Any]] | None = None,
) -> Report:
    """Score every questionnaire and assemble the report; ``ratings`` and ``grades`` only for raters.

    ``no_problem``: per questionnaire, the written reasons why a dimension names no problem (the problem norm);
    ``grades``: per questionnaire, a rater's ``{"grade": …, "disqualifiers": [...]}``."""
    from selfcheck.questionnaire.profile import Who
    from selfcheck.scoring.scores import score

    person = respondent or Respondent(name=name or None)
    if person.is_rater and not person.ballot:  # each rating counts once, however many copies of its file
        import secrets

        person = person.model_copy(update={"ballot": secrets.token_hex(16)})
    who = None if person.is_rater else Who(person.post, person.serves_public)
    results = {}
    for q in questionnaires:
        given = answers.get(q.id, {})
        marks = None if ratings is None else ratings.get(q.id, {})
        result = result_for(
            q, given, skipped.get(q.id, []), score(q, given, marks, who), marks, (comments or {}).get(q.id), who
        )
        extra: dict[str, Any] = {"no_problem": (no_problem or {}).get(q.id, {}), **(grades or {}).get(q.id, {})}
        results[q.id] = result.model_copy(update=extra)
    return Report(
        created=created,
        tool_version=tool_version,
        respondent=person,
        questionnaires=results,
        findings=findings,
        review=review or [],
    )
