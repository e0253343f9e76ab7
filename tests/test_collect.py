"""民主测评 in the meeting room: codes, ballots → rating reports, and the ballot box over real HTTP."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collect_helpers import fetch, hidden, served
from selfcheck.collect.ballot import (
    clean_comment,
    grouped,
    new_code,
    normalise_code,
    read_ballot,
    to_reports,
)
from selfcheck.collect.box import Box, Outcome
from selfcheck.collect.form import columns, parse_subjects
from selfcheck.compare.gap import SUBJECT_COMMENT
from selfcheck.errors import UsageError
from selfcheck.i18n import Msg
from selfcheck.questionnaire.library import load_library
from selfcheck.questionnaire.model import Questionnaire
from selfcheck.records import storage
from selfcheck.records.report import Report


def zuofeng() -> Questionnaire:
    return load_library(only=["zuofeng"]).get("zuofeng").questionnaire


def test_codes_are_128_bit_and_typing_forgives_case_dashes_and_spaces() -> None:
    codes = {new_code() for _ in range(500)}
    assert len(codes) == 500
    code = next(iter(codes))
    assert re.fullmatch(r"[a-z2-7]{26}", code)  # 26 base32 characters = 130 bits ≥ 128 random bits
    assert normalise_code(grouped(code).upper().replace("-", " - ")) == code


def test_subjects_are_split_on_chinese_and_latin_separators_and_checked() -> None:
    assert parse_subjects("张三, 李四，王五、赵六\n钱七") == ["张三", "李四", "王五", "赵六", "钱七"]
    with pytest.raises(UsageError) as dup:
        parse_subjects("张三,张三")
    assert dup.value.msg is Msg.COLLECT_DUPLICATE_SUBJECT
    with pytest.raises(UsageError):
        parse_subjects(" , ")
    with pytest.raises(UsageError):
        parse_subjects("a\x07b")


def test_the_overall_grade_is_the_last_column_when_the_form_has_grades() -> None:
    q = zuofeng()
    cols = columns(q)
    assert [c.key for c in cols] == ["sixiang", "gongzuo", "shenghuo", "_grade"]
    assert cols[-1].label_list("zh") == ["不合格", "基本合格", "合格", "优秀"]
    assert [c.key for c in columns(q.model_copy(update={"grades": None}))] == ["sixiang", "gongzuo", "shenghuo"]


def test_an_unknown_situation_is_a_problem() -> None:
    q = zuofeng()
    _, problems = read_ballot({"d-0": ["no-dues", "x"]}, ["张三"], columns(q), situations=["no-dues"])
    assert [m for m, _ in problems] == [Msg.BALLOT_BAD_DISQUALIFIER]


def test_a_questionnaire_without_a_rating_scale_is_refused_as_a_form() -> None:
    q = zuofeng().model_copy(update={"rating": None})
    with pytest.raises(UsageError) as exc:
        columns(q)
    assert exc.value.msg is Msg.COLLECT_NO_RATING


def test_read_ballot_takes_marks_and_comments_and_lists_every_problem() -> None:
    q = zuofeng()
    cols = columns(q)
    fields = {
        "m-0-sixiang": ["4"],
        "m-0-gongzuo": [""],  # 不了解
        "m-1-shenghuo": ["1"],
        "c-1": ["  要多下基层\r\n多听意见 \x00"],
        "m-0-shenghuo": ["9"],
        "m-1-sixiang": ["2", "3"],
        "evil": ["x"],
        "code": ["abc"],
    }
    ballot, problems = read_ballot(fields, ["张三", "李四"], cols, ("code",))
    assert ballot.marks == {"张三": {"sixiang": 4}, "李四": {"shenghuo": 1}}
    assert ballot.comments == {"李四": "要多下基层\n多听意见"}
    assert [m for m, _ in problems] == [Msg.BALLOT_BAD_MARK, Msg.BALLOT_REPEATED_FIELD, Msg.BALLOT_UNKNOWN_FIELD]


@given(st.text(max_size=200))
def test_a_cleaned_comment_has_no_control_characters_but_line_breaks(text: str) -> None:
    cleaned = clean_comment(text)
    assert "\r" not in cleaned
    assert all(c == "\n" or c.isprintable() or c.isspace() for c in cleaned)
    assert cleaned == cleaned.strip()


def test_a_ballot_becomes_one_rating_report_per_rated_subject_dated_by_day_only() -> None:
    q = zuofeng()
    ballot, _ = read_ballot(
        {
            "m-0-sixiang": ["4"],
            "m-0-gongzuo": ["3"],
            "m-0-shenghuo": ["2"],
            "m-0-_grade": ["3"],
            "d-0": ["complaints", "no-dues"],
            "c-0": ["好"],
            "m-1-sixiang": [""],
        },
        ["张三", "李四"],
        columns(q),
        situations=[d.id for d in q.disqualifiers],
    )
    reports = to_reports(q, ballot, "masses", date(2026, 11, 20))
    assert len(reports) == 1  # 李四 was left wholly at 不了解: no rating of them
    report = reports[0]
    assert report.respondent.role == "masses"
    assert report.respondent.subject == "张三"
    assert report.respondent.name is None
    assert (report.created.hour, report.created.minute, report.created.second) == (0, 0, 0)
    assert report.created.date() == date(2026, 11, 20)
    result = report.questionnaires["zuofeng"]
    assert result.ratings == {"sixiang": 4, "gongzuo": 3, "shenghuo": 2}
    assert result.comments == {SUBJECT_COMMENT: "好"}
    # 优秀/合格/基本合格/不合格, best first in the file; mark 3 of 4 (1 = worst) is 合格.
    assert result.grade == "合格"
    assert result.disqualifiers == ["no-dues", "complaints"]  # in the form's order
    assert result.answers == {}
    # Each mark is that rater's whole judgement of the dimension: 好 (4 of 4) = 100, 一般 (2 of 4) = 33.33.
    assert result.scores.dimensions == {"sixiang": 100.0, "gongzuo": 66.67, "shenghuo": 33.33}


def _box(tmp_path: Path, codes: list[str]) -> Box:
    return Box(zuofeng(), ["张三", "李四"], "peer", tmp_path, codes)


def test_a_code_works_once_and_the_token_must_belong_to_it(tmp_path: Path) -> None:
    a, b = new_code(), new_code()
    box = _box(tmp_path, [a, b])
    ballot = {"m-0-sixiang": ["4"]}
    assert box.submit({**ballot, "code": [a], "csrf": [box.token(b)]})[0] is Outcome.BAD_TOKEN
    assert box.submit({**ballot, "code": [a]})[0] is Outcome.BAD_TOKEN
    assert box.submit(ballot)[0] is Outcome.NO_CODE
    assert box.submit({**ballot, "code": [grouped(a).upper()], "csrf": [box.token(a)]})[0] is Outcome.ACCEPTED
    assert box.submit({**ballot, "code": [a], "csrf": [box.token(a)]})[0] is Outcome.USED_CODE
    stranger = new_code()
    assert box.submit({**ballot, "code": [stranger], "csrf": [box.token(stranger)]})[0] is Outcome.UNKNOWN_CODE
    assert (box.accepted, box.expected, len(storage.list_reports(tmp_path))) == (1, 2, 1)


def test_an_invalid_ballot_keeps_its_code(tmp_path: Path) -> None:
    a = new_code()
    box = _box(tmp_path, [a])
    outcome, problems = box.submit({"m-0-sixiang": ["7"], "code": [a], "csrf": [box.token(a)]})
    assert outcome is Outcome.INVALID and problems
    assert box.status(a) is Outcome.ACCEPTED
    assert storage.list_reports(tmp_path) == []


def test_a_ballot_that_cannot_be_written_leaves_nothing_and_its_code_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = new_code()
    box = _box(tmp_path, [a])
    calls = []
    real = storage.write_report

    def failing(report: Report, folder: Path) -> Path:
        calls.append(1)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(report, folder)

    monkeypatch.setattr(storage, "write_report", failing)
    with pytest.raises(OSError):
        box.submit({"m-0-sixiang": ["4"], "m-1-sixiang": ["3"], "code": [a], "csrf": [box.token(a)]})
    assert storage.list_reports(tmp_path) == []
    assert box.status(a) is Outcome.ACCEPTED and box.failures == 1 and box.accepted == 0


# ---- over real HTTP on 127.0.0.1 ----


def test_the_server_sends_strict_headers_and_refuses_what_it_should(tmp_path: Path) -> None:
    import urllib.request

    with served(tmp_path, ["张三", "李四"], ballots=1) as box:
        with urllib.request.urlopen(box.url, timeout=10) as response:
            headers = response.headers
        assert headers["Content-Security-Policy"].startswith("default-src 'none'; style-src 'self'; form-action 'self'")
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Server"] is None
        code = box.codes[0]
        status, page = fetch(f"{box.url}b?c={code}")
        assert status == 200 and "张三" in page and "<script" not in page
        token = hidden(page, "csrf")
        form = {"code": code, "csrf": token, "m-0-sixiang": "4"}
        assert fetch(f"{box.url}b", {**form, "csrf": "0" * 64})[0] == 403
        assert fetch(f"{box.url}b", {"m-0-sixiang": "4"})[0] == 400
        assert fetch(f"{box.url}b", form, Origin="http://evil.example")[0] == 403
        assert fetch(f"{box.url}b", {**form, "c-0": "x" * 70_000})[0] == 413
        assert fetch(f"{box.url}nowhere")[0] == 404
        status, _ = fetch(f"{box.url}b", form)
        assert status == 303
        assert fetch(f"{box.url}b", form)[0] == 409  # the same code, the second time
        assert fetch(f"{box.url}b?c={code}")[0] == 409
        assert fetch(f"{box.url}b?c={new_code()}")[0] == 403
        assert fetch(box.url)[0] == 200  # still answering
    assert len(storage.list_reports(tmp_path)) == 1


def test_hostile_names_and_comments_are_escaped_on_the_page_and_kept_as_text(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>\"&'"
    with served(tmp_path, [hostile, "李四"], ballots=1) as box:
        status, page = fetch(f"{box.url}b?c={box.codes[0]}")
        assert status == 200
        assert "<script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#x27;" in page
        comment = "</textarea><img src=x onerror=alert(1)>"
        form = {"code": box.codes[0], "csrf": hidden(page, "csrf"), "m-0-sixiang": "3", "c-0": comment}
        assert fetch(f"{box.url}b", form)[0] == 303
    (path,) = storage.list_reports(tmp_path)
    report = storage.read_report(path)
    assert report.respondent.subject == hostile
    assert report.questionnaires["zuofeng"].comments[SUBJECT_COMMENT] == comment


def test_the_rate_limit_answers_429_and_recovers(tmp_path: Path) -> None:
    from selfcheck.collect.web import Bucket

    with served(tmp_path, ["张三"], bucket=Bucket(rate=5, burst=3)) as box:
        statuses = [fetch(box.url)[0] for _ in range(8)]
        assert statuses[:3] == [200, 200, 200] and 429 in statuses
        import time

        time.sleep(0.5)
        assert fetch(box.url)[0] == 200


def test_tls_serves_https_with_the_given_certificate(tmp_path: Path) -> None:
    import shutil
    import ssl
    import subprocess
    import urllib.request

    from selfcheck.collect import serve
    from selfcheck.collect.web import BallotApp

    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    make = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
    subprocess.run([*make, "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    box = _box(tmp_path, [new_code()])
    running = serve.start(BallotApp(box), "127.0.0.1", 0, (cert, key))
    try:
        assert running.url.startswith("https://127.0.0.1:")
        context = ssl.create_default_context(cafile=str(cert))
        context.check_hostname = False
        with urllib.request.urlopen(running.url, context=context, timeout=10) as response:
            assert response.status == 200
    finally:
        running.stop()
    with pytest.raises(UsageError):
        serve.start(BallotApp(box), "127.0.0.1", 0, (tmp_path / "missing.pem", key))
