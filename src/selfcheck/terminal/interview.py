"""The interview in the terminal: choosing questionnaires, the questions, 查摆, and the written report."""

from __future__ import annotations

import contextlib
import signal
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from selfcheck.errors import Interrupted, SelfcheckError, UsageError
from selfcheck.i18n import Lang, Msg, t
from selfcheck.interview.from_answers import StartOptions
from selfcheck.questionnaire.library import Library
from selfcheck.records.codes import is_rater

if TYPE_CHECKING:
    from rich.console import Console

    from selfcheck.questionnaire.model import Questionnaire
    from selfcheck.records.codes import Progress
    from selfcheck.records.draft import Draft
    from selfcheck.records.report import Report
    from selfcheck.terminal.prompts import Session


def _hangup(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _choose_set_plain(lang: Lang) -> list[str] | None:
    """The very first question (which set?), asked before anything heavy is imported so that it appears at once.

    Returns the set's ids, or None for "pick" (which needs the library)."""
    from selfcheck.questionnaire.library import SETS
    from selfcheck.terminal.lineinput import read_plain

    labels = {"contrast": Msg.SET_CONTRAST, "ability": Msg.SET_ABILITY, "all": Msg.SET_ALL, "pick": Msg.SET_PICK}
    keys = list(labels)
    print(t(Msg.CHOOSE_SET, lang))
    for i, key in enumerate(keys, 1):
        print(f"  {i}  {t(labels[key], lang)}")
    while True:
        raw = read_plain("› ").strip()
        if raw.isdigit() and 1 <= int(raw) <= len(keys):
            key = keys[int(raw) - 1]
            return None if key == "pick" else list(SETS[key])
        print(t(Msg.BAD_NUMBER, lang, n=len(keys)))


def interactive(opts: StartOptions, library: Library | None = None) -> Path | None:
    """Run the interview in the terminal; returns the report's path, or None when the person quit (draft kept).

    ``library`` is loaded here when not given, after the first prompt when the set is still to be chosen."""
    from selfcheck.i18n import default_lang
    from selfcheck.records import draftname

    chosen: list[str] | None = opts.ids or None
    # Only the person's own drafts are offered at the start; a rater's only with --resume (see _open_draft).
    fresh = not opts.resume and (is_rater(opts.role) or not draftname.candidates(opts.folder, "self", None, None))
    set_asked = False
    if library is None and not chosen and fresh:
        try:
            chosen = _choose_set_plain(opts.lang or default_lang())
        except (KeyboardInterrupt, EOFError):
            print()
            raise Interrupted(said=True) from None
        set_asked = True  # "4 自己挑选": the next menu is the list of questionnaires, not this one again
    if library is None:
        from selfcheck.questionnaire.library import load_library

        library = load_library(only=chosen if chosen and fresh else None)
    return _interactive(library, opts, chosen, set_asked)


def _say_where(session: Session, questionnaires: list[Questionnaire]) -> None:
    """On resuming: how many questions are answered and where the interview goes on."""

    interview = session.interview
    answered = sum(len(interview.answers_for(q.id)) for q in questionnaires)
    if interview.current() is None:
        message = t(Msg.RESUME_FINDINGS, session.lang, answered=answered, done=len(session.draft.findings))
    else:
        n, total = interview.progress()
        message = t(Msg.RESUME_AT, session.lang, answered=answered, n=n, total=total)
    session.console.print(message, style="bold", markup=False)


def _interactive(
    library: Library, opts: StartOptions, chosen: list[str] | None, set_asked: bool = False
) -> Path | None:
    """Open (or start) the draft, hold it for this process, and run the interview."""
    from selfcheck.i18n import default_lang
    from selfcheck.records import draft
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.prompts import choose_questionnaires

    console = make_console()
    lang = opts.lang or default_lang()
    opened = _open_draft(console, library, opts, chosen, lang)
    if opened is False:
        return None
    if opened is not None:
        with draft.held(opened[0]):
            if not opened[0].exists():  # another selfcheck finished it while this one was starting
                from selfcheck.errors import ReportError

                raise ReportError(Msg.DRAFT_TAKEN, path=opened[0])
            return _run(library, opts, chosen, opened[0], draft.load(opened[0]))
    from selfcheck.records.draftname import new_path

    try:
        ids = chosen or choose_questionnaires(
            console, lang, [e.questionnaire for e in library.entries.values()], ask_set=not set_asked
        )
    except (KeyboardInterrupt, EOFError):
        console.print()  # the shell's prompt goes on a line of its own
        raise Interrupted(said=True) from None
    questionnaires = library.select(ids)
    path = new_path(opts.folder, opts.role, opts.subject, [q.id for q in questionnaires])
    with draft.held(path):
        return _run(library, opts, [q.id for q in questionnaires], path, None)


def _open_draft(
    console: Console, library: Library, opts: StartOptions, chosen: list[str] | None, lang: Lang
) -> tuple[Path, Draft] | Literal[False] | None:
    """The draft to continue: the person's own for this set (asked first), or with --resume the rater's own for
    this subject. None: start afresh; False: the person declined both continuing and discarding."""
    from selfcheck.records import draft
    from selfcheck.terminal.prompts import ask

    if not opts.resume and is_rater(opts.role):
        return None  # a rater is never offered a draft unasked: in a shared folder it may be another rater's
    wanted = [q.id for q in library.select(chosen)] if chosen else None
    found = draft.find(opts.folder, opts.role, opts.subject, wanted)
    if opts.resume and found is None:
        raise UsageError(Msg.DRAFT_NONE)
    if found is not None and not opts.resume:
        saved = found[1]
        listed = ", ".join(saved.questionnaires)
        answer = ask(console, t(Msg.DRAFT_FOUND, lang, when=f"{saved.created:%Y-%m-%d %H:%M}", ids=listed))
        if answer.strip().lower() in ("n", "no", "否"):
            if ask(console, t(Msg.DRAFT_DISCARD, lang)).strip().lower() not in ("y", "yes", "是"):
                return False
            draft.remove(found[0])
            return None
    return found


def _run(
    library: Library, opts: StartOptions, chosen: list[str] | None, path: Path, saved: Draft | None
) -> Path | None:
    """The interview itself, with its draft at ``path`` held by this process: ask, then write the report."""
    from selfcheck.interview.state import Interview
    from selfcheck.records import draft
    from selfcheck.terminal.console import make_console
    from selfcheck.terminal.prompts import Quit, Session

    console = make_console()
    questionnaires, state = _resumed(console, library, opts, saved) if saved else _fresh(library, opts, chosen)
    lang = opts.lang or state.lang  # a draft keeps the language it was begun in; --lang changes this run's
    interview = Interview(questionnaires, state.answers, state.skipped, rater=is_rater(state.role))
    session = Session(console, lang, interview, state, lambda d: draft.save(d, path))
    session.other = interview.rater
    if saved is not None:
        if state.post is not None:  # the post decides which items count: set it before saying where we are
            from selfcheck.questionnaire.profile import Who

            interview.who = Who(state.post, state.serves_public)
        _say_where(session, questionnaires)
    if session.other:
        console.print(t(Msg.RATER_INTRO, lang, subject=state.subject or "?"), style="bold")
    own = _earlier_reports(session, opts)
    previous = signal.signal(signal.SIGHUP, _hangup) if hasattr(signal, "SIGHUP") else None
    try:
        questionnaires = _ask(session, opts, questionnaires, own, path)
    except Quit:
        session.persist()  # with the lines of a 查摆 or 回头看 form left half-way
        console.print(t(Msg.SAVED_QUIT, lang), style="bold")
        return None
    except (KeyboardInterrupt, EOFError) as exc:
        # The draft was saved after the last answer; save it once more with a form left half-way. After a hang-up
        # the terminal is gone: say so only if we can.
        session.persist()
        with contextlib.suppress(OSError):
            console.print()
            console.print(
                t(Msg.TWO_SENTENCES, lang, first=t(Msg.INTERRUPTED, lang), second=t(Msg.SAVED_QUIT, lang)),
                style="bold",
            )
        raise Interrupted(130 if isinstance(exc, KeyboardInterrupt) else 1, said=True) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGHUP, previous)
    return _write(session, opts, questionnaires, path)


def _resumed(console: Console, library: Library, opts: StartOptions, saved: Draft) -> tuple[list[Questionnaire], Draft]:
    """The questionnaires of a draft being continued (its custom files loaded again), saying which changed since."""
    from selfcheck.i18n import default_lang

    for qid, file in saved.files.items():
        if qid not in library.entries:
            from selfcheck.questionnaire.library import Entry, load_file

            library.entries[qid] = Entry(load_file(Path(file)), Path(file), builtin=False)
    questionnaires = library.select(saved.questionnaires)
    for q in questionnaires:
        if saved.digests.get(q.id) not in (None, q.digest()):
            console.print(t(Msg.DRAFT_CHANGED, opts.lang or default_lang(), id=q.id), style="yellow")
    saved.digests = {q.id: q.digest() for q in questionnaires}
    return questionnaires, saved


def _fresh(library: Library, opts: StartOptions, chosen: list[str] | None) -> tuple[list[Questionnaire], Draft]:
    """The questionnaires chosen and a new draft for them (a rater's starts at the questions: no 回头看)."""
    from selfcheck.i18n import default_lang
    from selfcheck.records.draft import Draft
    from selfcheck.records.report import now

    questionnaires = library.select(chosen or [])
    rater = is_rater(opts.role)
    state = Draft(
        created=now(),
        name=None if rater else opts.name,
        role=opts.role,
        subject=opts.subject,
        phase="questions" if rater else "review",
        lang=opts.lang or default_lang(),
        questionnaires=[q.id for q in questionnaires],
        files={k: v for k, v in opts.files.items() if k in {q.id for q in questionnaires}},
        digests={q.id: q.digest() for q in questionnaires},
    )
    return questionnaires, state


def _earlier_reports(session: Session, opts: StartOptions) -> list[tuple[Path, Report]]:
    """The person's own earlier reports in the folder (an unreadable one is named and passed over); their wording
    is what a new 具体表现 is compared with."""
    from selfcheck.records import storage

    lang = session.lang
    rows, broken = storage.load_all(opts.folder)
    for exc in broken:
        session.console.print(t(Msg.SKIPPED_FILE, lang, error=exc.render(lang)), style="yellow", highlight=False)
    own = [(p, r) for p, r in rows if not r.respondent.is_rater]
    session.earlier = [
        (f"{r.created:%Y-%m}", text)
        for _, r in own
        for f in r.findings
        for text in (f.detail, f.problem if f.item is None else "")
        if text
    ]
    return own


def _ask(
    session: Session,
    opts: StartOptions,
    questionnaires: list[Questionnaire],
    own: list[tuple[Path, Report]],
    path: Path,
) -> list[Questionnaire]:
    """Every step from where the draft stands: 回头看, the post, the questions, then a rater's marks or the person's
    查摆 and the problem norm. Returns the questionnaires the report covers (those that apply to the post)."""
    from selfcheck.records import draft, ledger
    from selfcheck.records.report import now
    from selfcheck.terminal.profile import ask_post, for_this_post

    state = session.draft
    book = ledger.current(opts.folder, own)

    def record(problem: ledger.Problem, status: Progress, evidence: str) -> None:
        # Re-read under the lock: a `plan update` made while this interview waited for input is kept. Marked with
        # this run's start, so that this run's own report, if it finds the problem again, reopens it.
        run = state.created.isoformat()
        ledger.update(
            opts.folder,
            lambda b: ledger.record(ledger.find(b, problem.id), status, evidence, date.today(), now(), run=run),
            own,
        )

    session.persist()
    if state.phase == "review":
        session.run_review(book.open(), record)
        state.phase = "questions"
        session.persist()
    if not session.other:
        ask_post(session, own)
        questionnaires = for_this_post(session, questionnaires)
        if not questionnaires:
            draft.remove(path)
            raise SelfcheckError(Msg.NOTHING_FOR_POST)
    session.run_questions()
    if session.other:
        state.phase = "ratings"
        session.run_ratings(questionnaires)
        from selfcheck.terminal.grading import ask_grades

        ask_grades(session, questionnaires)
    else:
        _ask_problems(session, opts, questionnaires)
    return questionnaires


def _ask_problems(session: Session, opts: StartOptions, questionnaires: list[Questionnaire]) -> None:
    """查摆 of the problems the answers reveal, then the problem norm for each dimension still without one."""
    from selfcheck.scoring.findings import detect
    from selfcheck.terminal.norm import run_norm

    state, interview = session.draft, session.interview
    detected = [d for q in questionnaires for d in detect(q, interview.answers_for(q.id), interview.who)]
    owner = state.name or opts.name or t(Msg.SELF, session.lang)
    key = "+".join(q.id for q in questionnaires)
    if state.phase != "norm":
        session.run_findings(detected, key, owner)
        state.phase = "norm"
        session.persist()
    run_norm(session, questionnaires, key, owner)


def _write(session: Session, opts: StartOptions, questionnaires: list[Questionnaire], path: Path) -> Path:
    """The report from the finished draft, written once (the draft is claimed first), the questionnaires stored
    beside it and, for the person's own, its problems entered in the ledger."""
    from selfcheck.records import definitions, draft, ledger, storage

    report = _report(session, opts, questionnaires)
    taken = draft.claim(path)  # one draft, one report: a second process that got this far stops here
    try:
        written = storage.write_report(report, opts.folder)
    except BaseException:
        draft.release(taken, path)
        raise
    draft.remove(taken)
    definitions.store(questionnaires, opts.folder)  # the report stays readable without the questionnaire files
    if not session.other:
        ledger.take_in(opts.folder, written, report)
    session.console.print(t(Msg.REPORT_SAVED, session.lang, path=written), style="bold green")
    if not session.other:  # a rater hands the file in; the person goes on to the material and the ledger
        session.console.print(t(Msg.NEXT_STEPS, session.lang))
    return written


def _report(session: Session, opts: StartOptions, questionnaires: list[Questionnaire]) -> Report:
    """The report of the finished interview: a rater's marks about the subject, or the person's own answers."""
    from selfcheck import __version__
    from selfcheck.records.report import Respondent, build

    state, interview, rater = session.draft, session.interview, session.other
    name = state.name or opts.name
    return build(
        questionnaires,
        {q.id: interview.answers_for(q.id) for q in questionnaires},
        {q.id: interview.skipped_for(q.id) for q in questionnaires},
        state.findings,
        name=name,
        created=state.created,
        tool_version=__version__,
        review=state.review,
        respondent=Respondent(role=state.role, subject=state.subject)
        if rater
        else Respondent(name=name or None, post=state.post, serves_public=state.serves_public),
        no_problem=state.no_problem,
        grades=dict(state.grades) if rater else None,
        ratings=state.ratings if rater else None,
        comments=state.comments if rater else None,
    )
