"""``selfcheck start``: the interview."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from selfcheck.i18n import Lang
    from selfcheck.questionnaire.library import Library
    from selfcheck.records.codes import RaterRole

from selfcheck.cli.options import LangOption, QuestionnaireFiles, RoleOption, resolve_lang


def _custom(extra: list[Path], always: bool = False) -> tuple[Library | None, dict[str, str]]:
    """The library with ``--questionnaire`` files (None when there are none: the interview loads it later) and
    those files by questionnaire id, so that a draft can find them again."""
    if not extra and not always:
        return None, {}
    from selfcheck.questionnaire.library import load_library

    library = load_library(extra)
    files = {e.questionnaire.id: str(e.path.resolve()) for e in library.entries.values() if e.path in extra}
    return library, files


def start(
    ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ID",
            help="Questionnaire ids, or a set: contrast (三个对照), ability (三种能力), all. Asked when omitted.",
        ),
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="Your name for the report (optional).")] = None,
    folder: Annotated[
        Path | None,
        typer.Option("--dir", help="Folder for reports (default: SELFCHECK_HOME or the data folder)."),
    ] = None,
    questionnaire: QuestionnaireFiles = None,
    lang: LangOption = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", help="Answer from this TOML file without prompting (a past report works too)."),
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the interrupted interview.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="With --answers: wording the interview would question is an error.")
    ] = False,
) -> None:
    """开始自查 — answer a questionnaire and get scores, 问题清单 and 整改清单.

    Type a number (or numbers like 1,3 for checklists); Enter keeps the shown answer or skips;
    b goes back; ? shows the source passage; q saves a draft and quits.

    Examples:

    \b
      selfcheck start
      selfcheck start contrast --name 张三
      selfcheck start diaoyan juece --lang en
      selfcheck start --resume
      selfcheck start --answers last-year.toml
    """
    from selfcheck.i18n import Msg, default_lang, t
    from selfcheck.interview.from_answers import StartOptions, from_answers
    from selfcheck.records import storage

    library, files = _custom(questionnaire or [], always=answers is not None)
    chosen = list(ids or []) or list(files)
    opts = StartOptions(
        ids=chosen,
        name=name,
        folder=storage.reports_dir(folder),
        lang=resolve_lang(lang) if lang is not None else None,
        resume=resume,
        files=files,
    )
    if answers is not None:
        assert library is not None
        notes: list[tuple[Msg, dict[str, object]]] = []
        path = from_answers(library, opts, answers, strict=strict, notes=notes)
        if notes:
            said = opts.lang or default_lang()
            typer.echo(t(Msg.ANSWERS_WARNINGS, said, path=answers), err=True)
            for message, values in notes:
                typer.echo("  " + t(message, said, **values), err=True)
        typer.echo(str(path))
        return
    from selfcheck.terminal.interview import interactive

    interactive(opts, library)


def rate(
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="ID", help="Questionnaire ids or a set (contrast, ability, all). Asked when omitted."),
    ] = None,
    subject: Annotated[str | None, typer.Option("--subject", help="The person you are rating.")] = None,
    role: RoleOption = "peer",
    folder: Annotated[
        Path | None, typer.Option("--dir", help="Folder for the rating (default: SELFCHECK_HOME or the data folder).")
    ] = None,
    questionnaire: QuestionnaireFiles = None,
    lang: LangOption = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the interrupted rating.")] = False,
    table: Annotated[
        Path | None, typer.Option("--import", metavar="CSV", help="Import paper ballots typed into this table.")
    ] = None,
    subjects: Annotated[str, typer.Option("--subjects", help="With --import: the people on the sheet.")] = "",
) -> None:
    """民主测评 — rate someone else, anonymously (背靠背).

    Items come in the third person, with a mark per dimension.

    Your name is never stored. Enter on any question means 不了解 (don't know) and does not count.

    Examples:

    \b
      selfcheck rate --subject 张三 contrast
      selfcheck rate fuwu --subject 张三 --role masses
      selfcheck rate --subject 张三 --dir ./测评
      selfcheck rate zuofeng --import 测评表.csv \\
          --subjects 张三,李四
    """
    from selfcheck.errors import UsageError
    from selfcheck.i18n import Msg
    from selfcheck.records import storage

    if table is not None:
        _import(table, list(ids or []), subjects, role, folder, questionnaire, lang)
        return
    if not (subject or "").strip():
        raise UsageError(Msg.RATE_RESUME_SUBJECT if resume else Msg.SUBJECT_NEEDED)
    from selfcheck.interview.from_answers import StartOptions
    from selfcheck.terminal.interview import interactive

    library, files = _custom(questionnaire or [])
    opts = StartOptions(
        ids=list(ids or []) or list(files),
        name=None,
        folder=storage.reports_dir(folder),
        lang=resolve_lang(lang) if lang is not None else None,
        resume=resume,
        files=files,
        role=role,
        subject=(subject or "").strip() or None,
    )
    interactive(opts, library)


def _import(
    table: Path,
    ids: list[str],
    subjects: str,
    role: RaterRole,
    folder: Path | None,
    extra: list[Path] | None,
    lang: Lang | None,
) -> None:
    """``rate --import``: paper ballots from a table, all rows checked before anything is written."""
    from datetime import date

    from selfcheck.collect.form import columns, parse_subjects
    from selfcheck.collect.paper import import_ballots
    from selfcheck.errors import UsageError
    from selfcheck.i18n import Msg, t
    from selfcheck.questionnaire.library import load_library
    from selfcheck.records import storage

    language = resolve_lang(lang)
    if len(ids) != 1 or not subjects.strip():
        raise UsageError(Msg.IMPORT_NEEDS)
    form = load_library(extra or [], only=ids).get(ids[0]).questionnaire
    columns(form)
    names = parse_subjects(subjects)
    target = storage.reports_dir(folder)
    ballots, reports = import_ballots(table, form, names, role, target, date.today())
    typer.echo(t(Msg.IMPORT_DONE, language, ballots=ballots, reports=reports, folder=target))
