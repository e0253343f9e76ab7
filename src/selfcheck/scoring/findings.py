"""Findings: the problems a questionnaire's answers reveal (pure, no I/O)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from selfcheck.questionnaire.conditions import is_flagged, visible_ids
from selfcheck.questionnaire.model import AnswerValue, ChoiceItem, MultiItem, Questionnaire

if TYPE_CHECKING:
    from selfcheck.questionnaire.profile import Who


@dataclass(frozen=True)
class Detected:
    """A problem the answers mark: an item's flag, or a ticked checklist option that is a problem itself."""

    questionnaire: str
    item: str
    option: str | None
    problem: str
    problem_en: str | None = None
    dimension: str = field(default="")
    red_line: bool = False
    """A red-line answer: the finding cannot be dropped, and the level is capped."""

    @property
    def key(self) -> str:
        """Stable within a questionnaire: ``item`` or ``item/option``."""
        return f"{self.item}/{self.option}" if self.option else self.item


def detect(q: Questionnaire, answers: Mapping[str, AnswerValue], who: Who | None = None) -> list[Detected]:
    """The problems these answers reveal, in questionnaire order (hidden and not-applying items are ignored)."""
    shown = visible_ids(q, answers, who)
    out: list[Detected] = []
    for item in q.items:
        if item.id not in shown or item.id not in answers:
            continue
        value = answers[item.id]
        flagged = is_flagged(item, value) and bool(item.problem)
        if isinstance(item, MultiItem) and isinstance(value, list):
            for opt in item.options:
                if opt.id in value and opt.problem:
                    out.append(
                        Detected(q.id, item.id, opt.id, opt.problem, opt.problem_en, item.dimension, opt.red_line)
                    )
        red_choice = next(
            (o for o in item.options if o.red_line and o.id == value) if isinstance(item, ChoiceItem) else iter(()),
            None,
        )
        if flagged and item.problem:
            red = item.red_line or red_choice is not None
            out.append(Detected(q.id, item.id, None, item.problem, item.problem_en, item.dimension, red))
        elif red_choice is not None:
            wording = (
                (red_choice.problem, red_choice.problem_en) if red_choice.problem else (item.problem, item.problem_en)
            )
            out.append(Detected(q.id, item.id, red_choice.id, wording[0] or "", wording[1], item.dimension, True))
    return out


def red_lines(q: Questionnaire, answers: Mapping[str, AnswerValue], who: Who | None = None) -> list[str]:
    """The keys (``item`` or ``item/option``) of the red-line answers given."""
    return [d.key for d in detect(q, answers, who) if d.red_line]
