"""The Word renderer's shortcuts past python-docx give exactly what python-docx's own calls give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from selfcheck.export import docx as render_docx


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
