"""The 对照检查材料 as a Word document in the look of an official document (python-docx).

Title 宋体 bold, headings 黑体, body 仿宋, with the East Asian font set on every run so that Word shows Chinese in
that font; real tables with borders; A4 with the margins of GB/T 9704; page numbers in the footer.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from selfcheck.export.document import Document, Heading, Numbered, Paragraph, Table

if TYPE_CHECKING:
    from docx.text.run import Run

TITLE_FONT = "宋体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋"


def _font(run: Run, name: str, size: float, bold: bool = False) -> None:
    """Set a run's font for Latin and East Asian text alike."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = RGBColor(0, 0, 0)
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:ascii"), name)
    fonts.set(qn("w:hAnsi"), name)


def _page_number(paragraph: Any) -> None:
    """A PAGE field, so Word numbers the pages itself."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    _font(run, BODY_FONT, 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)


def render(doc: Document) -> bytes:
    """The .docx file's bytes."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt

    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer)

    normal = word.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(16)
    from docx.oxml.ns import qn

    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)

    title = word.add_paragraph()  # not the "Title" style: its rule underneath has no place in 公文
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(doc.title), TITLE_FONT, 22, bold=True)
    sub = word.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(sub.add_run(doc.subtitle), BODY_FONT, 16)

    for part in doc.sections:
        heading = word.add_paragraph(style="Heading 1")
        _font(heading.add_run(part.title), HEADING_FONT, 16)
        for block in part.blocks:
            if isinstance(block, Heading):
                p = word.add_paragraph(style="Heading 2")
                _font(p.add_run(block.text), HEADING_FONT, 16)
            elif isinstance(block, Paragraph):
                p = word.add_paragraph()
                p.paragraph_format.first_line_indent = Pt(32)
                _font(p.add_run(block.text), BODY_FONT, 16)
            elif isinstance(block, Numbered):
                for n, (lead, text) in enumerate(block.entries, 1):
                    p = word.add_paragraph()
                    p.paragraph_format.first_line_indent = Pt(32)
                    _font(p.add_run(f"{n}. {lead}"), BODY_FONT, 16, bold=True)
                    _font(p.add_run(f"　{text}"), BODY_FONT, 16)
            elif isinstance(block, Table):
                table = word.add_table(rows=1, cols=len(block.headers))
                table.style = "Table Grid"
                table.alignment = WD_TABLE_ALIGNMENT.CENTER
                for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                    _font(cell.paragraphs[0].add_run(text), HEADING_FONT, 12)
                for row in block.rows:
                    cells = table.add_row().cells
                    for cell, text in zip(cells, row, strict=True):
                        _font(cell.paragraphs[0].add_run(text), BODY_FONT, 12)
                word.add_paragraph()
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
