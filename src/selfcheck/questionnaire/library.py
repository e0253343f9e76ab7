"""Finding and loading questionnaires: the built-in ones, a user folder, and files named on the command line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.errors import QuestionnaireError, UsageError
from selfcheck.files import paths
from selfcheck.files.tomlfile import read_toml
from selfcheck.i18n import Msg, Phrase

if TYPE_CHECKING:
    from pydantic import ValidationError

    from selfcheck.i18n import Lang
    from selfcheck.questionnaire.model import Questionnaire

BUILTIN_ORDER = ("zuofeng", "qunzhong", "xianjin", "diaoyan", "juece", "fuwu")
BUILTIN_FORMS = ("pingyi", "ceping")
"""The 民主评议 forms (党员民主评议, 干部德能勤绩廉测评): answered by the person and by raters, never in a set."""
SETS: dict[str, tuple[str, ...]] = {
    "contrast": BUILTIN_ORDER[:3],
    "ability": BUILTIN_ORDER[3:],
    "all": BUILTIN_ORDER,
}


def _label(raw: Any, key: str, index: int, word: str) -> str:
    """``item foo`` when the raw entry has an id, else ``items[3]``."""
    try:
        ident = raw[key][index]["id"]
    except (KeyError, IndexError, TypeError):
        ident = None
    return f"{word} {ident}" if isinstance(ident, str) and ident else f"{key}[{index}]"


_PLURAL = {"items": "item", "dimensions": "dimension", "options": "option", "bands": "band"}
_KINDS = {"likert", "yesno", "choice", "multi", "number", "date", "text"}


def format_validation_error(exc: ValidationError, raw: Any) -> list[Phrase]:
    """Pydantic errors as ``item ID: field.path: message`` lines, with list indexes turned into ids."""
    lines = []
    for err in exc.errors(include_url=False):
        parts: list[str] = []
        node: Any = raw
        loc = list(err["loc"])
        i = 0
        while i < len(loc):
            key = loc[i]
            nxt = loc[i + 1] if i + 1 < len(loc) else None
            if isinstance(key, str) and isinstance(nxt, int) and key in _PLURAL:
                label = _label(node, key, nxt, _PLURAL[key])
                parts.append(label + ":")
                node = node[key][nxt] if isinstance(node, dict) and isinstance(node.get(key), list) else None
                i += 2
                if key == "items" and i < len(loc) and loc[i] in _KINDS:
                    i += 1  # the discriminator's tag is noise for a reader
                continue
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
            i += 1
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            parts.append("kind")
        where = " ".join(_join_fields(parts))
        msg: object = err["msg"]  # pydantic's own text for the rest: data about the file
        if err["type"] == "extra_forbidden":
            msg = Phrase(Msg.Q_UNKNOWN_FIELD)
        elif err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            msg = Phrase(Msg.Q_UNKNOWN_KIND, kinds=", ".join(sorted(_KINDS)))
        elif err["type"] == "missing":
            msg = Phrase(Msg.Q_MISSING_FIELD)
        lines.append(Phrase(Msg.AT, where=where, what=msg) if where else _bare(msg))
    return lines


def _bare(msg: object) -> Phrase:
    """A problem with no field to name (the whole document is wrong)."""
    return msg if isinstance(msg, Phrase) else Phrase(Msg.VERBATIM, text=msg)


def _join_fields(parts: list[str]) -> list[str]:
    """Join consecutive field names with dots: ['item a:', 'scale', 'min'] → ['item a:', 'scale.min']."""
    out: list[str] = []
    for part in parts:
        if out and not out[-1].endswith(":") and not part.endswith(":"):
            out[-1] = f"{out[-1]}.{part}"
        else:
            out.append(part)
    return out


def known_posts() -> set[str]:
    """The post ids of the profile in use, which items' ``posts`` refer to."""
    from selfcheck.questionnaire.profile import load_profile

    return {p.id for p in load_profile().posts}


def parse(raw: dict[str, Any], path: Path | str, posts: set[str] | None = None) -> Questionnaire:
    """Validate a parsed TOML document as a questionnaire; all problems are raised at once.

    ``posts``: the profile's post ids (read from the profile when None)."""
    from pydantic import ValidationError

    from selfcheck.files import exact
    from selfcheck.questionnaire.checks import semantic_problems
    from selfcheck.questionnaire.model import Questionnaire

    try:
        q = exact.validate(Questionnaire, raw)
    except ValidationError as exc:
        problems = format_validation_error(exc, raw)
        problems += _cross_field_anyway(raw, exc, known_posts() if posts is None else posts)
    else:
        problems = semantic_problems(q, known_posts() if posts is None else posts)
        if not problems:
            return q
    raise QuestionnaireError(Msg.Q_INVALID, problems, path=path, n=len(problems))


def _cross_field_anyway(raw: dict[str, Any], exc: ValidationError, posts: set[str]) -> list[Phrase]:
    """The cross-field problems of a questionnaire that failed validation, as far as they can be found: the entries
    that failed (an item, a band, a scale) are set aside, the rest is checked, and a problem that names something
    set aside is not reported (it may only be missing because it was set aside)."""
    import copy
    import re

    from pydantic import ValidationError as Invalid

    from selfcheck.questionnaire.checks import semantic_problems
    from selfcheck.questionnaire.model import Questionnaire

    pruned = copy.deepcopy(raw)
    drop: dict[str, set[int | str]] = {}
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        if len(loc) < 2 or loc[0] not in ("items", "dimensions", "bands", "scales"):
            return []  # a top-level field is wrong: nothing sound to check the rest against
        drop.setdefault(str(loc[0]), set()).add(loc[1])
    gone: set[str] = set()
    for key, which in drop.items():
        value = pruned.get(key)
        if isinstance(value, list):
            aside = [e for n, e in enumerate(value) if n in which and isinstance(e, dict)]
            gone |= {str(e.get("id")) for e in aside} | {str(e.get("dimension")) for e in aside}
            pruned[key] = [e for n, e in enumerate(value) if n not in which]
        elif isinstance(value, dict):
            gone |= {str(k) for k in which}
            pruned[key] = {k: v for k, v in value.items() if k not in which}
    try:
        q = Questionnaire.model_validate(pruned)
    except (Invalid, TypeError, ValueError):
        return []
    names = "|".join(re.escape(g) for g in gone if g and g != "None")
    # "item a2: …", "dimension a: …", "unknown item 'a2'": the forms the checks name things in
    mentions = re.compile(rf"(?:(?:item|dimension|scale) '?|')(?:{names})(?![\w-])") if names else None
    # matched on the English wording, whose forms are fixed; the person reads the problems in their own language
    return [p for p in semantic_problems(q, posts) if mentions is None or not mentions.search(p.render("en"))]


def load_file(path: Path, posts: set[str] | None = None) -> Questionnaire:
    """Load and validate one questionnaire file (``posts`` as for :func:`parse`)."""
    return parse(read_toml(path, Msg.WHAT_QUESTIONNAIRE), path, posts)


@dataclass(frozen=True)
class Entry:
    """A loaded questionnaire and where it came from."""

    questionnaire: Questionnaire
    path: Path
    builtin: bool

    @property
    def source(self) -> str:
        """``built-in`` or the file's path."""
        return "built-in" if self.builtin else str(self.path)


@dataclass
class Library:
    """The questionnaires available to a command, by id, plus the files that failed to load."""

    entries: dict[str, Entry] = field(default_factory=dict)
    broken: list[QuestionnaireError] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    """Built-in ids left unread because the command asked for others; still known, so an error can list them."""

    def get(self, qid: str) -> Entry:
        """The entry for ``qid``, or a usage error listing what exists."""
        try:
            return self.entries[qid]
        except KeyError:
            listed = [*self.entries, *(i for i in self.unread if i not in self.entries)]
            known: object = ", ".join(listed) or Phrase(Msg.NONE_KNOWN)
            raise UsageError(Msg.Q_UNKNOWN_ID, id=qid, known=known) from None

    def titles(self, lang: Lang) -> dict[str, tuple[str, dict[str, str]]]:
        """Questionnaire titles and their dimensions' titles in ``lang``, by id (for rendering saved data)."""
        from selfcheck.i18n import pick

        return {
            qid: (
                pick(e.questionnaire.title, e.questionnaire.title_en, lang),
                {d.id: pick(d.title, d.title_en, lang) for d in e.questionnaire.dimensions},
            )
            for qid, e in self.entries.items()
        }

    def definitions(self) -> dict[str, Questionnaire]:
        """The questionnaires by id."""
        return {qid: e.questionnaire for qid, e in self.entries.items()}

    def select(self, ids: Iterable[str]) -> list[Questionnaire]:
        """Questionnaires for ``ids`` (or a set name: contrast, ability, all), in the order given, no repeats."""
        out: dict[str, Questionnaire] = {}
        for qid in ids:
            for one in SETS.get(qid, (qid,)):
                out.setdefault(one, self.get(one).questionnaire)
        return list(out.values())


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError:
        return []


def load_library(extra: Sequence[Path] = (), only: Iterable[str] | None = None) -> Library:
    """Built-in questionnaires, overridden by the user folder, then by ``extra`` files (which must load).

    ``only``: the ids a command needs; built-in files (named by their id) for other ids are not read."""
    library = Library()
    builtin: dict[str, Entry] = {}
    wanted = None if only is None else {i for one in only for i in SETS.get(one, (one,))}
    posts = known_posts()
    for path in _files(paths.builtin_questionnaire_dir()):
        if wanted is not None and path.stem not in wanted:
            library.unread.append(path.stem)
            continue
        q = load_file(path, posts)  # a broken built-in is a bug in selfcheck: let it be loud
        builtin[q.id] = Entry(q, path, builtin=True)
    known = BUILTIN_ORDER + BUILTIN_FORMS
    ordered = [i for i in known if i in builtin] + sorted(set(builtin) - set(known))
    unread = set(library.unread)
    library.unread = [i for i in known if i in unread] + sorted(unread - set(known))
    library.entries = {i: builtin[i] for i in ordered}
    for path in _files(paths.user_questionnaire_dir()):
        try:
            q = load_file(path, posts)
        except QuestionnaireError as exc:
            library.broken.append(exc)
            continue
        library.entries[q.id] = Entry(q, path, builtin=False)
    for path in extra:
        q = load_file(path, posts)
        library.entries[q.id] = Entry(q, path, builtin=False)
    return library


@dataclass(frozen=True)
class DimensionTitle:
    """A dimension as a listing names it."""

    id: str
    title: str
    title_en: str | None


@dataclass(frozen=True)
class Header:
    """What ``questionnaires list`` shows of a questionnaire: no items, no scoring."""

    id: str
    title: str
    title_en: str | None
    kind: str
    version: str
    items: int
    """How many items."""
    dimensions: tuple[DimensionTitle, ...]

    @classmethod
    def of(cls, q: Questionnaire) -> Header:
        """The header of a loaded questionnaire."""
        dims = tuple(DimensionTitle(d.id, d.title, d.title_en) for d in q.dimensions)
        return cls(q.id, q.title, q.title_en, q.kind, q.version, len(q.items), dims)


@dataclass(frozen=True)
class Listed:
    """A questionnaire in a listing, and where it came from."""

    header: Header
    path: Path
    builtin: bool

    @property
    def source(self) -> str:
        """``built-in`` or the file's path."""
        return "built-in" if self.builtin else str(self.path)


def _text(value: Any) -> str:
    if type(value) is not str or not value:
        raise ValueError(value)
    return value


def _text_or_none(value: Any) -> str | None:
    return None if value is None else _text(value)


def _raw_header(raw: Any) -> Header:
    """The header of a built-in questionnaire's parsed file; ValueError when the file is not shaped as expected."""
    if type(raw) is not dict or raw.get("kind") not in ("contrast", "ability", "custom"):
        raise ValueError(raw)
    items, dims = raw.get("items"), raw.get("dimensions")
    if type(items) is not list or type(dims) is not list or not all(type(d) is dict for d in dims):
        raise ValueError(raw)
    titles = tuple(
        DimensionTitle(_text(d.get("id")), _text(d.get("title")), _text_or_none(d.get("title_en"))) for d in dims
    )
    return Header(
        _text(raw.get("id")),
        _text(raw.get("title")),
        _text_or_none(raw.get("title_en")),
        raw["kind"],
        _text(raw.get("version")),
        len(items),
        titles,
    )


def list_library(extra: Sequence[Path] = ()) -> tuple[list[Listed], list[QuestionnaireError]]:
    """What :func:`load_library` would hold, as headers, in the same order, with the user files that failed.

    The built-in files are read for their headers only: selfcheck's tests check them in full, and so does every
    command that uses one. Files from the user folder and ``extra`` are loaded in full, so a broken one is reported
    (and a broken ``extra`` file stops the listing) exactly as :func:`load_library` does."""
    builtin: dict[str, Listed] = {}
    for path in _files(paths.builtin_questionnaire_dir()):
        try:
            header = _raw_header(read_toml(path, Msg.WHAT_QUESTIONNAIRE))
        except ValueError:
            header = Header.of(load_file(path))  # not as expected: the full load says why, loudly
        builtin[header.id] = Listed(header, path, builtin=True)
    known = BUILTIN_ORDER + BUILTIN_FORMS
    ordered = [i for i in known if i in builtin] + sorted(set(builtin) - set(known))
    listed = {i: builtin[i] for i in ordered}
    broken: list[QuestionnaireError] = []
    user = _files(paths.user_questionnaire_dir())
    posts = known_posts() if user or extra else set()
    for path in user:
        try:
            q = load_file(path, posts)
        except QuestionnaireError as exc:
            broken.append(exc)
            continue
        listed[q.id] = Listed(Header.of(q), path, builtin=False)
    for path in extra:
        q = load_file(path, posts)
        listed[q.id] = Listed(Header.of(q), path, builtin=False)
    return list(listed.values()), broken
