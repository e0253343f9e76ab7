"""Files on disk: atomic private writes, and the reports folder (list, resolve, read, write)."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from selfcheck.errors import ReportError, UsageError
from selfcheck.files import exact, paths
from selfcheck.files.tomlfile import dump_toml, first_problem, read_toml
from selfcheck.i18n import Msg

if TYPE_CHECKING:
    from selfcheck.records.report import Report

REPORT_GLOB = "selfcheck-*.toml"


def private_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) readable by the owner only. An existing folder keeps its mode: it may be
    one the person chose with ``--dir`` (even the current folder), which is theirs to manage."""
    try:
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask only downward; be exact
    except OSError as exc:
        raise ReportError(Msg.FOLDER_CREATE_FAILED, path=folder, reason=exc.strerror) from None
    return folder


STALE_TMP_SECONDS = 3600
"""A temp file older than this was left by a process that was killed mid-write; the next write removes it."""


def _clean_stale(folder: Path) -> None:
    """Remove temp files (``.name.XXXX.tmp``) that a killed writer left behind long ago."""
    cutoff = time.time() - STALE_TMP_SECONDS
    with contextlib.suppress(OSError):
        for tmp in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                if tmp.is_file() and tmp.stat().st_mtime < cutoff:
                    tmp.unlink()


def _write_temp(path: Path, data: bytes) -> str:
    """``data`` in a synced, 0600 temp file beside ``path``; its name. Nothing is left behind on failure
    (a full disk or a read-only folder raises OSError, which the command boundary words as one line)."""
    import tempfile  # here: commands that only read reports never need it

    _clean_stale(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # make the rename itself durable; not possible on every platform
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, never a mix (mode 0600).

    The folder must exist; private data goes through :func:`private_dir` first."""
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_dir(path.parent)


def claim_write(candidates: Iterable[Path], data: bytes) -> Path:
    """Write ``data`` under the first of ``candidates`` that does not exist yet, claimed atomically, and return it.

    The complete file is linked to its name (``os.link`` fails when the name is taken), so two processes that
    pick the same name at once both succeed, under different names, and a reader never sees half a file. On a
    file system without hard links the name is claimed with ``O_EXCL`` instead."""
    names = iter(candidates)
    first = next(names)
    tmp = _write_temp(first, data)
    try:
        for path in itertools.chain([first], names):
            try:
                os.link(tmp, path)
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.ENOSYS):
                    raise
                if not _claim_excl(path, data):
                    continue
            _sync_dir(path.parent)
            return path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    raise FileExistsError(errno.EEXIST, "every name is taken", str(first))  # pragma: no cover - endless names


def _claim_excl(path: Path, data: bytes) -> bool:
    """Create ``path`` exclusively and write ``data`` into it; False when the name is taken."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    return True


def reports_dir(override: Path | None = None) -> Path:
    """The folder reports go to: ``--dir``, else ``$SELFCHECK_HOME/reports``, else the user data folder."""
    return override if override is not None else paths.data_dir()


# Patterns as text, compiled by re on first use (and cached there): a command that lists no folder compiles none.
_COLLISION = r"^(?P<base>.+?)(?:\.(?P<n>\d+))?\.toml$"


def _order(path: Path) -> tuple[str, int]:
    """Sort key: the name (starting with the timestamp), then the collision number (x.2.toml after x.toml)."""
    match = re.match(_COLLISION, path.name)
    if match is None:  # pragma: no cover - the glob only yields *.toml
        return path.name, 0
    base = match["base"]
    if re.match(_DAY_ONLY, base):  # a rating keeps the day only: it sorts as made at midnight, not after the whole day
        base = f"{base[:19]}000000-{base[19:]}"
    return base, int(match["n"] or 1)


_DAY_ONLY = r"selfcheck-\d{8}-(?!\d{6}-)"


def list_reports(folder: Path) -> list[Path]:
    """Report files in ``folder``, oldest first (names start with a sortable timestamp)."""
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob(REPORT_GLOB) if p.is_file()), key=_order)


def report_files(folder: Path) -> list[Path]:
    """Every ``.toml`` file in ``folder`` that may be a report, whatever its name: members send theirs as
    ``张三.toml``. Passed over are the folder's own bookkeeping (the ledger, the remembered title block, drafts) and
    hidden files; whether each of the rest is a report is for the reader to say. selfcheck's names sort by time."""
    from selfcheck.files.paths import DRAFT_NAME
    from selfcheck.records import draftname
    from selfcheck.records.ledger import LEDGER_NAME
    from selfcheck.records.material_settings import SETTINGS_NAME

    if not folder.is_dir():
        return []
    own = {LEDGER_NAME, SETTINGS_NAME, DRAFT_NAME}
    return sorted(
        (
            p
            for p in folder.glob("*.toml")
            if p.name not in own and not p.name.startswith((".", draftname.PREFIX)) and p.is_file()
        ),
        key=_order,
    )


SkipCode = Literal["not_report", "unreadable", "too_large", "not_toml", "newer", "invalid"]
"""Why a file in a folder of reports was skipped: ``not_report`` (some other TOML file), ``unreadable`` (no
permission, not a regular file, gone), ``too_large`` (over the 2 MB limit), ``not_toml`` (not UTF-8 or not TOML),
``newer`` (a report from a newer selfcheck), ``invalid`` (a report with a missing or wrong field)."""
SKIP_CODES: tuple[SkipCode, ...] = ("not_report", "unreadable", "too_large", "not_toml", "newer", "invalid")

_SKIPS: dict[Msg, SkipCode] = {
    Msg.NOT_A_REPORT: "not_report",
    Msg.FILE_MISSING: "unreadable",
    Msg.FILE_IS_FOLDER: "unreadable",
    Msg.FILE_UNREADABLE: "unreadable",
    Msg.FILE_NOT_REGULAR: "unreadable",
    Msg.FILE_TOO_LARGE: "too_large",
    Msg.FILE_NOT_UTF8: "not_toml",
    Msg.FILE_BAD_TOML: "not_toml",
    Msg.SCHEMA_NEWER: "newer",
}


def skip_code(error: ReportError) -> SkipCode:
    """The reason code of a file that could not be read as a report."""
    return _SKIPS.get(error.msg, "invalid")


REPORT_KEYS = ("respondent", "tool_version", "created", "findings")
"""Top-level keys only a report has among selfcheck's files (a draft aside, which is never named like one)."""


def is_report_data(data: dict[str, Any]) -> bool:
    """Whether parsed TOML is meant to be a report — possibly a damaged one, whose faults are then named: every
    report has ``respondent``, ``tool_version`` and ``created``; a questionnaire, a ledger or a settings file has
    none of them (nor a table of questionnaires)."""
    return any(key in data for key in REPORT_KEYS) or isinstance(data.get("questionnaires"), dict)


def resolve(ref: str, folder: Path) -> Path:
    """A report reference: a path, ``latest`` or ``latest~N``."""
    match = re.fullmatch(r"latest(?:~(\d+))?", ref)
    if match is None:
        path = Path(ref)
        if not path.exists():
            raise ReportError(Msg.NO_REPORT_FILE, path=path)
        return path
    back = int(match.group(1) or 0)
    reports = list_reports(folder)
    if back >= len(reports):
        if reports:
            raise UsageError(Msg.TOO_FEW_REPORTS, ref=ref, folder=folder, n=len(reports))
        raise UsageError(Msg.NO_REPORTS, ref=ref, folder=folder)
    return reports[-1 - back]


def report_name(created_stamp: str, ids: Iterable[str]) -> str:
    """File name for a report: timestamp first so names sort by time, then the questionnaire ids."""
    joined = "+".join(ids)[:80] or "custom"
    return f"selfcheck-{created_stamp}-{joined}.toml"


def write_report(report: Report, folder: Path) -> Path:
    """Write a new report file atomically; never replaces an existing report."""
    from selfcheck.records.report import to_toml_data

    private_dir(folder)
    if report.respondent.is_rater:
        # A rating keeps the day only: a time of day (in the file or its name) could tell who sat at the keyboard.
        day = report.created.replace(hour=0, minute=0, second=0, microsecond=0)
        report = report.model_copy(update={"created": day})
        stamp = day.strftime("%Y%m%d")
    else:
        stamp = report.created.strftime("%Y%m%d-%H%M%S")
    base = report_name(stamp, report.questionnaires)
    # Two runs in the same second (or, for ratings, the same day): x.toml, x.2.toml, x.3.toml (ids have no dots).
    names = (folder / (base if n == 1 else base.replace(".toml", f".{n}.toml")) for n in itertools.count(1))
    return claim_write(names, dump_toml(to_toml_data(report)))


def parse_report(data: dict[str, Any], path: Path) -> Report:
    """Validate report data, upgrading older schema versions; errors name the file and field."""
    from pydantic import ValidationError

    from selfcheck.records import versions
    from selfcheck.records.report import Report

    if not is_report_data(data):
        raise ReportError(Msg.NOT_A_REPORT, path=path)
    data = versions.upgrade(versions.REPORT, data, path)
    try:
        return exact.validate(Report, data)
    except ValidationError as exc:
        raise ReportError(Msg.FILE_PROBLEM, path=path, problem=first_problem(exc)) from None


def read_report(path: Path) -> Report:
    """Read and validate one report file."""
    return parse_report(read_toml(path, Msg.WHAT_REPORT, ReportError), path)


def load_all(folder: Path, *, any_name: bool = False) -> tuple[list[tuple[Path, Report]], list[ReportError]]:
    """Every readable report in ``folder``, oldest first, and the errors of those that could not be read.

    ``any_name``: every ``.toml`` file (see :func:`report_files`), for folders people collect reports in; else
    the files selfcheck names (``selfcheck-*.toml``), as in the person's own reports folder."""
    good: list[tuple[Path, Report]] = []
    bad: list[ReportError] = []
    for path in report_files(folder) if any_name else list_reports(folder):
        try:
            good.append((path, read_report(path)))
        except ReportError as exc:
            bad.append(exc)
    return good, bad
