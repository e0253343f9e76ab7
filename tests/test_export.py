"""``selfcheck export``: golden files for md, html, csv and the document as data; docx read back; escaping; refusal
to overwrite; the formats' registry."""

from __future__ import annotations

import csv
import io
import json
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
            "sx-study-standard": "member",
            "sx-study-hours": 20,
            "sx-criticism-evasive": 1,
            "sx-self-review": False,
            "sx-org-life-missed": 0,
            "sx-dues": True,
            "gz-formalism": ["meetings"],
            "gz-bureaucratism": ["none"],
            "gz-grassroots-days": 8,
            "gz-follow-through": 4,
            "gz-rush-records": 2,
            "gz-allowances": False,
            "gz-office": False,
            "gz-buildings": False,
            "sh-hedonism": ["none"],
            "sh-extravagance": ["none"],
            "sh-dining": False,
            "sh-travel": False,
            "sh-gifts-received": False,
            "sh-gifts-given": False,
            "sh-car": False,
            "sh-relatives-gain": False,
            "sh-hardship": 4,
            "sh-noon-drinking": 1,
        },
        "diaoyan": {
            "dc-went": True,
            "dc-days": 12,
            "dc-hard-places": 1,
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
            causes=["lixiang"],
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
            causes=["dangxing"],
            measure="例会合并为每周一次",
            deadline="2027-03-31",
            owner="张三",
            source="masses",
        ),
        Finding(
            id="F0000003",
            problem="自己补充：对新同志帮带不够",
            detail="今年带的2名新同志没有谈过一次心",
            causes=["zongzhi"],
            measure="每季度谈心一次",
            deadline="2027-12-31",
            owner="张三",
            source="peers",
        ),
    ]
    created = datetime(2026, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    # 生活作风 names no problem: the person stated why in writing (the problem norm, #14)
    reasons = {"zuofeng": {"shenghuo": "征求意见45条、谈心谈话12次，均未反映本人生活作风方面的问题"}}
    report = build(qs, answers, {}, findings, name="张三", created=created, tool_version="test", no_problem=reasons)
    report.review = [
        ReviewEntry(
            finding="F9999999",
            report="selfcheck-20251120-100000-zuofeng.toml",
            problem="联系群众不经常",
            measure="每月走访4户",
            deadline="2026-06-30",
            status="done",
            evidence="走访记录24户",
        ),
        # A problem whose measure was never written (Enter through the 查摆 form): no empty cells for it
        ReviewEntry(
            finding="F9999998",
            report="selfcheck-20251120-100000-zuofeng.toml",
            problem_id="zuofeng/gz-follow-through",
            problem="抓落实不够有力",
            status="todo",
        ),
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


def _docx(tmp_path: Path, *args: str) -> Any:
    import docx

    out = tmp_path / "material.docx"
    result = runner.invoke(app, ["export", "--format", "docx", "-o", str(out), "--force", *args])
    assert result.exit_code == 0, result.output
    return docx.Document(str(out))


def test_docx_read_back(saved: Path, tmp_path: Path) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn

    args = ["--unit", "某某县发展和改革局", "--post", "副局长", "--meeting", "2026年度组织生活会"]
    document = _docx(tmp_path, *args)
    paragraphs = [p for p in document.paragraphs if p.text]
    styles = [(p.style.name if p.style is not None else "", p.text) for p in paragraphs]

    # Title block: title, unit/post/name, date
    assert styles[:3] == [
        ("Title", "2026年度组织生活会个人对照检查材料"),
        ("Subtitle", "某某县发展和改革局　副局长　张三"),
        ("Subtitle", "2026年11月25日"),
    ]
    # Numbering: 一、 sections (Heading 1), （一） areas (Heading 2), 1. points with a bold lead
    headings = [text for style, text in styles if style == "Heading 1"]
    assert headings == ["一、基本情况", "二、查摆出的问题", "三、原因剖析", "四、整改措施", "五、上次整改落实情况"]
    subs = [text for style, text in styles if style == "Heading 2"]
    # 生活作风 names no problem: it keeps its place, with the written reason (#14)
    assert subs[:4] == ["（一）思想作风方面", "（二）工作作风方面", "（三）生活作风方面", "（四）其他方面"]
    assert subs[4:] == ["（一）理想信念方面", "（二）宗旨意识方面", "（三）党性修养方面"]
    point = next(p for p in paragraphs if p.text.startswith("1. 理论学习"))
    assert point.runs[0].bold and point.runs[0].text == "1. 理论学习不够深入系统。"
    assert "附：自查得分" not in [p.text for p in paragraphs]  # scores only with --scores in Word

    # GB/T 9704: fonts, sizes and the fixed 28-point line live in the styles
    def east_asian(style_name: str) -> str:
        return str(document.styles[style_name].element.rPr.rFonts.get(qn("w:eastAsia")))

    assert [east_asian(n) for n in ("Title", "Normal", "Heading 1", "Heading 2")] == ["宋体", "仿宋", "黑体", "楷体"]
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 16 and document.styles["Title"].font.size.pt == 22
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert normal.paragraph_format.line_spacing.pt == 28
    body = next(p for p in paragraphs if p.text.startswith("按照2026年度组织生活会的要求"))
    assert body.style is not None and body.style.name == "Normal" and body.paragraph_format.line_spacing is None

    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)
    # Page numbers "— 1 —": a PAGE field between dashes, right on odd pages and left on even ones
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        p = footer.paragraphs[0]
        assert [r.text for r in p.runs] == ["— ", "", " —"] and " PAGE " in p._p.xml
        assert p.alignment is not None and align in str(p.alignment).lower()
        assert all(r.font.size.pt == 14 for r in p.runs)
    assert document.settings.odd_and_even_pages_header_footer

    # Tables: header row repeats, no row splits, widths follow the content
    measures = next(t for t in document.tables if t.rows[0].cells[0].text == "问题" and len(t.columns) == 5)
    assert [c.text for c in measures.rows[1].cells] == [
        "理论学习不够深入系统",
        "每月精读1篇原文并写体会",
        "张三",
        "2027-06-30",
        "未启动",
    ]
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    widths = [c.width.mm for c in measures.columns]
    problem, measure, owner, deadline, status = widths
    assert measure > problem > deadline > owner and measure > 50 and deadline < 30 and status < 20
    assert abs(sum(widths) - 156) < 1  # the whole 版心 width


def test_golden_docx_body(saved: Path, tmp_path: Path) -> None:
    """The Word body (word/document.xml, indented for a readable diff) is byte-for-byte stable: a change made to
    render faster must not move a single element of the material."""
    import zipfile

    from docx.oxml.parser import parse_xml

    out = tmp_path / "material.docx"
    args = ["--unit", "某某县发展和改革局", "--post", "副局长", "--meeting", "2026年度组织生活会", "--scores"]
    result = runner.invoke(app, ["export", "--format", "docx", "-o", str(out), "--force", *args])
    assert result.exit_code == 0, result.output
    body = parse_xml(zipfile.ZipFile(out).read("word/document.xml"))
    check_golden("report.docx.xml", body.xml)  # python-docx's own indented serialisation


def test_docx_scores_appendix_on_request(saved: Path, tmp_path: Path) -> None:
    document = _docx(tmp_path, "--scores")
    texts = [p.text for p in document.paragraphs]
    assert "附：自查得分" in texts
    assert any(row.cells[1].text == "思想作风" for t in document.tables for row in t.rows)


def test_docx_template_keeps_the_organisations_styles_and_letterhead(saved: Path, tmp_path: Path) -> None:
    import docx
    from docx.shared import Pt

    ref = docx.Document()
    ref.styles["Normal"].font.size = Pt(15)
    ref.styles["Normal"].font.name = "方正仿宋_GBK"
    ref.add_paragraph("中共某某县委组织部")
    ref.sections[0].header.paragraphs[0].text = "内部资料"
    template = tmp_path / "ref.docx"
    ref.save(str(template))

    document = _docx(tmp_path, "--template", str(template))
    assert document.paragraphs[0].text == "中共某某县委组织部"
    assert document.styles["Normal"].font.size.pt == 15
    assert document.styles["Normal"].font.name == "方正仿宋_GBK"
    assert document.sections[0].header.paragraphs[0].text == "内部资料"
    assert "一、基本情况" in [p.text for p in document.paragraphs]

    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    result = runner.invoke(app, ["export", "-f", "docx", "--template", str(bad), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 1 and "bad.docx" in result.output and "Traceback" not in result.output


REASON = "征求意见45条、谈心谈话12次，均未反映本人生活作风方面的问题"


def _html_cells(html: str, after: str) -> list[list[str]]:
    """The body rows of the first table after ``after`` in the HTML, as cell texts."""
    import re

    table = html.split(after, 1)[1].split("</table>", 1)[0]
    body = table.split("</thead>", 1)[1] if "</thead>" in table else table
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_look_back_has_no_empty_cell_and_says_what_is_true_in_every_format(saved: Path, tmp_path: Path) -> None:
    """五、上次整改落实情况: one row per problem; a problem that never had a measure says 未制定措施 / 未定时限 / 暂无,
    in md, html and docx alike — an empty cell fails. (CSV has no 五: it is one row per finding of this report.)"""
    md = runner.invoke(app, ["export", "-o", "-"]).stdout
    five = md.split("## 五、上次整改落实情况")[1].split("\n## ")[0]
    lines = [ln for ln in five.splitlines() if ln.startswith("| ") and not set(ln) <= set("|-: ")]
    rows = [ln.strip().strip("|").split("|") for ln in lines][1:]
    assert [[c.strip() for c in r] for r in rows] == [
        ["联系群众不经常", "每月走访4户", "2026-06-30", "已完成", "走访记录24户"],
        ["抓落实不够有力", "未制定措施", "未定时限", "未启动", "暂无"],
    ]
    html = runner.invoke(app, ["export", "-f", "html", "-o", "-"]).stdout
    cells = _html_cells(html, "五、上次整改落实情况")
    assert len(cells) == 2 and all(c.strip() for row in cells for c in row), cells
    assert "未制定措施" in cells[1] and "未定时限" in cells[1]
    document = _docx(tmp_path)
    [table] = [t for t in document.tables if t.rows[0].cells[-1].text == "完成情况及证据"]
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert body == [[c.strip() for c in r] for r in rows]
    assert all(cell.strip() for row in body for cell in row)
    english = runner.invoke(app, ["export", "-o", "-", "--lang", "en"]).stdout
    assert "| 抓落实不够有力 | no measure set | no deadline set | not started | none yet |" in english
    # No other table of the material has an empty cell either: a missing measure is 【请补写】 in 四, and a
    # questionnaire answered too thinly for a level says 不评定 in the appendix.
    for table in _docx(tmp_path, "--scores").tables:
        assert all(cell.text.strip() for row in table.rows for cell in row.cells)
    for text in (md, english):
        assert not [ln for ln in text.splitlines() if ln.startswith("|") and "|  |" in ln.replace("| |", "|  |")]
    assert "| 调研能力 | 总分 | 作答不足 | 不评定 |" in md


def test_a_written_reason_stands_where_the_dimensions_problems_would_be(saved: Path, tmp_path: Path) -> None:
    """#14: a dimension that names no problem but a written reason shows that reason under its area of 二、查摆出的问题
    (md, html, docx), and 一、基本情况 says how many areas have one; the 【请补写】 marker for an empty list is gone."""
    md = runner.invoke(app, ["export", "-o", "-"]).stdout
    two = md.split("## 二、查摆出的问题")[1].split("\n## ")[0]
    area = two.split("### （三）生活作风方面")[1].split("\n### ")[0]
    assert f"对照改进作风要求，本人没有在这方面列出问题，书面说明理由如下：{REASON}。" in area
    assert "1个方面没有列出问题，已书面说明理由（见第二部分）。" in md.split("## 二")[0]
    html = runner.invoke(app, ["export", "-f", "html", "-o", "-"]).stdout
    section = html.split("（三）生活作风方面")[1].split("<h3")[0]
    assert REASON in section
    paragraphs = [p.text for p in _docx(tmp_path).paragraphs]
    at = paragraphs.index("（三）生活作风方面")
    assert REASON in paragraphs[at + 1] and paragraphs[at + 2] == "（四）其他方面"
    english = runner.invoke(app, ["export", "-o", "-", "--lang", "en"]).stdout
    assert (
        f"Against the requirements for improving work style, I named no problem here; my written reason: {REASON}"
        in (english)
    )


def test_written_reasons_without_any_problem_need_no_marker(home: Path) -> None:
    report = fixed_report()
    report.findings = []
    report.questionnaires["zuofeng"].no_problem = dict.fromkeys(("sixiang", "gongzuo", "shenghuo"), REASON)
    storage.write_report(report, home / "reports")
    md = runner.invoke(app, ["export", "-o", "-"]).stdout
    two = md.split("## 二、查摆出的问题")[1].split("\n## ")[0]
    assert two.lstrip().startswith("本次自查未查摆出问题。")
    assert [ln for ln in two.splitlines() if ln.startswith("### ")] == [
        "### （一）思想作风方面",
        "### （二）工作作风方面",
        "### （三）生活作风方面",
    ]
    assert two.count(REASON) == 3 and "请补写" not in two
    assert "3个方面没有列出问题，已书面说明理由" in md


def test_material_without_cause_notes_reads_as_prose_with_markers(home: Path) -> None:
    report = fixed_report()
    for f in report.findings:
        f.cause_note, f.detail = "", ""
    report.findings[2].causes = []  # schema 3 (#12): causes is a list
    storage.write_report(report, home / "reports")
    md = runner.invoke(app, ["export", "-o", "-"]).stdout
    assert "待填写" not in md and "未归类" not in md
    causes = md.split("## 三、原因剖析")[1].split("## 四")[0]
    assert "反映出本人在理想信念方面还有差距。 **【请补写：结合上述问题，剖析理想信念方面的思想根源】**" in causes
    assert "“自己补充：对新同志帮带不够”的原因还需剖析。" in causes
    assert not [ln for ln in causes.splitlines() if ln.startswith(("1.", "- "))]  # paragraphs, not a list
    assert "**【请补写：具体表现——什么时间、在哪里、做了或没做什么】**" in md


def test_title_block_is_remembered_privately(saved: Path, home: Path) -> None:
    first = runner.invoke(app, ["export", "-o", "-", "--unit", "某某乡", "--meeting", "2026年度民主生活会"])
    assert first.exit_code == 0, first.output
    settings = home / "reports" / "material.toml"
    assert settings.stat().st_mode & 0o777 == 0o600
    again = runner.invoke(app, ["export", "-o", "-"]).stdout
    assert again.startswith("# 2026年度民主生活会个人对照检查材料\n\n某某乡　张三\n")
    forgot = runner.invoke(app, ["export", "-o", "-", "--unit", ""]).stdout
    assert "\n张三\n" in forgot


def test_no_doubled_contrast_and_anonymous_report_asks_for_a_name(home: Path) -> None:
    report = fixed_report()
    report.respondent.name = None
    storage.write_report(report, home / "reports")
    md = runner.invoke(app, ["export", "-o", "-"]).stdout
    assert "对照《对照" not in md and "对照对照" not in md
    assert "本人对照改进作风要求，查找思想作风、工作作风和生活作风方面的不足" in md
    assert "**【请补写：单位、职务、姓名】**" in md and "未署名" not in md


def test_english_material_is_english_where_the_questionnaire_is(saved: Path) -> None:
    md = runner.invoke(app, ["export", "-o", "-", "--lang", "en"]).stdout
    assert "I rely on organised sessions for theoretical study" in md  # sx-study's problem_en (zuofeng 2.0)
    assert "理论学习不够深入系统" not in md
    assert "### (1) Ideological conduct" in md and "25 November 2026" in md


def test_refuses_to_overwrite_without_force(saved: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.md"
    out.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["export", "-o", str(out)])
    assert result.exit_code == 1 and "文件已存在；用 --force 覆盖" in result.output
    english = runner.invoke(app, ["export", "-o", str(out), "--lang", "en"])
    assert english.exit_code == 1 and "already exists; use --force" in english.output
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
    assert "旧问题" in result.stdout and "【请补写：单位、职务、姓名】" in result.stdout


def test_findings_csv_status_comes_from_the_ledger_in_one_vocabulary(home: Path, tmp_path: Path) -> None:
    storage.write_report(fixed_report(), home / "reports")
    done = runner.invoke(app, ["plan", "update", "F0000002", "--status", "doing"])
    assert done.exit_code == 0, done.output
    out = tmp_path / "findings.csv"
    assert runner.invoke(app, ["export", "--format", "csv", "--what", "findings", "-o", str(out)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert {r["id"]: r["status"] for r in rows} == {"F0000001": "未启动", "F0000002": "进行中", "F0000003": "未启动"}


def test_findings_over_a_folder_or_a_glob_that_catches_the_ledger(home: Path, tmp_path: Path) -> None:
    folder = home / "reports"
    a = storage.write_report(fixed_report(), folder)
    assert runner.invoke(app, ["plan", "update", "F0000002", "--status", "doing"]).exit_code == 0
    assert runner.invoke(app, ["export", "-o", "-", "--unit", "某某乡"]).exit_code == 0  # writes material.toml
    everything = sorted(str(p) for p in folder.glob("*.toml"))  # what the shell makes of reports/*.toml
    assert {Path(p).name for p in everything} == {a.name, "ledger.toml", "material.toml"}
    for args in (everything, [str(folder)]):
        result = runner.invoke(app, ["export", "-f", "csv", "--what", "findings", "-o", "-", *args])
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
        assert [r["id"] for r in rows] == ["F0000001", "F0000002", "F0000003"]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["export", "-f", "csv", str(empty)])
    assert result.exit_code == 2 and "empty" in result.output


def test_red_lines_crossed_are_named_in_the_overview(home: Path) -> None:
    report = fixed_report()
    report.findings[1].red_line = True
    storage.write_report(report, home / "reports")
    md = runner.invoke(app, ["export", "-o", "-"]).stdout
    overview = md.split("## 二")[0]
    assert "对照中央八项规定精神逐项检查，存在以下情形：“以会议贯彻会议”。" in overview


def test_golden_document_as_data(saved: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "doc-json", "-o", "-"])
    assert result.exit_code == 0, result.output
    check_golden("report.doc.json", result.stdout)
    data = json.loads(result.stdout)
    assert (data["schema"], data["version"], data["lang"]) == ("selfcheck-document", 1, "zh")
    # The structure md is rendered from: the same sections, blocks and markers.
    md = runner.invoke(app, ["export", "--format", "md", "-o", "-"]).stdout
    assert [s["title"] for s in data["sections"]] == [line[3:] for line in md.splitlines() if line.startswith("## ")][
        : len(data["sections"])
    ]
    kinds = {b["type"] for s in data["sections"] for b in s["blocks"]}
    assert kinds == {"paragraph", "heading", "numbered", "table"}
    table = next(b for s in data["sections"] for b in s["blocks"] if b["type"] == "table")
    assert len(table["columns"]) == len(table["headers"]) == len(table["rows"][0])
    assert data["appendix"]["title"] == "附：自查得分" and data["charts"][0]["dimensions"]


def test_document_as_data_of_a_summary_and_by_default_name(
    home: Path, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(home)
    summary = runner.invoke(app, ["export", "--summary", str(home / "reports"), "-f", "doc-json", "-o", "-"])
    assert summary.exit_code == 0, summary.output
    assert json.loads(summary.stdout)["title"] == "组织汇总"
    written = runner.invoke(app, ["export", "-f", "doc-json"])
    assert written.exit_code == 0, written.output
    assert Path(written.output.strip()).name == f"{saved.stem}.doc.json"


def test_every_format_is_one_module_imported_only_when_chosen() -> None:
    import subprocess
    import sys

    from selfcheck.export import FORMATS, exporter

    for name in FORMATS:
        assert callable(exporter(name).export), name
    probe = (
        "import sys\nfrom selfcheck.export import FORMATS, exporter\n"
        "[exporter(n) for n in FORMATS if n != 'docx']\n"
        "print(sorted(m for m in sys.modules if m == 'docx' or m.startswith('docx.') or m.endswith('.export.docx')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", "python-docx and the docx exporter load only when docx is chosen"
