"""The draft of an interview in progress, saved after every answer so that nothing typed is lost."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from selfcheck.errors import ReportError
from selfcheck.files import exact
from selfcheck.files.paths import DRAFT_NAME
from selfcheck.files.tomlfile import dump_toml, first_problem, read_toml
from selfcheck.questionnaire.model import AnswerValue
from selfcheck.records.report import Finding, ReviewEntry
from selfcheck.records.storage import atomic_write, private_dir


class Draft(BaseModel):
    """Everything needed to resume: which questionnaires, the answers so far, the 查摆 records so far."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: int = 1
    created: datetime
    name: str | None = None
    lang: Literal["zh", "en"] = "zh"
    questionnaires: list[str]
    files: dict[str, str] = Field(default_factory=dict)
    """Custom questionnaire files by id, so ``--resume`` can load them again."""
    digests: dict[str, str] = Field(default_factory=dict)
    answers: dict[str, dict[str, AnswerValue]] = Field(default_factory=dict)
    skipped: dict[str, list[str]] = Field(default_factory=dict)
    role: Literal["self", "peer", "masses"] = "self"
    subject: str | None = None
    """For raters: the person rated. A rater's own name is never stored."""
    phase: Literal["review", "questions", "findings", "extra", "norm", "ratings"] = "review"
    findings: list[Finding] = Field(default_factory=list)
    review: list[ReviewEntry] = Field(default_factory=list)
    ratings: dict[str, dict[str, int]] = Field(default_factory=dict)
    comments: dict[str, dict[str, str]] = Field(default_factory=dict)
    post: str | None = None
    """The respondent's post (profile id), asked once before the first questionnaire."""
    serves_public: bool | None = None
    noted: list[str] = Field(default_factory=list)
    """Questionnaires whose consistency notes were shown (they are shown once)."""
    no_problem: dict[str, dict[str, str]] = Field(default_factory=dict)
    """The problem norm: per questionnaire, dimension → the written reason why no problem applies."""
    grades: dict[str, dict[str, str | list[str]]] = Field(default_factory=dict)
    """A rater's overall grade and ticked disqualifiers, per questionnaire."""
    rated: list[str] = Field(default_factory=list)
    """``qid/dimension`` pairs already asked in the 民主测评 step (so a resume does not ask them again)."""


def draft_path(folder: Path) -> Path:
    """Where the draft lives: beside the reports."""
    return folder / DRAFT_NAME


def save(draft: Draft, folder: Path) -> None:
    """Save the draft atomically (0600, in a 0700 folder)."""
    private_dir(folder)
    atomic_write(draft_path(folder), dump_toml(draft.model_dump(mode="python", exclude_none=True)))


def load(folder: Path) -> Draft | None:
    """The saved draft, or None when there is none."""
    path = draft_path(folder)
    if not path.exists():
        return None
    data = read_toml(path, "draft", ReportError)
    try:
        return exact.validate(Draft, data)
    except ValidationError as exc:
        raise ReportError(
            f"{path}: {first_problem(exc)}. The draft is damaged; fix or delete the file to start again."
        ) from None


def remove(folder: Path) -> None:
    """Delete the draft once its report is written."""
    draft_path(folder).unlink(missing_ok=True)
