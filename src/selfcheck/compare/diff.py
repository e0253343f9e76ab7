"""Comparing two reports: scores, answers and findings over time. Pure functions, no I/O.

The comparison and its parts (a change, a note, an item's or a dimension's diff) are named tuples rather than
dataclasses: Python 3.11 compiles each dataclass method from source when the class is made, about 3 M instructions
per class in every ``diff``, and a named tuple is made without compiling anything. Nothing changes them once made."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from typing import Any, Literal, NamedTuple

from selfcheck.i18n import Lang, pick
from selfcheck.interview.detail_checks import similar
from selfcheck.questionnaire.model import AnswerValue, Item, MultiItem, Questionnaire
from selfcheck.questionnaire.values import describe, item_score
from selfcheck.records.ledger import FINISHED, Ledger, Problem
from selfcheck.records.report import Finding, QuestionnaireResult, Report


class Change(NamedTuple):
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


class NotCompared(NamedTuple):
    """Why a dimension's scores were not compared: ``few_common_items`` — the questionnaire changed between the
    reports and the items both reports showed in this dimension (``common``) are fewer than half of what either
    showed (``old_items``, ``new_items``), so a score over them would speak for neither report."""

    code: Literal["few_common_items"]
    common: int
    old_items: int
    new_items: int

    def to_json(self) -> dict[str, Any]:
        """``{code, common, old_items, new_items}``."""
        return {"code": self.code, "common": self.common, "old_items": self.old_items, "new_items": self.new_items}


class DimensionDiff(NamedTuple):
    """A dimension's score change; ``common_only`` when computed over the items both versions share;
    ``not_compared`` (with the change left empty) when they share too few."""

    id: str
    title: str
    change: Change
    common_only: bool = False
    not_compared: NotCompared | None = None


class ItemDiff(NamedTuple):
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


class QuestionnaireDiff(NamedTuple):
    """Everything that changed in one questionnaire between the two reports."""

    id: str
    title: str
    overall: Change
    level: tuple[str | None, str | None]
    dimensions: list[DimensionDiff]
    items: list[ItemDiff]
    added: list[str]
    removed: list[str]
    version: tuple[str, str] = ("", "")

    @property
    def changed_items(self) -> list[ItemDiff]:
        """Items whose answer changed, worst score drop first."""
        return [i for i in self.items if i.changed]


NoteCode = Literal[
    "copied", "streak", "ledger_done", "ledger_closed", "again_done", "again_closed", "item_gone", "option_gone"
]
"""Why a finding deserves a second look: ``copied`` (worded like the report of ``month``), ``streak`` (in ``n``
reports in a row), ``ledger_done``/``ledger_closed`` (solved, and the ledger agrees), ``again_done``/``again_closed``
(found again after the ledger said done or closed: reopened, 年年有); for one not re-checked, ``item_gone`` /
``option_gone`` (the newer version of the questionnaire no longer has its item or checklist option)."""


class Note(NamedTuple):
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


class FindingLink(NamedTuple):
    """A finding in the comparison, with notes (similar wording, a streak of reports, ledger status)."""

    finding: Finding
    notes: tuple[Note, ...] = ()


class Diff(NamedTuple):
    """The comparison of report ``old`` with report ``new``.

    ``unchecked``: findings of ``old`` that ``new`` could not say anything about — their questionnaire or item was
    not answered again, or (a problem added by hand) the 回头看 did not say it was solved. Never counted as solved."""

    questionnaires: list[QuestionnaireDiff]
    only_old: list[str]
    only_new: list[str]
    resolved: list[FindingLink]
    persisting: list[FindingLink]
    new: list[FindingLink]
    unchecked: list[FindingLink]

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
                        d.id: {
                            **d.change.to_json(),
                            "common_items_only": d.common_only,
                            "not_compared": d.not_compared.to_json() if d.not_compared else None,
                        }
                        for d in q.dimensions
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


def _scored_in(q: Questionnaire, dim_id: str, shown: set[str]) -> set[str]:
    """The scored items of dimension ``dim_id`` that a report showed (answered or skipped)."""
    return {i.id for i in q.items if i.dimension == dim_id and i.scored and i.id in shown}


def _score_over(q: Questionnaire, answers: Mapping[str, AnswerValue], ids: set[str]) -> float | None:
    """A dimension's score over the items ``ids`` only (0-100), as scoring does it: the weighted mean of their
    answers' scores, None when under half of them were answered."""
    pairs: list[tuple[float, float]] = []
    for item in q.items:
        if item.id in ids and item.id in answers:
            value = item_score(q, item, answers[item.id])
            if value is not None:
                pairs.append((value, item.weight))
    total = sum(w for _, w in pairs)
    if not pairs or len(pairs) * 2 < len(ids) or total <= 0:
        return None
    return round(sum(v * w for v, w in pairs) / total * 100, 2)


def _dimension(
    dim_id: str,
    old: QuestionnaireResult,
    new: QuestionnaireResult,
    q: Questionnaire | None,
    old_q: Questionnaire | None,
    lang: Lang,
) -> DimensionDiff:
    """One dimension's change. When the questionnaire changed and the dimension's items with it, the scores are
    computed over the items both reports showed, each with the definition it was answered with — provided those
    are at least half of what each report showed there (as scoring asks half the items answered); else the
    dimension is not compared and the counts say why."""
    title = dim_id
    if q is not None:
        with contextlib.suppress(KeyError):
            dimension = q.dimension(dim_id)
            title = pick(dimension.title, dimension.title_en, lang)
    stored = Change(old.scores.dimensions.get(dim_id), new.scores.dimensions.get(dim_id))
    if q is None or old.digest == new.digest:
        return DimensionDiff(dim_id, title, stored)
    before = _scored_in(old_q or q, dim_id, _items_of(old))
    after = _scored_in(q, dim_id, _items_of(new))
    if before == after:
        return DimensionDiff(dim_id, title, stored)
    common = before & after
    if not common or len(common) * 2 < len(before) or len(common) * 2 < len(after):
        why = NotCompared("few_common_items", len(common), len(before), len(after))
        return DimensionDiff(dim_id, title, Change(None, None), common_only=True, not_compared=why)
    change = Change(_score_over(old_q or q, old.answers, common), _score_over(q, new.answers, common))
    return DimensionDiff(dim_id, title, change, common_only=True)


def _item_in(q: Questionnaire | None, item_id: str) -> tuple[Questionnaire, Item] | None:
    """The item ``item_id`` of ``q`` with its questionnaire, None when ``q`` has no such item."""
    if q is None:
        return None
    try:
        return q, q.item(item_id)
    except KeyError:
        return None


def _answered_with(q: Questionnaire | None, result: QuestionnaireResult) -> Questionnaire | None:
    """``q`` when it is the definition ``result`` was answered with (same digest), else None."""
    return q if q is not None and q.digest() == result.digest else None


def compare_questionnaire(
    qid: str,
    old: QuestionnaireResult,
    new: QuestionnaireResult,
    q: Questionnaire | None,
    lang: Lang = "zh",
    old_q: Questionnaire | None = None,
) -> QuestionnaireDiff:
    """The diff of one questionnaire; ``q`` is the definition the newer report answered (None when it no longer
    exists), ``old_q`` the one the older report answered when it is known and differs.

    Titles, item wording and answers in words are in ``lang`` where the questionnaire has them."""
    old_items, new_items = _items_of(old), _items_of(new)
    changed_version = old.digest != new.digest
    old_q = old_q if changed_version else None
    added = sorted(new_items - old_items) if changed_version else []
    removed = sorted(old_items - new_items) if changed_version else []
    dim_ids = list(
        dict.fromkeys([*old.scores.dimensions, *old.insufficient, *new.scores.dimensions, *new.insufficient])
    )
    if q is not None:
        known = {x.id for x in q.dimensions}
        dim_ids = [d.id for d in q.dimensions] + [d for d in dim_ids if d not in known]
    dims = [_dimension(dim_id, old, new, q, old_q, lang) for dim_id in dim_ids]
    order = [i.id for i in q.items] if q is not None else sorted(old_items | new_items)
    if old_q is not None:  # items only the older version had: their answers are listed too, in its words
        listed = set(order)
        order += [i.id for i in old_q.items if i.id not in listed]
    items = _item_diffs([i for i in order if i in old_items or i in new_items], old, new, q, old_q, lang)
    return QuestionnaireDiff(
        id=qid,
        title=pick(q.title, q.title_en, lang) if q is not None else (new.title or old.title or qid),
        overall=Change(old.scores.overall, new.scores.overall),
        level=(
            ((old_q or q).level_label(old.level, lang), q.level_label(new.level, lang)) if q else (old.level, new.level)
        ),
        dimensions=dims,
        items=items,
        added=added,
        removed=removed,
        version=(old.version, new.version),
    )


def _item_diffs(
    order: list[str],
    old: QuestionnaireResult,
    new: QuestionnaireResult,
    q: Questionnaire | None,
    old_q: Questionnaire | None,
    lang: Lang,
) -> list[ItemDiff]:
    """The items in ``order``, worst score drop first: each answer scored and worded by the version it was given in
    (the older one by ``old_q`` where that has the item, else by ``q``)."""
    # Looked up by id once per questionnaire: Questionnaire.item searches the list, for every item of both reports.
    now = {i.id: (q, i) for i in q.items} if q is not None else {}
    was = {**now, **{i.id: (old_q, i) for i in old_q.items}} if old_q is not None else now
    items: list[ItemDiff] = []
    for item_id in order:
        a, b = old.answers.get(item_id), new.answers.get(item_id)
        text, dim, sa, sb = item_id, "", None, None
        ta = "" if a is None else _plain(a)
        tb = "" if b is None else _plain(b)
        now_def, was_def = now.get(item_id), was.get(item_id)
        found = now_def or was_def
        if found is not None:
            text, dim = found[1].label(lang), found[1].dimension
        if was_def is not None and a is not None:
            # The older answer in the words of the version it was given in (its options may be gone since).
            sa, ta = item_score(was_def[0], was_def[1], a), describe(was_def[0], was_def[1], a, lang)
        if now_def is not None and b is not None:
            sb, tb = item_score(now_def[0], now_def[1], b), describe(now_def[0], now_def[1], b, lang)
        items.append(ItemDiff(item_id, dim, text, a, b, Change(sa, sb), ta, tb))
    items.sort(key=lambda i: i.score.delta if i.score.delta is not None else 0.0)
    return items


def _plain(value: AnswerValue) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _month(report: Report) -> str:
    return f"{report.created:%Y-%m}"


def _rechecked(f: Finding, new: Report, answered: Mapping[str, Questionnaire | None]) -> tuple[bool, Note | None]:
    """Whether ``new`` could have found ``f`` again: its item was answered — and, for a checklist option, the
    version answered still offers that option — or the 回头看 said it was solved. When it could not because the
    newer version dropped the item or option, the note says so."""
    if f.item:
        res = new.questionnaires.get(f.questionnaire or "")
        if res is None:
            return False, None
        q = answered.get(f.questionnaire or "")
        if q is not None:
            found = _item_in(q, f.item)
            if found is None:
                return False, Note("item_gone")
            item = found[1]
            if f.option and isinstance(item, MultiItem) and all(o.id != f.option for o in item.options):
                return False, Note("option_gone")
        return f.item in res.answers, None
    solved = any(r.outcome == "solved" and (r.problem_id == f.identity or r.finding == f.id) for r in new.review)
    return solved, None


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


def _gone(
    old: Report,
    new: Report,
    answered: Mapping[str, Questionnaire | None],
    problems: Mapping[str, Problem],
) -> tuple[list[FindingLink], list[FindingLink]]:
    """The older report's problems the newer one does not have: resolved (asked again and not found; the ledger's
    word added), or not re-checked (the newer report did not ask, or the item or option is gone)."""
    new_keys = {f.identity for f in new.findings}
    resolved: list[FindingLink] = []
    unchecked: list[FindingLink] = []
    for key, f in {f.identity: f for f in old.findings}.items():  # one link per problem
        if key in new_keys:
            continue
        rechecked, why = _rechecked(f, new, answered)
        if not rechecked:
            unchecked.append(FindingLink(f, (why,) if why else ()))
            continue
        status = problems[key].status if key in problems else ""
        done = (Note("ledger_done" if status == "done" else "ledger_closed"),) if status in FINISHED else ()
        resolved.append(FindingLink(f, done))
    return resolved, unchecked


def _found(
    old: Report, new: Report, earlier: Sequence[Report], problems: Mapping[str, Problem]
) -> tuple[list[FindingLink], list[FindingLink]]:
    """The newer report's problems: persisting (also in the older one; a streak of three reports or one that came
    back after the ledger said done is noted) or new; either may be worded like an earlier report."""
    old_keys = {f.identity for f in old.findings}
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
    return persisting, fresh


def compare(
    old: Report,
    new: Report,
    definitions: Mapping[str, Questionnaire],
    ledger: Ledger | None = None,
    earlier: Sequence[Report] = (),
    lang: Lang = "zh",
    old_definitions: Mapping[str, Questionnaire] | None = None,
) -> Diff:
    """Compare two reports; ``earlier`` are reports before ``old`` (oldest first), used to find streaks.

    ``definitions`` are the questionnaires as the newer report answered them, ``old_definitions`` as the older one
    did (used where the version changed and the older one is known). Wording (titles, items, answers, levels) is in
    ``lang``; ids, numbers and note codes do not depend on it."""
    shared = [qid for qid in new.questionnaires if qid in old.questionnaires]
    qdiffs = [
        compare_questionnaire(
            qid,
            old.questionnaires[qid],
            new.questionnaires[qid],
            definitions.get(qid),
            lang,
            _answered_with((old_definitions or {}).get(qid), old.questionnaires[qid]),
        )
        for qid in shared
    ]
    problems = {p.id: p for p in ledger.problems} if ledger is not None else {}
    # The definitions the newer report was answered with, where known: they say whether an item or option is gone.
    answered = {qid: _answered_with(definitions.get(qid), res) for qid, res in new.questionnaires.items()}
    resolved, unchecked = _gone(old, new, answered, problems)
    persisting, fresh = _found(old, new, earlier, problems)
    return Diff(
        questionnaires=qdiffs,
        only_old=[q for q in old.questionnaires if q not in new.questionnaires],
        only_new=[q for q in new.questionnaires if q not in old.questionnaires],
        resolved=resolved,
        persisting=persisting,
        new=fresh,
        unchecked=unchecked,
    )
