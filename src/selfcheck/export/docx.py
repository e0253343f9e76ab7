"""The 对照检查材料 as a Word document laid out as GB/T 9704 (党政机关公文格式) asks (python-docx).

Title 宋体 二号 centred; body 仿宋 三号 with a fixed 28-point line spacing; 一、 headings 黑体, （一） headings 楷体,
1. leads 仿宋 bold; A4 with a 37 mm top and 28 mm left margin; "— 1 —" page numbers in 宋体 四号 at the outer
side. The look lives in named styles (Normal, Title, Subtitle, Heading 1, Heading 2, Table Text), so that
``template`` — an organisation's own .docx — brings its own styles and letterhead and this module only adds the
content.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.export.document import (
    Column,
    Document,
    Heading,
    Numbered,
    Paragraph,
    Section,
    Table,
    display_width,
)
from selfcheck.i18n.text import justified, spacer

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

    from selfcheck.export import Source
    from selfcheck.i18n import Lang

TITLE_FONT = "宋体"
HEADING_FONT = "黑体"
SUB_HEADING_FONT = "楷体"
BODY_FONT = "仿宋"
PAGE_NUMBER_FONT = "宋体"
TABLE_SIZE = 12.0
"""小四 in tables: a 三号 table cannot fit five columns on the 156 mm text width."""
LINE_PITCH = 28.0
"""GB/T 9704: 22 lines of 28 characters on a page, which is a fixed 28-point line."""
CELL_PADDING_PT = 11.0
"""Word's default cell margins (0.19 cm each side), plus a little slack."""
SHARE = {"wide": 3.0, "text": 2.0}


def _set_fonts(element: Any, name: str) -> None:
    """Point every script of a style or run at ``name``, dropping theme fonts (which would win over it)."""
    from docx.oxml.ns import qn

    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def _style(word: WordDocument, name: str, font: str, size: float, **look: Any) -> Any:
    """Make ``name`` a paragraph style of GB/T 9704: ``font`` at ``size``, fixed line, no colour or border."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    try:
        style = word.styles[name]
    except KeyError:
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles["Normal"]
    element = style.element
    for child in list(element):  # start clean: the default template's colours, borders and numbering go
        if child.tag.endswith(("}pPr", "}rPr")):
            element.remove(child)
    style.font.size = Pt(size)
    style.font.bold = look.get("bold", False)
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    _set_fonts(element, font)
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(look.get("line", LINE_PITCH))
    fmt.space_before = Pt(look.get("before", 0))
    fmt.space_after = Pt(0)
    fmt.alignment = look.get("align")
    fmt.first_line_indent = Pt(look["indent"]) if "indent" in look else None
    if "outline" in look:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(look["outline"]))
        element.get_or_add_pPr().append(level)
        fmt.keep_with_next = True
    return style


def _house_styles(word: WordDocument, lang: Lang) -> None:
    """The styles of the material when no template brings its own."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    centre = WD_ALIGN_PARAGRAPH.CENTER
    # Justified Chinese stays even; justified English opens gaps between words on a 28-character line.
    body = WD_ALIGN_PARAGRAPH.JUSTIFY if justified(lang) else WD_ALIGN_PARAGRAPH.LEFT
    _style(word, "Normal", BODY_FONT, 16, indent=32, align=body)
    _style(word, "Title", TITLE_FONT, 22, line=36, align=centre)
    _style(word, "Subtitle", SUB_HEADING_FONT, 16, align=centre)
    _style(word, "Heading 1", HEADING_FONT, 16, indent=32, outline=0)
    _style(word, "Heading 2", SUB_HEADING_FONT, 16, indent=32, outline=1)
    _style(word, "Table Text", BODY_FONT, TABLE_SIZE, line=18)


def _ensure(word: WordDocument, name: str, font: str, size: float, **look: Any) -> str:
    """``name`` when the template has it; otherwise added in the house look."""
    try:
        word.styles[name]
    except KeyError:
        _style(word, name, font, size, **look)
    return name


def _page(word: WordDocument) -> None:
    """A4, 版心 156 × 225 mm: top 37 mm, left (订口) 28 mm."""
    from docx.shared import Mm

    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28) - Mm(7)  # the page number sits 7 mm below the text block's last line


def _page_numbers(word: WordDocument) -> None:
    """ "— 1 —" in 宋体 四号: right on odd pages, left on even pages, one character in from the edge."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    word.settings.odd_and_even_pages_header_footer = True
    section = word.sections[0]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if align == "right" else WD_ALIGN_PARAGRAPH.LEFT
        setattr(p.paragraph_format, f"{align}_indent", Pt(14))
        for part in ("— ", None, " —"):
            run = p.add_run(part or "")
            run.font.size = Pt(14)
            _set_fonts(run._element, PAGE_NUMBER_FONT)
            if part is None:
                for kind in ("begin", "instr", "end"):
                    node = OxmlElement("w:instrText" if kind == "instr" else "w:fldChar")
                    if kind == "instr":
                        node.set(qn("xml:space"), "preserve")
                        node.text = " PAGE "
                    else:
                        node.set(qn("w:fldCharType"), kind)
                    run._element.append(node)


def _has_page_field(word: WordDocument) -> bool:
    """Whether a template's footers number the pages already."""
    return any("PAGE" in s.footer._element.xml for s in word.sections)


class _StyleIds:
    """Paragraph style ids by name, each resolved once per document.

    ``paragraph.style = name`` makes python-docx rescan every style in styles.xml for the default paragraph style
    (which gets no w:pStyle) on each call: half the time of an export went there. Once the styles are set up
    neither the default nor any id changes, so the default is found once and each name looked up once.
    """

    def __init__(self, word: WordDocument) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self._styles = word.styles
        self._default = self._styles.default(WD_STYLE_TYPE.PARAGRAPH)  # the one scan of every style
        self._ids: dict[str, str | None] = {}

    def id(self, name: str) -> str | None:
        """The id python-docx gives style ``name``: ``None`` for the default paragraph style (no w:pStyle)."""
        if name not in self._ids:
            from docx.enum.style import WD_STYLE_TYPE

            style = self._styles[name]
            if style.type != WD_STYLE_TYPE.PARAGRAPH:  # python-docx's own check, and its message
                raise ValueError(f"assigned style is type {style.type}, need type {WD_STYLE_TYPE.PARAGRAPH}")
            self._ids[name] = None if style == self._default else style.style_id
        return self._ids[name]

    def apply(self, paragraph: Any, name: str) -> Any:
        """Give ``paragraph`` the style ``name``, as ``paragraph.style = name`` does; the paragraph is returned."""
        # python-docx sets a style by id only at the oxml level; ``_p`` is the paragraph's w:p element, the one
        # its public setter writes the same id to.
        paragraph._p.style = self.id(name)
        return paragraph

    def add(self, word: WordDocument, text: str, name: str) -> Any:
        """``word.add_paragraph(text, style=name)`` without the rescan."""
        return self.apply(word.add_paragraph(text), name)


def _text_points(text: str, bold: bool = False) -> float:
    """How wide ``text`` is on one line at the table size: a Chinese character is one em, a digit 0.6 em and a
    Latin letter 0.7 em (as wide as they come in the fonts Word and LibreOffice fall back to); bold 10% more."""
    ems = sum(1.0 if display_width(c) == 2 else 0.7 if c.isalpha() else 0.6 for c in text)
    return ems * TABLE_SIZE * (1.1 if bold else 1.0)


def column_widths(table: Table, total_pt: float) -> list[float]:
    """Widths in points: short columns (names, dates, status) as wide as their longest entry, on one line; the
    rest of the width shared by the text columns, 措施 and 具体表现 (``wide``) getting the most."""
    n = len(table.headers)
    kinds: list[Column] = [table.kind(i) for i in range(n)]
    widths = [0.0] * n
    for i, kind in enumerate(kinds):
        if kind == "short":
            longest = max(_text_points(table.headers[i], bold=True), *(_text_points(row[i]) for row in table.rows))
            widths[i] = longest + CELL_PADDING_PT
    rest = max(total_pt - sum(widths), total_pt * 0.4)
    shares = [SHARE.get(kind, 0.0) for kind in kinds]
    for i, share in enumerate(shares):
        if share:
            widths[i] = rest * share / sum(shares)
    scale = total_pt / sum(widths)  # short columns alone may overflow a narrow page: shrink all alike
    return [w * min(scale, 1.0) for w in widths]


def _row_rules(row: Any, header: bool) -> None:
    """A row is never split across pages; the header row repeats on every page."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _borders(table: Any) -> None:
    """Single black borders everywhere, set on the table itself so that no template style is needed."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    table._tbl.tblPr.append(borders)


def _blank_row(row: Any, header: bool, block: Table, widths: list[float], text_style: str, ids: _StyleIds) -> None:
    """``row``'s rules, and every cell of it: its column's width, on one line in a short column, in the table text
    style with no first-line indent, with an empty run (bold in the header row) for its text."""
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    _row_rules(row, header)
    for i, cell in enumerate(row.cells):
        cell.width = Pt(widths[i])
        if block.kind(i) == "short":  # names, dates and status stay on one line
            cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))
        p = ids.apply(cell.paragraphs[0], text_style)
        p.paragraph_format.first_line_indent = Pt(0)
        p.add_run().bold = header or None


def _table(word: WordDocument, block: Table, text_style: str, ids: _StyleIds) -> None:
    """A bordered table, widths by content, fixed layout, header row repeated."""
    import copy

    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Emu, Pt

    section = word.sections[-1]
    assert section.page_width is not None and section.left_margin is not None and section.right_margin is not None
    total = Emu(section.page_width - section.left_margin - section.right_margin).pt
    widths = column_widths(block, total)
    table = word.add_table(rows=1, cols=len(block.headers))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
    _blank_row(table.rows[0], True, block, widths, text_style, ids)
    if block.rows:
        blank = table.add_row()
        _blank_row(blank, False, block, widths, text_style, ids)
        # Body rows differ only in their text: a copy of the blank row's XML (made by lxml, in C) is much cheaper
        # than styling every cell through python-docx again. python-docx cannot append a ready row, so the copy
        # goes straight into the table's w:tbl element (``_tbl``), after the blank row, as add_row would put it.
        for _ in block.rows[1:]:
            table._tbl.append(copy.deepcopy(blank._tr))
    for row, texts in zip(table.rows, [block.headers, *block.rows], strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.paragraphs[0].runs[0].text = text
    word.add_paragraph()


def _marked(p: Any, mark: str, lang: Lang) -> None:
    """What the person still has to write, highlighted so it cannot be handed in unnoticed."""
    from docx.enum.text import WD_COLOR_INDEX

    if mark:
        if p.text:
            p.add_run(spacer(lang))
        p.add_run(mark).font.highlight_color = WD_COLOR_INDEX.YELLOW


def _section(word: WordDocument, part: Section, text_style: str, lang: Lang, ids: _StyleIds) -> None:
    ids.add(word, part.title, "Heading 1")
    for block in part.blocks:
        if isinstance(block, Heading):
            ids.add(word, block.text, "Heading 2")
        elif isinstance(block, Paragraph):
            p = word.add_paragraph(block.text)
            _marked(p, block.mark, lang)
        elif isinstance(block, Numbered):
            for n, entry in enumerate(block.entries, 1):
                p = word.add_paragraph()
                p.add_run(f"{n}. {entry.lead}").bold = True  # 三级标题: 仿宋 bold, as a run-in lead
                if entry.text:
                    p.add_run(spacer(lang) + entry.text)
                _marked(p, entry.mark, lang)
        elif isinstance(block, Table):
            _table(word, block, text_style, ids)


def _open_template(path: Path) -> WordDocument:
    """An organisation's .docx, or an error that names it."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from selfcheck.errors import SelfcheckError
    from selfcheck.i18n import Msg

    if not path.is_file():
        raise SelfcheckError(Msg.DOC_TEMPLATE_MISSING, path=path)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SelfcheckError(Msg.DOC_TEMPLATE_BAD, path=path, reason=type(exc).__name__) from None


def render(doc: Document, template: Path | None = None) -> bytes:
    """The .docx file's bytes; with ``template``, its styles, page set-up and letterhead are kept."""
    import docx

    from selfcheck.export.xmltext import clean

    doc = clean(doc)  # a control character in a report must not stop python-docx

    if template is None:
        word = docx.Document()
        _page(word)
        _house_styles(word, doc.lang)
    else:
        word = _open_template(template)
        for name, font, size in (("Title", TITLE_FONT, 22), ("Subtitle", SUB_HEADING_FONT, 16)):
            _ensure(word, name, font, size)
        _ensure(word, "Heading 1", HEADING_FONT, 16, outline=0)
        _ensure(word, "Heading 2", SUB_HEADING_FONT, 16, outline=1)
        _ensure(word, "Table Text", BODY_FONT, TABLE_SIZE, line=18)
    if not _has_page_field(word):
        _page_numbers(word)

    ids = _StyleIds(word)
    ids.add(word, doc.title, "Title")
    for line in doc.byline:
        ids.add(word, line, "Subtitle")
    if doc.byline_mark:
        _marked(ids.add(word, "", "Subtitle"), doc.byline_mark, doc.lang)
    word.add_paragraph()
    for part in doc.sections:
        _section(word, part, "Table Text", doc.lang, ids)
    if doc.appendix is not None:
        _section(word, doc.appendix, "Table Text", doc.lang, ids)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def set_run_font(run: Any, name: str, size: float, bold: bool = False) -> None:
    """Give one run ``name`` at ``size`` points for Latin and East Asian text alike (for hand-built documents)."""
    from docx.shared import Pt

    _set_fonts(run._element, name)
    run.font.size = Pt(size)
    run.font.bold = bold


def export(source: Source) -> bytes:
    """The exporter's entry point: the source's document as a Word file (in the source's template, if any)."""
    return render(source.document(), source.template)
