"""Hostile text never reaches a terminal raw (#13): OSC 0 (window title), OSC 52 (clipboard), ESC[2J (clear).

Every read command runs in a real pty over reports whose name, answer and finding carry those sequences; the
output must hold no ESC at all (NO_COLOR=1, so selfcheck's own styling adds none either)."""

from __future__ import annotations

import copy
import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
from typer.testing import CliRunner

from helpers import MINIMAL, write_toml
from selfcheck.cli import app
from selfcheck.terminal.visible import visible

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J"
C1_CSI = "\x9b2J"
HOSTILE = f"{OSC_TITLE}张三{OSC_CLIPBOARD}{CLEAR}{C1_CSI}\u202e"


def _hostile_questionnaire(tmp_path: Path) -> Path:
    data: dict[str, Any] = copy.deepcopy(MINIMAL)
    data["title"] = f"问卷{HOSTILE}"
    data["items"][0]["text"] = f"我经常下基层。{HOSTILE}"
    data["items"][0]["problem"] = f"下基层少{HOSTILE}"
    data["rating"] = {"labels": ["不满意", "基本满意", "满意"], "abstain": "不了解"}
    for item in data["items"]:
        item["text_other"] = item["text"].replace("我", "该同志")
    return write_toml(tmp_path / "hostile.toml", data)


def _reports(home: Path, tmp_path: Path) -> Path:
    qfile = _hostile_questionnaire(tmp_path)
    answers = write_toml(
        tmp_path / "answers.toml",
        {
            "questionnaires": {"mini": {"answers": {"a1": 1, "a2": 2, "b1": True, "b2": HOSTILE, "b3": "half"}}},
            "findings": [
                {
                    "questionnaire": "mini",
                    "item": "a1",
                    "problem": f"下基层少{HOSTILE}",
                    "detail": f"具体表现{HOSTILE}",
                    "measure": f"每月两次{HOSTILE}",
                }
            ],
        },
    )
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["start", "mini", "-q", str(qfile), "--answers", str(answers), "--name", HOSTILE])
        assert result.exit_code == 0, result.output
    return qfile


def _ratings(tmp_path: Path, qfile: Path) -> Path:
    """Three ratings of the hostile name, with a hostile comment, so that gap shows its whole view."""
    folder = tmp_path / "ratings"
    for first in (2, 3, 4):
        args = ["rate", "--subject", HOSTILE, "-q", str(qfile), "--dir", str(folder)]
        result = CliRunner().invoke(app, args, input=f"{first}\n\n2\n1\n3\n{HOSTILE}\n\n\n")
        assert result.exit_code == 0, result.output
    return folder


def _run(args: list[str], home: Path) -> str:
    env = {**os.environ, "SELFCHECK_HOME": str(home), "COLUMNS": "100", "TERM": "xterm", "NO_COLOR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "selfcheck", *args], env=env, timeout=60, dimensions=(50, 100))
    child.expect(pexpect.EOF)
    child.close()
    out: bytes = child.before
    return out.decode("utf-8", "replace")


def test_no_raw_escape_reaches_the_terminal_from_any_read_command(home: Path, tmp_path: Path) -> None:
    qfile = _reports(home, tmp_path)
    folder = home / "reports"
    commands = [
        ["report", "show"],
        ["report", "list"],
        ["diff", "--all"],
        ["plan"],
        ["history"],
        ["summary", str(folder), "--names"],
        ["gap", "latest", str(_ratings(tmp_path, qfile))],
        ["questionnaires", "list", "-q", str(qfile)],
        ["questionnaires", "show", "mini", "-q", str(qfile)],
    ]
    for args in commands:
        out = _run(args, home)
        assert "\x1b" not in out, (args, out[:400])
        assert "\x9b" not in out and "\u202e" not in out, args
        assert "Traceback" not in out, (args, out)
    gap = _run(["gap", "latest", str(tmp_path / "ratings")], home)
    assert "3 人评价" in gap and "␛]0;pwned␇" in gap  # the whole view, the name shown and not obeyed
    shown = _run(["report", "show"], home)
    assert "␛]0;pwned␇" in shown  # shown, not obeyed
    assert "张三" in shown and "具体表现" in shown


def test_the_interview_shows_hostile_questionnaire_text_visibly(home: Path, tmp_path: Path) -> None:
    qfile = _hostile_questionnaire(tmp_path)
    env = {**os.environ, "SELFCHECK_HOME": str(home), "COLUMNS": "100", "TERM": "xterm", "NO_COLOR": "1"}
    child = pexpect.spawn(
        sys.executable, ["-m", "selfcheck", "start", "-q", str(qfile)], env=env, timeout=30, dimensions=(50, 100)
    )
    child.expect("第 1/5 题".encode())  # b2 counted until b1 is answered (#18 progress)
    child.expect("›".encode())
    seen: bytes = child.before
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    text = seen.decode("utf-8", "replace")
    assert "我经常下基层" in text and "␛" in text
    assert "\x1b" not in text


def test_rich_markup_in_data_is_shown_as_typed(home: Path, tmp_path: Path) -> None:
    qfile = _hostile_questionnaire(tmp_path)
    answers = write_toml(tmp_path / "a.toml", {"questionnaires": {"mini": {"answers": {"a1": 4}}}})
    name = "[link=file:///etc/passwd]点我[/link][bold red]"
    result = CliRunner().invoke(app, ["start", "mini", "-q", str(qfile), "--answers", str(answers), "--name", name])
    assert result.exit_code == 0
    out = _run(["report", "show"], home)
    assert name in out and "\x1b" not in out


def test_visible_keeps_newlines_and_text_and_marks_every_control() -> None:
    assert visible("第一行\n第二行") == "第一行\n第二行"
    assert visible(OSC_TITLE) == "␛]0;pwned␇"
    assert visible("a\tb\r\n") == "a b\n"
    assert visible("\x9b2J\u202eX\x7f") == "\ufffd2J\ufffdX\u2421"
    assert all(ord(c) >= 0x20 or c == "\n" for c in visible("".join(map(chr, range(0x100)))))


def test_docx_and_html_exports_drop_characters_xml_cannot_hold(home: Path, tmp_path: Path) -> None:
    import io
    import zipfile

    _reports(home, tmp_path)
    runner = CliRunner()
    out = tmp_path / "材料.docx"
    result = runner.invoke(app, ["export", "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "具体表现" in body and "\x1b" not in body and "\x07" not in body
    page = runner.invoke(app, ["export", "--format", "html", "-o", "-"])
    assert page.exit_code == 0 and "\x1b" not in page.output and "具体表现" in page.output


INJECTIONS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\tX", "\rY"]


def test_csv_cells_that_a_spreadsheet_would_run_are_defused(home: Path, tmp_path: Path) -> None:
    import csv
    import io

    qfile = _hostile_questionnaire(tmp_path)
    answers = write_toml(
        tmp_path / "answers.toml",
        {
            "questionnaires": {"mini": {"answers": {"a1": 1, "b1": False}}},
            "findings": [
                {"questionnaire": "mini", "item": "a1", "problem": INJECTIONS[0], "detail": INJECTIONS[1]},
                {"questionnaire": "mini", "item": "b1", "problem": "不回访", "measure": INJECTIONS[2]},
            ],
        },
    )
    runner = CliRunner()
    result = runner.invoke(app, ["start", "mini", "-q", str(qfile), "--answers", str(answers), "--name", INJECTIONS[3]])
    assert result.exit_code == 0, result.output
    for what in ("findings", "answers"):
        table = runner.invoke(app, ["export", "--format", "csv", "--what", what, "-o", "-"])
        assert table.exit_code == 0, table.output
        cells = [cell for row in csv.reader(io.StringIO(table.output.lstrip("\ufeff"))) for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")], what
        assert not [c for c in cells if c.startswith("-") and not c.lstrip("-").replace(".", "").isdigit()], what
        if what == "findings":
            assert "'" + INJECTIONS[0] in cells and "'" + INJECTIONS[1] in cells and "'" + INJECTIONS[2] in cells


def test_defuse_follows_owasp_and_leaves_numbers() -> None:
    from selfcheck.export.csv_tables import defuse

    assert [defuse(c) for c in INJECTIONS] == ["'" + c for c in INJECTIONS]
    assert defuse("-3") == "-3" and defuse("12.5") == "12.5" and defuse("下基层少") == "下基层少"
