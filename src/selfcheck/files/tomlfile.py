"""Reading and writing TOML files with errors a person can act on."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.errors import QuestionnaireError, SelfcheckError
from selfcheck.i18n import Msg, Phrase

if TYPE_CHECKING:
    from pydantic import ValidationError

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Larger files are refused while reading: no real questionnaire or report comes near this."""
MAX_DEPTH = 32
"""Tables and arrays nested deeper are refused: selfcheck's own files need fewer than ten levels."""


def _read_regular(path: Path, error: type[SelfcheckError]) -> bytes:
    """At most ``MAX_FILE_BYTES`` from a regular file. A pipe, a device or a socket is refused before any read,
    and the file is opened without blocking, so a FIFO named like a report cannot hang the command."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(Msg.FILE_MISSING, path=path) from None
    except IsADirectoryError:
        raise error(Msg.FILE_IS_FOLDER, path=path) from None
    except OSError as exc:
        raise error(Msg.FILE_UNREADABLE, path=path, reason=exc.strerror) from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise error(Msg.FILE_IS_FOLDER, path=path)
        if not stat.S_ISREG(mode):
            raise error(Msg.FILE_NOT_REGULAR, path=path)
        try:
            raw = handle.read(MAX_FILE_BYTES + 1)  # the size is checked on what was read, not on what stat said
        except OSError as exc:
            raise error(Msg.FILE_UNREADABLE, path=path, reason=exc.strerror) from None
    if len(raw) > MAX_FILE_BYTES:
        raise error(Msg.FILE_TOO_LARGE, path=path, mb=MAX_FILE_BYTES // 1024 // 1024)
    return raw


def read_toml(
    path: Path, what: Msg, error: type[SelfcheckError] = QuestionnaireError, *, walked: bool = True
) -> dict[str, Any]:
    """Read a TOML file as a dict; every failure becomes ``error`` naming the file (and line, column).

    ``what``: the kind of file (``Msg.WHAT_REPORT``, ...), named in the error. ``walked=False`` skips the nesting
    check, for a reader that only looks up fixed paths and so never descends into whatever a hostile file nests
    (the check visits every value: on a report it costs more than parsing)."""
    raw = _read_regular(path, error)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(Msg.FILE_NOT_UTF8, path=path, byte=exc.start, what=Phrase(what)) from None
    data = parse_toml(text, path, error)
    if walked and depth(data) > MAX_DEPTH:
        raise error(Msg.FILE_TOO_DEEP, path=path, depth=MAX_DEPTH)
    return data


def depth(data: object) -> int:
    """How deeply tables and arrays are nested in ``data`` (a scalar is 0), without recursion."""
    # One level at a time, each a list comprehension: a report is mostly scalars, and a comprehension passes over
    # them far more cheaply than a stack of (node, level) pairs did. A file holds at most MAX_FILE_BYTES of nodes.
    deepest = 0
    level = [data] if isinstance(data, dict | list) else []
    while level:
        deepest += 1
        if deepest > MAX_DEPTH:  # enough to refuse; no need to walk the rest
            return deepest
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, _CONTAINERS)
        ]
    return deepest


_CONTAINERS = (dict, list)


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
        raise error(Msg.FILE_BAD_TOML, path=path, reason=exc) from None
    except RecursionError:  # tomllib recurses per nesting level; rtoml stopped at its own limit first
        raise error(Msg.FILE_TOO_DEEP, path=path, depth=MAX_DEPTH) from None


def dump_toml(data: dict[str, Any]) -> bytes:
    """Serialise plain data as TOML."""
    import tomli_w

    return tomli_w.dumps(data, multiline_strings=True).encode()


def first_problem(exc: ValidationError, prefix: str = "") -> Phrase:
    """``field.path: message`` for the first validation error (and how many more), for one-line messages.

    The message itself is pydantic's own text: data about the file, not wording of ours."""
    errors = exc.errors(include_url=False)
    err = errors[0]
    where: object = prefix + ".".join(str(p) for p in err["loc"]) or Phrase(Msg.TOP_LEVEL)
    if len(errors) > 1:
        return Phrase(Msg.AT_MORE, where=where, what=err["msg"], more=len(errors) - 1)
    return Phrase(Msg.AT, where=where, what=err["msg"])
