"""``selfcheck questionnaires``: list, show, validate and describe the questionnaire format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from selfcheck.cli import plain_app
from selfcheck.cli.options import (
    JsonOption,
    LangOption,
    QuestionnaireFiles,
    print_error,
    print_json,
    resolve_lang,
    warn_skipped,
)

app = plain_app(
    help=(
        "查看、校验问卷 — list, show and validate questionnaires.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  selfcheck questionnaires list\n"
        "  selfcheck questionnaires show diaoyan\n"
        "  selfcheck questionnaires validate my-branch.toml\n"
        "  selfcheck questionnaires schema > schema.json"
    ),
    no_args_is_help=True,
)


@app.command("list")
def list_(questionnaire: QuestionnaireFiles = None, json: JsonOption = False, lang: LangOption = None) -> None:
    """List the questionnaires: built-in, from the user folder, and any given with --questionnaire.

    Example: selfcheck questionnaires list --json
    """
    from selfcheck.questionnaire.library import list_library

    entries, broken = list_library(questionnaire or [])
    for exc in broken:
        warn_skipped(exc, resolve_lang(lang))
    if json:
        print_json(
            [
                {
                    "id": e.header.id,
                    "title": e.header.title,
                    "title_en": e.header.title_en,
                    "kind": e.header.kind,
                    "version": e.header.version,
                    "items": e.header.items,
                    "dimensions": [{"id": d.id, "title": d.title} for d in e.header.dimensions],
                    "source": e.source,
                }
                for e in entries
            ]
        )
        return
    from selfcheck.terminal.console import make_console, questionnaire_list

    console = make_console()
    console.print(questionnaire_list(entries, resolve_lang(lang), console.width))


@app.command()
def show(
    questionnaire_id: Annotated[str, typer.Argument(metavar="ID", help="Questionnaire id, e.g. zuofeng.")],
    questionnaire: QuestionnaireFiles = None,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Show a questionnaire's items grouped by dimension.

    Example: selfcheck questionnaires show juece --lang en
    """
    from selfcheck.questionnaire.library import load_library

    entry = load_library(questionnaire or []).get(questionnaire_id)
    if json:
        print_json(entry.questionnaire.model_dump(mode="json", exclude_none=True))
        return
    from selfcheck.questionnaire.profile import load_profile
    from selfcheck.terminal.console import make_console, questionnaire_detail

    console = make_console()
    console.print(questionnaire_detail(entry.questionnaire, resolve_lang(lang), console.width, load_profile()))


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Questionnaire TOML files to check.")],
    lang: LangOption = None,
) -> None:
    """Check questionnaire files and list every problem; exit 1 when any file is invalid.

    Example: selfcheck questionnaires validate questionnaires/*.toml
    """
    from selfcheck.errors import QuestionnaireError
    from selfcheck.i18n import Msg, t
    from selfcheck.questionnaire.library import load_file

    language = resolve_lang(lang)
    failed = 0
    for path in paths:
        try:
            q = load_file(path)
        except QuestionnaireError as exc:
            failed += 1
            print_error(exc.render(language))
            continue
        counts = {"items": len(q.items), "dimensions": len(q.dimensions)}
        typer.echo(t(Msg.VALIDATE_OK, language, path=path, id=q.id, version=q.version, **counts))
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the questionnaire format (for editors with TOML schema support).

    Example: selfcheck questionnaires schema > questionnaire.schema.json
    """
    from selfcheck.questionnaire.schema import json_schema

    print_json(json_schema())
