"""The ballot box: which codes are still open, the CSRF token of each, and accepting a ballot exactly once.

Codes are kept only as hashes, and only in memory: the printed slips are the one place they exist in full. A code is
claimed and the ballot written under one lock, so two submissions with the same code cannot both count, and a
ballot that could not be written gives its code back.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.collect.ballot import Problem, Role, normalise_code, read_ballot, to_reports
from selfcheck.collect.form import Column, columns

if TYPE_CHECKING:
    from selfcheck.questionnaire.model import Questionnaire

CODE_FIELD = "code"
TOKEN_FIELD = "csrf"


class Outcome(Enum):
    """What became of a submission; the web app words it."""

    ACCEPTED = "accepted"
    NO_CODE = "no-code"
    UNKNOWN_CODE = "unknown-code"
    USED_CODE = "used-code"
    BAD_TOKEN = "bad-token"
    INVALID = "invalid"


def _digest(code: str) -> bytes:
    return hashlib.sha256(code.encode("ascii", "replace")).digest()


@dataclass
class Box:
    """The state of one ``selfcheck collect`` run."""

    form: Questionnaire
    subjects: list[str]
    role: Role
    folder: Path
    codes: Sequence[str]
    day: date = field(default_factory=date.today)
    cols: list[Column] = field(init=False)
    accepted: int = field(init=False, default=0)
    reports: int = field(init=False, default=0)
    failures: int = field(init=False, default=0)
    """Ballots that could not be written (the disk); their codes stay open."""
    _open: set[bytes] = field(init=False)
    _used: set[bytes] = field(init=False, default_factory=set)
    _secret: bytes = field(init=False, default_factory=lambda: secrets.token_bytes(32))
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.cols = columns(self.form)
        self._open = {_digest(normalise_code(c)) for c in self.codes}
        self.codes = ()  # the box keeps hashes only

    @property
    def expected(self) -> int:
        """How many ballots there are codes for."""
        return len(self._open) + len(self._used)

    def status(self, code: str) -> Outcome:
        """Whether ``code`` may still cast a ballot (ACCEPTED), was used, or is unknown."""
        key = _digest(normalise_code(code))
        if not code:
            return Outcome.NO_CODE
        if key in self._used:
            return Outcome.USED_CODE
        return Outcome.ACCEPTED if key in self._open else Outcome.UNKNOWN_CODE

    def token(self, code: str) -> str:
        """The CSRF token of the ballot page for ``code``: only a page this server gave out can submit it."""
        return hmac.new(self._secret, b"ballot|" + normalise_code(code).encode(), hashlib.sha256).hexdigest()

    def submit(self, fields: Mapping[str, Sequence[str]]) -> tuple[Outcome, list[Problem]]:
        """Check a submitted ballot, claim its code and write its reports, all or nothing."""
        from selfcheck.records.storage import write_report

        code = normalise_code((fields.get(CODE_FIELD) or [""])[0])
        token = (fields.get(TOKEN_FIELD) or [""])[0]
        if not code:
            return Outcome.NO_CODE, []
        if not hmac.compare_digest(token.encode(), self.token(code).encode()):
            return Outcome.BAD_TOKEN, []
        situations = [d.id for d in self.form.disqualifiers]
        ballot, problems = read_ballot(fields, self.subjects, self.cols, (CODE_FIELD, TOKEN_FIELD), situations)
        if problems:
            return Outcome.INVALID, problems
        reports = to_reports(self.form, ballot, self.role, self.day)
        key = _digest(code)
        with self._lock:
            state = self.status(code)
            if state is not Outcome.ACCEPTED:
                return state, []
            self._open.discard(key)
            self._used.add(key)
            written: list[Path] = []
            try:
                for report in reports:
                    written.append(write_report(report, self.folder))
            except BaseException:
                # Nothing half-counted: this ballot's files go and the code opens again, so it can be cast anew.
                for path in written:
                    path.unlink(missing_ok=True)
                self._used.discard(key)
                self._open.add(key)
                self.failures += 1
                raise
            self.accepted += 1
            self.reports += len(reports)
        return Outcome.ACCEPTED, []
