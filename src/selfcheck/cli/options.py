"""What every command shares: one definition per shared option, the language, and output helpers."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from selfcheck.errors import SelfcheckError
from selfcheck.i18n import Lang  # at run time: Typer reads the choices of --lang from it
from selfcheck.records.codes import RaterRole

if TYPE_CHECKING:
    from selfcheck.questionnaire.model import Questionnaire


def print_error(message: str) -> None:
    """An error for a person: ``selfcheck: message`` on stderr."""
    from selfcheck.terminal.console import make_console

    make_console(stderr=True).print(f"selfcheck: {message}", style="red", markup=False, highlight=False, soft_wrap=True)


def print_warning(message: str) -> None:
    """A warning on stderr that does not stop the command."""
    from selfcheck.terminal.console import make_console

    make_console(stderr=True).print(
        f"selfcheck: {message}", style="yellow", markup=False, highlight=False, soft_wrap=True
    )


def warn_skipped(error: SelfcheckError, lang: Lang) -> None:
    """A file left out of a listing because it cannot be read: ``selfcheck: skipped: why`` on stderr."""
    from selfcheck.i18n import Msg, t

    print_warning(t(Msg.SKIPPED, lang, reason=error.render(lang)))


def library_definitions(ids: Iterable[str] | None = None) -> dict[str, Questionnaire]:
    """The library's questionnaires by id (only ``ids`` when given), for reports whose definitions are not stored.
    The library module is imported here, when called: reports with stored definitions never need it."""
    from selfcheck.questionnaire.library import load_library

    return load_library(only=ids).definitions()


def print_json(data: Any) -> None:
    """JSON for scripts: UTF-8, Chinese kept readable, stable key order, on stdout."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    # JSON escapes C0 controls (ESC is \u001b) but not C1 ones, which some terminals obey (U+009B is an 8-bit CSI).
    sys.stdout.write(text.translate(_C1_ESCAPES) + "\n")


_C1_ESCAPES = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}


def _remember_lang(value: Lang | None) -> Lang | None:
    """Settle the language as soon as ``--lang`` is parsed, so that an error raised before the command words its
    output is still in the language asked for."""
    if value is not None:
        resolve_lang(value)
    return value


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang", help="Language of the output (default: SELFCHECK_LANG, else the locale).", callback=_remember_lang
    ),
]
RoleOption = Annotated[RaterRole, typer.Option("--role", help="Who rates: peer (同事互评) or masses (群众评议).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
FolderOption = Annotated[
    Path | None, typer.Option("--dir", help="Reports folder (default: $SELFCHECK_HOME/reports or the data folder).")
]
QuestionnaireFiles = Annotated[
    list[Path] | None,
    typer.Option("--questionnaire", "-q", metavar="PATH", help="Also use this questionnaire file (repeatable)."),
]


_chosen: list[Lang] = []
"""The language a command settled on, so that the error boundary words its errors the same way."""


def resolve_lang(value: Lang | None) -> Lang:
    """The interface language: ``--lang`` (Typer has checked it is one of the choices), else from the locale;
    remembered for error messages."""
    from selfcheck.i18n import default_lang

    lang = default_lang() if value is None else value
    _chosen[:] = [lang]
    return lang


def forget_lang() -> None:
    """Start a command with no language chosen yet (the locale's until ``--lang`` is resolved)."""
    _chosen.clear()


def chosen_lang() -> Lang:
    """The language of this command: ``--lang`` once resolved, else the locale's."""
    from selfcheck.i18n import default_lang

    return _chosen[0] if _chosen else default_lang()
