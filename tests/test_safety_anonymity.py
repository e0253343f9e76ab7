"""Anonymity that cannot be worked around (#13): distinct raters, a threshold in gap and summary, dates only."""

from __future__ import annotations

import copy
import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from helpers import MINIMAL, write_toml
from selfcheck.cli import app

runner = CliRunner()


def _questionnaire(tmp_path: Path) -> Path:
    data: dict[str, Any] = copy.deepcopy(MINIMAL)
    data["rating"] = {"labels": ["不满意", "基本满意", "满意"], "abstain": "不了解"}
    for item in data["items"]:
        item["text_other"] = item["text"].replace("我", "该同志")
    return write_toml(tmp_path / "mini.toml", data)


def _self_report(tmp_path: Path, qfile: Path, folder: Path) -> Path:
    answers = write_toml(tmp_path / "self.toml", {"questionnaires": {"mini": {"answers": {"a1": 5, "a2": 1}}}})
    args = ["start", "mini", "-q", str(qfile), "--answers", str(answers), "--name", "张三", "--dir", str(folder)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return Path(result.output.strip())


def _rating(qfile: Path, folder: Path, first: int) -> Path:
    before = set(folder.glob("selfcheck-*.toml")) if folder.is_dir() else set()
    args = ["rate", "--subject", "张三", "-q", str(qfile), "--dir", str(folder)]
    result = runner.invoke(app, args, input=f"{first}\n\n2\n1\n3\n\n\n\n")
    assert result.exit_code == 0, result.output
    [path] = set(folder.glob("selfcheck-*.toml")) - before
    return path


def test_one_rating_named_three_times_is_one_rater_and_shows_nothing(tmp_path: Path) -> None:
    qfile = _questionnaire(tmp_path)
    mine = _self_report(tmp_path, qfile, tmp_path / "self")
    r1 = _rating(qfile, tmp_path / "ratings", 2)
    copy_of_r1 = tmp_path / "copy.toml"
    shutil.copy(r1, copy_of_r1)
    args = ["gap", str(mine), str(r1), str(r1), str(copy_of_r1)]
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert "1 人评价" in table.output and "评价人少于3人" in table.output
    data = json.loads(runner.invoke(app, [*args, "--json"]).output)
    gap = data["questionnaires"]["mini"] if "questionnaires" in data else data[0]
    assert gap["raters"] == 1 and gap["detailed"] is False
    assert gap["overall"]["others_mean"] is None and gap["overall"]["others_spread"] is None
    assert "dimensions" not in gap and "items" not in gap


def test_two_raters_show_no_mean_and_three_show_the_detail(tmp_path: Path) -> None:
    qfile = _questionnaire(tmp_path)
    mine = _self_report(tmp_path, qfile, tmp_path / "self")
    folder = tmp_path / "ratings"
    _rating(qfile, folder, 2)
    _rating(qfile, folder, 3)
    two = json.loads(runner.invoke(app, ["gap", str(mine), str(folder), "--json"]).output)
    gap = two["questionnaires"]["mini"] if "questionnaires" in two else two[0]
    assert gap["raters"] == 2 and gap["overall"]["others_mean"] is None and "dimensions" not in gap
    _rating(qfile, folder, 4)
    three = json.loads(runner.invoke(app, ["gap", str(mine), str(folder), "--json"]).output)
    gap = three["questionnaires"]["mini"] if "questionnaires" in three else three[0]
    assert gap["raters"] == 3 and gap["detailed"] is True and gap["overall"]["others_mean"] is not None


def test_summary_leaves_out_a_subjects_ratings_below_three_raters(tmp_path: Path) -> None:
    qfile = _questionnaire(tmp_path)
    folder = tmp_path / "set"
    _rating(qfile, folder, 1)
    second = _rating(qfile, folder, 5)
    shutil.copy(second, folder / "selfcheck-20990101-copy.toml")  # a copy is not a third rater
    data = json.loads(runner.invoke(app, ["summary", str(folder), "--json"]).output)
    assert data["ratings_withheld"] == 2
    assert data["questionnaires"] == {} or all(
        not q["dimensions"] and q["overall"] is None and q["others"] is None for q in data["questionnaires"].values()
    )
    assert data["grades"] == {} and data["raters_all_top"] == 0 and data["subjects"] == 0  # nothing of two raters
    table = runner.invoke(app, ["summary", str(folder)])
    assert "2份评价未计入得分统计" in table.output
    _rating(qfile, folder, 3)
    data = json.loads(runner.invoke(app, ["summary", str(folder), "--json"]).output)
    assert data["ratings_withheld"] == 0
    # Three raters: their subject counts, as one person whose score is the mean of the three ratings
    others = data["questionnaires"]["mini"]["others"]
    assert (others["persons"], others["ratings"], others["overall"]["count"]) == (1, 3, 1)
    assert data["subjects"] == 1 and data["ratings"] == 3


def test_a_rating_keeps_the_date_only(tmp_path: Path) -> None:
    qfile = _questionnaire(tmp_path)
    folder = tmp_path / "ratings"
    first = _rating(qfile, folder, 2)
    second = _rating(qfile, folder, 3)
    assert re.fullmatch(r"selfcheck-\d{8}-mini\.toml", first.name), first.name
    assert re.fullmatch(r"selfcheck-\d{8}-mini\.2\.toml", second.name), second.name  # same day: claimed, not lost
    created = tomllib.loads(first.read_text(encoding="utf-8"))["created"]
    assert (created.hour, created.minute, created.second, created.microsecond) == (0, 0, 0, 0)


def test_a_rating_without_a_time_sorts_at_the_start_of_its_day(tmp_path: Path) -> None:
    from selfcheck.records.storage import list_reports

    for name in ("selfcheck-20261125-093000-zuofeng.toml", "selfcheck-20261125-zuofeng.toml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "selfcheck-20261125-zuofeng.2.toml").write_text("", encoding="utf-8")
    assert [p.name for p in list_reports(tmp_path)] == [
        "selfcheck-20261125-zuofeng.toml",
        "selfcheck-20261125-zuofeng.2.toml",
        "selfcheck-20261125-093000-zuofeng.toml",
    ]


def test_three_raters_who_gave_the_same_marks_are_three_raters_and_copies_still_count_once(tmp_path: Path) -> None:
    """Agreeing raters are common (everyone marks 好): the same marks from three people count three times, while a
    copy of one rating — the same ballot token — still counts once, in gap and in summary."""
    qfile = _questionnaire(tmp_path)
    mine = _self_report(tmp_path, qfile, tmp_path / "self")
    folder = tmp_path / "ratings"
    same = [_rating(qfile, folder, 3) for _ in range(2)]
    shutil.copy(same[0], folder / "selfcheck-20990101-copy.toml")
    two = json.loads(runner.invoke(app, ["gap", str(mine), str(folder), "--json"]).output)
    gap = two["questionnaires"]["mini"] if "questionnaires" in two else two[0]
    assert gap["raters"] == 2 and gap["detailed"] is False  # two people and a copy: still below three
    _rating(qfile, folder, 3)
    three = json.loads(runner.invoke(app, ["gap", str(mine), str(folder), "--json"]).output)
    gap = three["questionnaires"]["mini"] if "questionnaires" in three else three[0]
    assert gap["raters"] == 3 and gap["detailed"] is True
    data = json.loads(runner.invoke(app, ["summary", str(folder), "--json"]).output)
    assert data["ratings_withheld"] == 0 and data["subjects"] == 1 and data["ratings"] == 3
    ballots = {tomllib.loads(p.read_text(encoding="utf-8"))["respondent"]["ballot"] for p in folder.glob("*.toml")}
    assert len(ballots) == 3  # three tokens for four files: the copy shares its original's
