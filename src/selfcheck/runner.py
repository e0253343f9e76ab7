"""A whole self-check run, from choosing questionnaires to the written report (interactive or from a file)."""

from __future__ import annotations

import contextlib
import signal
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from selfcheck.catalog import Catalog
from selfcheck.errors import ReportError, UsageError
from selfcheck.messages import Lang


@dataclass
class StartOptions:
    """What ``selfcheck start`` was asked to do."""

    ids: list[str]
    name: str | None
    folder: Path
    lang: Lang | None
    """None: the draft's language when resuming, else the locale's."""
    resume: bool
    files: dict[str, str]
    """Custom questionnaire files by id (``--questionnaire``)."""
    role: Literal["self", "peer", "masses"] = "self"
    subject: str | None = None


def from_answers(catalog: Catalog, opts: StartOptions, answers_path: Path) -> Path:
    """Score an answers file and write its report without asking anything."""
    from pydantic import ValidationError

    from selfcheck import __version__, answerfile, storage
    from selfcheck.report import Finding, build, finding_id, now
    from selfcheck.scoring import detect
    from selfcheck.tomlfile import first_problem

    given = answerfile.load(answers_path, catalog, opts.ids)
    created = now()
    findings: list[Finding] = []
    for i, raw in enumerate(given.findings):
        data: dict[str, Any] = {k: v for k, v in raw.items() if k != "id"}
        key = f"{data.get('questionnaire')}/{data.get('item')}/{data.get('option')}/{i}"
        try:
            findings.append(Finding.model_validate({"id": finding_id(created, key), **data}))
        except ValidationError as exc:
            problem = first_problem(exc, f"findings[{i}].")
            raise ReportError(f"{answers_path}: {problem}; no report written.") from None
    covered = {(f.questionnaire, f.item, f.option) for f in findings}
    for q in given.questionnaires:
        for d in detect(q, given.answers[q.id]):
            if (d.questionnaire, d.item, d.option) not in covered:
                findings.append(
                    Finding(
                        id=finding_id(created, f"{d.questionnaire}/{d.key}"),
                        questionnaire=q.id,
                        item=d.item,
                        option=d.option,
                        problem=d.problem,
                    )
                )
    report = build(
        given.questionnaires,
        given.answers,
        given.skipped,
        findings,
        name=opts.name,
        created=created,
        tool_version=__version__,
    )
    return storage.write_report(report, opts.folder)


def _hangup(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _choose_set_plain(lang: Lang) -> list[str] | None:
    """The very first question (which set?), asked before anything heavy is imported so that it appears at once.

    Returns the set's ids, or None for "pick" (which needs the catalog)."""
    from selfcheck.catalog import SETS
    from selfcheck.messages import t

    keys = ["contrast", "ability", "all", "pick"]
    print(t("choose.set", lang))
    for i, key in enumerate(keys, 1):
        print(f"  {i}  {t(f'set.{key}', lang)}")
    while True:
        raw = input("› ").strip()
        if raw.isdigit() and 1 <= int(raw) <= len(keys):
            key = keys[int(raw) - 1]
            return None if key == "pick" else list(SETS[key])
        print(t("bad.number", lang, n=len(keys)))


def interactive(opts: StartOptions, catalog: Catalog | None = None) -> Path | None:
    """Run the interview in the terminal; returns the report's path, or None when the person quit (draft kept).

    ``catalog`` is loaded here when not given, after the first prompt when the set is still to be chosen."""
    from selfcheck.messages import default_lang
    from selfcheck.paths import DRAFT_NAME

    chosen: list[str] | None = opts.ids or None
    fresh = not opts.resume and not (opts.folder / DRAFT_NAME).exists()
    if catalog is None and not chosen and fresh:
        try:
            chosen = _choose_set_plain(opts.lang or default_lang())
        except (KeyboardInterrupt, EOFError):
            print()
            raise SystemExit(130) from None
    if catalog is None:
        from selfcheck.catalog import load_catalog

        catalog = load_catalog(only=chosen if chosen and fresh else None)
    return _interactive(catalog, opts, chosen)


def _interactive(catalog: Catalog, opts: StartOptions, chosen: list[str] | None) -> Path | None:
    from selfcheck import __version__, draft, ledger, storage
    from selfcheck.console import make_console
    from selfcheck.interview import Interview
    from selfcheck.messages import default_lang, t
    from selfcheck.prompting import Quit, Session, choose_questionnaires
    from selfcheck.report import Respondent, build, now
    from selfcheck.scoring import detect

    console = make_console()
    lang = opts.lang or default_lang()
    saved = draft.load(opts.folder)
    if opts.resume and saved is None:
        raise UsageError(t("draft.none", lang))
    if saved is not None and not opts.resume:
        listed = ", ".join(saved.questionnaires)
        answer = console.input(t("draft.found", lang, when=f"{saved.created:%Y-%m-%d %H:%M}", ids=listed) + " ")
        if answer.strip().lower() in ("n", "no", "否"):
            if console.input(t("draft.discard", lang) + " ").strip().lower() not in ("y", "yes", "是"):
                return None
            draft.remove(opts.folder)
            saved = None
    if saved is not None:
        for qid, file in saved.files.items():
            if qid not in catalog.entries:
                from selfcheck.catalog import Entry, load_file

                catalog.entries[qid] = Entry(load_file(Path(file)), Path(file), builtin=False)
        questionnaires = catalog.select(saved.questionnaires)
        for q in questionnaires:
            if saved.digests.get(q.id) not in (None, q.digest()):
                console.print(t("draft.changed", lang, id=q.id), style="yellow")
        state = saved
        lang = opts.lang or saved.lang
    else:
        ids = chosen or choose_questionnaires(console, lang, [e.questionnaire for e in catalog.entries.values()])
        questionnaires = catalog.select(ids)
        rater = opts.role != "self"
        state = draft.Draft(
            created=now(),
            name=None if rater else opts.name,
            role=opts.role,
            subject=opts.subject,
            phase="questions" if rater else "review",
            lang=lang,
            questionnaires=[q.id for q in questionnaires],
            files={k: v for k, v in opts.files.items() if k in {q.id for q in questionnaires}},
            digests={q.id: q.digest() for q in questionnaires},
        )
    state.digests = {q.id: q.digest() for q in questionnaires}
    interview = Interview(questionnaires, state.answers, state.skipped)
    session = Session(console, lang, interview, state, lambda d: draft.save(d, opts.folder))
    session.other = state.role != "self"
    if session.other:
        console.print(t("rater.intro", lang, subject=state.subject or "?"), style="bold")
    rows, _broken = storage.load_all(opts.folder)
    own = [(p, r) for p, r in rows if r.respondent.role == "self"]
    session.earlier = [
        (f"{r.created:%Y-%m}", text)
        for _, r in own
        for f in r.findings
        for text in (f.detail, f.problem if f.item is None else "")
        if text
    ]
    book = ledger.load(opts.folder)

    def record(measure: ledger.Measure, status: ledger.Progress, evidence: str) -> None:
        ledger.record(book, rows, measure.finding.id, status, evidence, date.today(), now())
        ledger.save(book, opts.folder)

    previous = signal.signal(signal.SIGHUP, _hangup) if hasattr(signal, "SIGHUP") else None
    try:
        session.persist()
        if state.phase == "review":
            session.run_review(ledger.measures(own, book), record)
            state.phase = "questions"
            session.persist()
        session.run_questions()
        if session.other:
            state.phase = "ratings"
            session.run_ratings(questionnaires)
        else:
            detected = [d for q in questionnaires for d in detect(q, interview.answers_for(q.id))]
            owner = state.name or opts.name or t("self", lang)
            session.run_findings(detected, "+".join(q.id for q in questionnaires), owner)
    except Quit:
        console.print(t("saved.quit", lang), style="bold")
        return None
    except (KeyboardInterrupt, EOFError) as exc:
        # The draft was saved after the last answer. After a hang-up the terminal is gone: say so only if we can.
        with contextlib.suppress(OSError):
            console.print()
            console.print(t("interrupted", lang) + ("" if lang == "zh" else " ") + t("saved.quit", lang), style="bold")
        raise SystemExit(130 if isinstance(exc, KeyboardInterrupt) else 1) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGHUP, previous)
    report = build(
        questionnaires,
        {q.id: interview.answers_for(q.id) for q in questionnaires},
        {q.id: interview.skipped_for(q.id) for q in questionnaires},
        state.findings,
        name=state.name or opts.name,
        created=state.created,
        tool_version=__version__,
        review=state.review,
        respondent=Respondent(role=state.role, subject=state.subject) if session.other else None,
        ratings=state.ratings if session.other else None,
        comments=state.comments if session.other else None,
    )
    path = storage.write_report(report, opts.folder)
    draft.remove(opts.folder)
    console.print(t("report.saved", lang, path=path), style="bold green")
    return path
