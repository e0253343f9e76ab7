"""``selfcheck collect`` in the terminal: the address with a QR code, live progress, and the closing line."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from rich.console import Console, Group
from rich.live import Live
from rich.text import Text

from selfcheck.i18n import Lang, Msg, t
from selfcheck.terminal.console import Wrapped, bar


def qr_text(matrix: list[list[bool]]) -> Text:
    """A QR code drawn with half blocks, two rows of modules per line, dark on light whatever the theme."""
    lines = []
    for top, bottom in zip(matrix[0::2], [*matrix[1::2], [False] * len(matrix[0])], strict=False):
        chars = []
        for upper, lower in zip(top, bottom, strict=True):
            chars.append(
                {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}[(upper, lower)]
            )
        lines.append("".join(chars))
    return Text("\n".join(lines), style="black on white")


def opening(console: Console, url: str, matrix: list[list[bool]], tls: bool, notes: list[str], lang: Lang) -> None:
    """The address, its QR code, the unencrypted-network warning and the slips' file."""
    console.print(qr_text(matrix))
    console.print(Wrapped(t(Msg.COLLECT_OPEN_AT, lang, url=url), style="bold"))
    if not tls:
        console.print(Wrapped(t(Msg.COLLECT_UNENCRYPTED, lang), style="yellow"))
    for note in notes:
        console.print(Wrapped(note))


def _line(n: int, total: int, until: datetime | None, lang: Lang) -> Text:
    text = Text(bar(n / total if total else 0, 20) + " ", style="green")
    text.append(t(Msg.COLLECT_PROGRESS, lang, n=n, total=total), style="bold")
    if until is not None:
        text.append("  " + t(Msg.COLLECT_UNTIL, lang, time=f"{until:%H:%M}"))
    text.append("  " + t(Msg.COLLECT_STOP_HINT, lang), style="dim")
    return text


def watch(
    console: Console,
    count: Callable[[], int],
    total: int,
    until: datetime | None,
    running: Callable[[], bool],
    lang: Lang,
    tick: float = 0.25,
) -> None:
    """Show ballots in / expected until all are in, ``until`` passes or the server stops; Ctrl-C propagates."""
    with Live(Group(_line(count(), total, until, lang)), console=console, auto_refresh=False, transient=True) as live:
        while True:
            n = count()
            live.update(Group(_line(n, total, until, lang)), refresh=True)
            if n >= total or not running() or (until is not None and datetime.now() >= until):
                return
            time.sleep(tick)
