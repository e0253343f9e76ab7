"""The six built-in questionnaires: valid, complete in both languages, faithful to the source's structure."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from selfcheck.files import paths
from selfcheck.questionnaire.library import BUILTIN_FORMS, BUILTIN_ORDER, load_file, load_library
from selfcheck.questionnaire.model import ChoiceItem, LikertItem, MultiItem, NumberItem, Questionnaire, YesNoItem

FILES = sorted(paths.builtin_questionnaire_dir().glob("*.toml"))
SEED_PHRASES = ("八项规定", "四风", "群众", "调研", "决策", "服务")


def test_six_builtins_in_order() -> None:
    # the six self-checks, then the two 民主评议 forms (#15)
    assert [p.stem for p in FILES] == sorted(BUILTIN_ORDER + BUILTIN_FORMS)
    assert list(load_library().entries) == list(BUILTIN_ORDER + BUILTIN_FORMS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_builtin_is_valid_and_bilingual(path: Path) -> None:
    q = load_file(path)
    assert q.id == path.stem
    assert q.title_en and q.description_en
    for item in q.items:
        assert item.text_en, item.id
        assert item.help, f"{item.id} has no source passage"
        assert item.help_en, f"{item.id} has no English rendering of its source passage"
        if item.scored:
            has_flag = item.flag is not None or (isinstance(item, MultiItem) and any(o.problem for o in item.options))
            assert has_flag, f"{item.id} never marks a problem"
    for band in q.bands:
        assert band.label_en and band.feedback and band.feedback_en


@pytest.mark.parametrize("qid", BUILTIN_ORDER[:3])
def test_contrast_questionnaires_have_the_three_conduct_dimensions(qid: str) -> None:
    q = load_library().get(qid).questionnaire
    assert q.kind == "contrast"
    assert [d.title for d in q.dimensions] == ["思想作风", "工作作风", "生活作风"]
    for dim in q.dimensions:
        assert sum(1 for i in q.items if i.dimension == dim.id and i.scored) >= 4, dim.id


@pytest.mark.parametrize("qid", BUILTIN_ORDER)
def test_items_are_varied_and_distinct(qid: str) -> None:
    q = load_library().get(qid).questionnaire
    kinds = {type(i) for i in q.items}
    assert len(kinds & {LikertItem, YesNoItem, ChoiceItem, MultiItem, NumberItem}) >= 3
    texts = [i.text for i in q.items]
    assert len(set(texts)) == len(texts)
    problems = [i.problem for i in q.items if i.problem]
    assert len(set(problems)) == len(problems)


def test_reverse_keyed_items_exist_for_balance() -> None:
    for entry in load_library().entries.values():
        assert any(isinstance(i, LikertItem) and i.reverse for i in entry.questionnaire.items), entry.questionnaire.id


def test_help_passages_quote_the_source() -> None:
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_80fc3c0c6ec81ccf.txt"
    if not seed.exists():
        pytest.skip("the source text is not beside this checkout")
    # The source mixes half- and full-width commas; quotes use the full-width form throughout.
    text = seed.read_text(encoding="utf-8").replace(",", "，")
    for entry in load_library().entries.values():
        for item in entry.questionnaire.items:
            for piece in item.help.split("……"):
                assert piece in text, f"{entry.questionnaire.id}/{item.id}: {piece!r} is not in the source"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_json_schema_accepts_every_builtin(path: Path) -> None:
    import tomllib

    schema = Questionnaire.model_json_schema()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(json.dumps(data)), schema)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_builtin_item_has_third_person_wording_and_a_rating_scale(path: Path) -> None:
    q = load_file(path)
    assert q.rating is not None and q.rating.labels_en and q.rating.abstain == "不了解"
    for item in q.items:
        assert item.text_other and item.text_other_en, item.id
        assert "我" not in item.text_other.replace("我们", ""), item.id
        assert not any(w in f" {item.text_other_en} " for w in (" I ", " my ", " me ")), item.id


def test_the_source_passage_in_english_comes_with_the_original() -> None:
    from selfcheck.terminal.console import source_passage

    item = load_library().get("diaoyan").questionnaire.items[0]
    assert item.help and item.help_en
    assert source_passage(item, "zh").plain == item.help
    english = source_passage(item, "en").plain
    assert english.startswith(item.help_en) and english.endswith(f"Original: {item.help}")
    bare = item.model_copy(update={"help": "", "help_en": None})
    assert source_passage(bare, "en").plain == "No source passage for this item."


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_declared_scale_is_used(path: Path) -> None:
    """#16: zuofeng carried a 符合 scale no item used, with the English labels the content review had replaced."""
    q = load_file(path)
    used = {i.scale for i in q.items if isinstance(i, LikertItem) and isinstance(i.scale, str)}
    assert sorted(set(q.scales) - used) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_agreement_labels_are_worded_as_the_review_asked(path: Path) -> None:
    """不太符合 / 比较符合 are "Not very true" / "Fairly true" (#15), on any scale that has them, named or inline."""
    q = load_file(path)
    scales = [
        *q.scales.values(),
        *(i.scale for i in q.items if isinstance(i, LikertItem) and not isinstance(i.scale, str)),
    ]
    wanted = {"不太符合": "Not very true", "比较符合": "Fairly true"}
    for scale in scales:
        for zh, en in zip(scale.labels, scale.labels_en or [], strict=False):
            if zh in wanted:
                assert en.startswith(wanted[zh]), (zh, en)
