"""The codes records are written with, where the command line names them as choices too: who answered a report,
and a measure's progress in the ledger. Standard library only, so ``--help`` lists the choices without loading the
record models."""

from __future__ import annotations

from typing import Literal

Role = Literal["self", "peer", "masses"]
"""Who answered: the person themselves (``self``), or a rater of someone else — a colleague (``peer``, 同事互评) or
the public (``masses``, 群众评议)."""
RaterRole = Literal["peer", "masses"]
"""The roles of a rater."""
Progress = Literal["todo", "doing", "done", "closed"]
"""A measure in the ledger: 未启动, 进行中, 已完成, 已销号 (closed after someone else's check)."""
PROGRESS: tuple[Progress, ...] = ("todo", "doing", "done", "closed")


def is_rater(role: str) -> bool:
    """A report by someone rating another person, not the person's own self-assessment."""
    return role != "self"


def about(role: str, name: str | None, subject: str | None) -> str | None:
    """Whom a report is about: the respondent's own name, or, for a rating, the person rated (a rater's own name
    is never stored)."""
    return subject if is_rater(role) else name
