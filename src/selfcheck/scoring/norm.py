"""The problem norm: a questionnaire can require at least N problems per dimension, or a written reason why none."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from selfcheck.questionnaire.model import Questionnaire


def dimension_of(q: Questionnaire, item: str | None, dimension: str | None) -> str | None:
    """The dimension a finding belongs to: its item's, or the one named for a problem the person added."""
    if item is not None:
        return next((i.dimension for i in q.items if i.id == item), None)
    return dimension


def missing_problems(
    q: Questionnaire,
    found: Iterable[tuple[str | None, str | None, str | None]],
    reasons: Mapping[str, str],
) -> dict[str, int]:
    """Dimensions short of :attr:`~Questionnaire.min_problems_per_dimension`, with how many problems are missing.

    ``found``: (questionnaire, item, dimension) of every finding; ``reasons``: dimension → why none applies."""
    need = q.min_problems_per_dimension
    if need <= 0:
        return {}
    counts = dict.fromkeys((d.id for d in q.dimensions), 0)
    for qid, item, dimension in found:
        dim = dimension_of(q, item, dimension) if qid == q.id else None
        if dim in counts:
            counts[dim] += 1
    return {d: need - n for d, n in counts.items() if n < need and not reasons.get(d, "").strip()}
