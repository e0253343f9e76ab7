"""Questionnaire checks (#13): validate lists every problem; the JSON Schema makes editors name the bad field."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import minimal, write_toml
from selfcheck.cli import app

runner = CliRunner()


def test_validate_lists_structural_and_cross_field_problems_together(tmp_path: Path) -> None:
    data = minimal()
    data["bands"][-1]["max"] = 120
    data["items"][0]["scale"] = "nosuch"  # cross-field: no such scale
    data["items"][1].pop("scale")  # structural: a likert item without its scale
    data["items"][3]["show_if"]["item"] = "zzz"  # cross-field: no such item
    path = write_toml(tmp_path / "mixed.toml", data)
    result = runner.invoke(app, ["questionnaires", "validate", str(path), "--lang", "en"])
    assert result.exit_code == 1
    out = result.output
    assert "(4 problem(s))" in out
    assert "item a2: scale: required field is missing" in out
    assert "unknown scale 'nosuch'" in out
    assert "unknown item 'zzz'" in out
    assert "range 85-120 lies outside 0-100" in out or "范围 85–120 超出了 0–100" in out


def test_a_top_band_past_100_says_so_instead_of_a_gap(tmp_path: Path) -> None:
    data = minimal()
    data["bands"][-1]["max"] = 120
    path = write_toml(tmp_path / "band.toml", data)
    out = runner.invoke(app, ["questionnaires", "validate", str(path)]).output
    assert "120" in out and "gap: nothing covers 120 to 100" not in out


def test_schema_chooses_an_item_by_kind_with_if_then() -> None:
    doc = json.loads(runner.invoke(app, ["questionnaires", "schema"]).output)
    items = doc["properties"]["items"]["items"]
    assert "oneOf" not in items and "discriminator" not in items
    kinds = {rule["if"]["properties"]["kind"]["const"] for rule in items["allOf"]}
    assert kinds == {"likert", "yesno", "choice", "multi", "number", "date", "text"}


def _taplo() -> str | None:
    exe = shutil.which("taplo")
    if exe is None:
        return None
    try:
        subprocess.run([exe, "--version"], check=True, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return exe


@pytest.mark.skipif(_taplo() is None, reason="the taplo binary (PyPI taplo, a test extra) cannot run here")
def test_taplo_names_the_bad_field(tmp_path: Path) -> None:
    schema = tmp_path / "questionnaire.schema.json"
    schema.write_text(runner.invoke(app, ["questionnaires", "schema"]).output, encoding="utf-8")
    data = minimal()
    data["items"][2]["reverse"] = "yes"  # a yes/no item has no `reverse`
    data["items"][0]["scale"] = 5  # a scale is named by its id
    broken = write_toml(tmp_path / "broken.toml", data)
    exe = _taplo()
    assert exe is not None
    done = subprocess.run(
        [exe, "check", "--schema", schema.as_uri(), str(broken)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    out = done.stdout + done.stderr
    assert "'reverse' was unexpected" in out  # the field, by name
    assert "scale = 5" in out  # the bad value's own line is marked
    assert "oneOf" not in out
