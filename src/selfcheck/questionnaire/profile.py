"""The respondent's post profile, as data: which posts exist (领导干部 / 一般干部 / 普通党员) and the question whether
the post serves the public directly. Items and options name the posts they apply to; an item that does not apply is
neither asked nor scored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field

from selfcheck.files import exact
from selfcheck.i18n import Msg, Phrase
from selfcheck.questionnaire.model import Slug, Strict

if TYPE_CHECKING:
    from selfcheck.questionnaire.model import ItemBase, Option, Questionnaire

PROFILE_FILE = "profile.toml"
"""The user's own profile definition, in the config folder, replaces the built-in one."""


class Post(Strict):
    """One kind of post, e.g. 领导干部."""

    id: Slug
    label: str = Field(min_length=1)
    label_en: str | None = None
    description: str = ""
    description_en: str | None = None


class PublicQuestion(Strict):
    """The yes/no question whether the post serves the public directly (窗口、基层、执法、办事)."""

    text: str = Field(min_length=1)
    text_en: str | None = None


class Profile(Strict):
    """The post profile asked once before the first questionnaire."""

    title: str = Field(min_length=1)
    title_en: str | None = None
    posts: list[Post] = Field(min_length=1)
    public: PublicQuestion

    def post(self, post_id: str) -> Post | None:
        """The post with this id, or None."""
        return next((p for p in self.posts if p.id == post_id), None)


@dataclass(frozen=True)
class Who:
    """The respondent's post and whether it serves the public directly; None is unknown (everything applies)."""

    post: str | None = None
    public: bool | None = None


def applies(entry: ItemBase | Option, who: Who | None) -> bool:
    """Whether an item or option applies to this respondent; unknown posts see everything."""
    if who is None:
        return True
    if entry.posts and who.post is not None and who.post not in entry.posts:
        return False
    public_only = getattr(entry, "public_only", False)
    return not (public_only and who.public is False)


def profile_problems(profile: Profile) -> list[Phrase]:
    """Duplicate post ids and half-given English, as problem lines."""
    ids = [p.id for p in profile.posts]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    problems = [Phrase(Msg.AT, where="posts", what=Phrase(Msg.Q_DUPLICATE_ID, id=d)) for d in duplicates]
    texts = [profile.title_en, profile.public.text_en, *(p.label_en for p in profile.posts)]
    if any(texts) and not all(texts):
        problems.append(Phrase(Msg.PROFILE_ENGLISH_MISSING))
    return problems


def builtin_profile_path() -> Path:
    """The profile shipped with the built-in questionnaires."""
    from selfcheck.files import paths

    return paths.builtin_questionnaire_dir() / "profile" / PROFILE_FILE


def load_profile() -> Profile:
    """The user's ``profile.toml`` in the config folder when there is one, else the built-in profile."""
    from pydantic import ValidationError

    from selfcheck.errors import QuestionnaireError
    from selfcheck.files import paths
    from selfcheck.files.tomlfile import read_toml
    from selfcheck.questionnaire.library import format_validation_error

    user = paths.config_dir() / PROFILE_FILE
    path = user if user.is_file() else builtin_profile_path()
    raw = read_toml(path, Msg.WHAT_PROFILE)
    try:
        profile = exact.validate(Profile, raw)
    except ValidationError as exc:
        problems = format_validation_error(exc, raw)
    else:
        problems = profile_problems(profile)
        if not problems:
            return profile
    raise QuestionnaireError(Msg.PROFILE_INVALID, problems, path=path, n=len(problems))


def depends_on_post(q: Questionnaire) -> bool:
    """Whether any item or option of ``q`` is limited to some posts (else the post is not worth asking)."""
    from selfcheck.questionnaire.model import ChoiceItem, MultiItem

    options = [o for i in q.items if isinstance(i, ChoiceItem | MultiItem) for o in i.options]
    return any(i.posts or i.public_only for i in q.items) or any(o.posts for o in options)
