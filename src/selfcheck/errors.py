"""The project's error types: one base class, caught in one place (the command group), stdlib only.

An error carries a catalogue message and its values, not a sentence: the boundary words it in the chosen language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from selfcheck.i18n import Msg, Phrase, t

if TYPE_CHECKING:
    from selfcheck.i18n import Lang

Detail = Phrase | str
"""One further line of an error: a catalogue phrase, or text that is data (a path, a parser's own report)."""
GivenDetail = Detail | tuple[Msg, Mapping[str, object]]
"""A detail as given: a ``(Msg, values)`` pair is accepted too, and kept as a phrase."""


class SelfcheckError(Exception):
    """Something a user can cause and fix; printed without a traceback, exit 1.

    ``message`` is a catalogue entry filled with ``values`` (which may be phrases themselves); ``details`` are
    further lines, each a :class:`Phrase` or text that is data rather than wording (a parser's own report)."""

    exit_code = 1
    said = False
    """True when the front end already told the person, so the boundary only sets the exit code."""

    def __init__(
        self,
        message: Msg,
        details: Sequence[GivenDetail] = (),
        /,
        **values: object,
    ) -> None:
        super().__init__(message)
        self.msg = message
        self.values = values
        self.details: list[Detail] = [d if isinstance(d, Phrase | str) else Phrase(d[0], **d[1]) for d in details]

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (the summary reads large sets in worker processes); keep the values.
        return (_rebuild, (type(self), self.msg, self.details, self.values, self.exit_code))

    @property
    def phrase(self) -> Phrase:
        """The first line as a phrase, to place inside another message (a problem line naming file and item)."""
        return Phrase(self.msg, **self.values)

    def render(self, lang: Lang) -> str:
        """The error in ``lang``: the message, then one line per detail (details indented by two spaces)."""
        head = t(self.msg, lang, **self.values)
        lines = ["  " + (d if isinstance(d, str) else d.render(lang)) for d in self.details]
        return "\n".join([head, *lines])

    @property
    def message(self) -> str:
        """The first line in the default language (Chinese unless the locale asks for English)."""
        from selfcheck.i18n import default_lang

        return self.render(default_lang()).split("\n", 1)[0]

    def __str__(self) -> str:
        from selfcheck.i18n import default_lang

        return self.render(default_lang())


def _rebuild(
    cls: type[SelfcheckError], msg: Msg, details: list[Detail], values: dict[str, object], exit_code: int
) -> SelfcheckError:
    """Unpickle an error (see :meth:`SelfcheckError.__reduce__`)."""
    exc = SelfcheckError.__new__(cls)
    SelfcheckError.__init__(exc, msg, details, **values)
    exc.exit_code = exit_code
    return exc


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
