"""The rules of the questionnaire format that span fields: ids, references, gaps, translations.

Each returns readable lines ("item ID: field: problem") rather than raising, so that a file's problems are listed
together.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from selfcheck.i18n import Msg, default_lang, t
from selfcheck.questionnaire.model import (
    ChoiceItem,
    DateItem,
    ItemBase,
    LikertItem,
    MultiItem,
    NumberItem,
    Questionnaire,
    Scale,
    TextItem,
    YesNoItem,
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def value_problem(q: Questionnaire, item: ItemBase, op: str, value: object) -> str | None:
    """Why ``item op value`` can never hold, or None when it can."""
    values = value if isinstance(value, list) and op in ("in", "not_in") else [value]
    if op == "contains" and not isinstance(item, MultiItem):
        return "operator 'contains' only applies to multi items"
    if isinstance(item, MultiItem):
        if op not in ("contains", "eq", "ne"):
            return f"operator {op!r} does not apply to a checklist (use contains)"
        ids = {o.id for o in item.options}
        wanted = value if isinstance(value, list) else [value]
        bad = [v for v in wanted if v not in ids]
        return f"{bad[0]!r} is not an option of item {item.id!r}" if bad else None
    for v in values:
        if isinstance(item, LikertItem):
            scale = q.scale_of(item) if isinstance(item.scale, Scale) or item.scale in q.scales else None
            if isinstance(v, bool) or not isinstance(v, int):
                return f"{v!r} is not a point of the scale of item {item.id!r}"
            if scale is not None and not scale.min <= v <= scale.max:
                return f"{v} is outside the scale {scale.min}-{scale.max} of item {item.id!r}"
        elif isinstance(item, YesNoItem):
            if not isinstance(v, bool) or op not in ("eq", "ne"):
                return f"item {item.id!r} is yes/no: use op 'eq' or 'ne' with true or false"
        elif isinstance(item, ChoiceItem):
            if op not in ("eq", "ne", "in", "not_in"):
                return f"operator {op!r} does not apply to a single choice"
            if v not in {o.id for o in item.options}:
                return f"{v!r} is not an option of item {item.id!r}"
        elif isinstance(item, NumberItem):
            if isinstance(v, bool) or not isinstance(v, int):
                return f"{v!r} is not a number"
            if not item.min <= v <= item.max:
                return f"{v} is outside {item.min}-{item.max} of item {item.id!r}"
        elif isinstance(item, DateItem):
            if not isinstance(v, str) or not _ISO_DATE.match(v):
                return f"{v!r} is not an ISO date (YYYY-MM-DD)"
            try:
                date.fromisoformat(v)
            except ValueError:
                return f"{v!r} is not a real date"
        elif isinstance(item, TextItem) and not isinstance(v, str):
            return f"{v!r} is not text"
    return None


def _range_problems(where: str, ranges: list[tuple[float, float]], lo: float, hi: float, step: float) -> list[str]:
    """Gaps and overlaps in ranges that must tile [lo, hi]; ``step`` is 1 for inclusive integer ranges."""
    problems: list[str] = []
    ordered = sorted(ranges)
    lang = default_lang()
    for a, b in ordered:
        if a > b:
            problems.append(f"{where}: range {a:g}-{b:g} has min above max")
        if a < lo or b > hi:  # say so, rather than a "gap" from 120 down to 100
            problems.append(t(Msg.RANGE_OUTSIDE, lang, where=where, a=f"{a:g}", b=f"{b:g}", lo=f"{lo:g}", hi=f"{hi:g}"))
    if ordered and ordered[0][0] > lo:
        problems.append(f"{where}: gap: nothing covers {lo:g} to {ordered[0][0]:g}")
    if ordered and ordered[-1][1] < hi:
        problems.append(f"{where}: gap: nothing covers {ordered[-1][1]:g} to {hi:g}")
    for (_a1, b1), (a2, _b2) in itertools.pairwise(ordered):
        if a2 < b1 + step:
            problems.append(f"{where}: overlap: {a2:g} is covered twice")
        elif a2 > b1 + step:
            problems.append(f"{where}: gap between {b1:g} and {a2:g}")
    return problems


def _english_problems(q: Questionnaire) -> list[str]:
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
    return [f"{name}: English text missing (other texts have it; give all or none)" for name in missing]


def semantic_problems(q: Questionnaire, posts: set[str] | None = None) -> list[str]:
    """Every rule the structure alone cannot check, as readable lines ("item ID: field: problem").

    ``posts``: the post ids of the profile, to check ``posts`` keys against (None: not checked)."""
    from selfcheck.questionnaire.rules import rule_problems

    problems: list[str] = []
    dim_ids = [d.id for d in q.dimensions]
    for dup in sorted({d for d in dim_ids if dim_ids.count(d) > 1}):
        problems.append(f"dimensions: duplicate id {dup!r}")
    for dim in q.dimensions:
        if dim.weight <= 0:
            problems.append(f"dimension {dim.id}: weight: must be positive, got {dim.weight:g}")
    problems += _range_problems("bands", [(b.min, b.max) for b in q.bands], 0, 100, 0)
    for name, scale in q.scales.items():
        problems += _scale_problems(f"scales.{name}", scale)
    if q.rating is not None and q.rating.labels_en is not None and len(q.rating.labels_en) != len(q.rating.labels):
        problems.append(f"rating: labels_en: {len(q.rating.labels)} labels need {len(q.rating.labels)} translations")

    seen: dict[str, ItemBase] = {}
    for item in q.items:
        where = f"item {item.id}"
        if item.id in seen:
            problems.append(f"{where}: id: duplicate item id")
        if item.dimension not in dim_ids:
            problems.append(f"{where}: dimension: unknown dimension {item.dimension!r} (known: {', '.join(dim_ids)})")
        if item.weight <= 0:
            problems.append(f"{where}: weight: must be positive, got {item.weight:g}")
        problems += [f"{where}: {p}" for p in _item_problems(q, item)]
        if item.show_if is not None:
            cond = item.show_if
            if cond.item == item.id:
                problems.append(f"{where}: show_if.item: an item cannot depend on itself")
            elif cond.item not in seen:
                later = any(other.id == cond.item for other in q.items)
                reason = "refers to a later item (conditions may only look back)" if later else "unknown item"
                problems.append(f"{where}: show_if.item: {reason} {cond.item!r}")
            else:
                why = value_problem(q, seen[cond.item], cond.op, cond.value)
                if why:
                    problems.append(f"{where}: show_if.value: impossible condition: {why}")
        if item.flag is not None:
            if not item.scored:
                problems.append(f"{where}: flag: only scored items can mark a problem")
            else:
                why = value_problem(q, item, item.flag.op, item.flag.value)
                if why:
                    problems.append(f"{where}: flag.value: {why}")
            if not item.problem:
                problems.append(f"{where}: problem: a flagged item needs the problem's wording")
        seen.setdefault(item.id, item)

    for dim in q.dimensions:
        if not any(i.scored and i.dimension == dim.id for i in q.items):
            problems.append(f"dimension {dim.id}: has no scored item")
    problems += _english_problems(q)
    problems += rule_problems(q, posts)
    return problems


def _scale_problems(where: str, scale: Scale) -> list[str]:
    if scale.min >= scale.max:
        return [f"{where}: min must be below max"]
    points = scale.max - scale.min + 1
    out = []
    if len(scale.labels) != points:
        out.append(f"{where}: labels: {points} points need {points} labels, got {len(scale.labels)}")
    if scale.labels_en is not None and len(scale.labels_en) != points:
        out.append(f"{where}: labels_en: {points} points need {points} labels, got {len(scale.labels_en)}")
    return out


def _item_problems(q: Questionnaire, item: ItemBase) -> list[str]:
    out: list[str] = []
    if isinstance(item, LikertItem):
        if isinstance(item.scale, str):
            if item.scale not in q.scales:
                out.append(f"scale: unknown scale {item.scale!r} (define it under [scales.{item.scale}])")
        else:
            out += _scale_problems("scale", item.scale)
    elif isinstance(item, ChoiceItem | MultiItem):
        ids = [o.id for o in item.options]
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            out.append(f"options: duplicate option id {dup!r}")
        if isinstance(item, ChoiceItem):
            out += [f"option {o.id}: score: must be within 0-1" for o in item.options if not 0 <= o.score <= 1]
        else:
            out += [f"option {o.id}: score: must be within -1 to 1" for o in item.options if not -1 <= o.score <= 1]
    elif isinstance(item, NumberItem):
        if item.min >= item.max:
            out.append("max: must be above min")
        else:
            out += _range_problems("bands", [(b.min, b.max) for b in item.bands], item.min, item.max, 1)
    return out
