"""Comparing two reports: scores, answers and findings over time. Pure functions, no I/O."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from selfcheck.i18n import Lang, Msg, t
from selfcheck.interview.detail_checks import similar
from selfcheck.questionnaire.model import AnswerValue, Questionnaire, pick
from selfcheck.questionnaire.values import describe
from selfcheck.records.ledger import FINISHED
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


@dataclass(frozen=True)
class FindingLink:
    """A finding in the comparison, with notes (similar wording, a streak of reports, ledger status)."""

    finding: Finding
    notes: tuple[str, ...] = ()


@dataclass
class Diff:
    """The comparison of report ``old`` with report ``new``."""

    questionnaires: list[QuestionnaireDiff]
    only_old: list[str]
    only_new: list[str]
    resolved: list[FindingLink]
    persisting: list[FindingLink]
    new: list[FindingLink]

    def drops_over(self, points: float) -> list[tuple[str, str, float]]:
        """(questionnaire, dimension, delta) for every dimension that fell by more than ``points``."""
        return [
            (q.id, d.id, d.change.delta)
            for q in self.questionnaires
            for d in q.dimensions
            if d.change.delta is not None and d.change.delta < -points
        ]

    def to_json(self, show_all: bool = False) -> dict[str, Any]:
        """Stable keys for scripts (see README)."""

        def link(x: FindingLink) -> dict[str, Any]:
            return {**x.finding.model_dump(mode="json", exclude_none=True), "notes": list(x.notes)}

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


def finding_key(f: Finding) -> tuple[str | None, str | None, str | None, str]:
    """What makes two findings the same problem: the item (and option) that flagged it, else the wording."""
    if f.item:
        return (f.questionnaire, f.item, f.option, "")
    return (None, None, None, f.problem.strip())


_LEDGER_NOTE = {"done": Msg.DIFF_NOTE_DONE, "closed": Msg.DIFF_NOTE_CLOSED}
_AGAIN_NOTE = {"done": Msg.DIFF_NOTE_AGAIN_DONE, "closed": Msg.DIFF_NOTE_AGAIN_CLOSED}


def _month(report: Report) -> str:
    return f"{report.created:%Y-%m}"


def compare(
    old: Report,
    new: Report,
    definitions: Mapping[str, Questionnaire],
    ledger_status: Mapping[str, str] | None = None,
    earlier: Sequence[Report] = (),
    lang: Lang = "zh",
) -> Diff:
    """Compare two reports; ``earlier`` are reports before ``old`` (oldest first), used to find streaks.

    Wording (titles, items, answers, levels) is in ``lang``; the ids and numbers do not depend on it."""
    shared = [qid for qid in new.questionnaires if qid in old.questionnaires]
    qdiffs = [
        compare_questionnaire(qid, old.questionnaires[qid], new.questionnaires[qid], definitions.get(qid), lang)
        for qid in shared
    ]
    status = ledger_status or {}
    old_keys = {finding_key(f): f for f in old.findings}
    new_keys = {finding_key(f) for f in new.findings}
    resolved = [
        FindingLink(f, (t(_LEDGER_NOTE[status[f.id]], lang),) if status.get(f.id) in FINISHED else ())
        for k, f in old_keys.items()
        if k not in new_keys
    ]
    persisting: list[FindingLink] = []
    fresh: list[FindingLink] = []
    history = [*earlier, old]
    for f in new.findings:
        notes: list[str] = []
        for r in (old, *reversed(earlier)):
            if any(
                similar(f.detail, g.detail) or (f.item is None and similar(f.problem, g.problem))
                for g in r.findings
                if g.detail or f.item is None
            ):
                notes.append(t(Msg.DIFF_NOTE_COPIED, lang, month=_month(r)))
                break
        key = finding_key(f)
        if key in old_keys:
            streak = 1
            for r in reversed(history):
                if any(finding_key(g) == key for g in r.findings):
                    streak += 1
                else:
                    break
            if streak >= 3:
                notes.append(t(Msg.DIFF_NOTE_STREAK, lang, n=streak))
            before = status.get(old_keys[key].id, "")
            if before in FINISHED:
                notes.append(t(_AGAIN_NOTE[before], lang))
            persisting.append(FindingLink(f, tuple(notes)))
        else:
            fresh.append(FindingLink(f, tuple(notes)))
    return Diff(
        questionnaires=qdiffs,
        only_old=[q for q in old.questionnaires if q not in new.questionnaires],
        only_new=[q for q in new.questionnaires if q not in old.questionnaires],
        resolved=resolved,
        persisting=persisting,
        new=fresh,
    )
