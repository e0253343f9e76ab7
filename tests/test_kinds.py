"""Item kinds: one class per kind behind one dispatch, so a new kind touches the model, kinds.py, the catalogue and
tests — and every kind answers every question the rest of selfcheck asks of it."""

from __future__ import annotations

import typing
from datetime import date

import pytest

from selfcheck.i18n import Content, Phrase
from selfcheck.questionnaire import kinds
from selfcheck.questionnaire.library import load_library
from selfcheck.questionnaire.model import Item

ITEM_CLASSES = typing.get_args(typing.get_args(Item)[0])
MUST_OVERRIDE = ("parse", "check", "hint", "literal_problem")
"""What the base class cannot know; the rest (score, describe, choices, definition problems) has a default."""


def test_every_item_kind_has_its_class() -> None:
    found = {cls: kind for kind in vars(kinds).values() if isinstance(kind, type) for cls in _served_by(kind)}
    assert set(found) == set(ITEM_CLASSES)
    for kind in found.values():
        missing = [name for name in MUST_OVERRIDE if getattr(kind, name) is getattr(kinds.Kind, name)]
        assert not missing, f"{kind.__name__} lacks {missing}"


def _served_by(kind: type) -> list[type]:
    """The item model a Kind subclass is written for (from ``Kind[LikertItem]``)."""
    if kind is kinds.Kind or not issubclass(kind, kinds.Kind):
        return []
    bases = getattr(kind, "__orig_bases__", ())
    return [arg for base in bases for arg in typing.get_args(base) if arg in ITEM_CLASSES]


BUILTIN = load_library().definitions()


@pytest.mark.parametrize("qid", sorted(BUILTIN))
def test_each_builtin_item_is_asked_described_and_scored_through_its_kind(qid: str) -> None:
    q = BUILTIN[qid]
    for item in q.items:
        kind = kinds.kind_of(item)
        hint = kind.hint(q, date(2026, 6, 1))
        assert isinstance(hint, Phrase) and hint.render("zh") and hint.render("en")
        for number, label in kind.choices(q):
            assert isinstance(label, Phrase | Content) and label.render("zh")
            value = kind.parse(q, number, date(2026, 6, 1))  # the number shown is an answer the kind accepts
            assert kind.check(q, value) == value
            assert kind.describe(q, value, "zh")
            assert (kind.score(q, value) is None) is (not item.scored)
