"""The exact path (files.exact) agrees with pydantic's full validation on every file it accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import rtoml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from typer.testing import CliRunner

from selfcheck.cli import app
from selfcheck.errors import ReportError
from selfcheck.files import exact
from selfcheck.files.paths import builtin_questionnaire_dir
from selfcheck.questionnaire.model import Questionnaire
from selfcheck.records import versions
from selfcheck.records.draft import Draft
from selfcheck.records.ledger import Ledger
from selfcheck.records.report import Report

CORPUS = Path(__file__).parent / "corpus"


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Report data as the validator sees it: upgraded when its version is readable, else as it is (a refused
    version never reaches a validator, but the two paths must still agree on the data)."""
    try:
        return versions.upgrade(versions.REPORT, data, Path("report.toml"))
    except ReportError:
        return data


def _full(cls: type[BaseModel], data: Any) -> BaseModel | None:
    try:
        return cls.model_validate(data)
    except ValidationError:
        return None


def _agree(cls: type[BaseModel], data: Any) -> BaseModel | None:
    """The exact path's model; asserts it is None or equal to the full validation's, and None when that fails."""
    # Neither path changes its input; the same data goes to both.
    fast = exact.construct_exact(cls, data)
    full = _full(cls, data)
    if fast is not None:
        assert full is not None, "the exact path accepted data that full validation refuses"
        assert type(fast) is type(full)
        assert fast == full
        assert fast.model_dump() == full.model_dump()
        assert fast.model_fields_set == full.model_fields_set
    return fast


def _report_data(path: Path) -> Any:
    try:
        data = rtoml.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, rtoml.TomlParsingError):
        pytest.skip(f"{path.name} is not TOML; the reader refuses it before any model")
    return upgrade(data) if isinstance(data, dict) else data


@pytest.mark.parametrize("model", [Report, Questionnaire, Ledger, Draft])
def test_every_file_kind_can_take_the_exact_path(model: type[BaseModel]) -> None:
    # A new field type the walk does not know would silently send every file through full validation.
    assert exact.supported(model)


@pytest.mark.parametrize("path", sorted((CORPUS / "reports").glob("*.toml")), ids=lambda p: p.stem)
def test_broken_reports_agree(path: Path) -> None:
    _agree(Report, _report_data(path))


def test_a_good_report_takes_the_exact_path() -> None:
    assert _agree(Report, _report_data(CORPUS / "good_report.toml")) is not None


@pytest.mark.parametrize("path", sorted(builtin_questionnaire_dir().glob("*.toml")), ids=lambda p: p.stem)
def test_built_in_questionnaires_take_the_exact_path(path: Path) -> None:
    assert _agree(Questionnaire, rtoml.loads(path.read_text(encoding="utf-8"))) is not None


@pytest.mark.parametrize("path", sorted((CORPUS / "questionnaires").glob("*.toml")), ids=lambda p: p.stem)
def test_broken_questionnaires_agree(path: Path) -> None:
    try:
        data = rtoml.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, rtoml.TomlParsingError):
        pytest.skip(f"{path.name} is not TOML")
    _agree(Questionnaire, data)


def test_reports_selfcheck_writes_take_the_exact_path(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text(
        '[questionnaires.diaoyan.answers]\ndc-went = true\ndc-days = 3\nyj-reports = 0\nzh-acted-on = "few"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["start", "--answers", str(answers), "--dir", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    written = sorted((tmp_path / "r").glob("selfcheck-*.toml"))
    assert written
    for path in written:
        assert _agree(Report, upgrade(rtoml.loads(path.read_text(encoding="utf-8")))) is not None


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 200),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-5, max_value=200),
    st.text(max_size=5),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*prefix, i))
    return out


def _copy(node: Any) -> Any:
    """Containers copied, leaves shared (rtoml's time zones cannot be deep-copied)."""
    if isinstance(node, dict):
        return {k: _copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copy(v) for v in node]
    return node


def _mutate(data: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    data = _copy(data)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[f"{last}_extra"] = value
    return data


GOOD = upgrade(rtoml.loads((CORPUS / "good_report.toml").read_text(encoding="utf-8")))
GOOD_PATHS = _paths(GOOD)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=st.integers(0, len(GOOD_PATHS) - 1),
    action=st.sampled_from(["replace", "delete", "add"]),
    value=_VALUES,
)
def test_mutated_reports_agree(index: int, action: str, value: Any) -> None:
    _agree(Report, _mutate(GOOD, GOOD_PATHS[index], action, value))


QUESTIONNAIRE = rtoml.loads((builtin_questionnaire_dir() / "diaoyan.toml").read_text(encoding="utf-8"))
QUESTIONNAIRE_PATHS = _paths(QUESTIONNAIRE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=st.integers(0, len(QUESTIONNAIRE_PATHS) - 1),
    action=st.sampled_from(["replace", "delete", "add"]),
    value=_VALUES,
)
def test_mutated_questionnaires_agree(index: int, action: str, value: Any) -> None:
    # Questionnaires have the unions (an optional text, an answer value, a scale or its name) and the item kinds
    # the walk dispatches on by type and tag: a value of any type in any place must not slip through.
    _agree(Questionnaire, _mutate(QUESTIONNAIRE, QUESTIONNAIRE_PATHS[index], action, value))


def test_a_stored_definition_takes_the_exact_path() -> None:
    # A definition stored beside the reports is the model's JSON dump: every field present, none left to default.
    for path in sorted(builtin_questionnaire_dir().glob("*.toml")):
        q = Questionnaire.model_validate(rtoml.loads(path.read_text(encoding="utf-8")))
        fast = _agree(Questionnaire, q.model_dump(mode="json"))
        assert fast is not None
        # Fields in declared order at every level, as the full validation keeps them (exports list them so).
        assert json.dumps(fast.model_dump(mode="json")) == json.dumps(q.model_dump(mode="json"))
