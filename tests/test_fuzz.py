"""Property tests: loaders never fail with anything but our own error; reports survive a round trip."""

from __future__ import annotations

import contextlib
import copy
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import MINIMAL
from selfcheck.compare.diff import compare
from selfcheck.errors import SelfcheckError
from selfcheck.files import paths
from selfcheck.questionnaire.library import load_file, parse
from selfcheck.records import storage
from selfcheck.records.report import Finding, Report, Respondent, build

REAL = [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(paths.builtin_questionnaire_dir().glob("*.toml"))]

toml_scalars = st.one_of(
    st.booleans(),
    st.integers(-10, 1000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=12),
    st.dates(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def mutate(doc: Any, path: list[Any], value: Any, delete: bool) -> Any:
    """A copy of ``doc`` with the node at ``path`` replaced (or deleted)."""
    doc = copy.deepcopy(doc)
    node = doc
    for key in path[:-1]:
        node = node[key]
    if delete and isinstance(node, dict):
        node.pop(path[-1], None)
    elif delete and isinstance(node, list) and node:
        node.pop(path[-1])
    else:
        node[path[-1]] = value
    return dict(doc)


@st.composite
def mutated_real(draw: st.DrawFn) -> dict[str, Any]:
    doc = draw(st.sampled_from([*REAL, MINIMAL]))
    for _ in range(draw(st.integers(1, 3))):
        path: list[Any] = []
        node: Any = doc
        while isinstance(node, dict | list) and node and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(node)) if isinstance(node, dict) else st.integers(0, len(node) - 1))
            path.append(key)
            node = node[key]
        if not path:
            continue
        doc = mutate(doc, path, draw(toml_values), draw(st.booleans()))
    return dict(doc)


def load_or_own_error(data: dict[str, Any]) -> None:
    with contextlib.suppress(SelfcheckError):
        parse(data, "fuzz.toml")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_real())
def test_mutated_questionnaires_load_or_raise_our_error(doc: dict[str, Any]) -> None:
    load_or_own_error(doc)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from([*sorted(MINIMAL), "extra", "rating"]), toml_values, max_size=8))
def test_generated_documents_load_or_raise_our_error(doc: dict[str, Any]) -> None:
    load_or_own_error(doc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_load_or_raise_our_error(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(raw)
    with contextlib.suppress(SelfcheckError):
        load_file(path)
    with contextlib.suppress(SelfcheckError):
        storage.read_report(path)


QUESTIONNAIRE = parse(MINIMAL, "mini")
text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    answers: dict[str, Any] = {}
    if draw(st.booleans()):
        answers["a1"] = draw(st.integers(1, 5))
    if draw(st.booleans()):
        answers["a2"] = draw(st.integers(1, 5))
    b1 = draw(st.booleans())
    answers["b1"] = b1
    if b1 and draw(st.booleans()):
        answers["b2"] = draw(text.filter(lambda s: s.strip() != ""))
    if draw(st.booleans()):
        answers["b3"] = draw(st.sampled_from(["all", "half", "none"]))
    findings = [
        Finding(
            id=f"F{i}",
            questionnaire="mini",
            item=draw(st.sampled_from([None, "a1", "b1"])),
            problem=p,
            detail=draw(text),
            measure=draw(text),
            deadline=draw(st.one_of(st.none(), st.dates().map(str))),
            causes=draw(st.sampled_from([[], ["lixiang"], ["other"], ["lixiang", "other"]])),
            source=draw(st.sampled_from(["", "self"])),
        )
        for i, p in enumerate(draw(st.lists(text.filter(lambda s: s != ""), max_size=3)))
    ]
    minutes = draw(st.integers(0, 10_000_000))
    created = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    name = draw(st.one_of(st.none(), text.filter(lambda s: s != "")))
    return build(
        [QUESTIONNAIRE],
        {"mini": answers},
        {"mini": []},
        findings,
        name=name,
        created=created,
        tool_version="fuzz",
        respondent=Respondent(name=name),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reports())
def test_report_write_then_read_is_identity(tmp_path: Path, report: Report) -> None:
    path = storage.write_report(report, tmp_path / "r")
    assert storage.read_report(path) == report
    path.unlink()


@settings(max_examples=150, deadline=None)
@given(reports())
def test_diff_of_a_report_with_itself_shows_no_change(report: Report) -> None:
    result = compare(report, report, {"mini": QUESTIONNAIRE})
    for q in result.questionnaires:
        assert q.changed_items == []
        assert all(d.change.delta in (None, 0.0) for d in q.dimensions)
        assert q.overall.delta in (None, 0.0)
    assert result.resolved == [] and result.new == []
    assert [link.finding for link in result.persisting] == report.findings


def test_tomli_w_output_of_a_report_is_valid_toml(tmp_path: Path) -> None:
    report = build(
        [QUESTIONNAIRE], {"mini": {"a1": 3}}, {}, [], name="张三", created=datetime.now(UTC), tool_version="t"
    )
    path = storage.write_report(report, tmp_path)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["respondent"]["name"] == "张三"
    assert tomli_w.dumps({"ok": 1})
