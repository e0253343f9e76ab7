"""What every command shares: the one place errors become messages and exit codes, and output helpers."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from selfcheck.errors import SelfcheckError, UsageError

if TYPE_CHECKING:
    from selfcheck.messages import Lang

P = ParamSpec("P")
R = TypeVar("R")


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Print a :class:`SelfcheckError` as a short message on stderr and exit with its code (no traceback)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except SelfcheckError as exc:
            print_error(str(exc))
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def print_error(message: str) -> None:
    """An error for a person: ``selfcheck: message`` on stderr."""
    from selfcheck.console import make_console

    make_console(stderr=True).print(f"selfcheck: {message}", style="red", markup=False, highlight=False, soft_wrap=True)


def print_warning(message: str) -> None:
    """A warning on stderr that does not stop the command."""
    from selfcheck.console import make_console

    make_console(stderr=True).print(
        f"selfcheck: {message}", style="yellow", markup=False, highlight=False, soft_wrap=True
    )


def print_json(data: Any) -> None:
    """JSON for scripts: UTF-8, Chinese kept readable, stable key order, on stdout."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


LangOption = Annotated[str | None, typer.Option("--lang", help="zh or en (default: from the locale).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
FolderOption = Annotated[
    Path | None, typer.Option("--dir", help="Reports folder (default: $SELFCHECK_HOME/reports or the data folder).")
]
QuestionnaireFiles = Annotated[
    list[Path] | None,
    typer.Option("--questionnaire", "-q", metavar="PATH", help="Also use this questionnaire file (repeatable)."),
]


def resolve_lang(value: str | None) -> Lang:
    """The interface language: ``--lang``, else from the locale."""
    from selfcheck.messages import default_lang

    if value is None:
        return default_lang()
    if value == "zh":
        return "zh"
    if value == "en":
        return "en"
    raise UsageError(f"--lang: use zh or en, not {value!r}.")
