"""Comparing two reports: scores, answers and findings over time. Pure functions, no I/O."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from selfcheck.i18n import Lang
from selfcheck.interview.detail_checks import similar
from selfcheck.questionnaire.model import AnswerValue, Questionnaire, pick
from selfcheck.questionnaire.values import describe
from selfcheck.records.ledger import FINISHED, Ledger, Problem
from selfcheck.records.report import Finding, QuestionnaireResult, Report
from selfcheck.scoring.scores import item_score, score


@dataclass(frozen=True)
class Change:
    """Old → new of one number; either side may be missing (insufficient, or absent)."""

    old: float | None
    new: float | None

    @property
    def delta(self) -> float | None:
        """new − old, rounded, when both exist."""
        return round(self.new - self.old, 2) if self.old is not None and self.new is not None else None

    def to_json(self) -> dict[str, float | None]:
        """``{old, new, delta}``."""
        return {"old": self.old, "new": self.new, "delta": self.delta}


@dataclass(frozen=True)
class DimensionDiff:
    """A dimension's score change; ``common_only`` when computed over the items both versions share."""

    id: str
    title: str
    change: Change
    common_only: bool = False


@dataclass(frozen=True)
class ItemDiff:
    """An item's answer in both reports and the change of its score (0-1)."""

    id: str
    dimension: str
    text: str
    old: AnswerValue | None
    new: AnswerValue | None
    score: Change
    old_text: str = ""
    new_text: str = ""

    @property
    def changed(self) -> bool:
        """Whether the answer differs."""
        return self.old != self.new


@dataclass
class QuestionnaireDiff:
    """Everything that changed in one questionnaire between the two reports."""

    id: str
    title: str
    overall: Change
    level: tuple[str | None, str | None]
    dimensions: list[DimensionDiff]
    items: list[ItemDiff]
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    version: tuple[str, str] = ("", "")

    @property
    def changed_items(self) -> list[ItemDiff]:
        """Items whose answer changed, worst score drop first."""
        return [i for i in self.items if i.changed]


NoteCode = Literal["copied", "streak", "ledger_done", "ledger_closed", "again_done", "again_closed"]
"""Why a finding deserves a second look: ``copied`` (worded like the report of ``month``), ``streak`` (in ``n``
reports in a row), ``ledger_done``/``ledger_closed`` (solved, and the ledger agrees), ``again_done``/``again_closed``
(found again after the ledger said done or closed: reopened, 年年有)."""


@dataclass(frozen=True)
class Note:
    """A note code and its values; the front ends word it through the catalogue."""

    code: NoteCode
    month: str | None = None
    n: int | None = None

    def to_json(self) -> dict[str, Any]:
        """``{code, month?, n?}``."""
        out: dict[str, Any] = {"code": self.code}
        if self.month is not None:
            out["month"] = self.month
        if self.n is not None:
            out["n"] = self.n
        return out


@dataclass(frozen=True)
class FindingLink:
    """A finding in the comparison, with notes (similar wording, a streak of reports, ledger status)."""

    finding: Finding
    notes: tuple[Note, ...] = ()


@dataclass
class Diff:
    """The comparison of report ``old`` with report ``new``.

    ``unchecked``: findings of ``old`` that ``new`` could not say anything about — their questionnaire or item was
    not answered again, or (a problem added by hand) the 回头看 did not say it was solved. Never counted as solved."""

    questionnaires: list[QuestionnaireDiff]
    only_old: list[str]
    only_new: list[str]
    resolved: list[FindingLink]
    persisting: list[FindingLink]
    new: list[FindingLink]
    unchecked: list[FindingLink] = field(default_factory=list)

    def drops_over(self, points: float) -> list[tuple[str, str, float]]:
        """(questionnaire, dimension, delta) for every dimension that fell by more than ``points``."""
        return [
            (q.id, d.id, d.change.delta)
            for q in self.questionnaires
            for d in q.dimensions
            if d.change.delta is not None and d.change.delta < -points
        ]

    def to_json(self, show_all: bool = False) -> dict[str, Any]:
        """Stable keys for scripts (see README); notes are codes with their values."""

        def link(x: FindingLink) -> dict[str, Any]:
            return {
                **x.finding.model_dump(mode="json", exclude_none=True),
                "problem_id": x.finding.identity,
                "notes": [n.to_json() for n in x.notes],
            }

        return {
            "questionnaires": {
                q.id: {
                    "title": q.title,
                    "version": {"old": q.version[0], "new": q.version[1]},
                    "overall": q.overall.to_json(),
                    "level": {"old": q.level[0], "new": q.level[1]},
                    "dimensions": {
                        d.id: {**d.change.to_json(), "common_items_only": d.common_only} for d in q.dimensions
                    },
                    "items": [
                        {"id": i.id, "dimension": i.dimension, "old": i.old, "new": i.new, "score": i.score.to_json()}
                        for i in (q.items if show_all else q.changed_items)
                    ],
                    "added_items": q.added,
                    "removed_items": q.removed,
                }
                for q in self.questionnaires
            },
            "only_in_old": self.only_old,
            "only_in_new": self.only_new,
            "findings": {
                "resolved": [link(x) for x in self.resolved],
                "persisting": [link(x) for x in self.persisting],
                "new": [link(x) for x in self.new],
                "unchecked": [link(x) for x in self.unchecked],
            },
        }


def _items_of(result: QuestionnaireResult) -> set[str]:
    """Items a report knows were shown: answered or skipped."""
    return set(result.answers) | set(result.skipped)


def _rescore_common(q: Questionnaire, answers: Mapping[str, AnswerValue], common: set[str]) -> dict[str, float | None]:
    sub = {k: v for k, v in answers.items() if k in common}
    return {k: d.score for k, d in score(q, sub).dimensions.items()}


def compare_questionnaire(
    qid: str, old: QuestionnaireResult, new: QuestionnaireResult, q: Questionnaire | None, lang: Lang = "zh"
) -> QuestionnaireDiff:
    """The diff of one questionnaire; ``q`` is the current definition (None when it no longer exists).

    Titles, item wording and answers in words are in ``lang`` where the questionnaire has them."""
    old_items, new_items = _items_of(old), _items_of(new)
    changed_version = old.digest != new.digest
    added = sorted(new_items - old_items) if changed_version else []
    removed = sorted(old_items - new_items) if changed_version else []
    dims: list[DimensionDiff] = []
    dim_ids = list(
        dict.fromkeys([*old.scores.dimensions, *old.insufficient, *new.scores.dimensions, *new.insufficient])
    )
    if q is not None:
        dim_ids = [d.id for d in q.dimensions] + [d for d in dim_ids if d not in {x.id for x in q.dimensions}]
    common = old_items & new_items
    rescored_old = rescored_new = None
    if changed_version and q is not None:
        rescored_old = _rescore_common(q, old.answers, common)
        rescored_new = _rescore_common(q, new.answers, common)
    for dim_id in dim_ids:
        title = dim_id
        differs = False
        if q is not None:
            with contextlib.suppress(KeyError):
                dimension = q.dimension(dim_id)
                title = pick(dimension.title, dimension.title_en, lang)
            in_dim = {i.id for i in q.items if i.dimension == dim_id and i.scored}
            differs = changed_version and (old_items & in_dim) != (new_items & in_dim)
        if differs and rescored_old is not None and rescored_new is not None:
            change = Change(rescored_old.get(dim_id), rescored_new.get(dim_id))
        else:
            change = Change(old.scores.dimensions.get(dim_id), new.scores.dimensions.get(dim_id))
        dims.append(DimensionDiff(dim_id, title, change, common_only=differs))
    items: list[ItemDiff] = []
    order = [i.id for i in q.items] if q is not None else sorted(old_items | new_items)
    for item_id in order:
        if item_id not in old_items and item_id not in new_items:
            continue
        a, b = old.answers.get(item_id), new.answers.get(item_id)
        text, dim, sa, sb = item_id, "", None, None
        ta = "" if a is None else _plain(a)
        tb = "" if b is None else _plain(b)
        if q is not None:
            item = q.item(item_id)
            text, dim = item.label(lang), item.dimension
            sa = item_score(q, item, a) if a is not None else None
            sb = item_score(q, item, b) if b is not None else None
            ta = describe(q, item, a, lang) if a is not None else ""
            tb = describe(q, item, b, lang) if b is not None else ""
        items.append(ItemDiff(item_id, dim, text, a, b, Change(sa, sb), ta, tb))
    items.sort(key=lambda i: i.score.delta if i.score.delta is not None else 0.0)
    return QuestionnaireDiff(
        id=qid,
        title=pick(q.title, q.title_en, lang) if q is not None else (new.title or old.title or qid),
        overall=Change(old.scores.overall, new.scores.overall),
        level=(q.level_label(old.level, lang), q.level_label(new.level, lang)) if q else (old.level, new.level),
        dimensions=dims,
        items=items,
        added=added,
        removed=removed,
        version=(old.version, new.version),
    )


def _plain(value: AnswerValue) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _month(report: Report) -> str:
    return f"{report.created:%Y-%m}"


def _rechecked(f: Finding, new: Report) -> bool:
    """Whether ``new`` could have found ``f`` again: its item was answered, or the 回头看 said it was solved."""
    if f.item:
        res = new.questionnaires.get(f.questionnaire or "")
        return res is not None and f.item in res.answers
    return any(r.outcome == "solved" and (r.problem_id == f.identity or r.finding == f.id) for r in new.review)


def _came_back(problem: Problem | None, f: Finding) -> Note | None:
    """Found again after the ledger said done or closed: the reopening recorded for this report's finding."""
    if problem is None:
        return None
    before = "todo"
    for e in problem.events:
        if e.kind == "reopened" and e.finding == f.id and before in FINISHED:
            return Note("again_done" if before == "done" else "again_closed")
        if e.kind in ("status", "reopened") and e.status is not None:
            before = e.status
    return None


def _copied(f: Finding, reports: Sequence[Report]) -> Note | None:
    """The description (or a hand-added problem's wording) nearly repeats the newest of ``reports`` that has it."""
    # A carried problem repeats its own wording by design: only its description can be copied.
    by_wording = f.item is None and f.problem_id is None
    for r in reports:
        if any(
            similar(f.detail, g.detail) or (by_wording and similar(f.problem, g.problem))
            for g in r.findings
            if g.detail or by_wording
        ):
            return Note("copied", month=_month(r))
    return None


def compare(
    old: Report,
    new: Report,
    definitions: Mapping[str, Questionnaire],
    ledger: Ledger | None = None,
    earlier: Sequence[Report] = (),
    lang: Lang = "zh",
) -> Diff:
    """Compare two reports; ``earlier`` are reports before ``old`` (oldest first), used to find streaks.

    ``definitions`` are the questionnaires as the newer report answered them. Wording (titles, items, answers,
    levels) is in ``lang``; ids, numbers and note codes do not depend on it."""
    shared = [qid for qid in new.questionnaires if qid in old.questionnaires]
    qdiffs = [
        compare_questionnaire(qid, old.questionnaires[qid], new.questionnaires[qid], definitions.get(qid), lang)
        for qid in shared
    ]
    problems = {p.id: p for p in ledger.problems} if ledger is not None else {}
    old_keys = {f.identity: f for f in old.findings}
    new_keys = {f.identity for f in new.findings}
    resolved: list[FindingLink] = []
    unchecked: list[FindingLink] = []
    for key, f in old_keys.items():
        if key in new_keys:
            continue
        if not _rechecked(f, new):
            unchecked.append(FindingLink(f))
            continue
        status = problems[key].status if key in problems else ""
        done = (Note("ledger_done" if status == "done" else "ledger_closed"),) if status in FINISHED else ()
        resolved.append(FindingLink(f, done))
    persisting: list[FindingLink] = []
    fresh: list[FindingLink] = []
    history = [*earlier, old]
    for f in new.findings:
        notes = [n for n in (_copied(f, [old, *reversed(earlier)]),) if n is not None]
        key = f.identity
        if key not in old_keys:
            fresh.append(FindingLink(f, tuple(notes)))
            continue
        streak = 1
        for r in reversed(history):
            if not any(g.identity == key for g in r.findings):
                break
            streak += 1
        if streak >= 3:
            notes.append(Note("streak", n=streak))
        back = _came_back(problems.get(key), f)
        if back is not None:
            notes.append(back)
        persisting.append(FindingLink(f, tuple(notes)))
    return Diff(
        questionnaires=qdiffs,
        only_old=[q for q in old.questionnaires if q not in new.questionnaires],
        only_new=[q for q in new.questionnaires if q not in old.questionnaires],
        resolved=resolved,
        persisting=persisting,
        new=fresh,
        unchecked=unchecked,
    )
