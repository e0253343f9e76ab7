"""Content properties of the six built-ins (#14): answer patterns through every questionnaire.

Any red line caps the level and yields its finding; all-worst gives the lowest band and findings in every
dimension; no pattern ends a 对照 set with a dimension that has neither a problem nor a written reason (the
answers file is refused until it has one, as the interview asks); items that do not apply to a post are never
scored.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from answer_patterns import pattern, random_answers, red_line_answers
from helpers import write_toml
from selfcheck.errors import ReportError
from selfcheck.interview.from_answers import StartOptions, from_answers
from selfcheck.questionnaire.conditions import visible_ids
from selfcheck.questionnaire.library import BUILTIN_ORDER, load_library
from selfcheck.questionnaire.model import (
    AnswerValue,
    ChoiceItem,
    LikertItem,
    MultiItem,
    NumberItem,
    Questionnaire,
)
from selfcheck.questionnaire.profile import Who, applies, load_profile
from selfcheck.records import storage
from selfcheck.scoring.findings import detect
from selfcheck.scoring.norm import missing_problems
from selfcheck.scoring.scores import score

LIBRARY = load_library()
BUILTINS = [LIBRARY.get(qid).questionnaire for qid in BUILTIN_ORDER]
POSTS = [Who(p.id, public) for p in load_profile().posts for public in (True, False)]
PATTERNS: list[tuple[str, str, int | None]] = [
    ("all-best", "best", None),
    ("all-worst", "worst", None),
    ("all-midpoint", "mid", None),
    *((f"point-{p}", "mid", p) for p in range(1, 6)),
]


def patterns_of(q: Questionnaire) -> list[tuple[str, dict[str, AnswerValue]]]:
    """Every pattern the issue names, for one questionnaire."""
    out = [(name, pattern(q, where, point)) for name, where, point in PATTERNS]
    out += [(f"random-{seed}", random_answers(q, seed)) for seed in range(8)]
    out += [(f"red-line {key}", answers) for key, answers in red_line_answers(q)]
    return out


def lowest(q: Questionnaire) -> str:
    return min(q.bands, key=lambda b: b.min).label


@pytest.mark.parametrize("q", BUILTINS, ids=lambda q: q.id)
def test_every_red_line_alone_caps_the_level_and_yields_its_finding(q: Questionnaire) -> None:
    cases = red_line_answers(q)
    # qunzhong 2.0 (#15): 打击报复、吃拿卡要、优亲厚友. diaoyan's only red line was a banquet on an investigation
    # visit: 公款吃喝, a red line in zuofeng/sh-dining since #16 (test_the_acts_asked_twice_before_16_are_asked_once)
    if q.id in ("zuofeng", "qunzhong", "juece"):
        assert cases, f"{q.id} marks no red line"
    elif q.id == "diaoyan":
        assert not cases, "a red line in diaoyan would ask a zuofeng red line again"
    cap = next(b for b in q.bands if b.label == q.red_line_level) if cases else None
    for key, answers in cases:
        for who in (None, *POSTS):
            result = score(q, answers, who=who)
            reds = [d for d in detect(q, answers, who) if d.red_line]
            if key.split("/")[0] not in {i.id for i in q.items if applies(i, who)}:
                continue  # the item does not apply to this post: never asked, never scored
            assert cap is not None and result.band is not None
            assert result.band.min <= cap.min, (q.id, key, who, result.band.label)
            assert [d.key for d in reds] == [key] and result.red_lines == [key]
    clean = score(q, pattern(q, "best"))
    assert (
        clean.red_lines == [] and clean.band is not None and clean.band.label == max(q.bands, key=lambda b: b.min).label
    )


@pytest.mark.parametrize("q", BUILTINS, ids=lambda q: q.id)
@pytest.mark.parametrize("who", [None, *POSTS], ids=lambda w: "unknown" if w is None else f"{w.post}-{w.public}")
def test_all_worst_gives_the_lowest_band_and_a_finding_in_every_dimension(q: Questionnaire, who: Who | None) -> None:
    answers = pattern(q, "worst")
    result = score(q, answers, who=who)
    scored_dims = [d for d, s in result.dimensions.items() if s.shown]
    if not scored_dims:
        assert result.band is None  # nothing applies to this post (决策能力 for a member): no level at all
        return
    assert result.band is not None and result.band.label == lowest(q), (q.id, who, result.overall)
    flagged = {d.dimension for d in detect(q, answers, who)}
    assert flagged >= set(scored_dims), (q.id, who, set(scored_dims) - flagged)


@pytest.mark.parametrize("q", [q for q in BUILTINS if q.kind == "contrast"], ids=lambda q: q.id)
def test_no_pattern_ends_a_contrast_set_with_a_dimension_without_problem_or_reason(
    q: Questionnaire, tmp_path: Path
) -> None:
    assert q.min_problems_per_dimension >= 1
    folder = tmp_path / "reports"
    opts = StartOptions(ids=[q.id], name=None, folder=folder, lang="zh", resume=False, files={})
    for n, (name, answers) in enumerate(patterns_of(q)):
        found = [(q.id, d.item, None) for d in detect(q, answers)]
        missing = missing_problems(q, found, {})
        path = write_toml(tmp_path / f"{n}.toml", {"questionnaires": {q.id: {"answers": answers}}})
        if missing:
            with pytest.raises(ReportError) as err:
                from_answers(LIBRARY, opts, path)
            assert all(f'dimension = "{d}"' in str(err.value) for d in missing), (name, str(err.value))
            reasons = dict.fromkeys(missing, "征求意见、谈心谈话和民主评议中都没有人提出这方面的问题")
            write_toml(path, {"questionnaires": {q.id: {"answers": answers, "no_problem": reasons}}})
        report = storage.read_report(from_answers(LIBRARY, opts, path))
        res = report.questionnaires[q.id]
        covered = {q.item(f.item).dimension for f in report.findings if f.item} | set(res.no_problem)
        assert covered == {d.id for d in q.dimensions}, (name, covered)


@pytest.mark.parametrize("q", BUILTINS, ids=lambda q: q.id)
@pytest.mark.parametrize("who", POSTS, ids=lambda w: f"{w.post}-{w.public}")
def test_items_that_do_not_apply_to_a_post_are_never_scored(q: Questionnaire, who: Who) -> None:
    away = [i.id for i in q.items if not applies(i, who)]
    for name, answers in patterns_of(q):
        worst = {**answers, **{k: v for k, v in pattern(q, "worst").items() if k in away}}
        best = {**answers, **{k: v for k, v in pattern(q, "best").items() if k in away}}
        a, b = score(q, worst, who=who), score(q, best, who=who)
        assert (a.overall, a.band, a.red_lines) == (b.overall, b.band, b.red_lines), (name, away)
        assert not {d.item for d in detect(q, worst, who)} & set(away), name


def test_leading_posts_are_limited_and_follow_ups_gated() -> None:
    member = Who("member", False)
    juece = LIBRARY.get("juece").questionnaire
    assert score(juece, pattern(juece, "best"), who=member).overall is None  # 决策能力 does not apply to a member
    qunzhong = LIBRARY.get("qunzhong").questionnaire
    none_handled = {**pattern(qunzhong, "best"), "gz-cases-handled": 0}
    shown = score(qunzhong, none_handled)
    # With no cases handled, how they were solved is not asked, so it cannot lift the score (2.0, #15: the other
    # 工作作风 items are asked without a condition; with no complaint, how complaints were handled is not asked either).
    follow_ups = {"gz-on-time", "gz-solved", "gz-follow-up"}
    unconditioned = [i.id for i in qunzhong.items if i.dimension == "gongzuo" and i.show_if is None]
    assert "gz-cases-handled" in unconditioned and not follow_ups & set(unconditioned)
    assert shown.dimensions["gongzuo"].shown == len(unconditioned) == 11
    assert not (follow_ups | {"gz-complaints-response"}) & visible_ids(qunzhong, none_handled)
    diaoyan = LIBRARY.get("diaoyan").questionnaire
    # No investigation visit (a member: nobody asked, nothing passed on): how it went is not asked, so it cannot
    # lift the score, whatever the post.
    idle = {**pattern(diaoyan, "best"), "dc-went": False, "yj-reports": 0, "dc-member-ask": 0, "yj-member-report": 0}
    for who in (None, Who("leader", True), Who("cadre", False), Who("member", False)):
        result = score(diaoyan, idle, who=who)
        assert result.band is not None and result.band.label == lowest(diaoyan), (who, result.overall)


# ---- What the 2.0 rewrite (#15) promised of its content -------------------------------------------------------------

REWRITTEN = [q for q in BUILTINS if q.kind in ("contrast", "ability")]  # all six are 2.0 now
ABILITIES = [q for q in BUILTINS if q.kind == "ability"]


@pytest.mark.parametrize("q", REWRITTEN, ids=lambda q: q.id)
def test_every_dimension_has_a_negatively_worded_behaviour_item(q: Questionnaire) -> None:
    """So that answering the best end everywhere is visibly odd: a reverse-keyed frequency item per dimension."""
    for dim in q.dimensions:
        reverse = [i.id for i in q.items if i.dimension == dim.id and isinstance(i, LikertItem) and i.reverse]
        assert reverse, (q.id, dim.id)


@pytest.mark.parametrize("q", ABILITIES, ids=lambda q: q.id)
def test_no_checklist_scores_more_for_ticking_more(q: Questionnaire) -> None:
    """Where to go and whom to talk with are counts plus named places, not checklists that add up."""
    for item in q.items:
        if isinstance(item, MultiItem):
            assert item.base == 1.0 and all(o.score <= 0 for o in item.options), item.id


@pytest.mark.parametrize("q", BUILTINS, ids=lambda q: q.id)
def test_counts_are_asked_of_the_person_only(q: Questionnaire) -> None:
    """A rater cannot know how many days, visits or reports someone had: every count is the person's own record."""
    assert [i.id for i in q.items if isinstance(i, NumberItem) and not i.record_only] == []


@pytest.mark.parametrize("q", REWRITTEN, ids=lambda q: q.id)
def test_no_item_a_rater_is_asked_hides_behind_the_persons_own_record(q: Questionnaire) -> None:
    """Raters never answer record_only items, so an item they are asked must not be shown only after one."""
    own = {i.id for i in q.items if i.record_only}
    hidden = [i.id for i in q.items if not i.record_only and i.show_if is not None and i.show_if.item in own]
    assert hidden == []


@pytest.mark.parametrize("q", ABILITIES, ids=lambda q: q.id)
def test_an_ordinary_member_answers_about_own_duties_or_not_at_all(q: Questionnaire) -> None:
    """调研 and 服务 ask a member something in every dimension (own duties, not a leader's); 决策 does not apply."""
    member = Who("member", False)
    result = score(q, pattern(q, "best"), who=member)
    shown = {d for d, s in result.dimensions.items() if s.shown}
    if q.id == "juece":
        assert shown == set()
        return
    assert shown == {d.id for d in q.dimensions}, q.id
    worst = score(q, pattern(q, "worst"), who=member)
    assert worst.band is not None and worst.band.label == lowest(q), worst.overall


CONTRAST = [q for q in BUILTINS if q.kind == "contrast"]


@pytest.mark.parametrize("q", CONTRAST, ids=lambda q: q.id)
@pytest.mark.parametrize("who", [None, *POSTS], ids=lambda w: "unknown" if w is None else f"{w.post}-{w.public}")
def test_every_post_meets_a_negatively_worded_item_in_every_dimension(q: Questionnaire, who: Who | None) -> None:
    # #15: answering the best end everywhere must mean saying "never" to something, in every 作风 dimension
    for dim in q.dimensions:
        reverse = [
            i.id
            for i in q.items
            if i.dimension == dim.id
            and isinstance(i, LikertItem)
            and i.reverse
            and i.show_if is None
            and applies(i, who)
        ]
        assert reverse, (q.id, dim.id, who)


@pytest.mark.parametrize("q", CONTRAST, ids=lambda q: q.id)
def test_counts_are_the_persons_own_record_and_so_are_their_follow_ups(q: Questionnaire) -> None:
    # #15: raters cannot know someone's counts; a follow-up of a count is never shown to them either
    own = {i.id for i in q.items if i.record_only}
    assert {i.id for i in q.items if isinstance(i, NumberItem)} <= own
    for item in q.items:
        if item.show_if is not None and item.show_if.item in own:
            assert item.record_only, item.id


def _problems(q: Questionnaire) -> list[tuple[str, str, str]]:
    """(where, zh wording, en wording) of every problem an item or option of ``q`` can yield."""
    out = [(f"{q.id}/{i.id}", i.problem, i.problem_en or "") for i in q.items if i.problem]
    for i in q.items:
        if isinstance(i, ChoiceItem | MultiItem):
            out += [(f"{q.id}/{i.id}:{o.id}", o.problem, o.problem_en or "") for o in i.options if o.problem]
    return out


def _plain(text: str) -> str:
    """Wording without white space, punctuation and the 本人 / I every entry starts with."""
    text = re.sub(r"^(本人|I\b)", "", text.strip())
    return re.sub(r"[\W_]+", "", text).lower()


def test_no_two_items_of_the_six_word_the_same_problem() -> None:
    """#16: a person answering all six got one act twice in the 问题清单; each problem is worded once, zh and en."""
    for lang in (1, 2):
        seen: dict[str, str] = {}
        for q in BUILTINS:
            for entry in _problems(q):
                if not entry[lang]:
                    continue
                key = _plain(entry[lang])
                assert key not in seen, f"{entry[0]} words the problem of {seen[key]}: {entry[lang]}"
                seen[key] = entry[0]


def test_the_acts_asked_twice_before_16_are_asked_once() -> None:
    """The pairs #16 resolved (questionnaires/COVERAGE.md, 同一行为只问一次) stay apart."""
    by_id = {q.id: {i.id: i for i in q.items} for q in BUILTINS}
    reception = by_id["diaoyan"]["dc-reception"]
    assert isinstance(reception, MultiItem) and not any(o.red_line for o in reception.options)
    dining = by_id["zuofeng"]["sh-dining"]
    assert dining.red_line and "调研" in dining.text  # the banquet on a visit is 公款吃喝, a red line there
    collective = by_id["juece"]["mz-collective"]
    assert isinstance(collective, ChoiceItem) and not any(o.red_line for o in collective.options)
    assert by_id["juece"]["mz-alone"].red_line
    contact_counts = [
        f"{q.id}/{i.id}" for q in BUILTINS for i in q.items if isinstance(i, NumberItem) and "联系点的次数" in i.text
    ]
    assert contact_counts == ["fuwu/gt-contact-visits"]
    assert "别人经手" in by_id["zuofeng"]["sh-relatives-gain"].text  # one's own handling is qunzhong/gz-favouritism
    assert "收受" not in by_id["qunzhong"]["gz-take"].text  # accepting gifts is zuofeng/sh-gifts-received
