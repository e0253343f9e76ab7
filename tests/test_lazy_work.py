"""Work a command does not do (#19): what it reads, it does not rebuild or re-derive.

Timings live in benchmarks/run.py; these tests check that the shortcuts give the same answers as the long way."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from helpers import write_toml
from selfcheck.cli import app
from selfcheck.files import exact
from selfcheck.questionnaire.library import load_library
from selfcheck.questionnaire.model import Questionnaire
from selfcheck.records import definitions


def _dumped_digest(q: Questionnaire) -> str:
    """The digest worked out the long way (the canonical JSON dump), whatever is remembered."""
    canonical = json.dumps(q.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def test_a_stored_definition_has_the_digest_its_content_gives(tmp_path: Path) -> None:
    qs = list(load_library().definitions().values())
    definitions.store(qs, tmp_path)
    for q in qs:
        loaded = definitions.load(q.digest(), [tmp_path])
        assert loaded is not None and loaded is not q
        assert loaded == q
        assert loaded.digest() == _dumped_digest(loaded) == _dumped_digest(q) == q.digest()


def test_a_questionnaire_remembers_its_own_digest_only() -> None:
    library = load_library()
    a, b = library.get("zuofeng").questionnaire, library.get("fuwu").questionnaire
    assert a.digest() == _dumped_digest(a)
    assert b.digest() == _dumped_digest(b) != a.digest()
    same = exact.validate(Questionnaire, a.model_dump(mode="json"))
    assert same is not a and same.digest() == a.digest()


def test_diff_of_reports_with_stored_definitions_builds_no_pydantic_schema(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    runner = CliRunner()
    for days in (0, 3):
        data = {"questionnaires": {"diaoyan": {"answers": {"dc-days": days}}}}
        answers = write_toml(tmp_path / f"a{days}.toml", data)
        result = runner.invoke(app, ["start", "diaoyan", "--answers", str(answers), "--dir", str(folder)])
        assert result.exit_code == 0, result.output
    probe = (
        "import sys\n"
        "from selfcheck.cli import main\n"
        "sys.argv = ['selfcheck', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print('SCHEMA', 'pydantic.plugin._loader' in sys.modules)\n"  # imported when any schema is built
    )
    env = {"SELFCHECK_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "COLUMNS": "100"}
    args = [sys.executable, "-c", probe, "diff", "--dir", str(folder)]
    out = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert "SCHEMA False" in out.stdout, (out.stdout, out.stderr)
    assert "diaoyan" in out.stdout
