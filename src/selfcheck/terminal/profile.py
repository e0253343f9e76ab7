"""The post profile screen: asked once before the first questionnaire, remembered from the last report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from selfcheck.i18n import Msg, pick, t
from selfcheck.questionnaire.profile import Profile, Who
from selfcheck.terminal.console import Wrapped

if TYPE_CHECKING:
    from selfcheck.terminal.prompts import Session


def profile_panel(profile: Profile, session: Session) -> Panel:
    """The posts, numbered, each with what it means."""
    lang = session.lang
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column()
    for n, post in enumerate(profile.posts, 1):
        cell = Text(pick(post.label, post.label_en, lang), style="bold")
        description = pick(post.description, post.description_en, lang)
        if description:
            cell.append("\n" + description, style="dim")
        grid.add_row(str(n), Wrapped(cell))
    body = Group(Wrapped(Text(t(Msg.PROFILE_INTRO, lang), style="dim")), Text(""), grid)
    return Panel(body, title=pick(profile.title, profile.title_en, lang), title_align="left")


def ask_profile(session: Session, profile: Profile, last: Who | None) -> Who:
    """The post and whether it serves the public; Enter keeps last time's answers (shown as defaults)."""
    lang = session.lang
    session.console.print(profile_panel(profile, session))
    ids = [p.id for p in profile.posts]
    default_post = ids.index(last.post) + 1 if last and last.post in ids else None
    labels = [pick(p.label, p.label_en, lang) for p in profile.posts]
    n = None
    while n is None:
        n = session.ask_number(t(Msg.PROFILE_POST, lang), labels, default=default_post, listing=False)
        if n is None:
            session.note(t(Msg.BAD_NUMBER, lang, n=len(labels)))
    post = profile.posts[n - 1]
    session.console.print(Text(pick(profile.public.text, profile.public.text_en, lang), style="bold"))
    default_public = None if last is None or last.public is None else (1 if last.public else 2)
    yes_no = [t(Msg.YES, lang), t(Msg.NO, lang)]
    answer = None
    while answer is None:
        answer = session.ask_number(t(Msg.PROFILE_PUBLIC, lang), yes_no, default=default_public, listing=False)
        if answer is None:
            session.note(t(Msg.BAD_NUMBER, lang, n=2))
    who = Who(post.id, answer == 1)
    public = yes_no[0 if who.public else 1]
    session.note(t(Msg.PROFILE_SET, lang, post=pick(post.label, post.label_en, lang), public=public), style="green")
    return who
