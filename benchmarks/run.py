"""Performance budget of selfcheck, measured against references built in the same venv.

Run from the repository root, in the venv where selfcheck is installed:

    python benchmarks/run.py            # full run: summary over 1,000 and 10,000 generated reports
    python benchmarks/run.py --quick    # fewer repetitions, 1,000 and 2,000 reports

Prints one table: each measurement, its reference, the ratio and the budget. Exit code 1 when a budget is missed.
Timing lives here, never in the unit tests (they would be flaky on a loaded machine).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

HELLO = '''
import typer

app = typer.Typer(rich_markup_mode=None)  # the same help style as selfcheck (plain)


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(f"hello {name}")


app()
'''

# The least any `selfcheck diff` must do beyond the hello command: import Rich and our report model, validate one
# report and print one small table. Measured to show where the diff budget's floor lies.
FLOOR = '''
import sys

import typer

app = typer.Typer(rich_markup_mode=None)


@app.command()
def floor(path: str) -> None:
    """Rich + the report model + one validated report + one table."""
    from pathlib import Path

    import rtoml
    from rich.console import Console
    from rich.table import Table

    from selfcheck.records.report import Report

    report = Report.model_validate(rtoml.loads(Path(path).read_text(encoding="utf-8")))
    table = Table()
    table.add_column("dimension")
    table.add_column("score", justify="right")
    for qid, result in report.questionnaires.items():
        for dim, value in result.scores.dimensions.items():
            table.add_row(f"{qid}.{dim}", f"{value:.1f}")
    Console().print(table)


app()
'''


def compile_package() -> None:
    """Write selfcheck's bytecode, as installing a wheel does: with PYTHONDONTWRITEBYTECODE set (or a fresh
    editable checkout) every run would otherwise compile our sources again, which no installed copy does."""
    import compileall

    import selfcheck

    compileall.compile_dir(str(Path(selfcheck.__file__).parent), quiet=1)


def walls(cmds: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, float]:
    """Median wall time of each command, in seconds. Runs are interleaved (one of each, then again) so that a
    machine getting busier or quieter affects a command and its reference alike; the first round warms up."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for i in range(runs + 1):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            if i:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def wall(cmd: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of one command, in seconds."""
    return walls({"cmd": cmd}, env, runs)["cmd"]


def to_prompt(cmd: list[str], env: dict[str, str], expect: str, runs: int) -> float:
    """Median time from launch until ``expect`` appears in a real terminal (pexpect)."""
    import pexpect

    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        child = pexpect.spawn(cmd[0], cmd[1:], env=env, encoding="utf-8", timeout=30)
        child.expect(expect)
        elapsed = time.perf_counter() - start
        child.terminate(force=True)
        if i:
            times.append(elapsed)
    return statistics.median(times)


def make_reports(folder: Path, count: int) -> None:
    """``count`` realistic reports (six questionnaires' worth of answers spread over them, ~60 answers each)."""
    import random

    from selfcheck.questionnaire.library import load_library
    from selfcheck.questionnaire.model import AnswerValue, ChoiceItem, LikertItem, MultiItem, NumberItem, YesNoItem
    from selfcheck.records import storage
    from selfcheck.records.report import Finding, build, now
    from selfcheck.scoring.findings import detect

    rng = random.Random(7)
    library = load_library()
    qs = library.select(["zuofeng", "qunzhong", "xianjin", "fuwu"])
    template = []
    for _ in range(50):  # a pool of distinct answer sets, reused so generation stays fast
        answers: dict[str, dict[str, AnswerValue]] = {}
        for q in qs:
            given: dict[str, AnswerValue] = {}
            for item in q.items:
                if isinstance(item, LikertItem):
                    given[item.id] = rng.randint(1, 5)
                elif isinstance(item, YesNoItem):
                    given[item.id] = rng.random() < 0.6
                elif isinstance(item, ChoiceItem):
                    given[item.id] = rng.choice(item.options).id
                elif isinstance(item, MultiItem):
                    given[item.id] = [item.options[0].id]
                elif isinstance(item, NumberItem):
                    given[item.id] = rng.randint(item.min, min(item.max, 80))
            answers[q.id] = given
        findings = [
            Finding(
                id=f"F{i:07d}",
                questionnaire=d.questionnaire,
                item=d.item,
                option=d.option,
                problem=d.problem,
                detail="2026年3月在联系村只走访了2户",
                measure="每月走访4户",
                deadline="2026-12-31",
            )
            for q in qs
            for i, d in enumerate(detect(q, answers[q.id]))
        ][:8]
        template.append(build(qs, answers, {}, findings, name="党员", created=now(), tool_version="bench"))
    base = now()
    folder.mkdir(parents=True, exist_ok=True)
    from selfcheck.files.tomlfile import dump_toml
    from selfcheck.records.report import to_toml_data

    for n in range(count):
        report = template[n % len(template)].model_copy(update={"created": base - timedelta(minutes=n)})
        name = storage.report_name(f"{n:08d}", report.questionnaires)
        (folder / name).write_bytes(dump_toml(to_toml_data(report)))


def per_answer(runs: int) -> float:
    """Median time of one interview step: record an answer, score, save the draft atomically."""
    from selfcheck.interview.state import Interview
    from selfcheck.questionnaire.library import load_library
    from selfcheck.questionnaire.model import YesNoItem
    from selfcheck.records import draft
    from selfcheck.records.report import now
    from selfcheck.scoring.scores import score

    qs = load_library().select(["all"])
    folder = Path(tempfile.mkdtemp())
    times = []
    try:
        for _ in range(max(1, runs // 5)):
            interview = Interview(qs)
            state = draft.Draft(created=now(), questionnaires=[q.id for q in qs])
            while (step := interview.current()) is not None:
                start = time.perf_counter()
                interview.answer(True if isinstance(step.item, YesNoItem) else 3)
                score(step.questionnaire, interview.answers_for(step.questionnaire.id))
                state.answers = interview.all_answers()
                draft.save(state, folder)
                times.append(time.perf_counter() - start)
    finally:
        shutil.rmtree(folder)
    return statistics.median(times)


def main() -> int:
    """Measure, print the table, and say whether every budget holds."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and smaller report sets")
    args = parser.parse_args()
    runs = 3 if args.quick else 9
    sizes = (1000, 2000) if args.quick else (1000, 10000)
    py = sys.executable
    exe = shutil.which("selfcheck", path=str(Path(py).parent)) or "selfcheck"
    work = Path(tempfile.mkdtemp(prefix="selfcheck-bench-"))
    env = {**os.environ, "SELFCHECK_HOME": str(work / "home"), "COLUMNS": "100", "TERM": "xterm"}
    hello = work / "hello.py"
    hello.write_text(HELLO, encoding="utf-8")
    floor = work / "floor.py"
    floor.write_text(FLOOR, encoding="utf-8")
    compile_package()
    rows: list[tuple[str, float, str, float, str, bool]] = []

    def ratio_row(label: str, value: float, ref_label: str, ref: float, budget: float) -> None:
        rows.append((label, value, ref_label, value / ref, f"≤ {budget:g}×", value / ref <= budget))

    try:
        reports = work / "reports"
        make_reports(reports, 2)
        a, b = sorted(reports.glob("*.toml"))
        t = walls(
            {
                "pass": [py, "-c", "pass"],
                "hello --help": [py, str(hello), "--help"],
                "--help": [exe, "--help"],
                "--version": [exe, "--version"],
                "hello command": [py, str(hello), "--name", "x"],
                "diff": [exe, "diff", str(a), str(b)],
                "floor": [py, str(floor), str(b)],
            },
            env,
            runs * 2,
        )
        rows.append(("python -c pass", t["pass"], "", 0.0, "", True))
        ratio_row("selfcheck --help", t["--help"], "hello --help", t["hello --help"], 1.0)
        ratio_row("selfcheck --version", t["--version"], "hello --help", t["hello --help"], 1.0)
        hello_prompt = to_prompt([py, str(hello), "--name", "x"], env, "hello x", runs)
        ratio_row(
            "start → first prompt",
            to_prompt([exe, "start"], env, "要做哪一组", runs),
            "hello command",
            hello_prompt,
            1.25,
        )
        ratio_row("diff A B", t["diff"], "hello command", t["hello command"], 1.25)
        floor_ratio = t["floor"] / t["hello command"]
        rows.append(("  diff floor (Rich, model, table)", t["floor"], "hello command", floor_ratio, "", True))
        answer = per_answer(runs)
        rows.append(("one answer (score + draft save)", answer, "", 0.0, "< 20 ms", answer < 0.020))
        timings = {}
        for size in sizes:
            folder = work / f"set-{size}"
            make_reports(folder, size)
            subprocess.run(["sync"], check=False)
            timings[size] = wall([exe, "summary", str(folder), "--json"], env, max(1, runs // 3))
            if size >= 10000:
                rows.append((f"summary over {size:,} reports", timings[size], "", 0.0, "≤ 1.5 s", timings[size] <= 1.5))
            else:
                rows.append((f"summary over {size:,} reports", timings[size], "", 0.0, "", True))
        small, large = sizes
        linear = timings[large] / timings[small]
        limit = 1.1 * large / small
        rows.append((f"summary {large:,} / {small:,}", linear, "", 0.0, f"≤ {limit:g}×", linear <= limit))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{'measurement':34} {'value':>10} {'reference':>15} {'ratio':>7}  {'budget':>10}  ok")
    for label, value, ref_label, ratio, limit_text, ok in rows:
        shown = f"{value * 1000:8.1f} ms" if "/" not in label else f"{value:9.2f}×"
        ratio_text = f"{ratio:.2f}" if ref_label else ""
        verdict = ("yes" if ok else "NO") if limit_text else ""
        print(f"{label:34} {shown:>10} {ref_label:>15} {ratio_text:>7}  {limit_text:>10}  {verdict}")
    return 0 if all(r[5] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
