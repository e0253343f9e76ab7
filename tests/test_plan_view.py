"""``selfcheck plan`` as a person reads it: soonest deadline first, evidence shown, no doubled "no deadline"."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selfcheck.cli import app
from selfcheck.records import ledger, storage
from test_overtime import finding, make_report, save, use_mini

runner = CliRunner()


def test_plan_is_sorted_by_deadline_and_shows_evidence(home: Path) -> None:
    use_mini(home)
    later = (date.today() + timedelta(days=60)).isoformat()
    soon = (date.today() + timedelta(days=5)).isoformat()
    save(
        home,
        make_report(
            {"b1": False},
            [
                finding("F0000001", None, "会议多", measure="例会合并", deadline=later),
                finding("F0000002", None, "文件多", measure="发文减半"),  # no deadline
                finding("F0000003", "b1", "不回访", measure="办结后三天内回访", deadline=soon),
            ],
        ),
    )
    update = ["plan", "update", "F0000003", "--status", "doing", "--evidence", "已回访5户，登记表在档"]
    assert runner.invoke(app, update).exit_code == 0
    data = json.loads(runner.invoke(app, ["plan", "--json"]).output)
    assert [p["problem"] for p in data] == ["不回访", "会议多", "文件多"]
    shown = runner.invoke(app, ["plan"]).output
    assert shown.index("不回访") < shown.index("会议多") < shown.index("文件多")
    assert "证据：已回访5户，登记表在档" in shown
    assert "无时限" not in shown
    assert "时限：（未填写）" in shown


def test_report_list_and_history_show_titles_and_whole_file_names(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_mini(home)
    first = save(home, make_report({"a1": 4, "a2": 2, "b1": True, "b3": "all"}, days_ago=3))
    save(home, make_report({"a1": 2, "a2": 2, "b1": True, "b3": "all"}))
    for width in (60, 100, 140):
        monkeypatch.setenv("COLUMNS", str(width))
        listed = runner.invoke(app, ["report", "list"]).output
        assert first.name in listed  # never cut mid-word
        assert "小问卷：" in listed
        history = runner.invoke(app, ["history"]).output
        assert "小问卷" in history
        assert " mini " not in history


def test_report_show_keeps_the_indent_of_wrapped_lines(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_mini(home)
    long = "2026年只在3月、9月下过两次村，每次都是听村干部汇报，没有入户，也没有到困难群众家里看看，对一线情况掌握不够"
    path = save(home, make_report({"b1": False}, [finding("F0000001", "b1", "不回访", long, measure="每月入户3户")]))
    monkeypatch.setenv("COLUMNS", "60")
    shown = runner.invoke(app, ["report", "show", str(path)]).output
    assert str(path) in shown  # the path is not cut by an inserted newline
    block = shown[shown.index("1. 不回访") :].splitlines()[1:5]
    assert block[0].startswith("   具体表现：")
    assert all(line.startswith("   ") for line in block), block


def test_plan_at_sixty_columns_keeps_indents_and_breaks_file_names_between_parts(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_mini(home)
    measure = "每周三下午到联系社区接访，群众反映的事三个工作日内答复，办结后一周内电话回访并登记在册"
    report = make_report({"b1": False}, [finding("F0000001", "b1", "不回访", measure=measure)])
    written = storage.write_report(report, home / "reports")
    path = written.rename(written.with_name("selfcheck-20261126-062112-mini+zuofeng+qunzhong+xianjin.toml"))
    ledger.take_in(home / "reports", path, report)
    monkeypatch.setenv("COLUMNS", "60")
    shown = runner.invoke(app, ["plan"]).output.splitlines()
    block = shown[next(n for n, line in enumerate(shown) if "不回访" in line) + 1 :]
    assert block and all(line.startswith("   ") for line in block), block  # wrapped lines stay under the label
    names = [line.strip() for line in block[next(n for n, line in enumerate(block) if "selfcheck-" in line) :]]
    assert "".join(names) == path.name, block
    assert names[0].endswith(("+", "-")), names  # the name breaks between its parts, not mid-word


def test_a_word_wider_than_the_line_is_cut_after_a_separator_when_one_is_near() -> None:
    from selfcheck.terminal.linebreak import line_spans

    name = "selfcheck-20261126-062112-zuofeng+qunzhong+xianjin+diaoyan.toml"
    lines = [name[a:b] for a, b in line_spans(name, 40)]
    assert "".join(lines) == name
    assert lines[0] == "selfcheck-20261126-062112-zuofeng+"
    plain = "x" * 50
    assert [plain[a:b] for a, b in line_spans(plain, 20)] == ["x" * 20, "x" * 20, "x" * 10]  # no separator: cut
