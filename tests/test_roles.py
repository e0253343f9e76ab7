"""Who rates whom, decided once (records.codes and Respondent): a report's own person or the person rated, which
reports follow one another, and which ratings belong to a self-assessment."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfcheck.compare.gap import ratings_of
from selfcheck.records.codes import about, is_rater
from selfcheck.records.report import Report, Respondent


@pytest.mark.parametrize(
    ("respondent", "rater", "person"),
    [
        (Respondent(name="张三"), False, "张三"),
        (Respondent(role="peer", subject="张三"), True, "张三"),
        (Respondent(role="masses", subject="李四"), True, "李四"),
        (Respondent(), False, None),
    ],
)
def test_a_report_is_about_its_own_person_or_the_person_rated(
    respondent: Respondent, rater: bool, person: str | None
) -> None:
    assert respondent.is_rater is rater is is_rater(respondent.role)
    assert respondent.about == person == about(respondent.role, respondent.name, respondent.subject)


def test_which_reports_follow_one_another() -> None:
    own, peer, masses = Respondent(name="张三"), Respondent(role="peer", subject="张三"), Respondent(role="masses")
    assert own.same_series(Respondent(name="张三")) and peer.same_series(Respondent(role="peer", subject="张三"))
    assert not own.same_series(peer) and not peer.same_series(Respondent(role="peer", subject="李四"))
    assert not peer.same_series(masses)
    assert peer.rates("张三") and not peer.rates("李四") and not own.rates("张三") and not peer.rates(None)


def _report(respondent: Respondent) -> Report:
    return Report.model_validate(
        {"created": "2026-06-01T09:00:00+08:00", "tool_version": "t", "respondent": respondent.model_dump()}
    )


def test_the_ratings_of_a_self_assessment_are_others_ratings_of_that_person(tmp_path: Path) -> None:
    mine = _report(Respondent(name="张三"))
    rows = [
        (tmp_path / "me.toml", mine),
        (tmp_path / "me-again.toml", _report(Respondent(name="张三"))),
        (tmp_path / "peer.toml", _report(Respondent(role="peer", subject="张三"))),
        (tmp_path / "masses.toml", _report(Respondent(role="masses", subject="张三"))),
        (tmp_path / "other.toml", _report(Respondent(role="peer", subject="李四"))),
    ]
    assert [p.name for p, _ in ratings_of(mine, rows, tmp_path / "me.toml")] == ["peer.toml", "masses.toml"]
