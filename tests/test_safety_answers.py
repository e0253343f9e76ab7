"""Answers files checked completely (#13): every problem listed at once, exit 1, nothing written."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from selfcheck.cli import app

runner = CliRunner()

BAD = """
[questionnaires.nosuch.answers]
x = 1

[questionnaires.diaoyan.answers]
dc-days = 0
dc-reception = ["welcome", "welcome"]
dc-last-visit = 20260315

[[findings]]
questionnaire = "juece"
item = "x"
problem = "p"

[[findings]]
questionnaire = "diaoyan"
item = "nosuch"
problem = "p"

[[findings]]
questionnaire = "diaoyan"
item = "dc-unannounced"
problem = "p"
deadline = 5
"""


def test_every_problem_of_an_answers_file_is_listed_and_nothing_written(tmp_path: Path) -> None:
    answers = tmp_path / "bad.toml"
    answers.write_text(BAD, encoding="utf-8")
    folder = tmp_path / "reports"
    for ids in (["diaoyan"], []):
        result = runner.invoke(app, ["start", *ids, "--answers", str(answers), "--dir", str(folder), "--lang", "en"])
        assert result.exit_code == 1, result.output
        out = result.output
        assert "7 problem(s); no report written" in out
        assert "questionnaires.nosuch: no such questionnaire" in out  # dropped silently before, with an id given
        assert "dc-reception: options listed twice: welcome" in out
        assert "dc-last-visit: a date is written as quoted YYYY-MM-DD" in out
        assert "findings[0].questionnaire: juece is not among the questionnaires answered" in out
        assert "findings[1].item: questionnaire diaoyan has no item nosuch" in out
        assert "findings[2].deadline:" in out
        assert "findings[2]: the answer to diaoyan/dc-unannounced flags no problem" in out
        assert "Traceback" not in out
        assert not folder.exists() or not list(folder.iterdir())


def test_a_finding_for_a_flagged_item_and_an_extra_problem_are_kept(tmp_path: Path) -> None:
    answers = tmp_path / "good.toml"
    answers.write_text(
        """
[questionnaires.diaoyan.answers]
dc-went = true
dc-days = 0

[[findings]]
questionnaire = "diaoyan"
item = "dc-days"
problem = "下基层调研时间少"
detail = "2026 年只在 3 月下过一次村"

[[findings]]
problem = "会议多"
""",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["start", "diaoyan", "--answers", str(answers), "--dir", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
