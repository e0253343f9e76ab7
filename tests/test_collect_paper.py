"""Paper ballots: the blank 测评表 (Word), the table to type them into, and ``rate --import``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selfcheck.cli import app
from selfcheck.collect.paper import csv_template, headings, read_table, sheet_docx
from selfcheck.i18n import Msg
from selfcheck.questionnaire.library import load_library
from selfcheck.questionnaire.model import Questionnaire
from selfcheck.records import storage

runner = CliRunner()
SUBJECTS = ["张三", "李四", "王五"]


def zuofeng() -> Questionnaire:
    return load_library(only=["zuofeng"]).get("zuofeng").questionnaire


def table(rows: list[list[str]], lang: str = "zh") -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headings(zuofeng(), "en" if lang == "en" else "zh"))
    writer.writerows(rows)
    return out.getvalue()


def test_the_blank_sheet_is_one_numbered_page_per_rater_with_a_box_per_mark() -> None:
    import docx

    document = docx.Document(io.BytesIO(sheet_docx(zuofeng(), SUBJECTS, 3, "zh")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert [n for n in (1, 2, 3) if f"编号：{n}" in text] == [1, 2, 3]
    assert "背靠背" in text and "不了解" in text and "1. 无正当理由经常不参加组织生活" in text
    assert len(document.tables) == 3
    grid = document.tables[0]
    assert [c.text for c in grid.rows[0].cells] == headings(zuofeng(), "zh")[1:]
    assert [r.cells[0].text for r in grid.rows[1:]] == SUBJECTS
    assert grid.rows[1].cells[1].text == "□好 □较好 □一般\n□差 □不了解"
    assert grid.rows[1].cells[4].text == "□优秀 □合格 □基本合格\n□不合格 □不了解"
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)  # A4 landscape


def test_the_template_has_a_row_per_sheet_and_subject_and_a_bom() -> None:
    text = csv_template(zuofeng(), SUBJECTS, 2, "zh")
    assert text.startswith("\ufeff编号,被测评人,思想作风,工作作风,生活作风,总体评价,反向情形,意见建议（可选）\r\n")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r[:2] for r in rows[1:]] == [["1", s] for s in SUBJECTS] + [["2", s] for s in SUBJECTS]


def test_every_problem_in_every_cell_is_listed_at_once() -> None:
    text = table(
        [
            ["1", "张三", "很好", "", "", "", "", ""],
            ["1", "赵六", "好", "", "", "", "", ""],
            ["x", "李四", "", "", "", "", "", ""],
            ["2", "张三", "", "", "", "优", "7", ""],
            ["2", "张三", "好", "", "", "", "", ""],
            ["3", "王五", "", "", "", "", "", "长" * 501],
        ]
    )
    _, problems = read_table(text, zuofeng(), SUBJECTS)
    assert [m for m, _ in problems] == [
        Msg.IMPORT_ROW_MARK,
        Msg.IMPORT_ROW_SUBJECT,
        Msg.IMPORT_ROW_NUMBER,
        Msg.IMPORT_ROW_MARK,
        Msg.IMPORT_ROW_DISQUALIFIER,
        Msg.IMPORT_ROW_DUPLICATE,
        Msg.IMPORT_ROW_COMMENT,
    ]
    assert problems[0][1]["row"] == 2 and problems[5][1] == {"row": 6, "number": 2, "subject": "张三", "first": 5}


def test_headings_must_match_the_sheet() -> None:
    _, problems = read_table("编号,被测评人,思想,工作作风\n1,张三,好,好\n", zuofeng(), SUBJECTS)
    assert {m for m, _ in problems} == {Msg.IMPORT_UNKNOWN_COLUMN, Msg.IMPORT_MISSING_COLUMN}


def test_english_headings_and_labels_are_read_as_well() -> None:
    text = table([["1", "张三", "Good", "Don't know", "Poor", "Excellent", "2", "ok"]], lang="en")
    imported, problems = read_table(text, zuofeng(), SUBJECTS)
    assert problems == []
    ballot = imported.ballots[1]
    assert ballot.marks == {"张三": {"sixiang": 4, "shenghuo": 1, "_grade": 4}}
    assert ballot.disqualifiers == {"张三": ["no-dues"]} and ballot.comments == {"张三": "ok"}


@pytest.mark.parametrize("bom", [True, False])
def test_rate_import_writes_every_ballot_or_nothing(tmp_path: Path, bom: bool) -> None:
    good = table([["1", "张三", "好", "较好", "", "优秀", "", "多下基层"], ["1", "李四", "", "", "", "", "", ""]])
    bad = table([["1", "张三", "好", "", "", "", "", ""], ["2", "张三", "极好", "", "", "", "", ""]])
    encoding = "utf-8-sig" if bom else "utf-8"
    (tmp_path / "bad.csv").write_text(bad, encoding=encoding)
    (tmp_path / "good.csv").write_text(good, encoding=encoding)
    folder = tmp_path / "测评"
    args = ["rate", "zuofeng", "--subjects", "张三,李四,王五", "--dir", str(folder), "--import"]
    result = runner.invoke(app, [*args, str(tmp_path / "bad.csv")])
    assert result.exit_code == 1
    assert "1处问题，没有写入任何测评" in result.output and "第3行，思想作风：“极好”" in result.output
    assert storage.list_reports(folder) == []
    result = runner.invoke(app, [*args, str(tmp_path / "good.csv")])
    assert result.exit_code == 0, result.output
    assert "已导入1张测评表，写出1份测评报告" in result.output  # 李四 left blank: no rating of them
    (report,) = [storage.read_report(p) for p in storage.list_reports(folder)]
    result_zuofeng = report.questionnaires["zuofeng"]
    assert (report.respondent.role, report.respondent.subject, report.respondent.name) == ("peer", "张三", None)
    assert result_zuofeng.ratings == {"sixiang": 4, "gongzuo": 3}
    assert result_zuofeng.grade == "优秀" and result_zuofeng.comments == {"overall": "多下基层"}


def test_rate_import_needs_one_form_and_the_subjects(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text(table([]), encoding="utf-8")
    result = runner.invoke(app, ["rate", "--import", str(tmp_path / "t.csv")])
    assert result.exit_code == 2 and "--subjects" in result.output


def test_collect_print_writes_the_sheet_and_the_table_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "表.docx"
    args = ["collect", "--form", "zuofeng", "--subjects", "张三,李四", "--ballots", "4", "--print", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0 and (tmp_path / "表.csv").is_file()
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "已存在" in again.output
