"""Self versus others (自评与他评): where a person's view of themselves and others' view differ. Pure.

The result carries ids and numbers only (questionnaire, dimension, item and option ids; grades as the report stores
them); the view words them in the chosen language."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selfcheck.errors import ReportError
from selfcheck.i18n import Msg
from selfcheck.questionnaire.model import Questionnaire
from selfcheck.questionnaire.values import item_score
from selfcheck.records.report import QuestionnaireResult, Report

MIN_RATERS = 3
"""Fewer other raters than this and only totals are shown, so no single rating can be read off (背靠背)."""
SUBJECT_COMMENT = "overall"
"""The key under a rating's ``comments`` that holds the comment on the person as a whole (not a dimension)."""


THRESHOLD = 15.0
"""Points between self and others' mean that make a blind spot or a hidden strength."""


@dataclass(frozen=True)
class Stat:
    """Self score against others' mean, spread (population standard deviation) and count."""

    self_score: float | None
    mean: float | None
    spread: float | None
    count: int

    @property
    def gap(self) -> float | None:
        """self − others' mean."""
        if self.self_score is None or self.mean is None:
            return None
        return round(self.self_score - self.mean, 2)

    def to_json(self) -> dict[str, Any]:
        """Stable keys for scripts."""
        return {
            "self": self.self_score,
            "others_mean": self.mean,
            "others_spread": self.spread,
            "others_count": self.count,
            "gap": self.gap,
        }


def pooled_comments(results: Sequence[QuestionnaireResult]) -> dict[str, list[str]]:
    """Dimension → the raters' comments, verbatim and sorted (file order says nothing about who wrote which);
    empty below :data:`MIN_RATERS` raters, when the subject could tell who wrote what."""
    if len(results) < MIN_RATERS:
        return {}
    out: dict[str, list[str]] = {}
    for result in results:
        for dim, text in result.comments.items():
            if text.strip():
                out.setdefault(dim, []).append(text.strip())
    return {dim: sorted(texts) for dim, texts in out.items()}


def _stat(self_score: float | None, values: Sequence[float]) -> Stat:
    """The statistics, withheld (mean and spread None) when fewer than :data:`MIN_RATERS` values exist."""
    if len(values) < MIN_RATERS:
        return Stat(self_score, None, None, len(values))
    return Stat(self_score, round(statistics.fmean(values), 2), round(statistics.pstdev(values), 2), len(values))


@dataclass
class QuestionnaireGap:
    """One questionnaire's comparison; ``detailed`` is False below :data:`MIN_RATERS` (totals only)."""

    id: str
    stored_title: str
    """The title the self report recorded, for a questionnaire this selfcheck no longer knows."""
    raters: int
    overall: Stat
    detailed: bool
    dimensions: dict[str, Stat] = field(default_factory=dict)
    items: list[tuple[str, Stat]] = field(default_factory=list)
    """The items with the largest gaps, by item id."""
    comments: dict[str, list[str]] = field(default_factory=dict)
    """Raters' comments per dimension, verbatim and sorted; only when ``detailed``."""
    grades: dict[str, int] = field(default_factory=dict)
    """Raters' overall grades (优秀/合格 …) and how many gave each, most frequent first."""
    disqualifiers: dict[str, int] = field(default_factory=dict)
    """Disqualifying situations (option id) and how many raters ticked each."""
    all_top: int = 0
    """Raters who marked every dimension at the top (好人主义): counted, never named."""

    @property
    def blind_spots(self) -> list[str]:
        """Dimensions where the person rates themselves ≥ 15 points above others."""
        return [d for d, s in self.dimensions.items() if s.gap is not None and s.gap >= THRESHOLD]

    @property
    def hidden_strengths(self) -> list[str]:
        """Dimensions where others rate the person ≥ 15 points above their own view."""
        return [d for d, s in self.dimensions.items() if s.gap is not None and s.gap <= -THRESHOLD]

    def to_json(self) -> dict[str, Any]:
        """Stable keys and codes, no wording; below the anonymity threshold only totals, as in the table."""
        out: dict[str, Any] = {
            "raters": self.raters,
            "detailed": self.detailed,
            "overall": self.overall.to_json(),
        }
        if self.detailed:
            out["dimensions"] = {d: s.to_json() for d, s in self.dimensions.items()}
            out["blind_spots"] = self.blind_spots
            out["hidden_strengths"] = self.hidden_strengths
            out["items"] = [{"id": i, **s.to_json()} for i, s in self.items]
            out["comments"] = self.comments
            out["grades"] = self.grades
            out["disqualifiers"] = self.disqualifiers
            out["raters_all_top"] = self.all_top
        return out


def check_subject(self_report: Report, self_path: str, others: Sequence[tuple[str, Report]]) -> None:
    """Refuse, by file name, ratings of someone else and self reports without a name."""
    name = self_report.respondent.name
    if self_report.respondent.is_rater:
        raise ReportError(Msg.GAP_NOT_SELF, path=self_path)
    if not name:
        raise ReportError(Msg.GAP_NO_NAME, path=self_path)
    for path, report in others:
        if not report.respondent.is_rater:
            raise ReportError(Msg.GAP_IS_SELF, path=path)
        if not report.respondent.rates(name):
            raise ReportError(Msg.GAP_OTHER_SUBJECT, path=path, subject=report.respondent.subject, name=name)


def ratings_of(self_report: Report, rows: Iterable[tuple[Path, Report]], self_path: Path) -> list[tuple[Path, Report]]:
    """From the reports of a folder, the ratings of the person of ``self_report`` by others (never the self report
    itself, wherever it lies): the raters ``gap`` compares with."""
    name, itself = self_report.respondent.name, self_path.resolve()
    return [(p, r) for p, r in rows if r.respondent.rates(name) and p.resolve() != itself]


def distinct(others: Sequence[Report]) -> list[Report]:
    """The ratings without repeats: a copy of one rating (the same ballot token) counts once, two raters who gave
    the same marks count twice. A rating written before the token existed is told apart by its content."""
    import hashlib

    seen: set[str] = set()
    out = []
    for report in others:
        digest = report.respondent.ballot or hashlib.sha256(report.model_dump_json().encode()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            out.append(report)
    return out


def _grades(gap: QuestionnaireGap, theirs: Sequence[QuestionnaireResult]) -> None:
    """Grades, disqualifying situations and all-top raters: counts over raters, never who."""
    from collections import Counter

    from selfcheck.scoring.notes import ALL_TOP

    gap.grades = dict(Counter(t.grade for t in theirs if t.grade).most_common())
    ticked = Counter(d for t in theirs for d in t.disqualifiers)
    gap.disqualifiers = dict(ticked.most_common())
    gap.all_top = sum(1 for t in theirs if ALL_TOP in t.notes)


def compare(
    self_report: Report,
    others: Sequence[Report],
    definitions: Mapping[str, Questionnaire],
    top_items: int = 5,
) -> list[QuestionnaireGap]:
    """Per questionnaire of the self report: self against others, dimension by dimension and item by item.

    Raters are counted as distinct ratings: the same rating given twice (one file named twice, or a copy) counts
    once. Below :data:`MIN_RATERS` nothing of the others' marks is shown, not even their overall mean."""
    others = distinct(others)
    out = []
    for qid, mine in self_report.questionnaires.items():
        theirs = [r.questionnaires[qid] for r in others if qid in r.questionnaires]
        q = definitions.get(qid)
        overall_values = [t.scores.overall for t in theirs if t.scores.overall is not None]
        # Below the threshold only the count: with one or two raters a mean gives each rater's marks away.
        overall = _stat(mine.scores.overall, overall_values)
        gap = QuestionnaireGap(
            qid,
            mine.title or qid,
            len(theirs),
            overall,
            detailed=len(theirs) >= MIN_RATERS,
        )
        if gap.detailed:
            gap.comments = pooled_comments(theirs)
            _grades(gap, theirs)
            dims = [d.id for d in q.dimensions] if q else list(mine.scores.dimensions)
            for dim in dims:
                values = [t.scores.dimensions[dim] for t in theirs if dim in t.scores.dimensions]
                gap.dimensions[dim] = _stat(mine.scores.dimensions.get(dim), values)
            if q is not None:
                rows = []
                for item in q.items:
                    if not item.scored or item.id not in mine.answers:
                        continue
                    own = item_score(q, item, mine.answers[item.id])
                    values = [
                        s * 100
                        for t in theirs
                        if item.id in t.answers
                        if (s := item_score(q, item, t.answers[item.id])) is not None
                    ]
                    stat = _stat(None if own is None else own * 100, values)
                    if stat.gap is not None:
                        rows.append((item.id, stat))
                rows.sort(key=lambda r: -abs(r[1].gap or 0))
                gap.items = rows[:top_items]
        out.append(gap)
    return out
