"""The coercion of plain parameters without pydantic adapters (#19) gives what typer's own gives, value and error.

Timings live in benchmarks/run.py; here every parameter of every command is fed the same values through both."""

from __future__ import annotations

import subprocess
import sys
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

import pytest
import typer.main

from selfcheck.cli import COMMANDS, app
from selfcheck.cli.plainparams import PlainParam, plain


def _commands() -> list[tuple[str, Any]]:
    """(path, click command) for the root and every command and subcommand."""
    root: Any = typer.main.get_command(app)
    ctx = root.make_context("selfcheck", [], resilient_parsing=True)
    found = [("selfcheck", root)]
    for name in COMMANDS:
        command = root.get_command(ctx, name)
        found.append((name, command))
        found += [(f"{name} {sub}", c) for sub, c in getattr(command, "commands", {}).items()]
    return found


class Fmt(StrEnum):
    md = "md"
    docx = "docx"
    page = "HTML"


class Level(Enum):
    low = 1
    high = 2


def _synthetic() -> Any:
    """A command with the kinds of choice selfcheck's commands may take (#11 moves options to Enums)."""
    extra = typer.Typer()

    @extra.command()
    def run(
        fmt: Fmt = Fmt.md,
        loose: Annotated[Fmt, typer.Option(case_sensitive=False)] = Fmt.md,
        level: Level | None = None,
        mode: Literal["a", "b"] = "a",
        many: Annotated[list[Fmt] | None, typer.Option()] = None,
        ranged: Annotated[int, typer.Option(min=1, max=5)] = 3,
    ) -> None:
        """Nothing."""

    return typer.main.get_command(extra)


def _samples(annotation: Any, tmp: Path) -> list[Any]:
    """Values a command line or a default can bring for ``annotation``, good and bad."""
    existing, folder = tmp / "exists.toml", tmp / "folder"
    existing.write_text("x", encoding="utf-8")
    folder.mkdir(exist_ok=True)
    leaves: dict[Any, list[Any]] = {
        str: ["x", "", "中文", "latest~1", "-", " padded ", b"bytes", 3],
        bool: [True, False, "true", "no", ""],
        int: [0, 12, "0", "12", "-3", "-0", "+5", "007", " 5", "1_000", "x", "1.5", "", "-", "9" * 19, 5.0, True],
        float: [10, 10.5, "10", "10.5", "-0.5", "-0", "1.", "1.2.3", "00.5", "1e3", "inf", "nan", ".5", "x", "", True],
        Path: [str(existing), str(folder), str(tmp / "missing.toml"), "", "-", existing, b"raw"],
        Fmt: ["md", "MD", "docx", "html", "HTML", "Html", "pdf", "", Fmt.docx, Level.low, 1],
        Level: ["1", "2", 1, "low", Level.high, Fmt.md, "3"],
        Literal["a", "b"]: ["a", "b", "A", "c", 1],
    }
    origin = get_origin(annotation)
    if origin is Literal and annotation not in leaves:  # a command's own choices (--lang, --format, --status …)
        choices = list(get_args(annotation))
        return [None, *choices, str(choices[-1]).upper(), f" {choices[0]}", "nope", "", 1]
    if origin is list:
        inner = leaves[get_args(annotation)[0]]
        return [None, (), [], tuple(inner[:3]), [inner[0]], inner[0], (inner[0], 3.5)]
    if origin is tuple:
        first, second = (leaves[a] for a in get_args(annotation))
        return [None, (first[0], second[1]), (first[0],), (first[0], second[0], second[2]), first[0]]
    return [None, *leaves[annotation]]


def _outcome(coerce: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any, Any]:
    try:
        result = coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # the class and message of any error must agree
        return ("error", type(exc).__name__, str(exc))
    return ("ok", type(result).__name__, repr(result))  # repr: nan equals itself, item types show


def _compare(path: str, command: Any, tmp: Path) -> list[str]:
    """Feed every sample through typer's coercion and ours for each parameter we cover; the names covered."""
    from typer._click import Context

    ctx = Context(command, info_name=path)
    checked = []
    for param in command.get_params(ctx):
        param._runtime_param = None  # as typer made it (the context that listed the commands installed ours)
        fast = plain(param)
        if fast is None:
            continue
        annotation = param.type_descriptor.annotation
        for value in _samples(annotation, tmp):
            param._runtime_param = None
            own = _outcome(param.get_runtime_param().coerce, value, param, ctx)
            mine = _outcome(fast.coerce, value, param, ctx)
            assert mine == own, (path, param.name, annotation, value)
        checked.append(param.name)
    return checked


@pytest.mark.parametrize(("path", "command"), _commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_plain_parameter_coerces_as_typer_does(path: str, command: Any, tmp_path: Path) -> None:
    assert _compare(path, command, tmp_path) or not command.params, path


def test_choices_coerce_as_typer_does(tmp_path: Path) -> None:
    command = _synthetic()
    covered = _compare("run", command, tmp_path)
    assert {"fmt", "loose", "level", "mode", "many"} <= set(covered)
    assert "ranged" not in covered  # bounds are typer's to check


def test_the_plain_coercion_covers_every_parameter_selfcheck_has() -> None:
    """With the typer this project is tested against, no parameter falls back to building an adapter."""
    from typer._click import Context

    for path, command in _commands():
        ctx = Context(command, info_name=path)
        for param in command.get_params(ctx):
            param._runtime_param = None
            assert isinstance(plain(param), PlainParam), (path, param.name, param.type_descriptor.annotation)


def test_running_a_command_builds_no_pydantic_adapter(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from selfcheck.cli import main\n"
        "sys.argv = ['selfcheck', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('ADAPTERS', 'typer._adapters' in sys.modules)\n"
    )
    env = {"SELFCHECK_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "COLUMNS": "100"}
    for args in (["questionnaires", "list"], ["report", "list", "--dir", str(tmp_path)], ["--version"]):
        out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env, check=False)
        assert "ADAPTERS False" in out.stdout, (args, out.stdout, out.stderr)


def test_a_bad_value_keeps_typers_message(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["diff", "--fail-on-drop", "much", "--dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "Invalid value for '--fail-on-drop': Input should be a valid number" in result.output  # typer's wording
