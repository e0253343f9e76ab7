"""Running a ballot box from the terminal: serve, show the address and progress, close with one line."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.i18n import Lang, Msg, pick, t

if TYPE_CHECKING:
    from selfcheck.collect.ballot import Role
    from selfcheck.questionnaire.model import Questionnaire


def run(
    form: Questionnaire,
    subjects: list[str],
    role: Role,
    ballots: int,
    folder: Path,
    until: datetime | None,
    host: str | None,
    port: int,
    tls: tuple[Path, Path] | None,
    slips: Path | None,
    lang: Lang,
) -> None:
    """Serve until every ballot is in, ``until`` passes, or Ctrl-C; then say how many came in and where."""
    from selfcheck.collect import serve
    from selfcheck.collect.ballot import new_code
    from selfcheck.collect.box import Box
    from selfcheck.collect.slips import qr_matrix, slips_html, write_once
    from selfcheck.collect.web import BallotApp
    from selfcheck.records.storage import private_dir
    from selfcheck.terminal.collect_view import opening, watch
    from selfcheck.terminal.console import make_console

    console = make_console()
    private_dir(folder)
    codes = [new_code() for _ in range(ballots)]
    box = Box(form, subjects, role, folder, codes)
    running = serve.start(BallotApp(box, lang), host or serve.lan_address(), port, tls)
    try:
        slips_path = slips or folder / f"slips-{datetime.now():%Y%m%d-%H%M%S}.html"
        title = t(Msg.COLLECT_PAGE_TITLE, lang, form=pick(form.title, form.title_en, lang))
        write_once(slips_path, slips_html(running.url, codes, title, lang))
        del codes
        notes = [t(Msg.COLLECT_SLIPS_WRITTEN, lang, path=slips_path, n=ballots)]
        opening(console, running.url, qr_matrix(running.url), running.tls, notes, lang)
        try:
            watch(console, lambda: box.accepted, box.expected, until, running.alive, lang)
        except KeyboardInterrupt:
            console.print()
    finally:
        running.stop()
    console.print(
        t(Msg.COLLECT_SUMMARY, lang, n=box.accepted, total=box.expected, reports=box.reports, folder=folder),
        style="bold green",
    )
    if box.failures:
        console.print(t(Msg.COLLECT_SAVE_ERRORS, lang, n=box.failures), style="yellow")
