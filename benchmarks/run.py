"""Performance budget of selfcheck, measured against references built in the same venv.

Run from the repository root, in the venv where selfcheck is installed:

    python benchmarks/run.py            # full run: summary over 1,000 and 10,000 generated reports
    python benchmarks/run.py --quick    # fewer repetitions, 1,000 and 2,000 reports
    python benchmarks/run.py --quick --only commands --only text   # a part of the table

Prints one table: each measurement (the fastest of its runs, wall time and CPU time, user + sys of the child
process; the in-process rows, one answer, next question and long text, are medians), its reference, the ratios and
the budget. Budgets are judged on the wall ratio of commands run interleaved with their reference; the CPU ratio
beside it shows whether a miss is load or work, and ``--instructions`` adds the same budgets counted in
instructions, which load does not move. Exit code 1 when a budget is missed. Timing lives here, never in the unit
tests (they would be flaky on a loaded machine).
"""

from __future__ import annotations

import argparse
import os
import resource
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

# The floor under every command that prints a table: a one-command Typer app that imports Rich and prints one small
# table. Whatever a command costs above this is its own work (reading, validating, comparing, drawing).
FLOOR = '''
import typer

app = typer.Typer(rich_markup_mode=None)


@app.command()
def floor(name: str = "x") -> None:
    """Rich + one table."""
    from rich.console import Console
    from rich.table import Table

    table = Table()
    table.add_column("dimension")
    table.add_column("score", justify="right")
    for n in range(6):
        table.add_row(f"{name}.{n}", f"{n * 10:.1f}")
    Console().print(table)


app()
'''


def compile_package() -> None:
    """Write selfcheck's bytecode, as installing a wheel does: with PYTHONDONTWRITEBYTECODE set (or a fresh
    editable checkout) every run would otherwise compile our sources again, which no installed copy does."""
    import compileall

    import selfcheck

    compileall.compile_dir(str(Path(selfcheck.__file__).parent), quiet=1)


def _children_cpu() -> float:
    """CPU seconds (user + sys) used so far by finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(cmds: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, tuple[float, float]]:
    """Fastest (wall, CPU) seconds of each command. Runs are interleaved (one of each, then again) so that a machine
    getting busier or quieter affects a command and its reference alike; the first round warms up. The fastest run,
    not the median: on a shared machine the noise only ever adds time, and it adds it unevenly (the hello reference's
    median swung between 260 and 370 ms from one run to the next while its instruction count stayed the same), so
    the fastest run is the steadiest estimate of what a command costs, as ``timeit``'s documentation advises."""
    walls: dict[str, list[float]] = {name: [] for name in cmds}
    cpus: dict[str, list[float]] = {name: [] for name in cmds}
    for i in range(runs + 1):
        for name, cmd in cmds.items():
            cpu = _children_cpu()
            start = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            if i:
                walls[name].append(time.perf_counter() - start)
                cpus[name].append(_children_cpu() - cpu)
    return {name: (min(walls[name]), min(cpus[name])) for name in cmds}


def instructions(cmds: dict[str, list[str]], env: dict[str, str]) -> dict[str, int]:
    """Instructions each command executes (valgrind's callgrind, one run each, two at a time, hash seed fixed):
    unlike time, the same from run to run within a tenth of a percent, whatever else the machine does. Empty
    without valgrind."""
    import re
    from concurrent.futures import ThreadPoolExecutor

    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return {}
    env = {**env, "PYTHONHASHSEED": "0"}  # string hashing otherwise moves a count by up to 0.2% from run to run

    def count(cmd: list[str]) -> int:
        """The count, or -1 when valgrind did not give one (the wall-time table is printed all the same)."""
        args = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd]
        done = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if done.returncode or found is None:
            print(f"valgrind gave no count for {' '.join(cmd)}: {done.stderr[-300:]}", file=sys.stderr)
            return -1
        return int(found.group(1))

    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = list(pool.map(count, cmds.values()))
    return dict(zip(cmds, counts, strict=True))


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> float:
    """The peak resident memory of one run of ``cmd``, in MB (Linux reports ru_maxrss in KiB)."""
    import subprocess as sp

    proc = sp.Popen(cmd, env=env, stdout=sp.DEVNULL, stderr=sp.DEVNULL)
    _pid, _status, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return usage.ru_maxrss / 1024


def rtoml_parse(paths: list[Path], runs: int) -> float:
    """Fastest time to read and parse ``paths`` with rtoml in one process: the floor of any summary (the fastest,
    as ``summary`` itself is measured)."""
    import rtoml

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for path in paths:
            rtoml.loads(path.read_text(encoding="utf-8"))
        times.append(time.perf_counter() - start)
    return min(times)


def to_prompt(cmd: list[str], env: dict[str, str], expect: str, runs: int) -> float:
    """Fastest time from launch until ``expect`` appears in a real terminal (pexpect)."""
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
    return min(times)


SUMMARY_SET = ("zuofeng", "qunzhong", "xianjin", "fuwu")
"""What a member's report in the summary sets holds: four questionnaires, about 60 answers, ~8 KB."""
MEMBERS = 400
"""Distinct names in the generated sets, so that a folder holds several reports per person, as a real one does."""


def make_reports(folder: Path, count: int, ids: tuple[str, ...] = SUMMARY_SET) -> list[Path]:
    """``count`` realistic reports of ``ids``: 50 distinct answer sets, each written once as TOML and then copied
    with its own name and time (text substitution keeps generating 100,000 files to seconds)."""
    import random
    import re

    from selfcheck.files.tomlfile import dump_toml
    from selfcheck.questionnaire.library import load_library
    from selfcheck.questionnaire.model import AnswerValue, ChoiceItem, LikertItem, MultiItem, NumberItem, YesNoItem
    from selfcheck.records import definitions, storage
    from selfcheck.records.report import Finding, build, now, to_toml_data
    from selfcheck.scoring.findings import detect

    rng = random.Random(7)
    qs = load_library().select(list(ids))
    created = now()
    texts = []
    for _ in range(min(count, 50)):
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
        report = build(qs, answers, {}, findings, name="NAME-PLACEHOLDER", created=created, tool_version="bench")
        texts.append(dump_toml(to_toml_data(report)).decode())
    stamp = re.compile(r"^created = .*$", re.M)
    folder.mkdir(parents=True, exist_ok=True)
    definitions.store(qs, folder)  # as every report selfcheck writes has its definitions beside it
    written = []
    for n in range(count):
        when = created - timedelta(minutes=n)
        text = stamp.sub(f"created = {when.isoformat()}", texts[n % len(texts)], count=1)
        text = text.replace("NAME-PLACEHOLDER", f"党员{n % MEMBERS:03d}")
        path = folder / storage.report_name(f"{n:08d}", ids)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


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
                draft.save(state, folder / "draft.toml")  # save takes the draft's own path since #18
                times.append(time.perf_counter() - start)
    finally:
        shutil.rmtree(folder)
    return statistics.median(times)


def next_question(runs: int, size: int = 10_000) -> float:
    """Median time from an answer to the next question in a ``size``-item questionnaire (every tenth item shown
    only after a yes): record the answer, find the next shown item, count the progress, as the front end does."""
    from selfcheck.interview.state import Interview
    from selfcheck.questionnaire.model import Questionnaire, YesNoItem

    items: list[dict[str, object]] = []
    for n in range(size):
        if n % 10 == 0:
            items.append({"id": f"g{n}", "dimension": "a", "kind": "yesno", "text": f"第{n}题：我做到了吗？"})
        else:
            cond = {"item": f"g{n - n % 10}", "op": "eq", "value": True}
            items.append({"id": f"i{n}", "dimension": "a", "kind": "likert", "scale": "s", "text": "我做到了。"})
            items[-1]["show_if"] = cond
    q = Questionnaire.model_validate(
        {
            "id": "big",
            "version": "1",
            "title": "大问卷",
            "kind": "custom",
            "scales": {"s": {"min": 1, "max": 5, "labels": ["1", "2", "3", "4", "5"]}},
            "dimensions": [{"id": "a", "title": "甲"}],
            "bands": [{"min": 0, "max": 60, "label": "差"}, {"min": 60, "max": 100, "label": "好"}],
            "items": items,
        }
    )
    interview = Interview([q])
    times = []
    for _ in range(max(30, runs * 10)):
        step = interview.current()
        if step is None:
            break
        start = time.perf_counter()
        interview.answer(True if isinstance(step.item, YesNoItem) else 3)
        interview.current()
        interview.progress()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def long_text(runs: int, chars: int = 600_000) -> float:
    """Median CPU time to lay out and draw one 600,000-character Chinese paragraph (about 1.8 MB of UTF-8, near the
    2 MB file limit) at 100 columns, as ``report show`` and ``plan`` draw a 具体表现 or a measure."""
    import io

    from rich.console import Console

    from selfcheck.terminal.console import Wrapped

    text = ("我在调研中只听汇报没有入户，" * (chars // 14 + 1))[:chars]
    times = []
    for _ in range(max(1, runs // 3)):
        console = Console(file=io.StringIO(), width=100, color_system=None)
        start = time.process_time()
        console.print(Wrapped(text))
        times.append(time.process_time() - start)
    return statistics.median(times)


def big_text_rows(exe: str, work: Path, env: dict[str, str], runs: int) -> list[tuple[str, float, float]]:
    """``report show`` and ``plan`` of a report whose 具体表现 and measure are 300,000 characters each (about 1.8
    MB, near the 2 MB file limit; the ledger holds the same text): fastest (label, wall, CPU) seconds, interleaved."""
    import tomli_w

    text = ("我在调研中只听汇报没有入户，" * 21430)[:300_000] + "最后一句。"
    answers = work / "big-answers.toml"
    # A problem added by hand (no item), so that no change of the questionnaire's content makes the finding invalid.
    finding = {"questionnaire": "diaoyan", "problem": "下基层少", "detail": text, "measure": text}
    data = {"questionnaires": {"diaoyan": {"answers": {"dc-days": 0}}}, "findings": [finding]}
    answers.write_text(tomli_w.dumps(data), encoding="utf-8")
    folder = work / "big"
    start = [exe, "start", "diaoyan", "--answers", str(answers), "--dir", str(folder)]
    subprocess.run(start, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = measure(
        {
            "show": [exe, "report", "show", "latest", "--dir", str(folder)],
            "plan": [exe, "plan", "--dir", str(folder)],
        },
        env,
        max(1, runs // 3),
    )
    return [("report show, 1.8 MB report", *t["show"]), ("plan, 1.8 MB ledger", *t["plan"])]


Row = tuple[str, float, float | None, str, float, float | None, str, bool]
"""label, wall, CPU, reference label, wall ratio, CPU ratio, budget text, within budget."""


BUDGETS: list[tuple[str, str, str, float | None]] = [
    ("selfcheck --help", "--help", "hello --help", 1.0),
    ("selfcheck --version", "--version", "hello --help", 1.0),
    ("floor: Rich + one table", "floor", "hello command", None),
    ("diff A B (six questionnaires)", "diff", "hello command", 1.45),
    ("report show", "report show", "hello command", 1.45),
    ("questionnaires list", "questionnaires list", "hello command", 1.25),
    ("export --format md", "export md", "hello command", 1.5),
    ("export --format html", "export html", "hello command", 1.5),
    ("export --format docx", "export docx", "hello command", 2.2),
]
"""label, command, reference, budget (a ratio; None for the floor, shown for reference)."""


def command_set(exe: str, py: str, work: Path) -> dict[str, list[str]]:
    """The commands measured against the hello-world app, and the references, by name."""
    hello = work / "hello.py"
    hello.write_text(HELLO, encoding="utf-8")
    floor = work / "floor.py"
    floor.write_text(FLOOR, encoding="utf-8")
    a, b = make_reports(work / "reports", 2, ("zuofeng", "qunzhong", "xianjin", "diaoyan", "juece", "fuwu"))
    docx = work / "material.docx"
    return {
        "pass": [py, "-c", "pass"],
        "hello --help": [py, str(hello), "--help"],
        "--help": [exe, "--help"],
        "--version": [exe, "--version"],
        "hello command": [py, str(hello), "--name", "x"],
        "floor": [py, str(floor)],
        "diff": [exe, "diff", str(a), str(b)],
        "report show": [exe, "report", "show", str(b)],
        "questionnaires list": [exe, "questionnaires", "list"],
        "export md": [exe, "export", str(b), "--format", "md", "-o", "-"],
        "export html": [exe, "export", str(b), "--format", "html", "-o", "-"],
        "export docx": [exe, "export", str(b), "--format", "docx", "-o", str(docx), "--force"],
    }


def command_rows(cmds: dict[str, list[str]], env: dict[str, str], runs: int) -> list[Row]:
    """Every command against the hello-world command (or its --help), measured interleaved in one run."""
    t = measure(cmds, env, runs * 2)

    def row(label: str, name: str, ref: str, budget: float | None) -> Row:
        (w, c), (rw, rc) = t[name], t[ref]
        ok = budget is None or w / rw <= budget
        return (label, w, c, ref, w / rw, c / rc, f"≤ {budget:g}×" if budget else "", ok)

    rows: list[Row] = [("python -c pass", *t["pass"], "", 0.0, None, "", True)]
    rows += [row(*budget) for budget in BUDGETS[:2]]
    hello_prompt = to_prompt(cmds["hello command"], env, "hello x", runs)
    first = to_prompt([cmds["--help"][0], "start"], env, "要做哪一组", runs)
    rows.append(
        (
            "start → first prompt",
            first,
            None,
            "hello command",
            first / hello_prompt,
            None,
            "≤ 1.25×",
            first / hello_prompt <= 1.25,
        )
    )
    rows += [row(*budget) for budget in BUDGETS[2:]]
    return rows


def print_instructions(counts: dict[str, int]) -> None:
    """The same budgets in instructions executed (steady where wall time swings), or why they are missing."""
    if not counts:
        print("\ninstructions: valgrind is not installed (apt install valgrind), not counted")
        return
    print(f"\n{'instructions (valgrind)':34} {'million':>9} {'reference':>15} {'ratio':>6}  {'budget':>9}")
    for label, name, ref, budget in BUDGETS:
        if counts[name] < 0 or counts[ref] < 0:
            print(f"{label:34} {'failed':>9}")
            continue
        ratio = counts[name] / counts[ref]
        limit = f"≤ {budget:g}×" if budget else ""
        verdict = ("yes" if ratio <= budget else "NO") if budget else ""
        print(f"{label:34} {counts[name] / 1e6:9,.0f} {ref:>15} {ratio:6.2f}  {limit:>9}  {verdict}")


def summary_rows(exe: str, work: Path, env: dict[str, str], runs: int, sizes: tuple[int, int], large: int) -> list[Row]:
    """``summary`` over generated folders: time, linearity, against rtoml's bare parse, and memory at scale."""
    rows: list[Row] = []
    timings: dict[int, float] = {}
    for size in sizes:
        folder = work / f"set-{size}"
        paths = make_reports(folder, size)
        subprocess.run(["sync"], check=False)
        w, c = measure({"summary": [exe, "summary", str(folder), "--json"]}, env, max(1, runs // 3))["summary"]
        timings[size] = w
        parse = rtoml_parse(paths, max(1, runs // 3))
        rows.append((f"summary over {size:,} reports", w, c, "", 0.0, None, "", True))
        ok = w / parse <= 2.0 or size < sizes[-1]
        budget = "≤ 2×" if size == sizes[-1] else ""
        rows.append(("  / rtoml parse in one process", w, None, f"{parse * 1000:.0f} ms", w / parse, None, budget, ok))
        shutil.rmtree(folder, ignore_errors=True)
    small, big = sizes
    linear = timings[big] / timings[small]
    limit = 1.1 * big / small
    rows.append((f"summary {big:,} / {small:,}", linear, None, "", 0.0, None, f"≤ {limit:g}×", linear <= limit))
    if large:
        folder = work / f"set-{large}"
        make_reports(folder, large)
        rss = peak_rss_mb([exe, "summary", str(folder), "--json"], env)
        rows.append((f"summary over {large:,}: peak MB", rss / 1000, None, "", 0.0, None, "< 200 MB", rss < 200))
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def collect_row(work: Path) -> Row:
    """The ballot box under load on 127.0.0.1: 200 ballots from 50 concurrent clients (tests/collect_helpers.py);
    the budget is that every ballot is written exactly once and the run ends within a minute."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from collections import Counter

    from collect_helpers import load
    from selfcheck.records import storage

    folder = work / "collect"
    run = load(folder, ballots=200, clients=50)
    texts = [p.read_text(encoding="utf-8") for p in storage.list_reports(folder)]
    seen = Counter(m for t in texts for m in run.markers if f'"{m}"' in t)
    once = run.accepted == 200 and not run.errors and all(seen[m] == 1 for m in run.markers) and len(texts) == 600
    label = f"collect: 200 ballots / 50 clients ({200 / run.seconds:.1f}/s)"
    return (label, run.seconds, None, "", 0.0, None, "< 60 s, once", once and run.seconds < 60)


def print_table(rows: list[Row]) -> None:
    """The table README shows: wall and CPU, the reference, both ratios, the budget."""
    print(f"{'measurement':34} {'wall':>9} {'cpu':>9} {'reference':>15} {'wall×':>6} {'cpu×':>6}  {'budget':>9}  ok")
    for label, value, cpu, ref_label, ratio, cpu_ratio, limit_text, ok in rows:
        if "peak MB" in label:
            shown = f"{value * 1000:6.0f} MB"
        elif label.startswith("summary") and "/" in label and not label.startswith("  /"):  # 10,000 / 1,000
            shown = f"{value:8.2f}×"
        else:
            shown = f"{value * 1000:6.1f} ms"
        cpu_text = f"{cpu * 1000:6.1f} ms" if cpu is not None else ""
        ratio_text = f"{ratio:.2f}" if ref_label else ""
        cpu_ratio_text = f"{cpu_ratio:.2f}" if cpu_ratio is not None else ""
        verdict = ("yes" if ok else "NO") if limit_text else ""
        print(
            f"{label:34} {shown:>9} {cpu_text:>9} {ref_label:>15} {ratio_text:>6} {cpu_ratio_text:>6}  "
            f"{limit_text:>9}  {verdict}"
        )


def main() -> int:
    """Measure, print the table, and say whether every budget holds."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and smaller report sets")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions each command executes (valgrind; about two minutes)",
    )
    parts = ("commands", "text", "summary", "collect")
    parser.add_argument(
        "--only",
        choices=parts,
        action="append",
        help="measure only this part (repeatable): commands against hello, text (answers, next question, long text, "
        "the 1.8 MB report), summary, collect",
    )
    args = parser.parse_args()
    only = set(args.only or parts)
    if args.instructions and "commands" not in only:
        parser.error("--instructions counts the commands: add --only commands")
    runs = 3 if args.quick else 9
    sizes = (1000, 2000) if args.quick else (1000, 10000)
    large = 0 if args.quick else 100_000
    py = sys.executable
    exe = shutil.which("selfcheck", path=str(Path(py).parent)) or "selfcheck"
    work = Path(tempfile.mkdtemp(prefix="selfcheck-bench-"))
    env = {**os.environ, "SELFCHECK_HOME": str(work / "home"), "COLUMNS": "100", "TERM": "xterm"}
    compile_package()
    try:
        cmds = command_set(exe, py, work) if "commands" in only else {}
        rows: list[Row] = command_rows(cmds, env, runs) if cmds else []
        counts = instructions(cmds, env) if cmds and args.instructions else None
        if "text" in only:
            answer = per_answer(runs)
            rows.append(("one answer (score + draft save)", answer, None, "", 0.0, None, "< 20 ms", answer < 0.020))
            step = next_question(runs)
            rows.append(("next question, 10,000 items", step, None, "", 0.0, None, "< 50 ms", step < 0.050))
            shown = long_text(runs)
            rows.append(("draw a 600,000-char text (cpu)", shown, None, "", 0.0, None, "< 1 s", shown < 1.0))
            for label, w, c in big_text_rows(exe, work, env, runs):
                rows.append((label, w, c, "", 0.0, None, "< 1 s", w < 1.0))
        if "summary" in only:
            rows += summary_rows(exe, work, env, runs, sizes, large)
        if "collect" in only:
            rows.append(collect_row(work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(rows)
    if counts is not None:
        print_instructions(counts)
    return 0 if all(r[7] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
