"""The draft of an interview in progress, saved after every answer so that nothing typed is lost."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from selfcheck.errors import ReportError
from selfcheck.files import exact
from selfcheck.files.tomlfile import dump_toml, first_problem, read_toml
from selfcheck.i18n import Msg
from selfcheck.questionnaire.model import AnswerValue
from selfcheck.records import draftname, versions
from selfcheck.records.codes import Role, is_rater
from selfcheck.records.report import Finding, ReviewEntry
from selfcheck.records.storage import atomic_write, private_dir


class Draft(BaseModel):
    """Everything needed to resume: which questionnaires, the answers so far, the 查摆 records so far."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: int = versions.DRAFT.current
    created: datetime
    name: str | None = None
    lang: Literal["zh", "en"] = "zh"
    questionnaires: list[str]
    files: dict[str, str] = Field(default_factory=dict)
    """Custom questionnaire files by id, so ``--resume`` can load them again."""
    digests: dict[str, str] = Field(default_factory=dict)
    answers: dict[str, dict[str, AnswerValue]] = Field(default_factory=dict)
    skipped: dict[str, list[str]] = Field(default_factory=dict)
    role: Role = "self"
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
    partial: dict[str, dict[str, str]] = Field(default_factory=dict)
    """Lines typed into a 查摆 or 回头看 form that was left unfinished (form key → field → line): offered again on
    resume, so quitting at 责任人 does not lose a long 具体表现."""


def _matches(saved: Draft, role: str, subject: str | None, ids: list[str] | None) -> bool:
    """The draft's own content agrees with what was asked (a renamed or copied file is not trusted)."""
    if saved.role != role or (is_rater(role) and (saved.subject or "") != (subject or "")):
        return False
    return ids is None or sorted(saved.questionnaires) == sorted(ids)


def find(folder: Path, role: str, subject: str | None, ids: list[str] | None) -> tuple[Path, Draft] | None:
    """The newest draft of this role, subject (and rater) and, when given, questionnaire set; None when none."""
    for path in draftname.candidates(folder, role, subject, ids):
        saved = load(path)
        if _matches(saved, role, subject, ids or None):
            return path, saved
    return None


def save(draft: Draft, path: Path) -> None:
    """Save the draft atomically (0600, in a 0700 folder)."""
    private_dir(path.parent)
    atomic_write(path, dump_toml(draft.model_dump(mode="python", exclude_none=True)))


def load(path: Path) -> Draft:
    """The draft saved at ``path``; a damaged one is an error that says to fix or delete it."""
    data = versions.upgrade(versions.DRAFT, read_toml(path, Msg.WHAT_DRAFT, ReportError), path)
    try:
        return exact.validate(Draft, data)
    except ValidationError as exc:
        raise ReportError(Msg.DRAFT_DAMAGED, path=path, problem=first_problem(exc)) from None


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Keep the draft to this process while its interview runs: a second ``--resume`` of it is refused."""
    from filelock import FileLock, Timeout

    private_dir(path.parent)
    lock = FileLock(path.parent / f".{path.name}.lock", timeout=0, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise ReportError(Msg.DRAFT_IN_USE, path=path) from None
    try:
        yield
    finally:
        lock.release()
        with contextlib.suppress(OSError):
            if not path.exists():
                os.unlink(lock.lock_file)


def claim(path: Path) -> Path:
    """Take the draft for its report by an atomic rename: only one process can, so one draft makes one report."""
    taken = path.with_name(f".{path.name}.{os.getpid()}.claimed")
    try:
        os.rename(path, taken)
    except FileNotFoundError:
        raise ReportError(Msg.DRAFT_TAKEN, path=path) from None
    return taken


def release(taken: Path, path: Path) -> None:
    """Give a claimed draft back (the report could not be written), so that nothing typed is lost."""
    with contextlib.suppress(OSError):
        os.rename(taken, path)


def remove(path: Path) -> None:
    """Delete a draft (discarded, or its report written)."""
    path.unlink(missing_ok=True)
