"""Schema versions, one table for every file kind: older files are upgraded when read, a newer one is refused with
one message naming the file and saying to upgrade selfcheck, a malformed version is refused — by every reader."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from selfcheck.cli import app
from selfcheck.compare.summary_read import read_light
from selfcheck.errors import ReportError
from selfcheck.interview import answers_file
from selfcheck.questionnaire.library import load_library
from selfcheck.records import draft, ledger, storage, versions

runner = CliRunner()
CORPUS = Path(__file__).parent / "corpus"


def _report(path: Path) -> object:
    return storage.read_report(path)


def _light(path: Path) -> object:
    return read_light(path)


def _draft(path: Path) -> object:
    return draft.load(path)


def _ledger(path: Path) -> object:
    return ledger.load(path.parent)


def _answers(path: Path) -> object:
    return answers_file.load(path, load_library(), [])


READERS: dict[str, tuple[versions.FileKind, str, Callable[[Path], object]]] = {
    "report": (versions.REPORT, "selfcheck-20260101-000000-diaoyan.toml", _report),
    "summary's fast reader": (versions.REPORT, "selfcheck-20260101-000000-diaoyan.toml", _light),
    "draft": (versions.DRAFT, "draft-self-x.toml", _draft),
    "ledger": (versions.LEDGER, "ledger.toml", _ledger),
    "answers": (versions.ANSWERS, "answers.toml", _answers),
}
GOOD_REPORT = (CORPUS / "good_report.toml").read_text(encoding="utf-8")


def _file(tmp_path: Path, name: str, version: str) -> Path:
    """A file of that kind whose only oddity is its schema_version (a report's body serves every kind: each
    reader checks the version first)."""
    path = tmp_path / name
    path.write_text(GOOD_REPORT.replace("schema_version = 1", f"schema_version = {version}"), encoding="utf-8")
    return path


@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_newer_file_is_refused_with_one_message_naming_it(reader: str, tmp_path: Path, home: Path) -> None:
    kind, name, read = READERS[reader]
    path = _file(tmp_path, name, "99")
    with pytest.raises(ReportError) as caught:
        read(path)
    what = {"zh": kind.what.value[0], "en": kind.what.value[1]}
    assert caught.value.render("en") == (
        f"{path}: schema_version 99 is newer than this selfcheck understands (it reads {what['en']} files up to "
        f"version {kind.current}); upgrade selfcheck to read it."
    )
    assert caught.value.render("zh") == (
        f"{path}：schema_version 99 比这个 selfcheck 能读的{what['zh']}版本（最高 {kind.current}）新；"
        "请升级 selfcheck 后再读。"
    )


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize(("version", "problem"), [('"3"', "missing or not a whole number"), ("0", "not a valid")])
def test_a_malformed_version_is_refused_naming_the_file(
    reader: str, version: str, problem: str, tmp_path: Path, home: Path
) -> None:
    _kind, name, read = READERS[reader]
    path = _file(tmp_path, name, version)
    with pytest.raises(ReportError) as caught:
        read(path)
    assert caught.value.render("en").startswith(f"{path}: schema_version") and problem in caught.value.render("en")


@pytest.mark.parametrize("kind", sorted(versions.FILE_KINDS))
def test_every_readable_version_below_the_current_one_has_its_upgrade_step(kind: str) -> None:
    table = versions.FILE_KINDS[kind]
    assert set(table.steps) == set(range(table.readable.start, table.current))
    assert table.readable.start >= 1


def test_the_command_line_refuses_a_newer_file_of_each_kind(home: Path, tmp_path: Path) -> None:
    reports = home / "reports"
    reports.mkdir(parents=True)
    newer = _file(reports, "selfcheck-20260101-000000-diaoyan.toml", "99")
    shown = runner.invoke(app, ["report", "show", str(newer), "--lang", "en"])
    assert shown.exit_code == 1 and "schema_version 99 is newer than this selfcheck understands" in shown.output
    summary = runner.invoke(app, ["summary", str(reports), "--lang", "en"])
    assert "schema_version 99 is newer than this selfcheck understands" in summary.output  # skipped, named
    answers = runner.invoke(app, ["start", "--answers", str(newer), "--lang", "en"])
    assert answers.exit_code == 1 and "schema_version 99 is newer" in answers.output
    (reports / "ledger.toml").write_text("schema_version = 99\n", encoding="utf-8")
    plan = runner.invoke(app, ["plan", "--lang", "en"])
    assert plan.exit_code == 1 and f"{reports / 'ledger.toml'}: schema_version 99 is newer" in plan.output


def test_a_file_that_may_leave_its_version_out_is_read_as_current(tmp_path: Path, home: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("[questionnaires.diaoyan.answers]\ndc-days = 3\n", encoding="utf-8")
    assert "diaoyan" in answers_file.load(answers, load_library(), []).answers  # no version: read as current
    saved = tmp_path / "draft-self-x.toml"
    saved.write_text('created = 2026-01-01T00:00:00+08:00\nquestionnaires = ["diaoyan"]\n', encoding="utf-8")
    assert draft.load(saved).schema_version == versions.DRAFT.current
    with pytest.raises(ReportError, match="schema_version 缺失或不是整数"):
        storage.read_report(_file(tmp_path, "r.toml", '"x"'))  # a report must say its version


def test_an_old_report_given_as_answers_is_upgraded_like_a_report(home: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    data: dict[str, Any] = {"schema_version": 2, "questionnaires": {"diaoyan": {"answers": {"dc-days": 3}}}}
    data["findings"] = [{"problem": "下基层少，只去过联系村两次", "cause": "zongzhi"}]  # one of one's own
    import tomli_w

    old.write_text(tomli_w.dumps(data), encoding="utf-8")
    given = answers_file.load(old, load_library(), [])
    assert given.findings[0]["causes"] == ["zongzhi"] and "cause" not in given.findings[0]
    result = runner.invoke(app, ["start", "--answers", str(old)])
    assert result.exit_code == 0, result.output
    [path] = storage.list_reports(home / "reports")
    assert json.loads(runner.invoke(app, ["report", "show", str(path), "--json"]).output)["schema_version"] == 4
