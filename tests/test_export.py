"""``selfcheck export``: golden files for md, html and csv; docx read back; escaping; refusal to overwrite."""

from __future__ import annotations

import csv
import io
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from selfcheck.cli import app
from selfcheck.questionnaire.library import load_library
from selfcheck.questionnaire.model import AnswerValue
from selfcheck.records import storage
from selfcheck.records.report import Finding, Report, ReviewEntry, build

runner = CliRunner()
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def fixed_report() -> Report:
    """A report with every kind of content, at a fixed time, so exports are byte-for-byte stable."""
    library = load_library()
    qs = library.select(["zuofeng", "diaoyan"])
    answers: dict[str, dict[str, AnswerValue]] = {
        "zuofeng": {
            "sx-study": 2,
            "sx-not-my-business": 1,
            "sx-self-review": False,
            "gz-formalism": ["meetings"],
            "gz-grassroots-days": 8,
            "gz-follow-through": 4,
            "sh-hedonism": ["none"],
            "sh-family": True,
            "sh-hardship": 4,
            "sh-show-off": 1,
        },
        "diaoyan": {
            "dc-days": 12,
            "dc-where": ["hardship"],
            "yj-reports": 1,
            "zh-acted-on": "most",
            "dc-last-visit": "2026-09-18",
        },
    }
    findings = [
        Finding(
            id="F0000001",
            questionnaire="zuofeng",
            item="sx-study",
            problem="理论学习不够深入系统",
            detail="2026年上半年中心组学习请假3次，笔记只有2篇",
            cause="lixiang",
            cause_note="认为业务忙",
            measure="每月精读1篇原文并写体会",
            deadline="2027-06-30",
            owner="张三",
            source="self",
        ),
        Finding(
            id="F0000002",
            questionnaire="zuofeng",
            item="gz-formalism",
            option="meetings",
            problem="以会议贯彻会议",
            detail='他说"会多", 还有<script>alert(1)</script>\n第二行',
            cause="dangxing",
            measure="例会合并为每周一次",
            deadline="2027-03-31",
            owner="张三",
            source="masses",
        ),
        Finding(
            id="F0000003",
            problem="自己补充：对新同志帮带不够",
            detail="今年带的2名新同志没有谈过一次心",
            cause="zongzhi",
            measure="每季度谈心一次",
            deadline="2027-12-31",
            owner="张三",
            source="peers",
        ),
    ]
    created = datetime(2026, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    report = build(qs, answers, {}, findings, name="张三", created=created, tool_version="test")
    report.review = [
        ReviewEntry(
            finding="F9999999",
            report="selfcheck-20251120-100000-zuofeng.toml",
            problem="联系群众不经常",
            measure="每月走访4户",
            deadline="2026-06-30",
            status="done",
            evidence="走访记录24户",
        )
    ]
    return report


@pytest.fixture
def saved(home: Path) -> Path:
    return storage.write_report(fixed_report(), home / "reports")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8"), f"{name} differs; UPDATE_GOLDEN=1 to accept"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden_documents(saved: Path, fmt: str) -> None:
    result = runner.invoke(app, ["export", "--format", fmt, "-o", "-"])
    assert result.exit_code == 0, result.output
    check_golden(f"report.{fmt}", result.stdout)


def test_golden_csv_and_read_back(saved: Path, tmp_path: Path) -> None:
    out = tmp_path / "answers.csv"
    assert runner.invoke(app, ["export", "--format", "csv", "-o", str(out)]).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    check_golden("answers.csv", raw.decode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert {r["item"] for r in rows} >= {"sx-study", "dc-days"}
    study = next(r for r in rows if r["item"] == "sx-study")
    assert (study["dimension"], study["answer"], study["item_score"]) == ("sixiang", "2", "0.25")


def test_findings_csv_quotes_comma_quote_and_newline(saved: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.csv"
    assert runner.invoke(app, ["export", "--format", "csv", "--what", "findings", "-o", str(out)]).exit_code == 0
    raw = out.read_bytes().decode("utf-8")
    check_golden("findings.csv", raw)
    rows = list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"), newline="")))
    tricky = next(r for r in rows if r["id"] == "F0000002")
    assert tricky["detail"] == '他说"会多", 还有<script>alert(1)</script>\n第二行'
    assert tricky["source"] == "群众提"
    assert '"他说""会多"", 还有<script>alert(1)</script>\n第二行"' in raw


def test_html_escapes_user_text_and_is_self_contained(saved: Path) -> None:
    html = runner.invoke(app, ["export", "--format", "html", "-o", "-"]).stdout
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<svg" in html and "<polygon" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "src=" not in html and "<link" not in html


def test_markdown_sections_in_english(saved: Path) -> None:
    md = runner.invoke(app, ["export", "--format", "md", "-o", "-", "--lang", "en"]).stdout
    for title in (
        "1. Overview",
        "2. Problems found",
        "3. Analysis of causes",
        "4. Rectification measures",
        "5. How last time's measures went",
    ):
        assert f"## {title}" in md


def test_docx_read_back(saved: Path, tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    out = tmp_path / "material.docx"
    result = runner.invoke(app, ["export", "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings == ["一、基本情况", "二、查摆出的主要问题", "三、原因剖析", "四、整改措施", "五、上次整改落实情况"]
    assert document.paragraphs[0].text == "对照检查材料"
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert ["问题", "整改措施", "责任人", "完成时限", "状态"] in cells
    assert ["理论学习不够深入系统", "每月精读1篇原文并写体会", "张三", "2027-06-30", "未启动"] in cells
    assert all(t.style is not None and t.style.name == "Table Grid" for t in document.tables)

    def east_asian(run: Any) -> str | None:
        fonts = run._element.rPr.rFonts
        return None if fonts is None else fonts.get(qn("w:eastAsia"))

    for p in document.paragraphs:
        for run in p.runs:
            assert east_asian(run) in {"宋体", "黑体", "仿宋"}, run.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                assert all(east_asian(r) in {"黑体", "仿宋"} for p in cell.paragraphs for r in p.runs)
    body = next(p for p in document.paragraphs if p.text.startswith("本人对照"))
    assert east_asian(body.runs[0]) == "仿宋"
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert "PAGE" in section.footer._element.xml


def test_refuses_to_overwrite_without_force(saved: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.md"
    out.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["export", "-o", str(out)])
    assert result.exit_code == 1 and "already exists; use --force" in result.output
    assert out.read_text(encoding="utf-8") == "mine"
    assert runner.invoke(app, ["export", "-o", str(out), "--force"]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# 对照检查材料")


def test_default_name_in_current_folder(saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "--format", "html"])
    assert result.exit_code == 0
    assert (tmp_path / f"{saved.stem}.html").exists()


def test_usage_errors(saved: Path) -> None:
    assert runner.invoke(app, ["export", "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["export", "--format", "docx", "-o", "-"]).exit_code == 2
    assert runner.invoke(app, ["export", "--format", "md", str(saved), str(saved)]).exit_code == 2


def test_several_reports_make_one_table(home: Path, tmp_path: Path) -> None:
    a = storage.write_report(fixed_report(), home / "reports")
    b = storage.write_report(fixed_report(), home / "reports")
    out = tmp_path / "all.csv"
    assert (
        runner.invoke(
            app, ["export", "--format", "csv", "--what", "findings", str(a), str(b), "-o", str(out)]
        ).exit_code
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert {r["report"] for r in rows} == {a.name, b.name}
    assert len(rows) == 6


def test_export_of_report_written_by_older_tool(home: Path, tmp_path: Path) -> None:
    # A schema-1 report as the first release wrote it: no review, no coverage, no insufficient list.
    old = tmp_path / "old.toml"
    old.write_text(
        'schema_version = 1\ncreated = 2025-11-20T10:00:00+08:00\ntool_version = "0.0.9"\n'
        '[respondent]\nrole = "self"\n'
        '[questionnaires.zuofeng]\nversion = "0.9"\ndigest = "abc"\n'
        "[questionnaires.zuofeng.answers]\nsx-study = 3\n"
        "[questionnaires.zuofeng.scores]\noverall = 50.0\n[questionnaires.zuofeng.scores.dimensions]\nsixiang = 50.0\n"
        '[[findings]]\nid = "Fold0001"\nproblem = "旧问题"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["export", str(old), "--format", "md", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "旧问题" in result.stdout and "（未署名）" in result.stdout


def test_findings_csv_status_comes_from_the_ledger_in_one_vocabulary(home: Path, tmp_path: Path) -> None:
    storage.write_report(fixed_report(), home / "reports")
    done = runner.invoke(app, ["plan", "update", "F0000002", "--status", "doing"])
    assert done.exit_code == 0, done.output
    out = tmp_path / "findings.csv"
    assert runner.invoke(app, ["export", "--format", "csv", "--what", "findings", "-o", str(out)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert {r["id"]: r["status"] for r in rows} == {"F0000001": "未启动", "F0000002": "进行中", "F0000003": "未启动"}
