"""民主测评结果: ratings exported, and raters' comments in gap and summary — verbatim, sorted, from three raters up."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from selfcheck.cli import app
from selfcheck.questionnaire.library import parse
from selfcheck.records import storage
from selfcheck.records.report import Respondent, build, now
from test_organisation import install, rated_mini, report_of

runner = CliRunner()
COMMENTS = ["下基层次数偏少", "回复群众来信较慢", "希望多开座谈会"]


def write_ratings(home: Path, n: int) -> Path:
    """``n`` peers rate 张三 on the small questionnaire, each with a comment on dimension a; one abstains on b."""
    install(home, rated_mini())
    folder = home / "ratings"
    q = parse(rated_mini(), "t")
    for i in range(n):
        report = build(
            [q],
            {"mini": {"a1": 2 + i % 3, "a2": 2, "b1": True, "b3": "half"}},
            {"mini": []},
            [],
            name=None,
            created=now(),
            tool_version="t",
            respondent=Respondent(role="peer", subject="张三"),
            ratings={"mini": {"a": 4 - i % 2} | ({} if i == 0 else {"b": 3})},
            comments={"mini": {"a": COMMENTS[i % 3]}},
        )
        storage.write_report(report, folder)
    return folder


def test_ratings_export_gives_the_appraisal_with_comments_from_three_raters(home: Path) -> None:
    folder = write_ratings(home, 3)
    result = runner.invoke(app, ["export", str(folder), "-o", "-"])
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith("# 民主测评结果")
    assert "## 一、张三" in md and "### （一）小问卷" in md and "共3人参加测评" in md
    assert "本人对照" not in md and "查摆" not in md
    assert "| 维度 | 好 | 较好 | 一般 | 差 | 不了解 | 得分 |" in md
    assert "| 甲 | 2 | 1 | 0 | 0 | 0 | 88.9 |" in md  # marks 4, 3, 4 on a 4-point scale
    assert "| 乙 | 0 | 2 | 0 | 0 | 1 | 66.7 |" in md  # one abstained: not a low mark
    said = md.split("意见建议（原文照录，不分先后）：")[1]
    assert [ln.split("** ", 1)[1] for ln in said.strip().splitlines()] == sorted(COMMENTS)


def test_two_raters_give_totals_only_and_no_comments(home: Path) -> None:
    folder = write_ratings(home, 2)
    for fmt in ("md", "html"):
        out = runner.invoke(app, ["export", str(folder), "-f", fmt, "-o", "-"]).stdout
        assert "共2人参加测评。" in out and "不足3人" in out
        assert not any(c in out for c in COMMENTS) and "不了解" not in out and "综合得分" not in out


def test_a_copy_of_a_rating_does_not_make_a_third_rater(home: Path) -> None:
    folder = write_ratings(home, 2)
    first = storage.list_reports(folder)[0]
    copy = folder / ("selfcheck-copy-" + first.name.removeprefix("selfcheck-"))
    copy.write_bytes(first.read_bytes())
    out = runner.invoke(app, ["export", str(folder), "-o", "-"]).stdout
    assert "共2人参加测评。" in out and not any(c in out for c in COMMENTS)


def test_one_rating_exported_in_word_is_the_appraisal_not_a_self_examination(home: Path, tmp_path: Path) -> None:
    import docx

    folder = write_ratings(home, 1)
    (one,) = storage.list_reports(folder)
    out = tmp_path / "r.docx"
    assert runner.invoke(app, ["export", str(one), "-f", "docx", "-o", str(out)]).exit_code == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "民主测评结果" and not any("自查" in x for x in texts)


def test_gap_and_summary_show_comments_the_same_way(home: Path) -> None:
    folder = write_ratings(home, 3)
    me = storage.write_report(report_of({"a1": 5, "a2": 1, "b1": True, "b3": "all"}), home / "reports")
    data = json.loads(runner.invoke(app, ["gap", str(me), str(folder), "--json"]).stdout)
    assert data["questionnaires"]["mini"]["comments"] == {"a": sorted(COMMENTS)}
    table = runner.invoke(app, ["gap", str(me), str(folder)]).stdout
    assert "意见建议（原文照录，不分先后）" in table and all(c in table for c in COMMENTS)

    summary = json.loads(runner.invoke(app, ["summary", str(folder), "--json"]).stdout)
    assert summary["comments"] == {"mini": {"a": sorted(COMMENTS)}}
    assert all(c in runner.invoke(app, ["summary", str(folder)]).stdout for c in COMMENTS)
    doc = runner.invoke(app, ["export", "--summary", str(folder), "-o", "-"]).stdout
    assert "五、意见建议" in doc and all(c in doc for c in COMMENTS)


def test_gap_and_summary_withhold_comments_below_three(home: Path) -> None:
    folder = write_ratings(home, 2)
    me = storage.write_report(report_of({"a1": 5, "a2": 1, "b1": True, "b3": "all"}), home / "reports")
    gap = runner.invoke(app, ["gap", str(me), str(folder)]).stdout
    summary = runner.invoke(app, ["summary", str(folder), "--json"]).stdout
    assert not any(c in gap or c in summary for c in COMMENTS)
    assert json.loads(summary)["comments"] == {}
