"""The project's error types: one base class, caught in one place (the command group), stdlib only.

An error carries a catalogue message and its values, not a sentence: the boundary words it in the chosen language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from selfcheck.i18n import Msg, t

if TYPE_CHECKING:
    from selfcheck.i18n import Lang


class SelfcheckError(Exception):
    """Something a user can cause and fix; printed without a traceback, exit 1.

    ``message`` is a catalogue entry filled with ``values``; ``details`` are further lines, each a catalogue entry
    with its values, or text that is data rather than wording (a file's own content, a parser's report)."""

    exit_code = 1
    said = False
    """True when the front end already told the person, so the boundary only sets the exit code."""

    def __init__(
        self,
        message: Msg | str,
        details: Sequence[str | tuple[Msg, dict[str, object]]] = (),
        /,
        **values: object,
    ) -> None:
        super().__init__(message)
        self.msg = message
        self.values = values
        self.details = list(details)

    def render(self, lang: Lang) -> str:
        """The error in ``lang``: the message, then one line per detail."""
        head = t(self.msg, lang, **self.values) if isinstance(self.msg, Msg) else self.msg
        lines = [d if isinstance(d, str) else t(d[0], lang, **d[1]) for d in self.details]
        return "\n".join([head, *lines])

    @property
    def message(self) -> str:
        """The first line in the default language (Chinese unless the locale asks for English)."""
        from selfcheck.i18n import default_lang

        return self.render(default_lang()).split("\n", 1)[0]

    def __str__(self) -> str:
        from selfcheck.i18n import default_lang

        return self.render(default_lang())


class QuestionnaireError(SelfcheckError):
    """A questionnaire file is missing, unreadable or invalid."""


class ReportError(SelfcheckError):
    """A report, draft, ledger or answers file is missing, unreadable or invalid."""


class AnswerError(SelfcheckError):
    """An answer does not fit its item; the message is one line, fit to re-ask with."""


class UsageError(SelfcheckError):
    """The command line asks for something that cannot be done (exit code 2)."""

    exit_code = 2


class Interrupted(SelfcheckError):  # noqa: N818 - a stop, not a fault
    """The person stopped (Ctrl-C: 130) or the terminal went away (1); the draft is kept."""

    def __init__(self, exit_code: int = 130, *, said: bool = False) -> None:
        super().__init__(Msg.INTERRUPTED)
        self.exit_code = exit_code
        self.said = said
