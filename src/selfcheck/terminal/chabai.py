"""The 查摆 record of one problem as a form.

Fields: 具体表现, 原因 (one or more; 其他 needs a note), 整改措施, 完成时限, 责任人, 来源.
``b`` goes back a field and ``?`` explains the field, as in the questions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from selfcheck.i18n import Msg, t
from selfcheck.records.report import CAUSE_LABELS, CAUSES, SOURCE_LABELS, SOURCES, CauseCode, Finding
from selfcheck.terminal.forms import Back, fill

if TYPE_CHECKING:
    from selfcheck.terminal.prompts import Session


def parse_numbers(raw: str, count: int) -> list[int] | None:
    """``1,3`` (also ``1，3`` or ``1 3``) → [1, 3] in order, no repeats; None when a part is not 1..count."""
    parts = raw.replace("，", ",").replace("、", ",").replace(" ", ",").split(",")
    out: list[int] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= count:
            return None
        if int(part) not in out:
            out.append(int(part))
    return out


def ask_causes(s: Session) -> list[CauseCode]:
    """One or more causes; Enter does not leave the cause empty."""
    labels = [t(CAUSE_LABELS[c], s.lang) for c in CAUSES]
    s.console.print("  ".join(f"{i} {label}" for i, label in enumerate(labels, 1)), style="dim", highlight=False)
    while True:
        raw = s.read(t(Msg.ASK_CAUSES, s.lang))
        picked = parse_numbers(raw, len(CAUSES))
        if picked is None:
            s.note(t(Msg.BAD_NUMBER, s.lang, n=len(CAUSES)))
        elif not picked:
            s.note(t(Msg.CAUSE_REQUIRED, s.lang))
        else:
            return [CAUSES[n - 1] for n in picked]


def ask_cause_note(s: Session, causes: list[CauseCode]) -> str:
    """The cause explained: required when 其他 (other) is among the causes, else optional."""
    if "other" in causes:
        while not (note := s.read(t(Msg.ASK_CAUSE_NOTE_OTHER, s.lang))):
            s.note(t(Msg.CAUSE_OTHER_NEEDS_NOTE, s.lang))
        return note
    return s.read(t(Msg.ASK_CAUSE_NOTE, s.lang))


def ask_details(s: Session, problem: str, fid: str, default_owner: str, required: bool = False) -> Finding:
    """Ask the 查摆 record of one problem; ``required``: a red line's 具体表现 cannot stay empty."""
    lang = s.lang

    def detail(_: dict[str, Any]) -> str:
        text = s.ask_detail(problem)
        while required and not text:
            s.note(t(Msg.RED_LINE_DETAIL_REQUIRED, lang), style="bold red")
            text = s.ask_detail(problem)
        return text

    def source(_: dict[str, Any]) -> int | None:
        labels = [t(SOURCE_LABELS[x], lang) for x in SOURCES]
        return s.ask_number(t(Msg.ASK_SOURCE, lang), labels, default=1)

    fields = [
        ("detail", Msg.FORM_HELP_DETAIL, detail),
        ("causes", Msg.FORM_HELP_CAUSES, lambda _v: ask_causes(s)),
        ("cause_note", Msg.FORM_HELP_CAUSE_NOTE, lambda v: ask_cause_note(s, v["causes"])),
        ("measure", Msg.FORM_HELP_MEASURE, lambda _v: s.ask_measure()),
        ("deadline", Msg.FORM_HELP_DEADLINE, lambda _v: s.ask_deadline()),
        ("owner", Msg.FORM_HELP_OWNER, lambda _v: s.read(f"{t(Msg.ASK_OWNER, lang)} [{default_owner}]")),
        ("source", Msg.FORM_HELP_SOURCE, source),
    ]
    s.note(t(Msg.FORM_KEYS, lang), style="dim")
    kept = s.draft.partial.setdefault(fid, {})  # lives in the draft: saved if the person quits half-way
    while True:
        try:
            v = fill(s, fields, kept)
            break
        except Back:
            s.note(t(Msg.FORM_AT_FIRST, lang))
    s.draft.partial.pop(fid, None)
    return Finding(
        id=fid,
        problem=problem,
        detail=v["detail"],
        causes=v["causes"],
        cause_note=v["cause_note"],
        measure=v["measure"],
        deadline=v["deadline"],
        owner=v["owner"] or default_owner,
        source=SOURCES[v["source"] - 1] if v["source"] else "",
    )
