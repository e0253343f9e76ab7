"""Ballots from phones are the same rating reports as ``selfcheck rate`` writes: gap and summary agree."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from collect_helpers import fetch, hidden, served
from selfcheck import __version__
from selfcheck.cli import app
from selfcheck.questionnaire.library import load_library
from selfcheck.records import storage
from selfcheck.records.report import build, now
from test_organisation import install, rated_mini

runner = CliRunner()
MARKS = [{"a": 4, "b": 3}, {"a": 2}, {"a": 1, "b": 1}, {"b": 4}, {"a": 3, "b": 2}]
"""Five raters' marks (1 = 差 … 4 = 好); an absent dimension is 不了解."""


def test_gap_and_summary_read_collected_ballots_as_ratings_made_with_rate(home: Path, tmp_path: Path) -> None:
    install(home, rated_mini())
    q = load_library(only=["mini"]).get("mini").questionnaire
    me = build(
        [q],
        {"mini": {"a1": 4, "a2": 2, "b1": True, "b3": "half"}},
        {},
        [],
        name="张三",
        created=now(),
        tool_version=__version__,
    )
    own = storage.write_report(me, tmp_path / "self")

    by_rate = tmp_path / "rate"
    for marks in MARKS:
        # Enter on each item (不了解: a1, a2, b1, b3), then a mark per dimension (Enter = 不了解), no comments.
        script = ["", "", "", "", str(marks.get("a", "")), "", str(marks.get("b", "")), ""]
        result = runner.invoke(
            app, ["rate", "--subject", "张三", "mini", "--dir", str(by_rate)], input="\n".join(script) + "\n"
        )
        assert result.exit_code == 0, result.output

    by_phone = tmp_path / "collect"
    with served(by_phone, ["张三"], ballots=len(MARKS), form="mini") as box:
        for code, marks in zip(box.codes, MARKS, strict=True):
            _, page = fetch(f"{box.url}b?c={code}")
            form = {"code": code, "csrf": hidden(page, "csrf"), **{f"m-0-{d}": str(m) for d, m in marks.items()}}
            assert fetch(f"{box.url}b", form)[0] == 303

    assert len(storage.list_reports(by_rate)) == len(storage.list_reports(by_phone)) == len(MARKS)
    gaps = [runner.invoke(app, ["gap", str(own), str(folder), "--json"]) for folder in (by_rate, by_phone)]
    assert all(g.exit_code == 0 for g in gaps), gaps[0].output + gaps[1].output
    rate_gap, phone_gap = (json.loads(g.output) for g in gaps)
    rate_gap.pop("self"), phone_gap.pop("self")
    assert phone_gap == rate_gap
    assert rate_gap["questionnaires"]["mini"]["dimensions"]["a"]["others_count"] == 4  # one rater said 不了解

    summaries = [runner.invoke(app, ["summary", str(folder), "--json"]) for folder in (by_rate, by_phone)]
    assert all(s.exit_code == 0 for s in summaries)
    assert json.loads(summaries[1].output) == json.loads(summaries[0].output)
