"""The interview as a state machine: current item, answers, visibility, back and skip. No I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from selfcheck.errors import AnswerError
from selfcheck.i18n import Msg
from selfcheck.questionnaire.conditions import visible_ids
from selfcheck.questionnaire.model import AnswerValue, ChoiceItem, Item, MultiItem, Questionnaire
from selfcheck.questionnaire.profile import Who, applies


@dataclass(frozen=True)
class Step:
    """One item of one questionnaire, at a place in the whole interview."""

    index: int
    questionnaire: Questionnaire
    item: Item


def rater_asks(item: Item) -> bool:
    """Whether a rater is asked this item: scored, and not the person's own record (own counts, dates, text)."""
    return item.scored and not item.record_only


class Interview:
    """Walks through the items of several questionnaires, honouring ``show_if`` both ways.

    Answers to items that become hidden are kept in memory (so flipping an answer back restores them)
    but left out of :meth:`answers_for`, which is what reports store.

    With ``rater``, someone rates the person: items a rater is never asked (:func:`rater_asks`) are not shown at
    all, so they are neither asked, counted in :meth:`progress`, nor listed as skipped.
    """

    def __init__(
        self,
        questionnaires: Sequence[Questionnaire],
        answers: Mapping[str, Mapping[str, AnswerValue]] | None = None,
        skipped: Mapping[str, Sequence[str]] | None = None,
        rater: bool = False,
    ) -> None:
        self.rater = rater
        self.questionnaires = list(questionnaires)
        self.steps = [Step(i, q, item) for i, (q, item) in enumerate((q, it) for q in questionnaires for it in q.items)]
        self._by_id = {(s.questionnaire.id, s.item.id): s for s in self.steps}
        self._answers: dict[str, dict[str, AnswerValue]] = {q.id: {} for q in questionnaires}
        self._skipped: dict[str, set[str]] = {q.id: set() for q in questionnaires}
        for q in questionnaires:
            ids = {item.id for item in q.items}
            self._answers[q.id].update({k: v for k, v in (answers or {}).get(q.id, {}).items() if k in ids})
            self._skipped[q.id].update(k for k in (skipped or {}).get(q.id, ()) if k in ids)
        self._who: Who | None = None
        self._shown: dict[str, set[str]] = {}
        """Visible item ids per questionnaire, until an answer to it (or the post) changes: a 10,000-item
        questionnaire would otherwise work out every condition again for every step it looks at."""
        self.pos = 0
        self.pos = self.first_open()

    @property
    def who(self) -> Who | None:
        """The respondent's post: items that do not apply to it are neither asked nor scored."""
        return self._who

    @who.setter
    def who(self, value: Who | None) -> None:
        self._who = value
        self._shown.clear()

    # ---- queries ----

    def _visible_ids(self, q: Questionnaire) -> set[str]:
        shown = self._shown.get(q.id)
        if shown is None:
            shown = visible_ids(q, self._answers[q.id], self._who)
            if self.rater:
                shown = {item.id for item in q.items if item.id in shown and rater_asks(item)}
            self._shown[q.id] = shown
        return shown

    def visible(self, step: Step) -> bool:
        """Whether the step's item is shown under the current answers."""
        return step.item.id in self._visible_ids(step.questionnaire)

    def current(self) -> Step | None:
        """The item to ask now, or None when every shown item has been passed."""
        while self.pos < len(self.steps) and not self.visible(self.steps[self.pos]):
            self.pos += 1
        return self.steps[self.pos] if self.pos < len(self.steps) else None

    def fitted(self, step: Step) -> Step:
        """The step as the respondent sees it: options that do not apply to their post are left out."""
        item = step.item
        if self.who is None or not isinstance(item, ChoiceItem | MultiItem):
            return step
        kept = [o for o in item.options if applies(o, self.who)]
        return step if len(kept) == len(item.options) else replace(step, item=item.model_copy(update={"options": kept}))

    def existing(self, step: Step) -> AnswerValue | None:
        """The answer already given to this step, if any (shown as the default)."""
        return self._answers[step.questionnaire.id].get(step.item.id)

    def progress(self) -> tuple[int, int]:
        """(number of the current item, items shown so far + items still possibly shown); for a rater, only items a
        rater is asked count.

        An item whose condition is not settled yet counts as shown, so the total only shrinks as answers come in:
        the figure never goes from 13/13 to 13/14 when a conditional item appears."""
        before = sum(1 for s in self.steps[: self.pos] if self.visible(s))
        ahead = sum(1 for s in self.steps[self.pos :] if self._possible(s))
        total = before + ahead
        return min(before + 1, total), total

    def _possible(self, step: Step) -> bool:
        """Shown now, or hangs on an item not yet passed that may itself be shown (so it may yet appear)."""
        if self.visible(step):
            return True
        if self.rater and not rater_asks(step.item):
            return False  # the person's own record: never shown to a rater, whatever the answers
        cond = step.item.show_if
        if cond is None or not applies(step.item, self.who):
            return False
        source = self._by_id.get((step.questionnaire.id, cond.item))
        return source is not None and source.index >= self.pos and self._possible(source)

    def asks_anything(self, qid: str) -> bool:
        """Whether any item of questionnaire ``qid`` is shown or may yet be shown to this respondent (an item for
        other posts, or one that hangs on such an item, never is)."""
        return any(self._possible(s) for s in self.steps if s.questionnaire.id == qid)

    def first_open(self) -> int:
        """Index of the first shown item neither answered nor skipped (where a resumed interview goes on)."""
        for step in self.steps:
            qid, iid = step.questionnaire.id, step.item.id
            if self.visible(step) and iid not in self._answers[qid] and iid not in self._skipped[qid]:
                return step.index
        return len(self.steps)

    def answers_for(self, qid: str) -> dict[str, AnswerValue]:
        """The answers to shown items of one questionnaire, in item order."""
        q = next(q for q in self.questionnaires if q.id == qid)
        shown = self._visible_ids(q)
        return {i.id: self._answers[qid][i.id] for i in q.items if i.id in shown and i.id in self._answers[qid]}

    def skipped_for(self, qid: str) -> list[str]:
        """Shown items of one questionnaire that were skipped, in item order."""
        q = next(q for q in self.questionnaires if q.id == qid)
        shown = self._visible_ids(q)
        answered = self._answers[qid]
        return [i.id for i in q.items if i.id in shown and i.id not in answered]

    def all_answers(self) -> dict[str, dict[str, AnswerValue]]:
        """Every answer given so far, hidden ones included (what a draft keeps)."""
        return {qid: dict(a) for qid, a in self._answers.items()}

    def all_skipped(self) -> dict[str, list[str]]:
        """Every explicit skip so far."""
        return {qid: sorted(s) for qid, s in self._skipped.items()}

    # ---- moves ----

    def answer(self, value: AnswerValue) -> None:
        """Record an answer to the current item and move on."""
        step = self._require_current()
        self._answers[step.questionnaire.id][step.item.id] = value
        self._shown.pop(step.questionnaire.id, None)
        self._skipped[step.questionnaire.id].discard(step.item.id)
        self.pos = step.index + 1

    def skip(self) -> None:
        """Skip the current item (refused for required items) and move on."""
        step = self._require_current()
        if step.item.required:
            raise AnswerError(Msg.REQUIRED)
        self._answers[step.questionnaire.id].pop(step.item.id, None)
        self._shown.pop(step.questionnaire.id, None)
        self._skipped[step.questionnaire.id].add(step.item.id)
        self.pos = step.index + 1

    def back(self) -> bool:
        """Go to the previous shown item; False when already at the first."""
        for index in range(min(self.pos, len(self.steps)) - 1, -1, -1):
            if self.visible(self.steps[index]):
                self.pos = index
                return True
        return False

    def _require_current(self) -> Step:
        step = self.current()
        if step is None:
            raise AnswerError(Msg.INTERVIEW_COMPLETE)
        return step
