"""The two built-in 民主评议 forms (#15): 民主评议党员 (pingyi) and 干部德能勤绩廉测评 (ceping).

Each is one questionnaire answered by the person (self) and by raters (`rate`, `collect`), so `gap` compares them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import write_toml
from selfcheck.cli import app
from selfcheck.questionnaire.library import BUILTIN_FORMS, load_library
from selfcheck.questionnaire.model import AnswerValue, LikertItem, Questionnaire
from selfcheck.records import storage
from selfcheck.records.report import Respondent, build, now

runner = CliRunner()


def form(qid: str) -> Questionnaire:
    return load_library().get(qid).questionnaire


def test_the_member_appraisal_has_the_six_areas_the_grades_and_the_disqualifying_situations() -> None:
    q = form("pingyi")
    assert [d.title for d in q.dimensions] == [
        "理想信念",
        "政治理论学习",
        "组织纪律",
        "廉洁自律",
        "联系服务群众",
        "先锋模范作用",
    ]
    assert q.grades is not None and q.grades.labels == ["优秀", "合格", "基本合格", "不合格"]
    labels = [d.label for d in q.disqualifiers]
    for situation in ("组织生活", "党费", "急难险重", "不团结", "群众意见大"):
        assert any(situation in label for label in labels), situation


def test_the_cadre_rating_has_de_neng_qin_ji_lian_and_its_grades() -> None:
    q = form("ceping")
    assert [d.title for d in q.dimensions] == ["德", "能", "勤", "绩", "廉"]
    assert q.grades is not None and q.grades.labels == ["优秀", "称职", "基本称职", "不称职"]


@pytest.mark.parametrize("qid", BUILTIN_FORMS)
def test_every_area_has_a_reverse_keyed_item_and_a_rating_scale(qid: str) -> None:
    q = form(qid)
    assert q.rating is not None and q.rating.labels == ["差", "一般", "较好", "好"] and q.rating.abstain == "不了解"
    for dim in q.dimensions:
        items = [i for i in q.items if i.dimension == dim.id]
        assert any(isinstance(i, LikertItem) and i.reverse for i in items), dim.id
        assert all(i.flag is not None and i.problem for i in items), dim.id
        assert not any(i.record_only for i in items), dim.id  # raters are asked everything the person is


def test_the_forms_are_not_in_the_six_self_checks() -> None:
    from selfcheck.questionnaire.library import SETS

    for qid in BUILTIN_FORMS:
        assert qid not in SETS["all"]
    assert list(load_library().entries)[-len(BUILTIN_FORMS) :] == list(BUILTIN_FORMS)


def best(q: Questionnaire) -> dict[str, AnswerValue]:
    from selfcheck.questionnaire.model import ChoiceItem, YesNoItem

    out: dict[str, AnswerValue] = {}
    for item in q.items:
        if isinstance(item, LikertItem):
            scale = q.scale_of(item)
            out[item.id] = scale.min if item.reverse else scale.max
        elif isinstance(item, YesNoItem):
            out[item.id] = item.yes_score >= item.no_score
        elif isinstance(item, ChoiceItem):
            out[item.id] = max(item.options, key=lambda o: o.score).id
    return out


@pytest.mark.parametrize(("qid", "grade"), [("pingyi", "合格"), ("ceping", "称职")])
def test_gap_a_self_appraisal_against_three_ratings(home: Path, tmp_path: Path, qid: str, grade: str) -> None:
    q = form(qid)
    mine = best(q)
    path = write_toml(tmp_path / "me.toml", {"questionnaires": {qid: {"answers": mine}}})
    result = runner.invoke(app, ["start", "--name", "张三", "--answers", str(path)])
    assert result.exit_code == 0, result.output
    [me] = storage.list_reports(home / "reports")

    first = q.dimensions[0].id  # the raters see a problem in the first area that the person does not
    raters = home / "测评"
    for i in range(3):
        answers: dict[str, Any] = dict(mine)
        for item in q.items:
            if item.dimension == first and isinstance(item, LikertItem):
                answers[item.id] = 5 - i if item.reverse else 1 + i
        marks = {d.id: 4 for d in q.dimensions} | {first: 1}
        report = build(
            [q],
            {qid: answers},
            {qid: []},
            [],
            name=None,
            created=now(),
            tool_version="t",
            respondent=Respondent(role="peer", subject="张三"),
            ratings={qid: marks},
            grades={qid: {"grade": grade, "disqualifiers": []}},
        )
        storage.write_report(report, raters)

    result = runner.invoke(app, ["gap", str(me), str(raters), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    g = data["questionnaires"][qid]
    assert g["detailed"] is True and g["raters"] == 3
    assert set(g["dimensions"]) == {d.id for d in q.dimensions}
    assert g["dimensions"][first]["self"] == 100.0 and g["dimensions"][first]["others_mean"] < 50
    table = runner.invoke(app, ["gap", str(me), str(raters)], env={"COLUMNS": "60"})
    assert table.exit_code == 0 and "盲区" in table.output and q.dimensions[0].title in table.output


@pytest.mark.parametrize("qid", BUILTIN_FORMS)
def test_rate_asks_the_form_in_the_third_person(home: Path, qid: str) -> None:
    q = form(qid)
    result = runner.invoke(app, ["rate", "--subject", "张三", qid], input="\n" * 80)
    assert result.exit_code == 0, result.output
    assert "该同志" in result.output and q.items[0].text not in result.output
    [path] = storage.list_reports(home / "reports")
    respondent = storage.read_report(path).respondent
    assert respondent.model_copy(update={"ballot": None}) == Respondent(name=None, role="peer", subject="张三")
    assert respondent.ballot is not None and len(respondent.ballot) == 32  # a random token, no name


@pytest.mark.parametrize("qid", BUILTIN_FORMS)
def test_collect_prints_the_paper_form(tmp_path: Path, qid: str) -> None:
    out = tmp_path / f"{qid}.docx"
    result = runner.invoke(app, ["collect", "--form", qid, "--subjects", "张三,李四", "--print", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
