"""The post profile screen: asked once before the first questionnaire, remembered from the last report; and the
questionnaires left when nothing of one applies to the post."""

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
    from pathlib import Path

    from selfcheck.questionnaire.model import Questionnaire
    from selfcheck.records.report import Report
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


def ask_post(session: Session, own: list[tuple[Path, Report]]) -> None:
    """The post profile: asked once per interview (the draft keeps it), defaulting to the last report's; not asked
    when no chosen questionnaire limits anything to a post."""
    from selfcheck.questionnaire.profile import depends_on_post, load_profile

    state = session.draft
    if state.post is None and any(depends_on_post(q) for q in session.interview.questionnaires):
        known = [r.respondent for _, r in sorted(own, key=lambda pr: pr[1].created) if r.respondent.post]
        last = Who(known[-1].post, known[-1].serves_public) if known else None
        who = ask_profile(session, load_profile(), last)
        state.post, state.serves_public = who.post, who.public
        session.persist()
    if state.post is not None:
        session.interview.who = Who(state.post, state.serves_public)


def for_this_post(session: Session, questionnaires: list[Questionnaire]) -> list[Questionnaire]:
    """The questionnaires with at least one item for the respondent's post; each left out is named, since asking
    nothing and writing an empty report would look like a finished self-check."""
    from selfcheck.questionnaire.profile import load_profile

    kept = [q for q in questionnaires if session.interview.asks_anything(q.id)]
    post = load_profile().post(session.draft.post or "")
    label = pick(post.label, post.label_en, session.lang) if post is not None else session.draft.post or ""
    for q in questionnaires:
        if q not in kept:
            title = pick(q.title, q.title_en, session.lang)
            session.note(t(Msg.PROFILE_NOTHING_APPLIES, session.lang, title=title, post=label))
    return kept
