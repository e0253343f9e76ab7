"""A corpus of broken inputs fed to every command that reads that kind of file.

Each must end with a short message naming the file, exit code 1, no traceback, and nothing written.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selfcheck.cli import app

runner = CliRunner()
CORPUS = Path(__file__).parent / "corpus"
BAD_QUESTIONNAIRES = sorted((CORPUS / "questionnaires").glob("*.toml"))
BAD_REPORTS = sorted((CORPUS / "reports").glob("*.toml"))
GOOD_REPORT = CORPUS / "good_report.toml"

QUESTIONNAIRE_COMMANDS = {
    "validate": lambda p: ["questionnaires", "validate", str(p)],
    "list": lambda p: ["questionnaires", "list", "-q", str(p)],
    "show": lambda p: ["questionnaires", "show", "diaoyan", "-q", str(p)],
    "start": lambda p: ["start", "-q", str(p)],
    "rate": lambda p: ["rate", "--subject", "张三", "-q", str(p)],
}
REPORT_COMMANDS = {
    "report show": lambda p: ["report", "show", str(p)],
    "diff (old)": lambda p: ["diff", str(p), str(GOOD_REPORT)],
    "diff (new)": lambda p: ["diff", str(GOOD_REPORT), str(p)],
    "export md": lambda p: ["export", str(p), "--format", "md"],
    "export docx": lambda p: ["export", str(p), "--format", "docx"],
    "export csv": lambda p: ["export", str(p), "--format", "csv"],
    "gap (self)": lambda p: ["gap", str(p), str(GOOD_REPORT)],
}
# An answers file needs only [questionnaires.<id>.answers]; a report missing other fields is still a fine one.
NOT_ANSWERS_PROBLEMS = {"missing_fields", "wrong_types", "naive_time"}


def snapshot(*folders: Path) -> set[Path]:
    return {f for folder in folders if folder.exists() for f in folder.rglob("*")}


def check_refused(args: list[str], bad: Path, home: Path, cwd: Path) -> None:
    before = snapshot(home, cwd)
    result = runner.invoke(app, args, input="")
    assert result.exit_code == 1, (args, result.output)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert str(bad) in result.output, result.output
    lines = [ln for ln in result.output.strip().splitlines() if ln.startswith("selfcheck:")]
    assert lines, result.output
    assert snapshot(home, cwd) == before, "something was written"


@pytest.mark.parametrize("command", QUESTIONNAIRE_COMMANDS)
@pytest.mark.parametrize("bad", BAD_QUESTIONNAIRES, ids=lambda p: p.stem)
def test_broken_questionnaire(
    command: str, bad: Path, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    check_refused(QUESTIONNAIRE_COMMANDS[command](bad), bad, home, tmp_path)


@pytest.mark.parametrize("command", REPORT_COMMANDS)
@pytest.mark.parametrize("bad", BAD_REPORTS, ids=lambda p: p.stem)
def test_broken_report(command: str, bad: Path, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    check_refused(REPORT_COMMANDS[command](bad), bad, home, tmp_path)


@pytest.mark.parametrize("bad", [p for p in BAD_REPORTS if p.stem not in NOT_ANSWERS_PROBLEMS], ids=lambda p: p.stem)
def test_broken_answers_file(bad: Path, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    check_refused(["start", "--answers", str(bad)], bad, home, tmp_path)


def test_oversized_files_are_refused_before_parsing(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * (20 * 1024 * 1024) + b"\n")
    for args in (
        ["questionnaires", "validate", str(big)],
        ["report", "show", str(big)],
        ["start", "--answers", str(big)],
    ):
        result = runner.invoke(app, args, env={"SELFCHECK_LANG": "en"})
        assert result.exit_code == 1
        assert f"{big}: the file is larger than 2 MB" in result.output
        chinese = runner.invoke(app, args)
        assert f"{big}：文件超过 2 MB" in chinese.output


def test_broken_report_in_summary_is_skipped_and_counted(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    for bad in BAD_REPORTS:
        shutil.copy(bad, folder / f"selfcheck-{bad.stem}.toml")
    shutil.copy(GOOD_REPORT, folder / "selfcheck-good.toml")
    result = runner.invoke(app, ["summary", str(folder), "--json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    skipped = {Path(p).stem.removeprefix("selfcheck-") for p in data["skipped"]}
    # The summary reads only scores and findings: a missing digest, a naive time or an odd deadline do not stop it.
    assert skipped == {p.stem for p in BAD_REPORTS} - {"missing_fields", "naive_time", "bad_finding"}
    assert data["files"] == 4  # read; the same person's reports then count once (the latest per questionnaire)
    assert sum(data["skipped_reasons"].values()) == len(skipped)  # and each skip has its reason code
    assert result.output.count("selfcheck: skipped:") == len(skipped)
    every = json.loads(runner.invoke(app, ["summary", str(folder), "--json", "--all-reports"]).stdout)
    assert every["reports"] == 4 and every["all_reports"] is True


def test_report_of_a_questionnaire_that_no_longer_exists(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    gone = tmp_path / "gone.toml"
    gone.write_text(GOOD_REPORT.read_text(encoding="utf-8").replace("diaoyan", "retired"), encoding="utf-8")
    shown = runner.invoke(app, ["report", "show", str(gone)])
    assert shown.exit_code == 0, shown.output
    assert "retired" in shown.output
    assert runner.invoke(app, ["diff", str(gone), str(gone)]).exit_code == 0
    assert runner.invoke(app, ["export", str(gone), "-o", "-"]).exit_code == 0
    answers = runner.invoke(app, ["start", "--answers", str(gone)])
    # Since #13 an unknown questionnaire table is one of the answers file's problems, all listed at once (exit 1).
    assert answers.exit_code == 1 and "questionnaires.retired：没有这份问卷" in answers.output
