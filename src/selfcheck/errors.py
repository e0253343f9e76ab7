"""The project's error types: one base class, caught in one place by the CLI (stdlib only)."""

from __future__ import annotations


class SelfcheckError(Exception):
    """Something a user can cause and fix; the CLI prints it without a traceback and exits 1."""

    exit_code = 1

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []

    def __str__(self) -> str:
        return "\n".join([self.message, *self.details])


class QuestionnaireError(SelfcheckError):
    """A questionnaire file is missing, unreadable or invalid."""


class ReportError(SelfcheckError):
    """A report, draft, ledger or answers file is missing, unreadable or invalid."""


class AnswerError(SelfcheckError):
    """An answer does not fit its item; the message is one line, fit to re-ask with."""


class UsageError(SelfcheckError):
    """The command line asks for something that cannot be done (exit code 2)."""

    exit_code = 2
