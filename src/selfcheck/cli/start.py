"""``selfcheck start``: the interview."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from selfcheck.questionnaire.library import Library

from selfcheck.cli.options import LangOption, QuestionnaireFiles, resolve_lang


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
        path = from_answers(library, opts, answers)
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
    role: Annotated[str, typer.Option("--role", help="peer (同事互评) or masses (群众评议).")] = "peer",
    folder: Annotated[
        Path | None, typer.Option("--dir", help="Folder for the rating (default: SELFCHECK_HOME or the data folder).")
    ] = None,
    questionnaire: QuestionnaireFiles = None,
    lang: LangOption = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the interrupted rating.")] = False,
) -> None:
    """民主测评 — rate someone else, anonymously (背靠背).

    Items come in the third person, with a mark per dimension.

    Your name is never stored. Enter on any question means 不了解 (don't know) and does not count.

    Examples:

    \b
      selfcheck rate --subject 张三 contrast
      selfcheck rate fuwu --subject 张三 --role masses
      selfcheck rate --subject 张三 --dir ./测评
    """
    from selfcheck.errors import UsageError
    from selfcheck.records import storage

    if role not in ("peer", "masses"):
        raise UsageError(f"--role: use peer or masses, not {role!r}.")
    if not resume and not (subject or "").strip():
        raise UsageError("--subject: name the person you are rating.")
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
        role="masses" if role == "masses" else "peer",
        subject=(subject or "").strip() or None,
    )
    interactive(opts, library)
