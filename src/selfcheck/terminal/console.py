"""Rich renderings for the terminal: panels, tables and bars. Builds renderables; printing is the caller's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from selfcheck.i18n import Lang, Msg, pick, t
from selfcheck.i18n.text import joined
from selfcheck.terminal.linetable import LineTable
from selfcheck.terminal.visible import install

install()  # every renderable built below, and by the views, shows control characters instead of obeying them

if TYPE_CHECKING:
    from selfcheck.interview.state import Step
    from selfcheck.questionnaire.library import Entry, Listed
    from selfcheck.questionnaire.model import Item, Questionnaire
    from selfcheck.questionnaire.profile import Profile
    from selfcheck.scoring.scores import Result


class Wrapped:
    """Text wrapped by Chinese line-breaking rules (:mod:`selfcheck.terminal.linebreak`); Rich alone cuts a Chinese
    sentence wherever the width ends, so a line could start with ，or 。. Styles and newlines are kept."""

    def __init__(self, text: Text | str, style: str = "", hanging: bool = False) -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style)
        self.hanging = hanging
        """Continuation lines keep the indent of the line they continue (labelled lines under a heading)."""

    def _cuts(self, width: int) -> list[tuple[int, int, int]]:
        """``(start, stop, indent)`` of every line drawn: the indent is put before a continuation line (hanging)."""
        from selfcheck.terminal.linebreak import line_spans

        plain = self.text.plain
        if not self.hanging:
            return [(a, b, 0) for a, b in line_spans(plain, width)]
        cuts: list[tuple[int, int, int]] = []
        offset = 0
        for line in plain.split("\n"):  # each source line wrapped on its own, continuing under its first character
            indent = len(line) - len(line.lstrip(" "))
            for k, (start, stop) in enumerate(line_spans(line, max(width - indent, 1), first=width)):
                cuts.append((offset + start, offset + stop, indent if k else 0))
            offset += len(line) + 1
        return cuts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The lines, each within the width, as segments: the text is rendered once (one style look-up per span)
        and cut at the line offsets, so drawing is linear in its length and nothing is measured twice."""
        text = self.text
        plain = text.plain
        cuts = self._cuts(options.max_width)
        end = Segment.line()
        if not text.spans:
            style = console.get_style(text.style) if text.style else None
            for a, b, indent in cuts:
                if indent:
                    yield Segment(" " * indent)
                yield Segment(plain[a:b], style)
                yield end
            return
        # Segments of the whole text, with where each starts; each line takes the parts between its offsets.
        pieces = list(text.render(console))
        starts = []
        offset = 0
        for piece in pieces:
            starts.append(offset)
            offset += len(piece.text)
        k = 0
        for a, b, indent in cuts:
            if indent:
                yield Segment(" " * indent)
            while k + 1 < len(pieces) and starts[k + 1] <= a:
                k += 1
            m = k
            while m < len(pieces) and starts[m] < b:
                lo, hi = max(a, starts[m]) - starts[m], min(b, starts[m] + len(pieces[m].text)) - starts[m]
                yield Segment(pieces[m].text[lo:hi], pieces[m].style)
                m += 1
            yield end

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As narrow as its widest unbreakable piece, as wide as its longest line."""
        from selfcheck.terminal.linebreak import cells, widest_piece

        plain = self.text.plain
        widest = widest_piece(plain)
        longest = max((cells(line) for line in plain.split("\n")), default=0)
        return Measurement(min(widest, options.max_width), min(longest, options.max_width))


def make_console(stderr: bool = False) -> Console:
    """A console that writes plain text when not attached to a terminal, and when NO_COLOR is set (no escape
    codes at all: bold and underline are dropped too, not only colours)."""
    import os

    plain = bool(os.environ.get("NO_COLOR"))
    # markup=False: names and answers with [brackets] are shown as typed, never read as styles or [link=…]
    return Console(stderr=stderr, highlight=False, emoji=False, markup=False, color_system=None if plain else "auto")


def bar(fraction: float, width: int = 20) -> str:
    """A horizontal bar of ``width`` cells for a value in 0-1."""
    fraction = min(1.0, max(0.0, fraction))
    full = round(fraction * width)
    return "█" * full + "░" * (width - full)


def _title(q: Questionnaire, lang: Lang) -> str:
    return pick(q.title, q.title_en, lang)


def choices(q: Questionnaire, step: Step, lang: Lang) -> list[tuple[str, str]]:
    """The numbered choices shown for an item, as (number, label); empty for numbers, dates and text."""
    from selfcheck.questionnaire.kinds import kind_of

    return [(number, label.render(lang)) for number, label in kind_of(step.item).choices(q)]


def hint(q: Questionnaire, step: Step, lang: Lang) -> str:
    """The one-line input hint for an item."""
    from selfcheck.questionnaire.kinds import kind_of

    return kind_of(step.item).hint(q, date.today()).render(lang)


def source_passage(item: Item, lang: Lang) -> Text:
    """What ``?`` shows: the passage of the source text; in English, the translation and then the original."""
    if not item.help:
        return Text(t(Msg.HELP_NONE, lang))
    shown = Text(pick(item.help, item.help_en, lang))
    if shown.plain != item.help:  # a translation: the original follows
        shown.append(f"\n\n{t(Msg.HELP_ORIGINAL, lang)}{item.help}", style="dim")
    return shown


class TitledPanel:
    """A panel with its title on the top border, or, when the width cannot hold the title (an English questionnaire
    and dimension at 60 columns), with the title wrapped as the first lines inside: never cut mid-word."""

    def __init__(self, body: list[RenderableType], head: Text) -> None:
        self.body = body
        self.head = head

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The panel that fits."""
        from rich.cells import cell_len

        if cell_len(self.head.plain) + 6 <= options.max_width:  # "╭─ " + title + " ─╮"
            yield Panel(Group(*self.body), title=self.head, title_align="left", expand=True)
        else:
            yield Panel(Group(Wrapped(self.head), *self.body), expand=True)


def item_panel(
    step: Step, progress: tuple[int, int], lang: Lang, existing: str | None = None, other: bool = False
) -> TitledPanel:
    """The panel for one question: where we are, the text, the choices and how to answer."""

    q = step.questionnaire
    dim = q.dimension(step.item.dimension)
    n, total = progress
    head = Text.assemble(
        (_title(q, lang), "bold"),
        " · ",
        pick(dim.title, dim.title_en, lang),
    )
    # The bar shows the figure rounded up to whole cells: question 1 of 38 and of 13 both show a first cell.
    prog = Text.assemble(
        (t(Msg.PROGRESS, lang, n=n, total=total), "cyan"), "  ", (bar(-(-n * 16 // total) / 16, 16), "cyan")
    )
    body: list[RenderableType] = [prog, Text(""), Wrapped(step.item.label(lang, other), style="bold")]
    opts = choices(q, step, lang)
    if opts:
        body.append(Text(""))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(justify="right")
        grid.add_column(overflow="fold")
        for number, label in opts:
            grid.add_row(f"  {number}", label)  # a wrapped label stays aligned under itself
        body.append(grid)
    if existing is not None:
        body.append(Text(""))
        body.append(Text(t(Msg.CURRENT, lang, value=existing), style="green"))
    enter = (
        t(Msg.ENTER_KEEP, lang)
        if existing is not None
        else (t(Msg.ENTER_REQUIRED, lang) if step.item.required else t(Msg.ENTER_SKIP, lang))
    )
    body.append(Text(""))
    body.append(Text(f"{hint(q, step, lang)} · {t(Msg.HINT_ENTER, lang, enter=enter)}", style="dim"))
    body.append(Text(t(Msg.HINT_KEYS, lang), style="dim"))
    return TitledPanel(body, head)


def scores_table(q: Questionnaire, result: Result, lang: Lang) -> RenderableType:
    """Scores per dimension with bars, the overall score, the band and its feedback."""

    table = LineTable(title=t(Msg.SCORES_TITLE, lang, title=_title(q, lang)), title_justify="left")
    table.add_column(t(Msg.COL_DIMENSION, lang))
    table.add_column(t(Msg.COL_SCORE, lang), justify="right")
    table.add_column("", no_wrap=True)
    table.add_column(t(Msg.COL_ANSWERED, lang), justify="right")
    for dim in q.dimensions:
        d = result.dimensions[dim.id]
        value = f"{d.score:.1f}" if d.score is not None else t(Msg.INSUFFICIENT, lang)
        table.add_row(
            pick(dim.title, dim.title_en, lang),
            value,
            bar((d.score or 0) / 100, 12) if d.score is not None else "",
            f"{d.answered}/{d.shown}",
        )
    overall = f"{result.overall:.1f}" if result.overall is not None else t(Msg.INSUFFICIENT, lang)
    table.add_section()
    table.add_row(
        Text(t(Msg.OVERALL, lang), style="bold"),
        Text(overall, style="bold"),
        bar((result.overall or 0) / 100, 12) if result.overall is not None else "",
        "",
    )
    parts: list[RenderableType] = [table]
    if result.band is not None:
        parts.append(Text(t(Msg.LEVEL, lang, label=pick(result.band.label, result.band.label_en, lang)), style="bold"))
        if result.uncapped is not None and result.uncapped is not result.band:
            cap = pick(result.band.label, result.band.label_en, lang)
            level = pick(result.uncapped.label, result.uncapped.label_en, lang)
            parts.append(Text(t(Msg.RED_LINE_CAPPED, lang, cap=cap, level=level), style="bold red"))
        feedback = pick(result.band.feedback, result.band.feedback_en, lang)
        if feedback:
            parts.append(Text(feedback))
    parts.append(Text(t(Msg.COVERAGE, lang, pct=round(result.coverage * 100)), style="dim"))
    return Group(*parts)


def _source(entry: Entry | Listed, lang: Lang) -> str:
    return t(Msg.BUILTIN_SOURCE, lang) if entry.builtin else entry.source


def questionnaire_list(entries: Sequence[Listed], lang: Lang, width: int) -> Table:
    """The table for ``selfcheck questionnaires list``; narrow terminals get kind and version under the title."""

    kinds = {"contrast": Msg.KIND_CONTRAST, "ability": Msg.KIND_ABILITY, "custom": Msg.KIND_CUSTOM}
    table = Table(expand=False)
    if width >= 100:
        wide = (Msg.COL_TITLE, Msg.COL_KIND, Msg.COL_VERSION, Msg.COL_ITEMS, Msg.COL_DIMENSIONS, Msg.COL_SOURCE)
        headers = ["ID", *(t(m, lang) for m in wide)]
        for i, col in enumerate(headers):
            table.add_column(col, justify="right" if i == 4 else "left", overflow="fold", no_wrap=i in (0, 2, 3, 4))
        for e in entries:
            q = e.header
            dims = joined((pick(d.title, d.title_en, lang) for d in q.dimensions), lang)
            table.add_row(
                q.id,
                pick(q.title, q.title_en, lang),
                t(kinds[q.kind], lang),
                q.version,
                str(q.items),
                dims,
                _source(e, lang),
            )
        return table
    narrow = ["ID", *(t(m, lang) for m in (Msg.COL_TITLE_KIND_VERSION, Msg.COL_ITEMS_DIMS, Msg.COL_SOURCE))]
    for i, col in enumerate(narrow):
        table.add_column(col, overflow="fold", no_wrap=i in (0, 2), ratio=1 if i == 1 else None)
    for e in entries:
        q = e.header
        title = Text.assemble(
            pick(q.title, q.title_en, lang), "\n", (f"{t(kinds[q.kind], lang)} · v{q.version}", "dim")
        )
        table.add_row(q.id, title, f"{q.items}/{len(q.dimensions)}", _source(e, lang))
    return table


def questionnaire_detail(
    q: Questionnaire, lang: Lang, width: int = 100, profile: Profile | None = None
) -> RenderableType:
    """Every item of a questionnaire, grouped by dimension, with marks for red lines, items asked of some posts only
    and the person's own record (legend on top; the posts and options concerned under the item). Narrow terminals
    (under 100 columns) get the id and kind under the item text instead of columns of their own."""

    parts: list[RenderableType] = [Text(f"{_title(q, lang)}  ({q.id} v{q.version})", style="bold")]
    desc = pick(q.description, q.description_en, lang)
    if desc:
        parts.append(Wrapped(desc))
    marks = {"red": t(Msg.MARK_RED, lang), "posts": t(Msg.MARK_POSTS, lang), "own": t(Msg.MARK_OWN, lang)}
    parts.append(Wrapped(t(Msg.MARKS_LEGEND, lang, **marks), style="dim"))
    wide = width >= 100
    for dim in q.dimensions:
        table = Table(title=pick(dim.title, dim.title_en, lang), title_justify="left", expand=True)
        table.add_column("#", justify="right", no_wrap=True)
        if wide:
            table.add_column("ID", no_wrap=True)
            table.add_column(t(Msg.COL_ITEM_KIND, lang), no_wrap=True)
        table.add_column(t(Msg.COL_MARKS, lang), no_wrap=True)
        table.add_column(t(Msg.COL_ITEM, lang), ratio=1, overflow="fold")
        n = 0
        for item in q.items:
            if item.dimension != dim.id:
                continue
            n += 1
            kind = item.kind + (" ⟲" if getattr(item, "reverse", False) else "")
            cell = Text(item.label(lang))
            if not wide:
                cell.append(f"\n{item.id} · {kind}", style="dim")
            for note in item_notes(item, lang, profile):
                cell.append(f"\n{note}", style="dim")
            has = item_marks(item)
            # Wrapped: Chinese line breaking, so no line of the item starts with 。
            flags = Text(" ".join(marks[m] for m in has), style="bold red" if "red" in has else "")
            table.add_row(*([str(n), item.id, kind] if wide else [str(n)]), flags, Wrapped(cell))
        parts.append(table)
    return Group(*parts)


def item_marks(item: Item) -> list[str]:
    """Which marks an item carries in ``questionnaires show``: "red" (the item or one of its options is a red
    line), "posts" (the item or one of its options is asked of some posts only), "own" (never asked of raters)."""
    from selfcheck.interview.state import rater_asks

    options = getattr(item, "options", [])
    out = []
    if item.red_line or any(o.red_line for o in options):
        out.append("red")
    if item.posts or item.public_only or any(o.posts for o in options):
        out.append("posts")
    if not rater_asks(item):
        out.append("own")
    return out


def item_notes(item: Item, lang: Lang, profile: Profile | None) -> list[str]:
    """The posts an item (or an option of it) is limited to, and its red-line options, one line each."""

    def posts(ids: Sequence[str], public: bool = False) -> str:
        found = {p.id: p for p in profile.posts} if profile is not None else {}
        names = [pick(found[i].label, found[i].label_en, lang) if i in found else i for i in ids]
        return joined([*names, *([t(Msg.NOTE_PUBLIC, lang)] if public else [])], lang)

    notes = []
    if item.posts or item.public_only:
        notes.append(t(Msg.NOTE_ONLY, lang, posts=posts(item.posts, item.public_only)))
    for o in getattr(item, "options", []):
        label = pick(o.label, o.label_en, lang)
        if o.red_line and not item.red_line:
            notes.append(t(Msg.NOTE_OPTION_RED, lang, option=label))
        if o.posts:
            notes.append(t(Msg.NOTE_OPTION_ONLY, lang, option=label, posts=posts(o.posts)))
    return notes
