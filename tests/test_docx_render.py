"""The Word renderer's shortcuts past python-docx give exactly what python-docx's own calls give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from selfcheck.export import docx as render_docx
from selfcheck.export.document import Table


def _house() -> Any:
    """A new document in the house styles, as ``render`` sets it up."""
    import docx

    word = docx.Document()
    render_docx._house_styles(word, "zh")
    return word


def _template(tmp_path: Path) -> Any:
    """An organisation's template whose default paragraph style is its own, not Normal."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    ref = docx.Document()
    own = ref.styles.add_style("公文正文", WD_STYLE_TYPE.PARAGRAPH)
    for style in ref.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            style.element.default = style.name == "公文正文"
    assert ref.styles.default(WD_STYLE_TYPE.PARAGRAPH) == own
    path = tmp_path / "template.docx"
    ref.save(str(path))
    return docx.Document(str(path))


@pytest.mark.parametrize("make", [lambda _: _house(), _template])
def test_style_ids_are_the_ones_python_docx_gives(make: Any, tmp_path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    word = make(tmp_path)
    ids = render_docx._StyleIds(word)
    names = [s.name for s in word.styles if s.type == WD_STYLE_TYPE.PARAGRAPH]
    assert len(names) > 10
    for name in names:
        assert ids.id(name) == word.styles.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH), name
        assert ids.id(name) == word.styles.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH), name  # and when cached
        by_setter, by_id = word.add_paragraph("x"), word.add_paragraph("x")
        by_setter.style = name
        ids.apply(by_id, name)
        assert by_id._p.xml == by_setter._p.xml, name
    default = word.styles.default(WD_STYLE_TYPE.PARAGRAPH).name
    assert ids.id(default) is None  # the default style is written as no w:pStyle at all


def test_style_ids_refuse_what_python_docx_refuses() -> None:
    from docx.enum.style import WD_STYLE_TYPE

    word = _house()
    ids = render_docx._StyleIds(word)
    with pytest.raises(ValueError) as theirs:
        word.styles.get_style_id("Default Paragraph Font", WD_STYLE_TYPE.PARAGRAPH)  # a character style
    with pytest.raises(ValueError) as ours:
        ids.id("Default Paragraph Font")
    assert str(ours.value) == str(theirs.value)
    with pytest.raises(KeyError):
        ids.id("No Such Style")


def _cell_by_cell(word: Any, block: Table) -> None:
    """The table built one cell at a time with python-docx's own calls, as ``_table`` did before it copied rows."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.shared import Emu, Pt

    section = word.sections[-1]
    widths = render_docx.column_widths(block, Emu(section.page_width - section.left_margin - section.right_margin).pt)
    table = word.add_table(rows=1, cols=len(block.headers))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    render_docx._borders(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
    for r, texts in enumerate([block.headers, *block.rows]):
        row = table.rows[0] if r == 0 else table.add_row()
        render_docx._row_rules(row, header=r == 0)
        for i, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
            cell.width = Pt(widths[i])
            if block.kind(i) == "short":
                cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))
            cell.paragraphs[0].style = "Table Text"
            cell.paragraphs[0].paragraph_format.first_line_indent = Pt(0)
            cell.paragraphs[0].add_run(text).bold = r == 0 or None
    word.add_paragraph()


TABLES = [
    Table(["问题", "措施"], []),
    Table(["问题"], [["只有一行"]]),
    Table(
        ["问题", "整改措施", "责任人", "完成时限"],
        [["", " 前有空格", "张三", "2027-06-30"], ["换\n行", "制表\t符", "尾有空格 ", ""], ["甲", "乙", "丙", "丁"]],
        ["text", "wide", "short", "short"],
    ),
]


@pytest.mark.parametrize("block", TABLES, ids=["header only", "one row", "awkward text"])
def test_tables_copied_row_by_row_are_the_tables_built_cell_by_cell(block: Table) -> None:
    ours, theirs = _house(), _house()
    render_docx._table(ours, block, "Table Text", render_docx._StyleIds(ours))
    _cell_by_cell(theirs, block)
    assert ours.element.body.xml == theirs.element.body.xml
    [table] = ours.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [block.headers, *block.rows]
