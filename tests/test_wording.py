"""Honest-wording checks: each catches the failure DOMAIN.md names, and leaves good wording alone."""

from __future__ import annotations

import pytest

from selfcheck.interview import detail_checks as wording


@pytest.mark.parametrize(
    "text",
    [
        "我们支部今年组织学习次数偏少",
        "有的同志下基层调研次数少，走马观花",
        "大家学习热情不高",
        "班子成员联系群众不够",
    ],
)
def test_the_groups_problem_instead_of_ones_own_is_caught(text: str) -> None:
    assert wording.is_collective(text)


@pytest.mark.parametrize(
    "text",
    [
        "2026年3月我只去了联系村一次，没有入户",
        "我们支部组织的4次学习，我请假了2次",  # the group named, but the person says what they did
        "今年我在单位值班时两次迟到",
        "全年读书两本",  # no subject at all: not a group's problem
        "单位会议多，文件多",  # a place, not who failed: 单位 and 部门 alone are not the group's problem
        "除了单位组织的集中学习外，个人自学记录只有3次",
        "部门例会上很少发言",
    ],
)
def test_ones_own_problem_passes(text: str) -> None:
    assert not wording.is_collective(text)


@pytest.mark.parametrize("measure", ["进一步加强学习", "多下去", "提高服务意识，转变作风", "认真整改"])
def test_a_wish_is_not_a_measure(measure: str) -> None:
    assert wording.is_wish(measure)


@pytest.mark.parametrize(
    "measure",
    [
        "每季度到联系村入户走访不少于2次",
        "每月精读1篇原文并写体会",
        "年底前把群众来信全部回复",
        "至少两周一次下基层",
        "visit 2 households every quarter",
    ],
)
def test_a_checkable_measure_passes(measure: str) -> None:
    assert not wording.is_wish(measure)


def test_one_instance_for_two_problems_is_questioned() -> None:
    others = [("下基层少", "2026年3月只去了联系村一次，没有入户")]
    found = wording.detail_issue("2026年3月只去了联系村一次，没有入户。", "不回访群众", [], others)
    assert found == ("same", "下基层少")
    assert wording.detail_issue("9月信访件办结后我没有回访当事人", "不回访群众", [], others) is None
