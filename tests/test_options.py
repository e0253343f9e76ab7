"""Options with a fixed set of values are typed as those values: Typer lists them in ``--help`` and refuses any
other with exit code 2, naming the choices; each shared option is defined once, with one help text."""

from __future__ import annotations

from typing import Any, get_args

import pytest
import typer
from typer.testing import CliRunner

from selfcheck.cli import COMMANDS, app
from selfcheck.export import FORMATS
from selfcheck.i18n import LANGS
from selfcheck.records.codes import PROGRESS, RaterRole

runner = CliRunner()
ROLES = get_args(RaterRole)


@pytest.mark.parametrize(
    ("command", "option", "choices"),
    [
        (["export"], "--format", tuple(FORMATS)),
        (["export"], "--what", ("answers", "findings")),
        (["rate"], "--role", ROLES),
        (["collect"], "--role", ROLES),
        (["plan", "update"], "--status", PROGRESS),
        (["diff"], "--lang", LANGS),
        (["start"], "--lang", LANGS),
    ],
)
def test_choices_are_listed_in_help_and_anything_else_is_a_usage_error(
    command: list[str], option: str, choices: tuple[str, ...], home: Any
) -> None:
    shown = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "|".join(choices) in shown.output
    extra = ["F1"] if command == ["plan", "update"] else []
    refused = runner.invoke(app, [*command, *extra, option, "nope"])
    assert refused.exit_code == 2, refused.output
    assert option in refused.output and all(f"'{c}'" in refused.output for c in choices)


def _options(command: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every option of every command, as (command path, click parameter)."""
    out = [(path, p) for p in command.params if p.opts and p.opts[0].startswith("--")]
    for name, sub in getattr(command, "commands", {}).items():
        out += _options(sub, f"{path} {name}".strip())
    return out


def test_each_shared_option_has_one_help_text() -> None:
    root: Any = typer.main.get_command(app)
    ctx = root.make_context("selfcheck", [], resilient_parsing=True)
    found: dict[str, set[str]] = {}
    for name in COMMANDS:
        for _path, param in _options(root.get_command(ctx, name), name):
            if param.opts[0] in ("--lang", "--role", "--json"):
                found.setdefault(param.opts[0], set()).add(param.help)
    assert set(found) == {"--lang", "--role", "--json"}
    assert all(len(texts) == 1 for texts in found.values()), found
