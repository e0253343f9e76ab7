"""Scores: pure functions from a questionnaire and its answers to 0-100 per dimension and a level."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from selfcheck.questionnaire.conditions import visible_ids
from selfcheck.questionnaire.model import AnswerValue, Band, Questionnaire
from selfcheck.questionnaire.values import item_score

if TYPE_CHECKING:
    from selfcheck.questionnaire.profile import Who


@dataclass(frozen=True)
class DimensionScore:
    """A dimension's score (0-100), or None when under half its shown scored items were answered."""

    id: str
    score: float | None
    answered: int
    shown: int

    @property
    def insufficient(self) -> bool:
        """Too few answers to score honestly."""
        return self.score is None


@dataclass(frozen=True)
class Result:
    """Everything scoring says about one questionnaire's answers."""

    overall: float | None
    band: Band | None
    dimensions: dict[str, DimensionScore]
    answered: int
    shown: int
    red_lines: list[str] = field(default_factory=list)
    """Keys of red-line answers; any of them caps :attr:`band` at the questionnaire's ``red_line_level``."""
    uncapped: Band | None = None
    """The band the score alone gives (differs from :attr:`band` when a red line capped it)."""

    @property
    def coverage(self) -> float:
        """The share of shown scored items that were answered (0-1)."""
        return self.answered / self.shown if self.shown else 0.0


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total if total > 0 else None


def score(
    q: Questionnaire,
    answers: Mapping[str, AnswerValue],
    ratings: Mapping[str, int] | None = None,
    who: Who | None = None,
) -> Result:
    """Dimension scores (weighted mean × 100), overall (weighted mean of scored dimensions), band, coverage.

    ``ratings`` are a rater's 民主测评 marks per dimension (1 = worst): each counts as one more item of weight 1.
    None means no rating was asked (a self-assessment); an absent dimension was an abstention (不了解).
    ``who``: the respondent's post; items that do not apply to it are left out, never counted as bad answers.
    A red-line answer caps the level at the questionnaire's ``red_line_level``; the score itself is unchanged."""
    from selfcheck.scoring.findings import red_lines

    shown_ids = visible_ids(q, answers, who)
    dims: dict[str, DimensionScore] = {}
    # Unrounded dimension scores: the overall is their mean, rounded once (39.994 must not become 40).
    exact: dict[str, float] = {}
    total_answered = total_shown = 0
    for dim in q.dimensions:
        pairs: list[tuple[float, float]] = []
        shown = 0
        for item in q.items:
            if item.dimension != dim.id or not item.scored or item.id not in shown_ids:
                continue
            shown += 1
            if item.id in answers:
                s = item_score(q, item, answers[item.id])
                if s is not None:
                    pairs.append((s, item.weight))
        marked = False
        if ratings is not None and q.rating is not None:
            shown += 1
            if dim.id in ratings:
                pairs.append((q.rating.score(ratings[dim.id]), 1.0))
                marked = True
        mean = _weighted_mean(pairs)
        # A rater's mark on the dimension is their judgement of it as a whole: items they could not judge
        # (不了解) do not void it, so a paper or phone ballot (marks only) scores as a `rate` run with items skipped.
        enough = shown > 0 and (len(pairs) * 2 >= shown or marked)
        if mean is not None and enough:
            exact[dim.id] = mean * 100
        value = round(exact[dim.id], 2) if dim.id in exact else None
        dims[dim.id] = DimensionScore(dim.id, value, len(pairs), shown)
        total_answered += len(pairs)
        total_shown += shown
    overall = _weighted_mean([(v, q.dimension(d).weight) for d, v in exact.items()])
    overall = round(overall, 2) if overall is not None else None
    uncapped = q.band_for(overall) if overall is not None else None
    reds = sorted(red_lines(q, answers, who))  # a set in fact: item order must not matter
    return Result(overall, q.capped(uncapped, bool(reds)), dims, total_answered, total_shown, reds, uncapped)
