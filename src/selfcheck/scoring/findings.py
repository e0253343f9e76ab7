"""Findings: the problems a questionnaire's answers reveal (pure, no I/O)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from selfcheck.questionnaire.conditions import is_flagged, visible_ids
from selfcheck.questionnaire.model import AnswerValue, MultiItem, Questionnaire


@dataclass(frozen=True)
class Detected:
    """A problem the answers mark: an item's flag, or a ticked checklist option that is a problem itself."""

    questionnaire: str
    item: str
    option: str | None
    problem: str
    problem_en: str | None = None
    dimension: str = field(default="")

    @property
    def key(self) -> str:
        """Stable within a questionnaire: ``item`` or ``item/option``."""
        return f"{self.item}/{self.option}" if self.option else self.item


def detect(q: Questionnaire, answers: Mapping[str, AnswerValue]) -> list[Detected]:
    """The problems these answers reveal, in questionnaire order (hidden items are ignored)."""
    shown = visible_ids(q, answers)
    out: list[Detected] = []
    for item in q.items:
        if item.id not in shown or item.id not in answers:
            continue
        value = answers[item.id]
        if isinstance(item, MultiItem) and isinstance(value, list):
            for opt in item.options:
                if opt.id in value and opt.problem:
                    out.append(Detected(q.id, item.id, opt.id, opt.problem, opt.problem_en, item.dimension))
        if is_flagged(item, value) and item.problem:
            out.append(Detected(q.id, item.id, None, item.problem, item.problem_en, item.dimension))
    return out
