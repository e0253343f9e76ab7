"""Draft file names: whose draft it is and for which questionnaires (stdlib only: the first prompt stays light)."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from selfcheck.files.paths import DRAFT_NAME
from selfcheck.records.codes import is_rater

PREFIX = "draft-"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


def _rater(role: str, subject: str | None) -> str:
    """A rater's drafts for one subject: told apart by the account they use (a shared folder on a network drive),
    hashed, so that no name is written anywhere."""
    import getpass

    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # pragma: no cover - no user name in the environment or the password file
        user = ""
    return f"{PREFIX}{role}-{_digest(user, subject or '')}-"


def new_path(folder: Path, role: str, subject: str | None, ids: list[str]) -> Path:
    """Where a new draft is saved. The person's own: one per questionnaire set. A rater's: a new file every time,
    so that a rater never continues, overwrites or sees another rater's draft, even on a shared account."""
    if not is_rater(role):
        return folder / f"{PREFIX}self-{_digest(*sorted(ids))}.toml"
    return folder / f"{_rater(role, subject)}{_digest(*sorted(ids))}-{secrets.token_hex(4)}.toml"


def candidates(folder: Path, role: str, subject: str | None, ids: list[str] | None) -> list[Path]:
    """Existing drafts that may be this person's for this role, subject and set, newest first (their content is
    checked on load). The old single ``draft.toml`` comes last."""
    if not is_rater(role) and ids:
        found = [new_path(folder, role, subject, ids)]
    else:
        prefix = _rater(role, subject) if is_rater(role) else f"{PREFIX}self-"
        found = list(folder.glob(f"{prefix}*.toml")) if folder.is_dir() else []
    found = sorted((p for p in found if p.is_file()), key=_mtime, reverse=True)
    legacy = folder / DRAFT_NAME
    return [*found, legacy] if legacy.exists() else found  # a pipe here is named as one, not skipped


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # pragma: no cover - removed between the listing and now
        return 0.0
