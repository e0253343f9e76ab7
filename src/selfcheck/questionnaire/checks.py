"""The rules of the questionnaire format that span fields: ids, references, gaps, translations.

Each returns problem lines ("item ID: field: problem", as catalogue phrases) rather than raising, so that a file's
problems are listed together.
"""

from __future__ import annotations

import itertools

from selfcheck.i18n import Msg, Phrase
from selfcheck.questionnaire.kinds import kind_of
from selfcheck.questionnaire.model import ChoiceItem, Item, LikertItem, MultiItem, Questionnaire, Scale


def at(where: str, what: Phrase) -> Phrase:
    """A problem line: where in the file (TOML names), then what is wrong."""
    return Phrase(Msg.AT, where=where, what=what)


def value_problem(q: Questionnaire, item: Item, op: str, value: object) -> Phrase | None:
    """Why ``item op value`` can never hold, or None when it can (each kind knows what it can be compared with)."""
    return kind_of(item).condition_problem(q, op, value)


def range_problems(where: str, ranges: list[tuple[float, float]], lo: float, hi: float, step: float) -> list[Phrase]:
    """Gaps and overlaps in ranges that must tile [lo, hi]; ``step`` is 1 for inclusive integer ranges."""
    problems: list[Phrase] = []
    ordered = sorted(ranges)
    for a, b in ordered:
        if a > b:
            problems.append(at(where, Phrase(Msg.Q_RANGE_INVERTED, lo=a, hi=b)))
        if a < lo or b > hi:  # say so, rather than a "gap" from 120 down to 100
            bounds = {"a": f"{a:g}", "b": f"{b:g}", "lo": f"{lo:g}", "hi": f"{hi:g}"}
            problems.append(Phrase(Msg.RANGE_OUTSIDE, where=where, **bounds))
    if ordered and ordered[0][0] > lo:
        problems.append(at(where, Phrase(Msg.Q_GAP_EDGE, lo=lo, hi=ordered[0][0])))
    if ordered and ordered[-1][1] < hi:
        problems.append(at(where, Phrase(Msg.Q_GAP_EDGE, lo=ordered[-1][1], hi=hi)))
    for (_a1, b1), (a2, _b2) in itertools.pairwise(ordered):
        if a2 < b1 + step:
            problems.append(at(where, Phrase(Msg.Q_OVERLAP, at=a2)))
        elif a2 > b1 + step:
            problems.append(at(where, Phrase(Msg.Q_GAP_BETWEEN, lo=b1, hi=a2)))
    return problems


def _english_problems(q: Questionnaire) -> list[Phrase]:
    """English must be all or nothing: present on some texts and missing on others is an error."""
    pairs: list[tuple[str, str | None]] = [("title_en", q.title_en)]
    pairs += [(f"dimensions.{d.id}.title_en", d.title_en) for d in q.dimensions]
    pairs += [(f"bands.{b.label}.label_en", b.label_en) for b in q.bands]
    for name, scale in q.scales.items():
        pairs.append((f"scales.{name}.labels_en", None if scale.labels_en is None else "x"))
    if q.rating is not None:
        pairs.append(("rating.labels_en", None if q.rating.labels_en is None else "x"))
        if q.rating.abstain:
            pairs.append(("rating.abstain_en", q.rating.abstain_en))
    for item in q.items:
        pairs.append((f"item {item.id}: text_en", item.text_en))
        if item.text_other:
            pairs.append((f"item {item.id}: text_other_en", item.text_other_en))
        if item.problem:
            pairs.append((f"item {item.id}: problem_en", item.problem_en))
        if isinstance(item, LikertItem) and isinstance(item.scale, Scale):
            pairs.append((f"item {item.id}: scale.labels_en", None if item.scale.labels_en is None else "x"))
        if isinstance(item, ChoiceItem | MultiItem):
            for opt in item.options:
                pairs.append((f"item {item.id}: option {opt.id}: label_en", opt.label_en))
                if opt.problem:
                    pairs.append((f"item {item.id}: option {opt.id}: problem_en", opt.problem_en))
    pairs += [(f"check {c.id}: note_en", c.note_en) for c in q.checks]
    if q.grades is not None:
        pairs.append(("grades.labels_en", None if q.grades.labels_en is None else "x"))
    pairs += [(f"disqualifier {o.id}: label_en", o.label_en) for o in q.disqualifiers]
    present = [name for name, value in pairs if value]
    if not present or len(present) == len(pairs):
        return []
    missing = [name for name, value in pairs if not value]
    return [at(name, Phrase(Msg.Q_ENGLISH_MISSING)) for name in missing]


def semantic_problems(q: Questionnaire, posts: set[str] | None = None) -> list[Phrase]:
    """Every rule the structure alone cannot check, as problem lines ("item ID: field: problem").

    ``posts``: the post ids of the profile, to check ``posts`` keys against (None: not checked)."""
    from selfcheck.questionnaire.rules import rule_problems

    problems: list[Phrase] = []
    dim_ids = [d.id for d in q.dimensions]
    for dup in sorted({d for d in dim_ids if dim_ids.count(d) > 1}):
        problems.append(at("dimensions", Phrase(Msg.Q_DUPLICATE_ID, id=dup)))
    for dim in q.dimensions:
        if dim.weight <= 0:
            problems.append(at(f"dimension {dim.id}: weight", Phrase(Msg.Q_WEIGHT, weight=dim.weight)))
    problems += range_problems("bands", [(b.min, b.max) for b in q.bands], 0, 100, 0)
    for name, scale in q.scales.items():
        problems += scale_problems(f"scales.{name}", scale)
    if q.rating is not None and q.rating.labels_en is not None and len(q.rating.labels_en) != len(q.rating.labels):
        problems.append(at("rating: labels_en", Phrase(Msg.Q_LABELS_EN, n=len(q.rating.labels))))

    seen: dict[str, Item] = {}
    for item in q.items:
        where = f"item {item.id}"
        if item.id in seen:
            problems.append(at(f"{where}: id", Phrase(Msg.Q_DUPLICATE_ITEM)))
        if item.dimension not in dim_ids:
            unknown = Phrase(Msg.Q_UNKNOWN_DIMENSION, id=item.dimension, known=", ".join(dim_ids))
            problems.append(at(f"{where}: dimension", unknown))
        if item.weight <= 0:
            problems.append(at(f"{where}: weight", Phrase(Msg.Q_WEIGHT, weight=item.weight)))
        problems += [at(where, p) for p in kind_of(item).definition_problems(q)]
        if item.show_if is not None:
            problems += _condition_problems(q, item, seen)
        if item.flag is not None:
            problems += _flag_problems(q, item)
        seen.setdefault(item.id, item)

    for dim in q.dimensions:
        if not any(i.scored and i.dimension == dim.id for i in q.items):
            problems.append(at(f"dimension {dim.id}", Phrase(Msg.Q_NO_SCORED_ITEM)))
    problems += _english_problems(q)
    problems += rule_problems(q, posts)
    return problems


def _condition_problems(q: Questionnaire, item: Item, seen: dict[str, Item]) -> list[Phrase]:
    """What is wrong with ``item``'s show_if: itself, a later or unknown item, or a value that can never match."""
    where = f"item {item.id}"
    cond = item.show_if
    assert cond is not None
    if cond.item == item.id:
        return [at(f"{where}: show_if.item", Phrase(Msg.Q_SELF_DEPENDENCY))]
    if cond.item not in seen:
        later = any(other.id == cond.item for other in q.items)
        reason = Phrase(Msg.Q_LATER_ITEM if later else Msg.Q_UNKNOWN_ITEM, id=cond.item)
        return [at(f"{where}: show_if.item", reason)]
    why = value_problem(q, seen[cond.item], cond.op, cond.value)
    return [at(f"{where}: show_if.value", Phrase(Msg.Q_IMPOSSIBLE, why=why))] if why else []


def _flag_problems(q: Questionnaire, item: Item) -> list[Phrase]:
    """What is wrong with ``item``'s flag: on an unscored item, a value that can never match, no problem wording."""
    where = f"item {item.id}"
    flag = item.flag
    assert flag is not None
    out: list[Phrase] = []
    if not item.scored:
        out.append(at(f"{where}: flag", Phrase(Msg.Q_FLAG_UNSCORED)))
    else:
        why = value_problem(q, item, flag.op, flag.value)
        if why:
            out.append(at(f"{where}: flag.value", why))
    if not item.problem:
        out.append(at(f"{where}: problem", Phrase(Msg.Q_FLAG_NO_PROBLEM)))
    return out


def scale_problems(where: str, scale: Scale) -> list[Phrase]:
    """A scale's range and its labels in both languages: one label per point."""
    if scale.min >= scale.max:
        return [at(where, Phrase(Msg.Q_SCALE_MIN_MAX))]
    points = scale.max - scale.min + 1
    out = []
    if len(scale.labels) != points:
        out.append(at(f"{where}: labels", Phrase(Msg.Q_LABEL_COUNT, points=points, got=len(scale.labels))))
    if scale.labels_en is not None and len(scale.labels_en) != points:
        out.append(at(f"{where}: labels_en", Phrase(Msg.Q_LABEL_COUNT, points=points, got=len(scale.labels_en))))
    return out
