"""The questionnaire format: Pydantic models for one TOML questionnaire file.

Structure is checked by Pydantic; the rules that span fields (ids, references, gaps) are in
:func:`semantic_problems`, so that every problem in a file can be reported at once.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Lang = Literal["zh", "en"]
AnswerValue = bool | int | str | list[str]
"""An answer: bool (yesno), int (likert, number), str (choice option id, ISO date, text), list (multi)."""

Operator = Literal["eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "contains"]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a hand-written file must not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def pick(zh: str, en: str | None, lang: Lang) -> str:
    """The text in the wanted language, falling back to Chinese."""
    return en if lang == "en" and en else zh


class Dimension(Strict):
    """A part of a questionnaire that gets its own score, e.g. 思想作风."""

    id: Slug
    title: str = Field(min_length=1)
    title_en: str | None = None
    weight: float = 1.0
    description: str | None = None
    description_en: str | None = None


class Band(Strict):
    """A score range [min, max) on 0-100 with a level name and feedback; the top band includes max."""

    min: float
    max: float
    label: str = Field(min_length=1)
    label_en: str | None = None
    feedback: str = ""
    feedback_en: str | None = None


class Condition(Strict):
    """``show_if``: show an item only when an earlier answer satisfies ``op value``."""

    item: Slug
    op: Operator = "eq"
    value: AnswerValue


class Flag(Strict):
    """Which answers of this item mark a problem (a finding): ``answer op value``."""

    op: Operator = "eq"
    value: AnswerValue


class Scale(Strict):
    """A rating scale from ``min`` to ``max`` with one label per point."""

    min: int
    max: int
    labels: list[str]
    labels_en: list[str] | None = None


class Rating(Strict):
    """A 民主测评 scale for raters, worst label first (e.g. 差/一般/较好/好); ``abstain`` (不了解) is no answer."""

    labels: list[str] = Field(min_length=2)
    labels_en: list[str] | None = None
    abstain: str | None = None
    abstain_en: str | None = None

    def score(self, value: int) -> float:
        """A rating (1 = worst) normalised to 0-1."""
        return (value - 1) / (len(self.labels) - 1)


class Option(Strict):
    """One choice of a ``choice`` or ``multi`` item."""

    id: Slug
    label: str = Field(min_length=1)
    label_en: str | None = None
    score: float = 0.0
    problem: str | None = None
    """For ``multi``: selecting this option is itself a finding, worded so."""
    problem_en: str | None = None
    exclusive: bool = False
    """For ``multi``: an option such as "none of these" that cannot be combined with others."""


class NumberBand(Strict):
    """Counts from ``min`` to ``max`` (both inclusive) score ``score`` (0-1)."""

    min: int
    max: int
    score: float = Field(ge=0, le=1)


class ItemBase(Strict):
    """What every item has."""

    id: Slug
    dimension: Slug
    text: str = Field(min_length=1)
    text_en: str | None = None
    text_other: str | None = None
    """The item in the third person ("该同志……"), asked when someone else rates the person."""
    text_other_en: str | None = None
    help: str = ""
    """The passage of the source text the item comes from, shown on ``?``."""
    help_en: str | None = None
    weight: float = 1.0
    required: bool = False
    show_if: Condition | None = None
    flag: Flag | None = None
    problem: str | None = None
    """How the problem is worded in the 问题清单 when ``flag`` matches."""
    problem_en: str | None = None

    @property
    def scored(self) -> bool:
        """Whether the item contributes to scores."""
        return True

    def label(self, lang: Lang, other: bool = False) -> str:
        """The item's text in ``lang``; in the third person when ``other`` and the item has that wording."""
        if other and self.text_other:
            return pick(self.text_other, self.text_other_en, lang)
        return pick(self.text, self.text_en, lang)


class LikertItem(ItemBase):
    """A statement rated on a labelled scale; ``reverse`` when agreeing is bad."""

    kind: Literal["likert"]
    scale: Scale | str
    """An inline scale, or the name of one in the questionnaire's ``[scales]`` table."""
    reverse: bool = False


class YesNoItem(ItemBase):
    """A yes/no question about one's own record."""

    kind: Literal["yesno"]
    yes_score: float = Field(default=1.0, ge=0, le=1)
    no_score: float = Field(default=0.0, ge=0, le=1)


class ChoiceItem(ItemBase):
    """One option of several, each with its own score (0-1)."""

    kind: Literal["choice"]
    options: list[Option] = Field(min_length=2)


class MultiItem(ItemBase):
    """A checklist: score = ``base`` plus the scores (usually penalties) of the ticked options, kept in 0-1."""

    kind: Literal["multi"]
    options: list[Option] = Field(min_length=2)
    base: float = Field(default=1.0, ge=0, le=1)


class NumberItem(ItemBase):
    """A count (days, visits, letters) mapped to a score by bands."""

    kind: Literal["number"]
    min: int = 0
    max: int
    unit: str = ""
    unit_en: str | None = None
    bands: list[NumberBand] = Field(min_length=1)


class DateItem(ItemBase):
    """A date from one's record (not scored)."""

    kind: Literal["date"]

    @property
    def scored(self) -> bool:
        """Dates are facts for the record, not scored."""
        return False


class TextItem(ItemBase):
    """Free text (not scored)."""

    kind: Literal["text"]

    @property
    def scored(self) -> bool:
        """Free text is never scored."""
        return False


Item = Annotated[
    LikertItem | YesNoItem | ChoiceItem | MultiItem | NumberItem | DateItem | TextItem,
    Field(discriminator="kind"),
]
ItemKind = Literal["likert", "yesno", "choice", "multi", "number", "date", "text"]


class Questionnaire(Strict):
    """One questionnaire file."""

    id: Slug
    version: str = Field(min_length=1)
    title: str = Field(min_length=1)
    title_en: str | None = None
    kind: Literal["contrast", "ability", "custom"]
    """``contrast``: a 对照 check; ``ability``: a 能力 area."""
    description: str = ""
    description_en: str | None = None
    source: str = ""
    """Where the questionnaire's content comes from."""
    scales: dict[Slug, Scale] = Field(default_factory=dict)
    rating: Rating | None = None
    dimensions: list[Dimension] = Field(min_length=1)
    bands: list[Band] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)

    def item(self, item_id: str) -> ItemBase:
        """The item with this id (KeyError when absent)."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def dimension(self, dim_id: str) -> Dimension:
        """The dimension with this id (KeyError when absent)."""
        for dim in self.dimensions:
            if dim.id == dim_id:
                return dim
        raise KeyError(dim_id)

    def scale_of(self, item: LikertItem) -> Scale:
        """The scale a likert item uses, resolving a named scale."""
        return item.scale if isinstance(item.scale, Scale) else self.scales[item.scale]

    def band_for(self, score: float) -> Band | None:
        """The band a 0-100 score falls into."""
        for band in self.bands:
            if band.min <= score < band.max or (score == band.max == max(b.max for b in self.bands)):
                return band
        return None

    def digest(self) -> str:
        """sha256 of the canonical definition, so reports know when a questionnaire changed."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


# ---- rules that span fields -------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _value_problem(q: Questionnaire, item: ItemBase, op: str, value: object) -> str | None:
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
    for a, b in ordered:
        if a > b:
            problems.append(f"{where}: range {a:g}-{b:g} has min above max")
    if ordered and ordered[0][0] != lo:
        problems.append(f"{where}: gap: nothing covers {lo:g} to {ordered[0][0]:g}")
    if ordered and ordered[-1][1] != hi:
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
    present = [name for name, value in pairs if value]
    if not present or len(present) == len(pairs):
        return []
    missing = [name for name, value in pairs if not value]
    return [f"{name}: English text missing (other texts have it; give all or none)" for name in missing]


def semantic_problems(q: Questionnaire) -> list[str]:
    """Every rule the structure alone cannot check, as readable lines ("item ID: field: problem")."""
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
                why = _value_problem(q, seen[cond.item], cond.op, cond.value)
                if why:
                    problems.append(f"{where}: show_if.value: impossible condition: {why}")
        if item.flag is not None:
            if not item.scored:
                problems.append(f"{where}: flag: only scored items can mark a problem")
            else:
                why = _value_problem(q, item, item.flag.op, item.flag.value)
                if why:
                    problems.append(f"{where}: flag.value: {why}")
            if not item.problem:
                problems.append(f"{where}: problem: a flagged item needs the problem's wording")
        seen.setdefault(item.id, item)

    for dim in q.dimensions:
        if not any(i.scored and i.dimension == dim.id for i in q.items):
            problems.append(f"dimension {dim.id}: has no scored item")
    problems += _english_problems(q)
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
