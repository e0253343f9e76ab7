"""People, not files (#12): ``summary`` counts persons — each person's latest report per questionnaire — groups
ratings by the person rated, and ``summary``, ``gap`` and ``export`` read every ``.toml`` in a folder that is a
report, whatever its name, saying how many files they skipped and why.

The reports are made as a person makes them: ``selfcheck start --answers``."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from helpers import minimal, write_toml
from selfcheck.cli import app
from selfcheck.files.tomlfile import MAX_FILE_BYTES
from selfcheck.records import storage
from test_organisation import install, rated_mini, report_of

runner = CliRunner()


def start(home: Path, tmp_path: Path, name: str, a1: int, qid: str = "mini") -> Path:
    """One self-check of ``name`` on the small questionnaire ``qid`` (a1 from 1 to 5); the new report's path."""
    qfile = write_toml(tmp_path / f"{qid}.toml", minimal(id=qid, title=f"问卷{qid}"))
    answers = {"questionnaires": {qid: {"answers": {"a1": a1, "a2": 1, "b1": True, "b3": "all"}}}}
    given = write_toml(tmp_path / "answers.toml", answers)
    before = set(storage.list_reports(home / "reports"))
    result = runner.invoke(app, ["start", "--name", name, "-q", str(qfile), "--answers", str(given)])
    assert result.exit_code == 0, result.output
    [path] = set(storage.list_reports(home / "reports")) - before
    return path


def summary(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["summary", *args, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def flat(text: str) -> str:
    """Terminal output at 60 columns as one line, without the spaces that line breaks eat or leave."""
    return text.replace("\n", "").replace(" ", "")


def table(*args: str) -> str:
    result = runner.invoke(app, ["summary", *args], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    return flat(result.stdout)


def test_summary_over_three_reports_of_one_person_counts_one_person(home: Path, tmp_path: Path) -> None:
    for a1 in (1, 2, 5):  # 张三 three times, getting better
        start(home, tmp_path, "张三", a1)
    start(home, tmp_path, "李四", 3)
    folder = str(home / "reports")
    data = summary(folder)
    assert (data["persons"], data["files"], data["superseded"], data["reports"]) == (2, 4, 2, 2)
    assert data["counts"] == {"mini": {"self": 2}}
    a = data["questionnaires"]["mini"]["dimensions"]["a"]
    # 张三 counts with his latest report (a1 = 5), 李四 with his (a1 = 3); 张三's first two are left out
    first, _second, latest, li = (
        storage.read_report(p).questionnaires["mini"] for p in storage.list_reports(home / "reports")
    )
    assert (a["count"], a["min"], a["max"]) == (2, li.scores.dimensions["a"], latest.scores.dimensions["a"])
    assert first.scores.dimensions["a"] < a["min"]
    shown = table(folder)
    assert "自评：2人（每人每套问卷取最新一份报告）" in shown
    assert "同一人较早的报告2份未计入（--all-reports计入每一份）" in shown
    assert "问卷mini(mini)·自评2人" in shown  # the title the reports keep: no questionnaire file describes mini

    every = summary(folder, "--all-reports")
    assert (every["persons"], every["reports"], every["superseded"], every["all_reports"]) == (2, 4, 0, True)
    assert every["counts"] == {"mini": {"self": 4}}
    assert every["questionnaires"]["mini"]["dimensions"]["a"]["min"] == first.scores.dimensions["a"]  # counted too
    shown = table(folder, "--all-reports")
    assert "自评：4份报告，2人（--all-reports：每份报告都计入）" in shown and "自评4份报告" in shown


def test_each_questionnaire_counts_with_the_persons_latest_report_of_it(home: Path, tmp_path: Path) -> None:
    start(home, tmp_path, "张三", 2, qid="mini")
    start(home, tmp_path, "张三", 4, qid="other")  # a later report of another questionnaire: both count
    start(home, tmp_path, "张三", 5, qid="mini")  # the later mini replaces the first
    data = summary(str(home / "reports"))
    assert (data["persons"], data["files"], data["reports"], data["superseded"]) == (1, 3, 2, 1)
    assert data["counts"] == {"mini": {"self": 1}, "other": {"self": 1}}
    assert data["questionnaires"]["mini"]["overall"]["max"] == data["questionnaires"]["mini"]["overall"]["min"]


def test_every_toml_that_is_a_report_is_read_whatever_its_name(home: Path, tmp_path: Path) -> None:
    """Members send 张三.toml; the folder also holds a questionnaire, a broken file, a huge one and the ledger.
    Before #12 summary answered "0 reports" here."""
    folder = tmp_path / "支部"
    folder.mkdir()
    shutil.copy(start(home, tmp_path, "张三", 2), folder / "张三.toml")
    shutil.copy(start(home, tmp_path, "李四", 4), folder / "李四 2026.toml")
    write_toml(folder / "问卷.toml", minimal())  # a questionnaire, not a report
    (folder / "坏.toml").write_text("schema_version = ", encoding="utf-8")  # not TOML
    (folder / "大.toml").write_text("# " + "x" * MAX_FILE_BYTES, encoding="utf-8")  # over the limit
    (folder / "说明.txt").write_text("not TOML at all", encoding="utf-8")  # not .toml: not looked at
    shutil.copy(home / "reports" / "ledger.toml", folder / "ledger.toml")  # the folder's bookkeeping: passed over

    data = summary(str(folder))
    assert (data["persons"], data["files"]) == (2, 2)
    assert data["skipped_reasons"] == {"not_report": 1, "too_large": 1, "not_toml": 1}
    assert sorted(Path(p).name for p in data["skipped"]) == ["坏.toml", "大.toml", "问卷.toml"]
    result = runner.invoke(app, ["summary", str(folder)], env={"COLUMNS": "60"})
    assert "问卷.toml：不是 selfcheck 报告" in result.output.replace("\n", "")  # each file named on stderr
    shown = table(str(folder))
    assert "读取报告文件2个；跳过3个文件：不是报告1个、文件过大1个、不是有效的TOML1个" in shown
    english = runner.invoke(app, ["summary", str(folder), "--lang", "en"], env={"COLUMNS": "200"}).stdout
    assert "2 report file(s) read; 3 file(s) skipped: not a report: 1, too large: 1, not valid TOML: 1" in english

    # export reads the same files and says what it skipped
    answers = runner.invoke(app, ["export", "-f", "csv", str(folder), "-o", "-"])
    assert answers.exit_code == 0, answers.output
    assert "跳过 3 个文件：不是报告 1 个、文件过大 1 个、不是有效的 TOML 1 个" in answers.output
    rows = list(csv.DictReader(io.StringIO(answers.stdout.removeprefix("\ufeff"), newline="")))
    assert {r["report"] for r in rows} == {"张三.toml", "李四 2026.toml"}
    # a report named explicitly that is no report is an error that says so
    wrong = runner.invoke(app, ["report", "show", str(folder / "问卷.toml")])
    assert wrong.exit_code == 1 and "不是 selfcheck 报告" in wrong.output


def test_gap_reads_ratings_under_any_name_and_counts_what_it_skipped(home: Path, tmp_path: Path) -> None:
    install(home, rated_mini())
    me = storage.write_report(report_of({"a1": 5, "a2": 1, "b1": True, "b3": "all"}), tmp_path)
    folder = tmp_path / "测评"
    for i, a1 in enumerate((2, 3, 4), 1):
        rating = report_of({"a1": a1, "a2": 2, "b1": True, "b3": "half"}, role="peer", subject="张三", name=None)
        rating.questionnaires["mini"].comments = {"overall": f"意见{i}"}  # on the person, as a ballot keeps it
        storage.write_report(rating, folder).rename(folder / f"第{i}张.toml")
    other = report_of({"a1": 1}, role="peer", subject="李四", name=None)
    storage.write_report(other, folder).rename(folder / "李四的.toml")
    write_toml(folder / "问卷.toml", rated_mini())
    data = json.loads(runner.invoke(app, ["gap", str(me), str(folder), "--json"]).stdout)
    assert data["questionnaires"]["mini"]["raters"] == 3 and data["questionnaires"]["mini"]["detailed"] is True
    assert data["files"] == {"read": 4, "ratings": 3} and data["skipped_reasons"] == {"not_report": 1}
    shown = flat(runner.invoke(app, ["gap", str(me), str(folder)], env={"COLUMNS": "60"}).stdout)
    assert "读取报告文件4个，其中对张三的评价3份；跳过1个文件：不是报告1个" in shown
    assert "总体意见•意见1•意见2•意见3" in shown and "overall" not in shown  # the comment's heading in words


def test_ratings_are_grouped_by_the_person_rated_and_kept_apart_from_self_assessments(
    home: Path, tmp_path: Path
) -> None:
    """One value per person rated (the mean of their raters), so 6 raters of 王五 weigh as much as 3 of 张三; a
    person with 2 raters gives nothing away (#13); self-assessments are summarised on their own."""
    install(home, rated_mini())
    folder = tmp_path / "all"
    for subject, marks, n in (("张三", 1, 3), ("王五", 4, 6), ("赵六", 4, 2)):
        for i in range(n):
            answers = {"a1": 1 + i % 5, "a2": 1 + i // 5, "b1": True, "b3": "half"}  # distinct (copies count once)
            rating = report_of(answers, role="peer", subject=subject, name=None, ratings={"a": marks, "b": marks})
            storage.write_report(rating, folder)
    storage.write_report(report_of({"a1": 5, "a2": 1, "b1": True, "b3": "all"}, name="张三"), folder)
    data = summary(str(folder))
    assert (data["persons"], data["subjects"], data["ratings"], data["ratings_withheld"]) == (1, 2, 9, 2)
    mini = data["questionnaires"]["mini"]
    assert mini["overall"]["count"] == 1  # the one self-assessment, alone
    others = mini["others"]
    assert (others["persons"], others["ratings"], others["overall"]["count"]) == (2, 9, 2)
    means = []
    for subject, marks, n in (("张三", 1, 3), ("王五", 4, 6)):
        files = [p for p in storage.list_reports(folder) if f'subject = "{subject}"' in p.read_text(encoding="utf-8")]
        overall = [storage.read_report(p).questionnaires["mini"].scores.overall for p in files]
        assert len(overall) == n and marks
        means.append(round(sum(o for o in overall if o is not None) / n, 2))
    assert others["overall"]["mean"] == round(sum(means) / 2, 2)  # the mean of two people, not of nine ratings
    assert (others["overall"]["min"], others["overall"]["max"]) == (min(means), max(means))
    shown = table(str(folder))
    assert "他评：9份评价，涉及2人（每人的得分取其评价人的平均）" in shown
    assert "小问卷(mini)·他评2人（9份评价）" in shown and "小问卷(mini)·自评1人" in shown


def test_the_summary_is_the_same_whatever_the_hash_seed(home: Path, tmp_path: Path) -> None:
    """Questionnaires come in the reports' order: a set's order (it changes with PYTHONHASHSEED) once decided which
    table came first, so two runs over one folder printed different material."""
    import os
    import subprocess
    import sys

    files = [write_toml(tmp_path / f"{q}.toml", minimal(id=q, title=f"问卷{q}")) for q in ("qa", "qb", "qc", "qd")]
    given = {"answers": {"a1": 3, "a2": 1, "b1": True, "b3": "all"}}
    answers = write_toml(tmp_path / "answers.toml", {"questionnaires": dict.fromkeys(("qa", "qb", "qc", "qd"), given)})
    for name in ("张三", "李四"):
        args = ["start", "--name", name, *(x for f in files for x in ("-q", str(f))), "--answers", str(answers)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "COLUMNS": "100"}
        cmd = [sys.executable, "-m", "selfcheck", "summary", str(home / "reports")]
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
    [shown] = outputs
    assert shown.index("(qa)") < shown.index("(qb)") < shown.index("(qc)") < shown.index("(qd)")
