"""Text from files and people made safe for a terminal: control and escape characters shown, never obeyed.

A name, an answer or a finding can hold ``ESC ] 0;…`` (set the window title), ``ESC ] 52;…`` (write the
clipboard) or ``ESC [ 2 J`` (clear the screen); a member's report reaches the organiser's terminal through
``summary``. :func:`visible` turns every such character into a visible marker; :func:`install` makes Rich apply it
to all text it builds, so every view, table and prompt is covered, including ones written later.
"""

from __future__ import annotations

import re

CONTROL_PICTURE = 0x2400
"""U+2400 CONTROL PICTURES: ␛ for ESC, ␇ for BEL, and so on; one cell wide, like a letter."""
MARKER = "\ufffd"
"""For C1 controls (an 8-bit CSI is U+009B) and the bidirectional overrides that reorder what is shown."""

_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]


def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {code: chr(CONTROL_PICTURE + code) for code in range(0x20)}
    del table[0x0A]  # newline: layout needs it
    table[0x09] = " "  # a tab would jump to a column the layout does not know
    table[0x0D] = None  # a carriage return (Windows line ends) is dropped, as Rich always did
    table[0x7F] = "\u2421"  # ␡
    table.update(dict.fromkeys(range(128, 160), MARKER))
    table.update(dict.fromkeys(_BIDI, MARKER))
    return table


TRANSLATE = _table()
UNSAFE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(TRANSLATE)) + "]")
"""Any character :data:`TRANSLATE` changes: most text has none, and searching is far cheaper than translating."""


def visible(text: str) -> str:
    """``text`` with every control, escape and direction-override character replaced by a visible marker;
    newlines kept. Linear in the length of the text."""
    if UNSAFE.search(text) is None:
        return text
    return text.translate(TRANSLATE)


_installed: list[bool] = []


def install() -> None:
    """Make Rich pass all text through :func:`visible` where it would only drop a few controls (BEL, BS, CR):
    every ``Text``, table cell and prompt then shows escape sequences instead of sending them."""
    if _installed:
        return
    import rich.text

    def strip_control_codes(text: str, _translate_table: object = None) -> str:
        return visible(text)

    setattr(rich.text, "strip_control_codes", strip_control_codes)  # noqa: B010 - looked up on every call
    _installed.append(True)
