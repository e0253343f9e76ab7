"""Reading one line from the person: with line editing (arrows, Home/End, deletion) when stdin is a terminal.

Rich's ``console.input`` prints the prompt itself and then calls ``input("")``, so readline does not know the prompt
is there: backspace and redraws erase it (Rich issue 2293). Here the prompt is rendered to text and handed to
``input()`` with its escape codes marked zero-width (``\\001…\\002``), so readline measures the visible prompt only.
Answers are private: nothing is added to readline's history and no history file is read or written.
Through a pipe nothing changes: no readline, the same prompt, the same line.

A known limit of CPython's readline loop: it looks at signals only while waiting for a key, so a Ctrl-C that lands
in the instant readline sets up or draws a key waits for the next key. :func:`_settle` narrows the window; tests
that press Ctrl-C pause for a moment after the prompt, as a person does.

This module imports no Rich at load time: the first menu of ``selfcheck start`` is asked before Rich is loaded.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
"""CSI sequences (colours, styles) and OSC sequences (hyperlinks): printed, but no cells wide."""

_prepared = False


def editing() -> bool:
    """True when both ends are a terminal: then ``input()`` goes through readline."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _prepare() -> None:
    """Load readline once, with history off: an answer typed here must not be recalled or saved anywhere."""
    global _prepared  # noqa: PLW0603 - one module-wide switch, set once
    if _prepared:
        return
    _prepared = True
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows: the console's own line editing applies
        return
    readline.set_auto_history(False)
    readline.clear_history()


def _settle() -> None:
    """Let the terminal take all output before readline starts.

    readline waits for output to drain (TCSADRAIN) inside C code, where CPython does not look at signals; a Ctrl-C
    arriving then would wait for the next key. Draining here, in Python, lets that Ctrl-C interrupt at once."""
    sys.stdout.flush()
    try:
        import termios

        termios.tcdrain(sys.stdout.fileno())
    except (ImportError, OSError, ValueError):  # pragma: no cover - not a POSIX terminal: nothing to wait for
        pass


def mark_zero_width(prompt: str) -> str:
    """Wrap every escape sequence in ``\\001…\\002`` so readline does not count it as printed cells."""
    return _ESCAPE.sub(lambda m: f"\001{m[0]}\002", prompt)


def read_plain(prompt: str) -> str:
    """A line after a prompt of plain text (no Rich); line editing when on a terminal."""
    if editing():
        _prepare()
        _settle()
    return input(prompt)


def read_styled(console: Console, prompt: Text) -> str:
    """A line after a styled prompt; line editing when on a terminal, ``console.input`` through a pipe."""
    if not editing():
        return console.input(prompt)
    _prepare()
    with console.capture() as captured:
        console.print(prompt, end="")
    _settle()
    return input(mark_zero_width(captured.get()))
