"""民主测评结果: many raters' marks of one person put together, never attributable to a rater. Pure.

Raters are counted as distinct ratings (a file given twice, or a copy, counts once). Below
:data:`~selfcheck.compare.gap.MIN_RATERS` raters only their number is given, as ``gap`` does: no marks, no overall
mean, no comments — with one or two raters the subject could tell who gave what. Comments are
given verbatim, sorted, so that the order of the files says nothing about who wrote them.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from selfcheck.compare.gap import MIN_RATERS, distinct, pooled_comments
from selfcheck.questionnaire.model import Questionnaire
from selfcheck.records.report import QuestionnaireResult, Report


@dataclass
class DimensionMarks:
    """How the raters marked one dimension: a count per label (worst first), abstentions, the mean on 0-100."""

    id: str
    counts: list[int]
    abstained: int
    mean: float | None


@dataclass
class QuestionnaireRatings:
    """One questionnaire's ratings of one person; ``detailed`` is False below :data:`MIN_RATERS` raters."""

    id: str
    raters: int
    overall: float | None
    detailed: bool
    dimensions: list[DimensionMarks] = field(default_factory=list)
    grades: list[int] = field(default_factory=list)
    """A count per overall grade label (best first, as the questionnaire lists them)."""
    comments: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class SubjectRatings:
    """Everything raters said about one person."""

    subject: str
    questionnaires: list[QuestionnaireRatings]


def _questionnaire(qid: str, results: list[QuestionnaireResult], q: Questionnaire | None) -> QuestionnaireRatings:
    if len(results) < MIN_RATERS:
        return QuestionnaireRatings(qid, len(results), None, detailed=False)
    overall_values = [r.scores.overall for r in results if r.scores.overall is not None]
    overall = round(statistics.fmean(overall_values), 1) if overall_values else None
    out = QuestionnaireRatings(qid, len(results), overall, detailed=True)
    if q is None:
        return out
    labels = q.rating.labels if q.rating is not None else []
    for dim in q.dimensions:
        marks = [r.ratings[dim.id] for r in results if dim.id in r.ratings]
        counts = [sum(1 for m in marks if m == point) for point in range(1, len(labels) + 1)]
        scale = len(labels) - 1
        mean = round(statistics.fmean((m - 1) / scale * 100 for m in marks), 1) if marks and scale > 0 else None
        out.dimensions.append(DimensionMarks(dim.id, counts, len(results) - len(marks), mean))
    if q.grades is not None:
        out.grades = [sum(1 for r in results if r.grade == label) for label in q.grades.labels]
    out.comments = pooled_comments(results)
    return out


def summarise_ratings(reports: Sequence[Report], definitions: Mapping[str, Questionnaire]) -> list[SubjectRatings]:
    """Per subject (in the order first met) and questionnaire: raters, marks, grades and comments."""
    by_subject: dict[str, dict[str, list[QuestionnaireResult]]] = {}
    for report in distinct([r for r in reports if r.respondent.is_rater]):
        per = by_subject.setdefault(report.respondent.subject or "", {})
        for qid, result in report.questionnaires.items():
            per.setdefault(qid, []).append(result)
    return [
        SubjectRatings(subject, [_questionnaire(qid, results, definitions.get(qid)) for qid, results in per.items()])
        for subject, per in by_subject.items()
    ]
