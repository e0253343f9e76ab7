"""The honest-wording checks for --answers (warnings, or errors with --strict) and a report's name kept."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from helpers import write_toml
from selfcheck.cli import app
from selfcheck.records import storage

runner = CliRunner()


def answers(detail: str, measure: str, second_detail: str = "") -> dict[str, Any]:
    findings = [
        {
            "questionnaire": "diaoyan",
            "item": "dc-days",
            "problem": "下基层调研时间少，掌握一线情况不够",
            "detail": detail,
            "measure": measure,
            "deadline": "2099-01-01",
        }
    ]
    if second_detail:
        findings.append(
            {
                "questionnaire": "diaoyan",
                "item": "yj-reports",
                "problem": "调研成果少",
                "detail": second_detail,
                "measure": "每季度写1篇调研报告",
                "deadline": "2099-01-01",
            }
        )
    return {
        "respondent": {"name": "张三"},
        "questionnaires": {"diaoyan": {"answers": {"dc-went": True, "dc-days": 2, "yj-reports": 0}}},  # 2.0: went first
        "findings": findings,
    }


def test_answers_warn_about_wording_and_still_write(home: Path, tmp_path: Path) -> None:
    same = "2026年3月到9月我只去过联系村两次，都没有入户"
    data = answers("我们下去少", "进一步加强调查研究", second_detail=same.replace("。", ""))
    data["findings"][0]["detail"] = same
    result = runner.invoke(app, ["start", "--answers", str(write_toml(tmp_path / "a.toml", data))])
    assert result.exit_code == 0, result.output
    assert "以下表述需要再斟酌（报告已写出）" in result.stderr
    assert "findings[0]（下基层调研时间少，掌握一线情况不够）：整改措施像愿望" in result.stderr
    assert (
        "findings[1]（调研成果少）：具体表现与问题“下基层调研时间少，掌握一线情况不够”的写法几乎一样" in result.stderr
    )
    [path] = storage.list_reports(home / "reports")
    assert str(path) in result.stdout


def test_strict_turns_the_warnings_into_errors(home: Path, tmp_path: Path) -> None:
    data = answers("有的同志下基层走马观花，调研不深入", "多下去")
    result = runner.invoke(app, ["start", "--strict", "--answers", str(write_toml(tmp_path / "a.toml", data))])
    assert result.exit_code == 1
    assert "没有通过检查（--strict），没有写出报告" in result.output
    assert "以集体问题代替个人问题" in result.output
    assert "整改措施像愿望" in result.output
    assert storage.list_reports(home / "reports") == []


def test_good_wording_passes_strict(home: Path, tmp_path: Path) -> None:
    data = answers("2026年只在3月、9月下过两次村，我没有入户", "每月至少两天到联系村调研")
    result = runner.invoke(app, ["start", "--strict", "--answers", str(write_toml(tmp_path / "a.toml", data))])
    assert result.exit_code == 0, result.output
    assert "斟酌" not in result.output


def test_a_report_fed_back_keeps_its_name(home: Path, tmp_path: Path) -> None:
    data = answers("2026年只在3月、9月下过两次村，我没有入户", "每月至少两天到联系村调研")
    result = runner.invoke(app, ["start", "--answers", str(write_toml(tmp_path / "a.toml", data))])
    assert result.exit_code == 0, result.output
    [first] = storage.list_reports(home / "reports")
    assert tomllib.loads(first.read_text(encoding="utf-8"))["respondent"]["name"] == "张三"
    again = runner.invoke(app, ["start", "--answers", str(first)])
    assert again.exit_code == 0, again.output
    [newest] = set(storage.list_reports(home / "reports")) - {first}
    assert tomllib.loads(newest.read_text(encoding="utf-8"))["respondent"]["name"] == "张三"
    # the same descriptions as the report fed back: 年年提 — said, not refused
    assert "报告里的表述几乎一样" in again.stderr
    before = set(storage.list_reports(home / "reports"))
    named = runner.invoke(app, ["start", "--name", "李四", "--answers", str(first)])
    assert named.exit_code == 0
    [newest] = set(storage.list_reports(home / "reports")) - before
    assert tomllib.loads(newest.read_text(encoding="utf-8"))["respondent"]["name"] == "李四"
