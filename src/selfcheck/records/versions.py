"""Schema versions of every file selfcheck writes and reads back, in one table: which versions are readable, how an
older file is brought up to date, and the one refusal of a newer file.

A file kind names its current version and one upgrade step per older version (version → the data of the next
version). Reading a file: :func:`upgrade` checks its ``schema_version`` and runs the steps in memory; the file on disk
is rewritten only when selfcheck next saves it. A version newer than this selfcheck knows is refused with
:attr:`Msg.SCHEMA_NEWER`, naming the file and saying to upgrade selfcheck; a missing or malformed one with
:attr:`Msg.SCHEMA_MISSING` (or taken as current where the file kind allows leaving it out)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from selfcheck.errors import ReportError
from selfcheck.i18n import Msg, Phrase

Step = Callable[[dict[str, Any], Path], dict[str, Any]]
"""One upgrade: the data of version n (and the file's path) → the data of version n + 1."""


class FileKind(NamedTuple):
    """One kind of file and its versions. (A named tuple: a frozen dataclass compiles its methods from source when
    the class is made, in every command that reads a file.)"""

    what: Msg
    """The file kind in words (WHAT_REPORT …), for messages."""
    current: int
    """The version selfcheck writes."""
    steps: Mapping[int, Step]
    """Version n → the step to n + 1, for every readable version below :attr:`current`."""
    assumed: int | None = None
    """The version of a file that names none; None: the file must name its version."""

    @property
    def readable(self) -> range:
        """The versions this selfcheck reads: the oldest it can upgrade up to the current one."""
        return range(min(self.steps, default=self.current), self.current + 1)


def version_of(kind: FileKind, data: Mapping[str, Any], path: Path | str) -> int:
    """The file's schema version, once it is known to be readable; a :class:`ReportError` names the file otherwise."""
    version = data.get("schema_version", kind.assumed)
    if not isinstance(version, int) or isinstance(version, bool):
        raise ReportError(Msg.SCHEMA_MISSING, path=path, what=Phrase(kind.what))
    if version > kind.current:
        raise ReportError(Msg.SCHEMA_NEWER, path=path, version=version, known=kind.current, what=Phrase(kind.what))
    if version not in kind.readable:
        raise ReportError(Msg.SCHEMA_INVALID, path=path, version=version)
    return version


def upgrade(kind: FileKind, data: dict[str, Any], path: Path) -> dict[str, Any]:
    """``data`` brought up to the current version, one step per version (unchanged when it is current)."""
    version = version_of(kind, data, path)
    if version == kind.current:
        return data
    while version < kind.current:
        data = kind.steps[version](data, path)
        version += 1
    return {**data, "schema_version": version}


# ---- the report (and the answers file, which has the report's layout) ----


def _report_1_to_2(data: dict[str, Any], _path: Path) -> dict[str, Any]:
    """Schema 1 → 2 only added fields, each with a default (no red lines, no post, no notes): nothing to move."""
    return data


def _report_2_to_3(data: dict[str, Any], _path: Path) -> dict[str, Any]:
    """Schema 2 → 3: one ``cause`` becomes the list ``causes``; nothing else needs rewriting."""
    findings = data.get("findings")
    if isinstance(findings, list):
        data = {**data, "findings": [_causes_list(f) for f in findings]}
    return data


def _causes_list(finding: object) -> object:
    if not isinstance(finding, dict) or "cause" not in finding:
        return finding
    out = {k: v for k, v in finding.items() if k != "cause"}
    out["causes"] = [finding["cause"]] if finding["cause"] else []
    return out


def _report_3_to_4(data: dict[str, Any], _path: Path) -> dict[str, Any]:
    """Schema 3 → 4 only added a rating's ``respondent.ballot``; an older rating has none and is told apart by its
    content, as before."""
    return data


REPORT = FileKind(Msg.WHAT_REPORT, 4, {1: _report_1_to_2, 2: _report_2_to_3, 3: _report_3_to_4})
"""2: red lines, the post profile, the problem norm's written reasons, consistency notes, raters' grades.
3: findings carry ``causes`` (a list; was ``cause``) and ``problem_id`` for carried problems; review entries name
the problem they are about (``problem_id``) and, for a problem added by hand, whether it persists (``outcome``).
4: a rating carries a random ``respondent.ballot``, so that copies of one file count once and raters who gave the same
marks count apart."""

ANSWERS = FileKind(Msg.WHAT_ANSWERS, REPORT.current, REPORT.steps, assumed=REPORT.current)
"""An answers file is written by hand, or is a past report: its version may be left out."""


# ---- the ledger ----


def _ledger_1_to_2(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Schema 1 kept a status per finding; 2 keeps one entry per problem, rebuilt from the reports beside it."""
    from selfcheck.records.ledger_upgrade import from_v1

    return from_v1(data, path.parent, path).model_dump(mode="python", exclude_none=True)


LEDGER = FileKind(Msg.WHAT_LEDGER, 2, {1: _ledger_1_to_2}, assumed=2)


# ---- the draft ----


def _draft_1_to_2(data: dict[str, Any], _path: Path) -> dict[str, Any]:
    """Schema 1 → 2 only added ``partial`` (the lines of a 查摆 or 回头看 record left half-way)."""
    return data


DRAFT = FileKind(Msg.WHAT_DRAFT, 2, {1: _draft_1_to_2}, assumed=1)

FILE_KINDS = {"report": REPORT, "answers": ANSWERS, "ledger": LEDGER, "draft": DRAFT}
"""Every file kind selfcheck reads back. The summary's fast reader reads reports, so it uses :data:`REPORT`."""
