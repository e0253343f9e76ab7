"""A bounded load test on 127.0.0.1: 200 ballots from 50 concurrent clients, each ballot written exactly once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from collect_helpers import load
from selfcheck.compare.gap import SUBJECT_COMMENT
from selfcheck.records import storage


def test_200_ballots_from_50_clients_each_written_once(tmp_path: Path) -> None:
    run = load(tmp_path, ballots=200, clients=50)
    assert run.errors == []
    assert run.accepted == 200 and run.refused_again == 50  # every client's second try of a used code: 409
    # Each ballot rates 张三 (with its marker), 李四 and 王五: three reports, every marker in exactly one of them.
    reports = [storage.read_report(p) for p in storage.list_reports(tmp_path)]
    assert len(reports) == 3 * 200
    markers = Counter(
        r.questionnaires["zuofeng"].comments.get(SUBJECT_COMMENT) for r in reports if r.respondent.subject == "张三"
    )
    assert len(set(run.markers)) == 200
    assert markers == Counter(dict.fromkeys(run.markers, 1))
    assert Counter(r.respondent.subject for r in reports) == {"张三": 200, "李四": 200, "王五": 200}
