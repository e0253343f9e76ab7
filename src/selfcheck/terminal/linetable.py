"""A table whose every cell is one line, drawn as Rich's ``Table`` draws it but without Rich's layout passes.

Rich measures every cell, then renders each one through padding, wrapping and cropping to find widths that a table
of short one-line cells (scores, dates, a dimension's name) already knows: its six score tables were a third of what
``diff`` and ``report show`` spent drawing. :class:`LineTable` takes the same columns and rows; when every cell is one
line and the table fits the width it draws the same characters in the same styles itself (``tests/test_linetable.py``
compares it with Rich's table segment by segment), otherwise it hands the same table to Rich, which wraps cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from rich import box
from rich.cells import cell_len
from rich.containers import Lines
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement

Justify = Literal["left", "right"]
Overflow = Literal["fold", "ellipsis", "crop"]


class _Column:
    __slots__ = ("header", "justify", "no_wrap", "overflow")

    def __init__(self, header: str, justify: Justify, no_wrap: bool, overflow: Overflow) -> None:
        self.header, self.justify, self.no_wrap, self.overflow = header, justify, no_wrap, overflow


class LineTable:
    """Rows of one-line cells under a bold header and an optional title, with sections; Rich's default heavy-head box
    and one space of padding either side of a cell."""

    def __init__(self, title: str | None = None, title_justify: Justify = "left") -> None:
        self.title = title
        self.title_justify: Justify = title_justify
        self.columns: list[_Column] = []
        self.rows: list[tuple[str | Text, ...]] = []
        self.ends: set[int] = set()
        """Indexes of the rows after which a section ends (a rule is drawn)."""

    def add_column(
        self, header: str, justify: Justify = "left", no_wrap: bool = False, overflow: Overflow = "ellipsis"
    ) -> None:
        """A column; ``no_wrap`` and ``overflow`` are used when the table is too wide and Rich draws it."""
        self.columns.append(_Column(header, justify, no_wrap, overflow))

    def add_row(self, *cells: str | Text) -> None:
        """A row, one cell per column (missing cells at the end are empty, as in Rich's table)."""
        if len(cells) > len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        self.rows.append((*cells, *[""] * (len(self.columns) - len(cells))))

    def add_section(self) -> None:
        """A rule under the last row added."""
        if self.rows:
            self.ends.add(len(self.rows) - 1)

    def rich_table(self) -> Table:
        """The same table as Rich's ``Table``: what draws it when a cell needs wrapping."""
        table = Table(title=self.title, title_justify=self.title_justify)
        for c in self.columns:
            table.add_column(c.header, justify=c.justify, no_wrap=c.no_wrap, overflow=c.overflow)
        for n, row in enumerate(self.rows):
            table.add_row(*row, end_section=n in self.ends)
        return table

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """Measured as Rich measures the same table (only asked for when the table sits inside another layout)."""
        from rich.measure import Measurement

        return Measurement.get(console, options, self.rich_table())

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The table drawn directly when every cell is one line and it fits; else Rich's table."""
        grid = [[_text(console, c.header) for c in self.columns]]
        grid += [[_text(console, cell) for cell in row] for row in self.rows]
        widths = [max(cell_len(row[i].plain) for row in grid) + 2 for i in range(len(self.columns))]
        table_width = sum(widths) + len(widths) + 1
        if table_width > options.max_width or any(_several_lines(c.plain) for row in grid for c in row):
            yield self.rich_table()
            return
        edges = box.HEAVY_HEAD.substitute(options, safe=console.safe_box)
        header = console.get_style("table.header")
        if self.title:
            title = console.render_str(self.title, style="table.title", highlight=False)
            yield from console.render(title, options.update(width=table_width, justify=self.title_justify))
        line = Segment.line()
        yield Segment(edges.get_top(widths))
        yield line
        last = len(grid) - 1
        for n, row in enumerate(grid):
            left, divider, right = (
                (edges.head_left, edges.head_vertical, edges.head_right)
                if n == 0
                else (edges.foot_left, edges.foot_vertical, edges.foot_right)
                if n == last
                else (edges.mid_left, edges.mid_vertical, edges.mid_right)
            )
            yield Segment(left)
            # Columns all empty, header too, have no line to style: Rich pads such a header with plain spaces.
            base = header if n == 0 and any(w > 2 for w in widths) else None
            for i, (cell, width) in enumerate(zip(row, widths, strict=True)):
                if i:
                    yield Segment(divider)
                column = self.columns[i]
                yield from _cell(console, cell, width, column, base)
            yield Segment(right)
            yield line
            if n == 0:
                yield Segment(edges.get_row(widths, "head"))
                yield line
            elif n - 1 in self.ends and n != last:
                yield Segment(edges.get_row(widths, "row"))
                yield line
        yield Segment(edges.get_bottom(widths))
        yield line


def _several_lines(plain: str) -> bool:
    """Whether ``plain`` has a line break (a newline or any other that ``str.splitlines`` splits at: Rich measures and
    draws a cell by its lines) or a tab (which Rich expands): then Rich draws the table."""
    return "\t" in plain or (plain != "" and plain.splitlines() != [plain])


def _text(console: Console, cell: str | Text) -> Text:
    """A cell's text as Rich makes it: a string through the console (its markup and emoji settings, never
    highlighted), a ``Text`` copied (justifying pads it)."""
    if isinstance(cell, Text):
        return cell.copy()
    return console.render_str(cell, highlight=False)


def _cell(console: Console, text: Text, width: int, column: _Column, base: Style | None) -> RenderResult:
    """One cell: a space, the text justified in ``width - 2`` cells, a space; a header cell's style (``base``) is put
    beneath every segment of it, as Rich applies a cell style."""
    if width == 2:  # a column of nothing (or of zero-width characters): Rich draws no line of it, only blank
        return [Segment(" " * width, base)]
    if text.spans:
        lines = Lines([text])
        lines.justify(console, width - 2, justify=column.justify, overflow=column.overflow)
        # Joined as Rich's Text joins its wrapped lines: the text's own style becomes a span, so it is drawn
        # (render alone leaves the base style to its caller).
        body = list(Text("\n").join(lines).render(console, ""))
    else:  # the usual cell: one segment, justified by padding as Rich's Lines.justify pads (it fits: checked)
        plain = text.plain
        if column.justify == "right":
            plain = plain.rstrip()
            plain = " " * (width - 2 - cell_len(plain)) + plain
        else:
            plain += " " * (width - 2 - cell_len(plain))
        body = [Segment(plain, console.get_style(text.style) if text.style else None)]
    segments = [Segment(" "), *body, Segment(" ")]
    return Segment.apply_style(segments, base) if base is not None else segments
