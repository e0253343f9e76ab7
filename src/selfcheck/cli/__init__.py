"""The command-line interface: parse, call the core, render. Heavy modules are imported inside commands."""

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from selfcheck import __version__


def plain_app(**kwargs: Any) -> typer.Typer:
    """A Typer app with plain (not Rich) help: the same information, drawn in a third of the time.

    Shell completion is installed from the root (``selfcheck --install-completion``), so subcommands do not
    repeat those options."""
    kwargs.setdefault("add_completion", False)
    return typer.Typer(
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        **kwargs,
    )


# name → (module, attribute, short help). Commands are imported and built only when used, so that
# `selfcheck --help` and every single command pay only for themselves. A test keeps the short help here equal
# to each command's own first docstring line.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "start": ("start", "start", "开始自查 — answer a questionnaire and get scores, 问题清单 and 整改清单."),
    "rate": ("start", "rate", "民主测评 — rate someone else, anonymously (背靠背)."),
    "report": ("report", "app", "查看已保存的报告 — show and list saved reports."),
    "diff": ("diff", "diff", "对比两次报告 — what improved, what slipped, what was solved."),
    "history": ("history", "history", "历次自查 — every report, with a trend line per dimension."),
    "plan": ("plan", "app", "整改台账 — open rectification measures and their progress."),
    "export": (
        "export",
        "export",
        "导出 — the 对照检查材料 (md, docx, html, doc-json), a table (csv) or the reports (json).",
    ),
    "collect": (
        "collect",
        "collect",
        "民主测评 — collect ratings on phones in the meeting room, or print the paper 测评表.",
    ),
    "gap": ("gap", "gap", "自评与他评 — where your view and others' view of you differ."),
    "summary": ("summary", "summary", "组织汇总 — many members' reports at once."),
    "questionnaires": ("questionnaires", "app", "查看、校验问卷 — list, show and validate questionnaires."),
}


class HelpContext(typer.Context):
    """The context every selfcheck command runs in: help is wrapped by display cells, so Chinese fits, and plain
    parameters are coerced without building pydantic adapters (see :mod:`selfcheck.cli.plainparams`)."""

    def __init__(self, command: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(command, *args, **kwargs)
        from selfcheck.cli.plainparams import install

        install(command, self)

    def make_formatter(self) -> Any:
        """The help formatter, imported only when help or a usage error is shown."""
        from selfcheck.cli.helpformat import HelpFormatter

        return HelpFormatter(width=self.terminal_width, max_width=self.max_content_width)


def _wide_help(command: Any) -> None:
    """Give a command, and every command under it, the help formatter that measures Chinese by cells."""
    command.context_class = HelpContext
    for sub in getattr(command, "commands", {}).values():
        _wide_help(sub)


class LazyGroup(TyperGroup):
    """The root command group: subcommands are imported on first use, short help comes from COMMANDS."""

    context_class = HelpContext

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command, in the order of COMMANDS."""
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """Import and build one command."""
        if cmd_name not in COMMANDS:
            return None
        import importlib

        module, attr, _short = COMMANDS[cmd_name]
        target = getattr(importlib.import_module(f"selfcheck.cli.{module}"), attr)
        if isinstance(target, typer.Typer):
            command = typer.main.get_command(target)
        else:
            single = plain_app()
            single.command(name=cmd_name)(target)
            command = typer.main.get_command(single)
        command.name = cmd_name
        _wide_help(command)
        return command

    def invoke(self, ctx: Any) -> Any:
        """The one error boundary: a person's mistake, a file that cannot be read or written, and Ctrl-C become one
        or two lines on stderr and an exit code (1 error, 2 usage, 130 interrupted), never a traceback.
        (``diff --fail-on-drop`` exits 3 itself: a drop is an answer, not an error.)"""
        from selfcheck.cli.options import forget_lang
        from selfcheck.errors import SelfcheckError

        forget_lang()  # a command run earlier in this process (CliRunner, an embedding program) chose its own
        try:
            return super().invoke(ctx)
        except SelfcheckError as exc:
            from selfcheck.cli.options import chosen_lang, print_error

            if not exc.said:
                print_error(exc.render(chosen_lang()))
            raise typer.Exit(exc.exit_code) from None
        except OSError as exc:
            from selfcheck.cli.options import chosen_lang, print_error
            from selfcheck.i18n import Msg, t

            where = exc.filename if exc.filename is not None else "-"
            print_error(t(Msg.OS_ERROR, chosen_lang(), path=where, reason=exc.strerror or exc))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            from selfcheck.cli.options import chosen_lang, print_error
            from selfcheck.i18n import Msg, t

            print_error(t(Msg.INTERRUPTED, chosen_lang()))
            raise typer.Exit(130) from None

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """List the commands with their short help without importing them."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, short) for name, (_m, _a, short) in COMMANDS.items()])


app = plain_app(
    cls=LazyGroup,
    add_completion=True,
    name="selfcheck",
    help=(
        "对照检查自查工具 — structured self-examination in the terminal.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  selfcheck start                  # 开始自查 / start\n"
        "  selfcheck start contrast         # 三个对照\n"
        "  selfcheck questionnaires list    # 查看问卷\n"
        "  selfcheck report show latest     # 最近的报告\n"
        "  selfcheck diff                   # 对比上次\n"
        "  selfcheck export --format docx   # Word 材料"
    ),
    no_args_is_help=True,
)


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
    import gc

    # A command imports and builds tens of thousands of objects that live until it ends; the collector's default
    # (a pass every 700 new objects) walks them again and again, 5% of a `diff`. Passes every 20,000 still bound
    # cyclic garbage (collect serve runs for hours, summary reads 100,000 files), and at the end nothing is left for
    # the collection at exit to walk (frozen: the process is ending, finalizers still run).
    gc.set_threshold(20_000, 10, 10)
    try:
        app()
    finally:
        gc.freeze()
