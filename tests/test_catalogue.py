"""The catalogue: both languages of every message take the same values; errors carry phrases, not sentences."""

from __future__ import annotations

import ast
import pickle
import string
from pathlib import Path

import pytest

from selfcheck.errors import QuestionnaireError, ReportError, UsageError
from selfcheck.i18n import Content, Msg, Phrase, default_lang, t


def fields(text: str) -> set[str]:
    """The names of the ``{fields}`` in a format string."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("msg", list(Msg), ids=lambda m: m.name)
def test_both_languages_can_be_worded_from_the_same_values(msg: Msg) -> None:
    # A language may leave a value out (a date written as 年月日 in one, ISO in the other), but both must format
    # from the values the message is given, and neither may be empty.
    zh, en = msg.value
    assert zh.strip() and en.strip()
    values = dict.fromkeys(fields(zh) | fields(en), 1)
    assert t(msg, "zh", **values) and t(msg, "en", **values)


def test_phrases_and_content_are_worded_in_the_language_of_the_message() -> None:
    inner = Phrase(Msg.ANSWER_EXCLUSIVE, label=Content("以上都没有", "none of these"))
    line = Phrase(Msg.AT, where="questionnaires.q.answers.a1", what=inner)
    assert line.render("en") == "questionnaires.q.answers.a1: 'none of these' cannot be combined with other options."
    assert line.render("zh") == "questionnaires.q.answers.a1: “以上都没有”不能与其他选项同时选择。"
    assert t(Msg.ANSWER_EXCLUSIVE, "en", label=Content("只有中文", None)) == (
        "'只有中文' cannot be combined with other options."
    )


def test_an_error_renders_its_message_and_details_in_either_language() -> None:
    problems: list[Phrase | str] = [
        Phrase(Msg.AT, where="item a1: id", what=Phrase(Msg.Q_DUPLICATE_ITEM)),
        "parser text, kept as is",
    ]
    error = QuestionnaireError(Msg.Q_INVALID, problems, path="q.toml", n=2)
    assert error.render("en").split("\n") == [
        "q.toml: invalid questionnaire (2 problem(s)):",
        "  item a1: id: duplicate item id",
        "  parser text, kept as is",
    ]
    assert error.render("zh").split("\n")[:2] == ["q.toml：问卷有 2 处问题：", "  item a1: id: 题目 id 重复"]


def test_errors_survive_the_trip_to_a_worker_process_and_back() -> None:
    for error in (
        ReportError(Msg.LIGHT_PROBLEM, path="r.toml", where="created", what=Phrase(Msg.LIGHT_NOT_DATETIME)),
        UsageError(Msg.NO_PAIR),
    ):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and back.exit_code == error.exit_code
        assert back.render("en") == error.render("en") and back.render("zh") == error.render("zh")


def test_the_keys_behave_as_the_enum_the_type_checker_sees() -> None:
    import copy
    from enum import Enum

    # Every name the catalogue's source assigns, read from the source: an entry the run-time class failed to make a
    # member (a forgotten comma makes one string of its two texts) would be missing from both sides otherwise.
    source = Path(__file__).parents[1] / "src" / "selfcheck" / "i18n" / "catalogue.py"
    body = next(n for n in ast.parse(source.read_text(encoding="utf-8")).body if isinstance(n, ast.ClassDef))
    names = [t.id for n in body.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)]
    assert len(names) > 600 and all(isinstance(getattr(Msg, name), Msg) for name in names)
    as_enum = Enum("AsEnum", [(name, getattr(Msg, name).value) for name in names])  # type: ignore[misc]
    assert list(Msg.__members__) == list(as_enum.__members__) and Msg["AT"] is Msg.AT and str(Msg.AT) == "Msg.AT"
    assert [m.name for m in Msg] == [m.name for m in as_enum] and len(Msg) == len(as_enum) > 600
    for name in names:  # aliases: a second name for a value is the first name's member, as in an Enum
        assert getattr(Msg, name).name == as_enum[name].name
        assert getattr(Msg, name).value == as_enum[name].value

    def same(a: Msg, b: Msg) -> bool:
        return a is b

    assert same(Msg.FIELD_MEASURE, Msg.DOC_COL_MEASURE) and not same(Msg.NO_PAIR, Msg.AT)
    assert pickle.loads(pickle.dumps(Msg.NO_PAIR)) is Msg.NO_PAIR
    assert copy.deepcopy(Msg.NO_PAIR) is Msg.NO_PAIR and copy.copy(Msg.NO_PAIR) is Msg.NO_PAIR
    assert {Msg.NO_PAIR: 1}[Msg.NO_PAIR] == 1 and isinstance(Msg.AT, Msg)
    with pytest.raises(AttributeError):
        Msg.AT.value = ("改", "changed")  # type: ignore[misc]


def test_a_catalogue_entry_that_is_not_two_texts_is_refused() -> None:
    from selfcheck.i18n.keys import Keys

    with pytest.raises(TypeError, match="B is not a tuple of texts"):

        class Broken(Keys):
            A = ("甲", "a")
            B = "乙b"  # what two texts become when the comma between them is forgotten

    with pytest.raises(TypeError, match="C is not a tuple of texts"):

        class AlsoBroken(Keys):
            C = ("丙", 3)


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANGUAGE": "en_GB:zh_CN"}, "en"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),  # LANGUAGE comes before LANG, as in gettext
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"SELFCHECK_LANG": "zh", "LANGUAGE": "en"}, "zh"),  # selfcheck's own setting first
        ({}, "zh"),
    ],
)
def test_the_default_language_reads_language_like_lang(
    env: dict[str, str], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("SELFCHECK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert default_lang() == lang


# ---- one way to pick a language ----

SRC = Path(__file__).resolve().parents[1] / "src" / "selfcheck"
LANG_CODES = {"zh", "en"}


def language_switches(source: str) -> list[int]:
    """Lines that choose wording by comparing with a language code (``"…" if lang == "zh" else "…"``, ``zh = lang
    == "zh"``, ``LABELS[x][lang == "en"]``, ``value in ("zh", "en")``) or hold a ``{"zh": …, "en": …}`` table."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            codes = [n for o in operands for n in ast.walk(o) if isinstance(n, ast.Constant) and n.value in LANG_CODES]
            if codes:
                lines.append(node.lineno)
        elif isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if keys >= LANG_CODES:
                lines.append(node.lineno)
    return lines


@pytest.mark.parametrize(
    "snippet",
    [
        'x = "旧" if lang == "zh" else "Old"',
        'zh = lang == "zh"',
        "label = LABELS[code][lang == 'en']",
        'ok = value in ("zh", "en")',
        'words = {"zh": "旧", "en": "Old"}[lang]',
        'if lang != "en":\n    pass',
    ],
)
def test_the_switch_finder_finds_each_kind_of_switch(snippet: str) -> None:
    assert language_switches(snippet) == [1]


def test_no_inline_language_switch_outside_the_catalogue() -> None:
    found = [
        f"{path.relative_to(SRC.parent)}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        if "i18n" not in path.relative_to(SRC).parts
        for line in language_switches(path.read_text(encoding="utf-8"))
    ]
    assert not found, (
        "Wording chosen by comparing with a language code outside selfcheck.i18n:\n  "
        + "\n  ".join(found)
        + "\nPut the words in the catalogue (a Msg entry in i18n/catalogue.py, worded with t(Msg.…, lang)); use "
        "pick/pick_list for questionnaire content and selfcheck.i18n.text for lists and sentences."
    )
