"""Forgiving input: dates in the ways people write them, counts with their unit, and the side of today they fall on."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import minimal
from selfcheck.cli import app
from selfcheck.errors import AnswerError
from selfcheck.i18n import Msg
from selfcheck.questionnaire.dates import check_side, example, parse_date, parse_on_side
from selfcheck.questionnaire.model import Questionnaire
from selfcheck.questionnaire.values import parse

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-06-30", date(2027, 6, 30)),
        ("2027-6-30", date(2027, 6, 30)),
        ("2027/6/30", date(2027, 6, 30)),
        ("2027.6.30", date(2027, 6, 30)),
        ("20270630", date(2027, 6, 30)),
        ("2027年6月30日", date(2027, 6, 30)),
        ("2027年6月30号", date(2027, 6, 30)),
        ("2027年6月30", date(2027, 6, 30)),
        ("2027 年 6 月 30 日", date(2027, 6, 30)),
        ("２０２７年６月３０日", date(2027, 6, 30)),
        ("２０２７／６／３０", date(2027, 6, 30)),
        ("2027年6月底", date(2027, 6, 30)),
        ("2027年6月末", date(2027, 6, 30)),
        ("2028年2月底", date(2028, 2, 29)),
        ("2027年2月底", date(2027, 2, 28)),
        ("2027年底", date(2027, 12, 31)),
        ("2027年末", date(2027, 12, 31)),
        (" 2027-06-30 ", date(2027, 6, 30)),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "msg"),
    [
        ("明年", Msg.DATE_UNREADABLE),
        ("2027-06", Msg.DATE_UNREADABLE),
        ("6/30/2027", Msg.DATE_UNREADABLE),
        ("27-6-30", Msg.DATE_UNREADABLE),
        ("2027-2-30", Msg.DATE_NO_SUCH_DAY),
        ("2027年13月底", Msg.DATE_NO_SUCH_DAY),
        ("2027-00-10", Msg.DATE_NO_SUCH_DAY),
        ("2027年6月31日", Msg.DATE_NO_SUCH_DAY),
    ],
)
def test_refused_forms_say_why(text: str, msg: Msg) -> None:
    with pytest.raises(AnswerError) as caught:
        parse_date(text)
    assert caught.value.msg is msg
    assert text.strip() in caught.value.render("zh")


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31))


@given(days, st.sampled_from(["{y}-{m:02}-{d:02}", "{y}-{m}-{d}", "{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日"]))
def test_every_day_reads_back_in_every_form(day: date, form: str) -> None:
    assert parse_date(form.format(y=day.year, m=day.month, d=day.day)) == day


@given(days)
def test_month_end_is_the_last_day(day: date) -> None:
    end = parse_date(f"{day.year}年{day.month}月底")
    assert (end.year, end.month) == (day.year, day.month)
    assert (end + timedelta(days=1)).day == 1


@given(st.text(max_size=20))
def test_anything_else_is_an_answer_error_never_a_crash(text: str) -> None:
    try:
        parsed = parse_date(text)
    except AnswerError:
        return
    assert parse_date(parsed.isoformat()) == parsed


@given(days, days)
def test_sides(day: date, today: date) -> None:
    for side, ok in (("any", True), ("past", day <= today), ("future", day >= today)):
        try:
            check_side(day, side, today)  # type: ignore[arg-type]
            assert ok
        except AnswerError as exc:
            assert not ok
            assert today.isoformat() in exc.render("zh")


@given(days)
def test_examples_lie_on_the_right_side(today: date) -> None:
    assert example("past", today) == today
    ahead = example("future", today)
    assert ahead > today
    assert ahead.day == calendar.monthrange(ahead.year, ahead.month)[1]


def test_record_date_in_the_future_and_deadline_in_the_past_are_refused() -> None:
    with pytest.raises(AnswerError) as caught:
        parse_on_side("2027年1月1日", "past", TODAY)
    assert "2027-01-01还没有到" in caught.value.render("zh")
    with pytest.raises(AnswerError) as caught:
        parse_on_side("2026年6月底", "future", TODAY)
    assert "2026-06-30已经过去" in caught.value.render("zh")
    assert "already past" in caught.value.render("en")


def _questionnaire() -> Questionnaire:
    data = minimal()
    data["items"] += [
        {"id": "n1", "dimension": "a", "kind": "number", "max": 365, "unit": "天", "unit_en": "days",
         "bands": [{"min": 0, "max": 365, "score": 1.0}]},
        {"id": "n2", "dimension": "a", "kind": "number", "max": 99, "bands": [{"min": 0, "max": 99, "score": 1.0}]},
        {"id": "d1", "dimension": "a", "kind": "date", "when": "past"},
        {"id": "d2", "dimension": "a", "kind": "date", "when": "future"},
    ]  # fmt: skip
    for item in data["items"][-4:]:
        item["text"] = "题目"
    return Questionnaire.model_validate(data)


@pytest.mark.parametrize(
    ("item", "text", "value"),
    [
        ("n1", "28", 28),
        ("n1", "28天", 28),
        ("n1", "28 天", 28),
        ("n1", "２８天", 28),
        ("n1", "28 days", 28),
        ("n1", "1 day", 1),
        ("n2", "15件", 15),
        ("n2", "15次", 15),
        ("n2", "１５", 15),
        ("d1", "2026年11月26日", "2026-11-26"),
        ("d1", "2026/9/18", "2026-09-18"),
        ("d2", "2027年6月底", "2027-06-30"),
        ("d2", "2027年底", "2027-12-31"),
    ],
)
def test_typed_answers_are_read_loosely(item: str, text: str, value: object) -> None:
    q = _questionnaire()
    assert parse(q, q.item(item), text, TODAY) == value


@pytest.mark.parametrize(
    ("item", "text"),
    [("n1", "28件"), ("n1", "-3"), ("n1", "366天"), ("n1", "十五"), ("n2", "15 hours"), ("d1", "2026-11-27")],
)
def test_typed_answers_that_do_not_fit_are_refused(item: str, text: str) -> None:
    q = _questionnaire()
    with pytest.raises(AnswerError):
        parse(q, q.item(item), text, TODAY)


def test_unit_error_shows_an_example_with_the_unit() -> None:
    q = _questionnaire()
    with pytest.raises(AnswerError) as caught:
        parse(q, q.item("n1"), "28件", TODAY)
    assert caught.value.render("zh") == "请输入 0–365 之间的整数，可以带单位，如 15天。"
    assert caught.value.render("en") == "Enter a whole number from 0 to 365; a unit may follow, e.g. 15 days."


def test_plan_update_refuses_a_future_date(home: Path) -> None:
    future = (date.today() + timedelta(days=30)).isoformat()
    result = CliRunner().invoke(
        app, ["plan", "update", "F0000001", "--status", "done", "--evidence", "x", "--date", future]
    )
    assert result.exit_code == 2
    assert "还没有到" in result.output or "has not come yet" in result.output
    result = CliRunner().invoke(
        app, ["plan", "update", "F0000001", "--status", "done", "--evidence", "x", "--date", "明天"]
    )
    assert result.exit_code == 2
    assert "明天" in result.output
