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


def _two_reports(tmp_path: Path) -> Path:
    """A folder with two diaoyan reports, made as a person makes them, their definitions stored beside them."""
    folder = tmp_path / "reports"
    runner = CliRunner()
    for days in (0, 3):
        data = {"questionnaires": {"diaoyan": {"answers": {"dc-days": days}}}}
        answers = write_toml(tmp_path / f"a{days}.toml", data)
        result = runner.invoke(app, ["start", "diaoyan", "--answers", str(answers), "--dir", str(folder)])
        assert result.exit_code == 0, result.output
    return folder


def _run_main(tmp_path: Path, args: list[str], then: str) -> subprocess.CompletedProcess[str]:
    """``selfcheck ARGS`` run by ``main()`` in a fresh interpreter (it must succeed), then the line ``then``."""
    probe = (
        "import sys\n"
        "from selfcheck.cli import main\n"
        "sys.argv = ['selfcheck', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        f"{then}\n"
    )
    env = {"SELFCHECK_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env, check=False)


def test_diff_of_reports_with_stored_definitions_builds_no_pydantic_schema(tmp_path: Path) -> None:
    folder = _two_reports(tmp_path)
    schema = "print('SCHEMA', 'pydantic.plugin._loader' in sys.modules)"  # its loader comes with any schema built
    out = _run_main(tmp_path, ["diff", "--dir", str(folder)], schema)
    assert "SCHEMA False" in out.stdout, (out.stdout, out.stderr)
    assert "diaoyan" in out.stdout


def test_the_listing_shows_what_the_loaded_library_holds(home: Path, tmp_path: Path) -> None:
    from helpers import minimal
    from selfcheck.questionnaire.library import Header, list_library

    user = home / "questionnaires"
    user.mkdir(parents=True)
    write_toml(user / "mine.toml", minimal(id="mine", title="我的问卷"))
    write_toml(user / "override.toml", minimal(id="fuwu", title="本支部的服务能力"))
    write_toml(user / "broken.toml", minimal(id="broken", kind="nonsense"))
    extra = write_toml(tmp_path / "extra.toml", minimal(id="extra", version="3"))
    library = load_library([extra])
    listed, broken = list_library([extra])
    assert [e.header for e in listed] == [Header.of(e.questionnaire) for e in library.entries.values()]
    assert [(e.path, e.builtin, e.source) for e in listed] == [
        (e.path, e.builtin, e.source) for e in library.entries.values()
    ]
    assert [b.render("en") for b in broken] == [b.render("en") for b in library.broken]
    by_id = {e.header.id: e for e in listed}
    assert by_id["fuwu"].header.title == "本支部的服务能力" and not by_id["fuwu"].builtin  # the user's copy wins
    assert {"mine", "extra", "zuofeng"} <= set(by_id) and "broken" not in by_id
    assert len(broken) == 1


def test_questionnaires_list_reads_no_model(tmp_path: Path) -> None:
    for args in (["questionnaires", "list"], ["questionnaires", "list", "--json"]):
        out = _run_main(tmp_path, args, "print('PYDANTIC', 'pydantic' in sys.modules)")
        assert "PYDANTIC False" in out.stdout, (args, out.stdout, out.stderr)
        assert "zuofeng" in out.stdout


def test_reading_reports_with_stored_definitions_loads_no_library(tmp_path: Path) -> None:
    # The library module (and the questionnaire files it reads) is only the fallback for a definition not stored.
    folder = _two_reports(tmp_path)
    for args in (
        ["diff", "--dir", str(folder)],
        ["report", "show", "latest", "--dir", str(folder)],
        ["history", "--dir", str(folder)],
        ["export", "latest", "--dir", str(folder), "--format", "md", "-o", "-"],
    ):
        out = _run_main(tmp_path, args, "print('LIBRARY', 'selfcheck.questionnaire.library' in sys.modules)")
        assert "LIBRARY False" in out.stdout, (args, out.stdout, out.stderr)


def test_the_collector_runs_less_often_but_still_runs(tmp_path: Path) -> None:
    """main() spaces the collector's passes out (the objects a command imports live until it ends) and freezes
    what is left when the command ends; it never turns the collector off, and cyclic garbage is still collected."""
    probe = (
        "import gc, sys\n"
        "from selfcheck.cli import main\n"
        "sys.argv = ['selfcheck', '--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('ENABLED', gc.isenabled(), 'THRESHOLD', gc.get_threshold()[0], 'FROZEN', gc.get_freeze_count() > 0)\n"
        "gc.unfreeze()\n"
        "class Node:\n    pass\n"
        "a, b = Node(), Node()\n"
        "a.other, b.other = b, a\n"
        "del a, b\n"
        "print('COLLECTED', gc.collect() >= 2)\n"
    )
    env = {"SELFCHECK_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False)
    assert "ENABLED True THRESHOLD 20000 FROZEN True" in out.stdout, (out.stdout, out.stderr)
    assert "COLLECTED True" in out.stdout, (out.stdout, out.stderr)
