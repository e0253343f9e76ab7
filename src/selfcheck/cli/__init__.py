"""The command-line interface: parse, call the core, render. Heavy modules are imported inside commands."""

from __future__ import annotations

from typing import Annotated

import typer

from selfcheck import __version__
from selfcheck.cli import export, organisation, overtime, plan, questionnaires, reports, start

app = typer.Typer(
    name="selfcheck",
    help=(
        "对照检查自查工具 — structured self-examination (对照检查) in the terminal.\n\n"
        "Examples:\n\n"
        "  selfcheck start                 # 开始自查 / start an interview\n\n"
        "  selfcheck start zuofeng --name 张三\n\n"
        "  selfcheck questionnaires list   # 查看问卷 / list questionnaires\n\n"
        "  selfcheck report show latest    # 查看最近的报告 / show the latest report"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(questionnaires.app, name="questionnaires")
app.add_typer(reports.app, name="report")
app.command(name="start")(start.start)
app.command(name="rate")(start.rate)
app.command(name="diff")(overtime.diff)
app.command(name="history")(overtime.history)
app.add_typer(plan.app, name="plan")
app.command(name="export")(export.export)
app.command(name="gap")(organisation.gap)
app.command(name="summary")(organisation.summary)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"selfcheck {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """对照检查自查工具 — structured self-examination in the terminal."""


def main() -> None:
    """Entry point of the ``selfcheck`` console script."""
    app()
