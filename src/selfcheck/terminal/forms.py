"""Forms of several fields (the 查摆 record, a 回头看 entry): ``b`` goes to the previous field, ``?`` explains this one.

A field is a function that asks through :meth:`Session.read`; while a field is asked, the session knows its help
text and what was typed there before, so that after ``b`` Enter keeps the earlier answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from selfcheck.i18n import Msg, t

if TYPE_CHECKING:
    from selfcheck.terminal.prompts import Session


class Back(Exception):  # noqa: N818 - a move, not an error
    """The person typed ``b``: go to the previous field."""


@dataclass
class FormField:
    """The field being asked: its help (shown on ``?``), the line kept from an earlier visit, the last line typed."""

    help: str
    kept: str = ""
    last: str = ""


Ask = Callable[[dict[str, Any]], Any]
"""A field's asker: gets the values given so far, returns this field's value."""


def fill(
    session: Session, fields: Sequence[tuple[str, Msg, Ask]], kept: dict[str, str] | None = None
) -> dict[str, Any]:
    """Ask ``fields`` in order; ``b`` goes back a field (raising :class:`Back` from the first), ``?`` shows its help.

    ``kept`` (field name → the line typed there) carries earlier answers into a second visit; it is updated."""
    lines = kept if kept is not None else {}
    values: dict[str, Any] = {}
    i = 0
    while i < len(fields):
        name, help_msg, ask = fields[i]
        current = FormField(t(help_msg, session.lang), kept=lines.get(name, ""))
        if current.kept:
            session.note(t(Msg.FORM_KEEP, session.lang, value=current.kept), style="dim")
        session.form = current
        try:
            values[name] = ask(values)
        except Back:
            if i == 0:
                raise
            i -= 1
            continue
        finally:
            session.form = None
            if current.last:
                lines[name] = current.last
        i += 1
    return values
