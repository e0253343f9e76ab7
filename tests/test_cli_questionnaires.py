"""``selfcheck questionnaires ...`` and help/version through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from helpers import minimal, write_toml
from selfcheck import __version__
from selfcheck.cli import app

runner = CliRunner()


def all_command_paths() -> list[list[str]]:
    """Every command and group, as argument lists (for the --help test)."""
    root = typer.main.get_command(app)
    out: list[list[str]] = [[]]

    def walk(cmd: Any, path: list[str]) -> None:
        ctx = cmd.make_context("selfcheck", [], resilient_parsing=True) if hasattr(cmd, "list_commands") else None
        for name in cmd.list_commands(ctx) if ctx is not None else []:
            out.append([*path, name])
            walk(cmd.get_command(ctx, name), [*path, name])

    walk(root, [])
    return out


@pytest.mark.parametrize("path", all_command_paths(), ids=lambda p: " ".join(p) or "selfcheck")
def test_every_command_has_help_with_text(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip() and "Usage" not in ln]
    assert len(lines) > 3
    assert ("--install-completion" in result.output) == (path == []), "completion is installed from the root"


@pytest.mark.parametrize("path", all_command_paths(), ids=lambda p: " ".join(p) or "selfcheck")
def test_help_fits_a_60_column_terminal_with_chinese(path: list[str]) -> None:
    from rich.cells import cell_len

    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "60"}, terminal_width=60)
    assert result.exit_code == 0, result.output
    wide = [ln for ln in result.output.splitlines() if cell_len(ln) > 60]
    assert not wide, wide
    assert not any(ln.lstrip().startswith(("，", "。", "、", "）")) for ln in result.output.splitlines())


def test_shell_completion_reaches_subcommands_and_their_options() -> None:
    import os
    import subprocess
    import sys

    def complete(words: str) -> list[str]:
        env = {
            **os.environ,
            "_SELFCHECK_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
        probe = "import sys\nfrom selfcheck.cli import main\nsys.argv[0] = 'selfcheck'\nmain()\n"
        done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
        return done.stdout.split()

    assert complete("selfcheck rep") == ["report"]
    assert complete("selfcheck report s") == ["show"]
    assert complete("selfcheck diff --fail") == ["--fail-on-drop"]


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"selfcheck {__version__}"


def test_list_table_and_json() -> None:
    result = runner.invoke(app, ["questionnaires", "list"])
    assert result.exit_code == 0
    for qid in ("zuofeng", "qunzhong", "xianjin", "diaoyan", "juece", "fuwu"):
        assert qid in result.output
    data = json.loads(runner.invoke(app, ["questionnaires", "list", "--json"]).output)
    # the six self-checks, then the two 民主评议 forms (#15)
    assert [d["id"] for d in data] == ["zuofeng", "qunzhong", "xianjin", "diaoyan", "juece", "fuwu", "pingyi", "ceping"]
    assert set(data[0]) >= {"id", "title", "kind", "version", "items", "dimensions", "source"}
    assert data[0]["dimensions"][0] == {"id": "sixiang", "title": "思想作风"}
    assert data[0]["source"] == "built-in"


def test_user_folder_overrides_builtin_and_list_says_which_file(home: Path) -> None:
    folder = home / "questionnaires"
    folder.mkdir(parents=True)
    custom = minimal(id="zuofeng", version="2-branch")
    path = write_toml(folder / "ours.toml", custom)
    data = json.loads(runner.invoke(app, ["questionnaires", "list", "--json"]).output)
    entry = next(d for d in data if d["id"] == "zuofeng")
    assert entry["source"] == str(path)
    assert entry["version"] == "2-branch"


def test_broken_user_file_is_a_warning_not_a_crash(home: Path) -> None:
    folder = home / "questionnaires"
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text("id = ", encoding="utf-8")
    result = runner.invoke(app, ["questionnaires", "list", "--lang", "en"])
    assert result.exit_code == 0
    assert "skipped: " in result.output and "bad.toml: invalid TOML" in result.output
    chinese = runner.invoke(app, ["questionnaires", "list"])
    assert "已跳过：" in chinese.output and "bad.toml：TOML 格式错误" in chinese.output


def test_show_table_and_json() -> None:
    result = runner.invoke(app, ["questionnaires", "show", "diaoyan"])
    assert result.exit_code == 0
    assert "沉下身子搞调查" in result.output
    data = json.loads(runner.invoke(app, ["questionnaires", "show", "diaoyan", "--json"]).output)
    assert data["id"] == "diaoyan" and len(data["items"]) >= 12


@pytest.mark.parametrize("columns", ["60", "100"])
def test_show_wraps_items_by_chinese_rules(columns: str) -> None:
    # Rich alone folds a cell wherever the width ends: "…便于参观的地方" then "。" alone on the next line.
    result = runner.invoke(app, ["questionnaires", "show", "diaoyan"], env={"COLUMNS": columns})
    assert result.exit_code == 0
    cells = [part.strip() for line in result.output.splitlines() for part in line.split("│")[1:]]
    assert [c for c in cells if c and c[0] in "，。、；：？！）”"] == []
    assert max(len(line) for line in result.output.splitlines()) <= int(columns)


def test_show_unknown_id_is_a_usage_error() -> None:
    result = runner.invoke(app, ["questionnaires", "show", "nope", "--lang", "en"])
    assert result.exit_code == 2
    assert "No questionnaire with id 'nope'" in result.output
    assert "Traceback" not in result.output


def test_validate_good_and_bad(tmp_path: Path) -> None:
    good = write_toml(tmp_path / "good.toml", minimal())
    bad_data = minimal()
    bad_data["items"][1]["id"] = "a1"
    bad = write_toml(tmp_path / "bad.toml", bad_data)
    result = runner.invoke(app, ["questionnaires", "validate", str(good), "--lang", "en"])
    assert result.exit_code == 0 and "ok" in result.output
    result = runner.invoke(app, ["questionnaires", "validate", str(good), str(bad), "--lang", "en"])
    assert result.exit_code == 1
    assert f"{bad}: invalid questionnaire (1 problem(s))" in result.output
    assert "item a1: id: duplicate item id" in result.output
    assert "Traceback" not in result.output
    chinese = runner.invoke(app, ["questionnaires", "validate", str(bad)])
    assert f"{bad}：问卷有 1 处问题" in chinese.output and "item a1: id: 题目 id 重复" in chinese.output


def test_validate_builtin_files() -> None:
    files = sorted(str(p) for p in (Path(__file__).parents[1] / "questionnaires").glob("*.toml"))
    result = runner.invoke(app, ["questionnaires", "validate", *files])
    assert result.exit_code == 0, result.output
    assert result.output.count("：通过") == len(files) == 8  # six self-checks and two 民主评议 forms (#15)


def test_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["questionnaires", "schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "items" in schema["properties"]


def test_short_help_in_the_command_list_matches_each_command() -> None:
    from selfcheck.cli import COMMANDS

    root: Any = typer.main.get_command(app)
    ctx = root.make_context("selfcheck", [], resilient_parsing=True)
    for name, (_module, _attr, short) in COMMANDS.items():
        command = root.get_command(ctx, name)
        assert (command.help or "").strip().splitlines()[0] == short, name


def test_help_and_version_import_nothing_heavy() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from selfcheck.cli import main\n"
        "sys.argv = ['selfcheck', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pydantic', 'tomllib', 'tomli_w', 'docx', 'rich') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    for flag in ("--help", "--version"):
        out = subprocess.run([sys.executable, "-c", probe, flag], capture_output=True, text=True, check=True).stdout
        assert "HEAVY []" in out, (flag, out)


def _rows(output: str) -> dict[str, tuple[str, str]]:
    """Item id -> (its marks, the text of its row, lines joined without spaces), in the narrow or the wide layout."""
    rows: list[list[list[str]]] = []
    for line in output.splitlines():
        cells = [c.strip() for c in line.split("│")[1:-1]]
        if cells and cells[0]:  # a new row starts with its number
            rows.append([cells])
        elif cells and rows:
            rows[-1].append(cells)
    out = {}
    for row in rows:
        text = "".join(cells[-1] for cells in row)
        if len(row[0]) == 5:  # wide: #, ID, kind, marks, item
            out[row[0][1]] = (row[0][3], text)
        else:  # narrow: #, marks, item with "id · kind" under the text
            iid = next(cells[-1].split(" · ")[0] for cells in row if " · " in cells[-1])
            out[iid] = (row[0][1], text)
    return out


@pytest.mark.parametrize("columns", ["60", "100"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_marks_red_lines_posts_and_the_persons_own_record(columns: str, lang: str) -> None:
    """#16: which items are red lines, which are asked of some posts only (which posts), and which are the person's
    own record (never asked of raters), with a legend, readable at 60 columns."""
    zh = lang == "zh"
    red, posts, own = ("红", "岗", "自") if zh else ("R", "P", "O")
    result = runner.invoke(app, ["questionnaires", "show", "juece", "--lang", lang], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) <= int(columns)
    legend = "".join(result.output.split())  # lines wrap anywhere in Chinese: compared without white space
    assert (f"{red}=红线" if zh else f"{red}=redline") in legend
    assert (f"{posts}=只问部分岗位" if zh else f"{posts}=askedofsomepostsonly") in legend
    assert (f"{own}=本人记录，不问测评人" if zh else f"{own}=theperson'sownrecord,neverasked") in legend
    rows = _rows(result.output)
    marks, text = rows["mz-alone"]  # a red line, leaders only, the person's own count
    assert marks.split() == [red, posts, own]
    assert ("仅：领导干部" if zh else "Only:Leadingcadre") in text.replace(" ", "")
    assert rows["mz-collective"][0].split() == [posts]  # asked of raters, and no longer a red line (#16)

    shown = runner.invoke(app, ["questionnaires", "show", "diaoyan", "--lang", lang], env={"COLUMNS": columns})
    rows = _rows(shown.output)
    assert rows["dc-went"][0].split() == [posts]  # asked of raters: no own-record mark
    assert rows["dc-places-named"][0].split() == [own]  # free text about oneself: never asked of raters
    marks, text = rows["dc-reception"]  # one option (层层陪同) for leaders only
    assert marks.split() == [posts] and ("」仅：领导干部" if zh else "”only:Leadingcadre") in text.replace(" ", "")
    assert max(len(line) for line in shown.output.splitlines()) <= int(columns)

    shown = runner.invoke(app, ["questionnaires", "show", "zuofeng", "--lang", lang], env={"COLUMNS": columns})
    marks, text = _rows(shown.output)["sh-extravagance"]  # one option (以权谋私) is the red line, not the whole item
    assert marks.split() == [red, posts]
    assert ("」为红线" if zh else "isaredline") in text.replace(" ", "")
    assert max(len(line) for line in shown.output.splitlines()) <= int(columns)


def test_show_json_carries_the_marks_as_questionnaire_fields() -> None:
    """The JSON is the questionnaire itself: red lines, posts and own-record flags per item and option."""
    data = json.loads(runner.invoke(app, ["questionnaires", "show", "juece", "--json"]).output)
    alone = next(i for i in data["items"] if i["id"] == "mz-alone")
    assert alone["red_line"] is True and alone["posts"] == ["leader"] and alone["record_only"] is True
    zuofeng = json.loads(runner.invoke(app, ["questionnaires", "show", "zuofeng", "--json"]).output)
    lavish = next(i for i in zuofeng["items"] if i["id"] == "sh-extravagance")
    assert [(o["id"], o["posts"]) for o in lavish["options"] if o["red_line"]] == [("abuse", ["leader", "cadre"])]
