"""The questionnaire format: Pydantic models for one TOML questionnaire file.

Structure is checked by Pydantic; the rules that span fields (ids, references, gaps) are in
:mod:`selfcheck.questionnaire.checks`, so that every problem in a file can be reported at once.
"""

# No ``from __future__ import annotations`` in this module: the models' annotations are objects when the classes
# are made, so pydantic does not compile and evaluate each one as text (about 6 M instructions in every process
# that reads a questionnaire).

import hashlib
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from selfcheck.i18n import Lang, pick

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
AnswerValue = bool | int | str | list[str]
"""An answer: bool (yesno), int (likert, number), str (choice option id, ISO date, text), list (multi)."""

Operator = Literal["eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "contains"]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a hand-written file must not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


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
    red_line: bool = False
    """Choosing this option is a red line (八项规定, 收受礼金 …): always a finding, and it caps the level."""
    posts: list[Slug] = Field(default_factory=list)
    """The posts (profile ids) this option is offered to; empty: every post."""


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
    red_line: bool = False
    """A flagged answer is a red line: always a finding that cannot be dropped, and it caps the level."""
    posts: list[Slug] = Field(default_factory=list)
    """The posts (profile ids) the item applies to; empty: every post. Not applying: neither asked nor scored."""
    public_only: bool = False
    """Only for posts that serve the public directly (the profile's yes/no question)."""
    record_only: bool = False
    """The person's own record (own counts, dates, text about oneself): never asked of raters."""

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
    when: Literal["any", "past", "future"] = "any"
    """``past``: a record (the last visit), never after today; ``future``: a deadline, never before today."""

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


class Check(Strict):
    """A declarative consistency check between answers; a failed check is a note, never a score change.

    ``not_above``: the count ``item`` is not above the count ``than``. ``needs_count``: when ``when`` holds (a
    claim), the count ``item`` is above 0."""

    id: Slug
    kind: Literal["not_above", "needs_count"]
    item: Slug
    than: Slug | None = None
    when: Condition | None = None
    note: str = Field(min_length=1)
    """What the person reads when the check fails, e.g. 调研天数多于到基层的天数，请核对。"""
    note_en: str | None = None


class Grades(Strict):
    """An overall grade raters give the person, best first (优秀/合格/基本合格/不合格 or 优秀/称职/基本称职/不称职)."""

    labels: list[str] = Field(min_length=2)
    labels_en: list[str] | None = None


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
    grades: Grades | None = None
    """For raters: an overall grade of the person."""
    disqualifiers: list[Option] = Field(default_factory=list)
    """For raters: a checklist of situations that disqualify (不参加组织生活、不交党费 …); ticking one is recorded."""
    red_line_level: str | None = None
    """The label of the band a red-line answer caps the level at (required when any red line is marked)."""
    min_problems_per_dimension: int = Field(default=0, ge=0, le=5)
    """The problem norm: each dimension names at least this many problems, or a written reason why none applies."""
    checks: list[Check] = Field(default_factory=list)
    dimensions: list[Dimension] = Field(min_length=1)
    bands: list[Band] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)

    def item(self, item_id: str) -> Item:
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

    def capped(self, band: Band | None, red_line: bool) -> Band | None:
        """The band after a red line: no higher than :attr:`red_line_level`."""
        if not red_line or band is None or self.red_line_level is None:
            return band
        cap = next((b for b in self.bands if b.label == self.red_line_level), None)
        return cap if cap is not None and cap.min < band.min else band

    def level_label(self, stored: str | None, lang: Lang) -> str | None:
        """A level name as saved in a report (the Chinese label) in ``lang``; unknown names are kept as they are."""
        for band in self.bands:
            if band.label == stored:
                return pick(band.label, band.label_en, lang)
        return stored

    def digest(self) -> str:
        """sha256 of the canonical definition, so reports know when a questionnaire changed. Worked out once per
        questionnaire (a questionnaire is frozen), or known already when it was read from a stored definition: the
        JSON dump builds pydantic's serializer, which costs more than reading the definition did."""
        known = _DIGESTS.get(id(self))
        if known is not None and known[0] is self:
            return known[1]
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        value = hashlib.sha256(canonical.encode()).hexdigest()
        _DIGESTS[id(self)] = (self, value)
        return value


_DIGESTS: dict[int, tuple[Questionnaire, str]] = {}
"""Digests by questionnaire (the questionnaire kept with it, so that its id is not reused while it is here)."""


def known_digest(q: Questionnaire, digest: str) -> None:
    """Record that ``q`` has ``digest``: it was read from the stored definition whose content hashes to it."""
    _DIGESTS[id(q)] = (q, digest)
