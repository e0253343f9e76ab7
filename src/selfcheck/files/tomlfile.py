"""Reading and writing TOML files with errors a person can act on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.errors import QuestionnaireError, SelfcheckError

if TYPE_CHECKING:
    from pydantic import ValidationError

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Larger files are refused before parsing: no real questionnaire or report comes near this."""


def read_toml(path: Path, what: str, error: type[SelfcheckError] = QuestionnaireError) -> dict[str, Any]:
    """Read a TOML file as a dict; every failure becomes ``error`` naming the file (and line, column)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise error(f"{path}: file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB; not a {what}.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a {what} file.") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text (byte {exc.start}); save the {what} as UTF-8.") from None
    return parse_toml(text, path, error)


def parse_toml(text: str, path: Path, error: type[SelfcheckError] = QuestionnaireError) -> dict[str, Any]:
    """Parse TOML text: with rtoml (about ten times faster) when installed, else tomllib.

    On a syntax error the message is tomllib's, so that it reads the same everywhere (line and column)."""
    try:
        import rtoml
    except ImportError:  # pragma: no cover - rtoml is a dependency; this keeps odd platforms working
        pass
    else:
        try:
            result: dict[str, Any] = rtoml.loads(text)
        except Exception:
            pass
        else:
            return result
    import tomllib  # only reached for a syntax error (or without rtoml): its message names line and column

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: invalid TOML: {exc}.") from None


def dump_toml(data: dict[str, Any]) -> bytes:
    """Serialise plain data as TOML."""
    import tomli_w

    return tomli_w.dumps(data, multiline_strings=True).encode()


def first_problem(exc: ValidationError, prefix: str = "") -> str:
    """``field.path: message`` for the first validation error (and how many more), for one-line messages."""
    errors = exc.errors(include_url=False)
    err = errors[0]
    where = prefix + ".".join(str(p) for p in err["loc"]) or "(top level)"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {err['msg']}{more}"
