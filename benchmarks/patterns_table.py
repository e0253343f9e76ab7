"""Answer patterns × built-in questionnaires: the overall level and the number of findings, as a Markdown table.

The before/after table of #14's closing note. It goes through the command line only (``selfcheck start QID
--answers FILE`` into a fresh temporary ``SELFCHECK_HOME``, then the written report TOML is read back) and builds the
answers from the questionnaire TOML files themselves (items, kinds, scales, options, flags), never through the
project's Python API, so the same script runs against any checkout, old or new. Run it with the Python of the
checkout to measure (its venv, where selfcheck is installed); the questionnaires are the ones that interpreter's
selfcheck ships (``--questionnaires DIR`` to point elsewhere):

    .venv/bin/python benchmarks/patterns_table.py                 # every pattern, every post the checkout knows
    /path/to/old/.venv/bin/python benchmarks/patterns_table.py    # the same table for an older checkout

Patterns (the definitions of tests/answer_patterns.py, with two differences): all best; all worst; all midpoint
(every item at its middle; a yes/no item has no middle and takes its best answer, where answer_patterns takes "yes",
which on 对照改进作风要求 2.0 crosses every yes/no red line at once); one scale point everywhere (likert at that point,
checklists 以上都没有, every other item at its best: the issue's example, where answer_patterns puts the other items at
their middle); random (fixed seeds); all best with every checklist problem ticked (the issue's 91.67 优秀 example); and
every red line alone (all best with exactly one red line crossed: how many of N cap the level at the
questionnaire's ``red_line_level`` and yield their red-line finding). When the checkout has a post profile
(``questionnaires/profile/profile.toml``), the patterns run again for every post (``serves_public`` true, except for
the post ``member``); red lines that do not apply to a post are not counted for it.

A cell reads "overall level / n findings". When the answers file is refused because a dimension of a 对照 set has
neither a problem nor a written reason (the problem norm), the cell says so, and the row below (↳ with written
reasons) runs the same answers with one written reason per such dimension. Each run is a process of its own; ``-j``
runs that many at once (default 2).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BUILTINS = ("zuofeng", "qunzhong", "xianjin", "diaoyan", "juece", "fuwu")
Answer = bool | int | str | list[str]
Answers = dict[str, Answer]
Table = dict[str, Any]
"""A parsed TOML table (a questionnaire, an item, an option)."""
Builder = Callable[[Table], Answers]
"""A pattern: answers for one questionnaire."""

TEXT = "2026年6月在联系村入户走访，帮助解决了一户的饮水问题"
REASON = "征求意见、谈心谈话和民主评议中都没有人提出这方面的问题"
NORM_DIM = re.compile(r'dimension = "([a-z0-9][a-z0-9_-]*)"')


# ---- The questionnaires, read as TOML ---------------------------------------------------------------------------


def questionnaire_dir() -> Path:
    """The built-in questionnaires of the selfcheck this interpreter imports (installed package or source checkout)."""
    spec = importlib.util.find_spec("selfcheck")
    if spec is None or spec.origin is None:
        sys.exit("patterns_table: selfcheck is not installed for this Python; run it with the checkout's venv")
    package = Path(spec.origin).resolve().parent
    packaged = package / "questionnaires"
    return packaged if packaged.is_dir() else package.parents[1] / "questionnaires"


def load(folder: Path, qid: str) -> Table:
    with (folder / f"{qid}.toml").open("rb") as f:
        return tomllib.load(f)


def scale_of(q: Table, item: Table) -> tuple[int, int]:
    scale = item["scale"]
    s: Table = q["scales"][scale] if isinstance(scale, str) else scale
    return int(s["min"]), int(s["max"])


def options(item: Table) -> list[Table]:
    return list(item.get("options", []))


def day(when: str) -> str:
    """A date the item accepts: a deadline lies ahead, anything else (a record) a month back."""
    today = date.today()
    return (today + timedelta(days=90) if when == "future" else today - timedelta(days=30)).isoformat()


# ---- Patterns (the definitions of tests/answer_patterns.py, on the TOML) -------------------------------------------


def answer(q: Table, item: Table, where: str, point: int | None = None) -> Answer:
    """One item's answer at ``where``: ``best``, ``worst`` or ``mid`` (``point``: that scale point for likert)."""
    kind = item["kind"]
    if kind == "likert":
        lo, hi = scale_of(q, item)
        if point is not None:
            return min(max(point, lo), hi)
        best, worst = (lo, hi) if item.get("reverse", False) else (hi, lo)
        return {"best": best, "worst": worst, "mid": (lo + hi) // 2}[where]
    if kind == "yesno":
        yes_best = float(item.get("yes_score", 1.0)) >= float(item.get("no_score", 0.0))
        # Yes/no has no midpoint: the midpoint patterns take the best answer, so that they cross no red line
        # (tests/answer_patterns.py takes "yes", which in 对照改进作风要求 2.0 is every 八项规定 red line at once).
        return yes_best if where != "worst" else not yes_best
    if kind == "choice":
        ranked = sorted(options(item), key=lambda o: -float(o.get("score", 0.0)))
        return str({"best": ranked[0], "worst": ranked[-1], "mid": ranked[len(ranked) // 2]}[where]["id"])
    if kind == "multi":
        opts = options(item)
        none = [o["id"] for o in opts if o.get("exclusive", False)]
        good = [o["id"] for o in opts if float(o.get("score", 0.0)) > 0 and not o.get("exclusive", False)]
        bad = [o["id"] for o in opts if float(o.get("score", 0.0)) < 0 and not o.get("exclusive", False)]
        pick = {"best": good or none, "worst": bad or none, "mid": none}[where]
        return pick or [opts[0]["id"]]
    if kind == "number":
        bands = sorted(item["bands"], key=lambda b: (float(b.get("score", 0.0)), int(b["min"])))
        return int({"best": bands[-1], "worst": bands[0], "mid": bands[len(bands) // 2]}[where]["min"])
    if kind == "date":
        when = item.get("when", "any")
        return day(when if isinstance(when, str) else "any")
    if kind == "text":
        return TEXT
    raise ValueError(f"{q['id']}: item {item['id']} has an unknown kind {kind!r}")


def pattern(q: Table, where: str) -> Answers:
    return {i["id"]: answer(q, i, where) for i in q["items"]}


def one_point(q: Table, point: int) -> Answers:
    """The same scale point on every likert item, 以上都没有 on every checklist, every other item at its best.

    The issue's example: 有时/说不清 throughout and 以上都没有 gave 75 良好 and an empty 问题清单 on 对照改进作风要求
    1.0."""
    out: Answers = {}
    for item in q["items"]:
        where = {"likert": "mid", "multi": "mid"}.get(item["kind"], "best")
        out[item["id"]] = answer(q, item, where, point)
    return out


def random_answers(q: Table, seed: int) -> Answers:
    """Each item at a random place; checklists a random subset that respects "none of these"."""
    rng = random.Random(f"{q['id']}/{seed}")
    out: Answers = {}
    for item in q["items"]:
        kind, opts = item["kind"], options(item)
        if kind == "likert":
            lo, hi = scale_of(q, item)
            out[item["id"]] = rng.randint(lo, hi)
        elif kind == "choice":
            out[item["id"]] = str(rng.choice(opts)["id"])
        elif kind == "multi":
            plain = [o["id"] for o in opts if not o.get("exclusive", False)]
            ticked = [o for o in plain if rng.random() < 0.3]
            out[item["id"]] = ticked or [o["id"] for o in opts if o.get("exclusive", False)] or plain[:1]
        elif kind == "number":
            out[item["id"]] = rng.randint(int(item.get("min", 0)), min(int(item["max"]), 100))
        elif kind == "yesno":
            out[item["id"]] = rng.random() < 0.5
        else:
            out[item["id"]] = answer(q, item, "mid")
    return out


def every_problem_ticked(q: Table) -> Answers:
    """All best, but every checklist option that is a problem ticked (享乐主义 and 奢靡之风 all at once)."""
    out = pattern(q, "best")
    for item in q["items"]:
        if item["kind"] == "multi":
            ticked = [o["id"] for o in options(item) if o.get("problem") and not o.get("exclusive", False)]
            if ticked:
                out[item["id"]] = ticked
    return out


def holds(op: str, a: Answer, v: Answer) -> bool:
    """``a op v`` as the project's conditions read it (mismatched types do not hold)."""
    if op == "contains":
        wanted = v if isinstance(v, list) else [v]
        return isinstance(a, list) and all(w in a for w in wanted)
    if op in ("in", "not_in"):
        inside = a in (v if isinstance(v, list) else [v])
        return inside if op == "in" else not inside
    same = type(a) is type(v) and a == v
    if op in ("eq", "ne"):
        return same if op == "eq" else not same
    if isinstance(a, bool | list) or isinstance(v, bool | list) or type(a) is not type(v):
        return False
    return {"lt": a < v, "le": a <= v, "gt": a > v, "ge": a >= v}[op]  # type: ignore[operator]


@dataclass(frozen=True)
class RedLine:
    key: str
    """``item`` or ``item/option``, as the report's ``red_lines`` names it."""
    item: Table
    option: Table | None
    answers: Answers


def red_lines(q: Table) -> list[RedLine]:
    """All-best answers with exactly one red line crossed, once per red line (item flags and options)."""
    best = pattern(q, "best")
    out: list[RedLine] = []
    for item in q["items"]:
        flag = item.get("flag")
        if item.get("red_line", False) and flag is not None:
            tries: list[Answer] = [answer(q, item, w) for w in ("worst", "mid", "best")]
            if item["kind"] == "likert":
                lo, hi = scale_of(q, item)
                tries += list(range(lo, hi + 1))
            value = next((t for t in tries if holds(flag.get("op", "eq"), t, flag["value"])), None)
            if value is not None:
                out.append(RedLine(item["id"], item, None, {**best, item["id"]: value}))
        for opt in options(item):
            if opt.get("red_line", False):
                ticked: Answer = [opt["id"]] if item["kind"] == "multi" else opt["id"]
                out.append(RedLine(f"{item['id']}/{opt['id']}", item, opt, {**best, item["id"]: ticked}))
    return out


@dataclass(frozen=True)
class Who:
    post: str | None = None
    public: bool | None = None

    def sees(self, entry: Table | None) -> bool:
        """Whether an item or option applies to this post (as the project's ``applies``)."""
        if entry is None or self.post is None:
            return True
        posts = entry.get("posts", [])
        if posts and self.post not in posts:
            return False
        return not (entry.get("public_only", False) and self.public is False)


# ---- One run through the command line ----------------------------------------------------------------------------


@dataclass
class Outcome:
    overall: float | None = None
    level: str | None = None
    uncapped: str | None = None
    not_applicable: bool = False
    findings: list[Table] = field(default_factory=list)
    red: list[str] = field(default_factory=list)
    refused: str | None = None
    """Why no report was written: ``norm`` (the problem norm) or the first line of the error."""
    short: list[str] = field(default_factory=list)
    """For ``norm``: the dimensions with neither a problem nor a written reason."""


def toml_value(v: Answer) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def answers_file(qid: str, answers: Answers, who: Who, reasons: dict[str, str]) -> str:
    lines: list[str] = []
    if who.post is not None:
        lines += ["[respondent]", f'post = "{who.post}"']
        if who.public is not None:
            lines.append(f"serves_public = {toml_value(who.public)}")
        lines.append("")
    lines.append(f"[questionnaires.{qid}.answers]")
    lines += [f"{k} = {toml_value(v)}" for k, v in answers.items()]
    if reasons:
        lines += ["", f"[questionnaires.{qid}.no_problem]"]
        lines += [f"{k} = {toml_value(v)}" for k, v in reasons.items()]
    return "\n".join(lines) + "\n"


def run_once(qid: str, answers: Answers, who: Who, reasons: dict[str, str]) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="patterns-") as tmp:
        home = Path(tmp)
        path = home / "answers.toml"
        path.write_text(answers_file(qid, answers, who, reasons), encoding="utf-8")
        env = {
            **os.environ,
            "SELFCHECK_HOME": str(home / "home"),
            "SELFCHECK_LANG": "zh",
            "NO_COLOR": "1",
            "COLUMNS": "400",
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
        }
        cmd = [sys.executable, "-m", "selfcheck", "start", qid, "--answers", str(path)]
        proc = subprocess.run(
            cmd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300, check=False
        )
        reports = sorted((home / "home").rglob("selfcheck-*.toml"))
        if proc.returncode != 0 or not reports:
            err = proc.stderr.strip()
            if "no_problem" in err:
                return Outcome(refused="norm", short=list(dict.fromkeys(NORM_DIM.findall(err))))
            first = err.splitlines()[0] if err else f"exit {proc.returncode}, no report"
            return Outcome(refused=first[:80])
        with reports[0].open("rb") as f:
            report = tomllib.load(f)
    res: Table = report.get("questionnaires", {}).get(qid, {})
    findings = [f for f in report.get("findings", []) if f.get("questionnaire") == qid]
    dims = res.get("scores", {}).get("dimensions", {})
    return Outcome(
        overall=res.get("scores", {}).get("overall"),
        level=res.get("level"),
        uncapped=res.get("level_uncapped"),
        not_applicable=bool(res.get("not_applicable")) and not dims,
        findings=findings,
        red=list(res.get("red_lines", [])),
    )


@dataclass
class Result:
    first: Outcome
    """The answers as the pattern gives them."""
    with_reasons: Outcome | None = None
    """When the norm refused them: the same answers with one written reason per dimension short of a problem."""

    @property
    def final(self) -> Outcome:
        return self.with_reasons or self.first


def run(qid: str, answers: Answers, who: Who) -> Result:
    first = run_once(qid, answers, who, {})
    if first.refused != "norm":
        return Result(first)
    return Result(first, run_once(qid, answers, who, dict.fromkeys(first.short, REASON)))


# ---- The table ---------------------------------------------------------------------------------------------------


def level_text(o: Outcome) -> str:
    if o.overall is None:
        return "not applicable" if o.not_applicable else f"no score ({o.level or '–'})"
    text = f"{o.overall:.1f} {o.level or '–'}"
    return text + f" (capped from {o.uncapped})" if o.uncapped and o.uncapped != o.level else text


def cell(o: Outcome) -> str:
    if o.refused == "norm":
        return f"refused: norm ({', '.join(o.short) or '?'})"
    if o.refused is not None:
        return f"refused: {o.refused}"
    red = sum(1 for f in o.findings if f.get("red_line", False))
    return f"{level_text(o)} / {len(o.findings)}" + (f" ({red} red)" if red else "")


def band_min(q: Table, label: str | None) -> float | None:
    return next((float(b["min"]) for b in q["bands"] if b["label"] == label), None)


def red_line_holds(q: Table, case: RedLine, o: Outcome) -> bool:
    """The level is at or below the questionnaire's red_line_level and the red-line finding is there."""
    cap, got = band_min(q, q.get("red_line_level")), band_min(q, o.level)
    capped = cap is not None and got is not None and got <= cap
    option = case.option["id"] if case.option is not None else None
    found = any(
        f.get("red_line", False) and f.get("item") == case.item["id"] and (option is None or f.get("option") == option)
        for f in o.findings
    )
    return capped and found and case.key in o.red


Job = tuple[str, str, Answers, Who]
"""(row key, questionnaire id, answers, post)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questionnaires", type=Path, help="the folder of the built-in TOML files")
    parser.add_argument("--seeds", type=int, default=1, help="random patterns (seeds 0 … N-1); default 1")
    parser.add_argument("--no-posts", action="store_true", help="skip the per-post rows")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="runs at once; default 2")
    args = parser.parse_args()
    folder: Path = args.questionnaires or questionnaire_dir()
    qs = {qid: load(folder, qid) for qid in BUILTINS}

    patterns: list[tuple[str, Builder, bool]] = [
        ("all best", lambda q: pattern(q, "best"), True),
        ("all worst", lambda q: pattern(q, "worst"), True),
        ("all midpoint", lambda q: pattern(q, "mid"), True),
        *((f"point {p} everywhere", (lambda q, p=p: one_point(q, p)), p == 3) for p in range(1, 6)),
        *((f"random (seed {s})", (lambda q, s=s: random_answers(q, s)), True) for s in range(args.seeds)),
        ("best + every checklist problem", every_problem_ticked, False),
    ]
    profile = folder / "profile" / "profile.toml"
    whos: list[tuple[str, Who]] = [("", Who())]
    if profile.is_file() and not args.no_posts:
        with profile.open("rb") as f:
            posts = tomllib.load(f).get("posts", [])
        whos += [(f" · {p['id']}", Who(p["id"], p["id"] != "member")) for p in posts]

    rows: list[str] = []
    jobs: list[Job] = []
    for suffix, who in whos:
        for name, build, per_post in patterns:
            if who.post is None or per_post:
                rows.append(name + suffix)
                jobs += [(name + suffix, qid, build(q), who) for qid, q in qs.items()]
    cases = {qid: red_lines(q) for qid, q in qs.items()}
    red_jobs = [
        (suffix, qid, c, who)
        for suffix, who in whos
        for qid in BUILTINS
        for c in cases[qid]
        if who.sees(c.item) and who.sees(c.option)
    ]
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        done = list(pool.map(lambda j: run(j[1], j[2], j[3]), jobs))
        red_done = list(pool.map(lambda j: run(j[1], j[2].answers, j[3]), red_jobs))

    results = {(row, qid): r for (row, qid, _, _), r in zip(jobs, done, strict=True)}
    versions = " · ".join(f"{qid} {q.get('version', '?')}" for qid, q in qs.items())
    print(f"Questionnaires: {folder} ({versions})\n")
    print("| pattern | " + " | ".join(BUILTINS) + " |")
    print("|---|" + "---|" * len(BUILTINS))
    for row in rows:
        got = [results[row, qid] for qid in BUILTINS]
        print(f"| {row} | " + " | ".join(cell(r.first) for r in got) + " |")
        if any(r.with_reasons for r in got):
            texts = [cell(r.with_reasons) + f" +{len(r.first.short)} reasons" if r.with_reasons else "=" for r in got]
            print("| ↳ with written reasons | " + " | ".join(texts) + " |")
    failures: list[str] = []
    for suffix, _ in whos:
        texts = []
        for qid in BUILTINS:
            mine = [(c, r) for (s, q, c, _), r in zip(red_jobs, red_done, strict=True) if s == suffix and q == qid]
            if not any(i.get("red_line") or any(o.get("red_line") for o in options(i)) for i in qs[qid]["items"]):
                texts.append("no red lines")
                continue
            if not mine:
                texts.append("none applies to the post")
                continue
            ok = [c.key for c, r in mine if red_line_holds(qs[qid], c, r.final)]
            texts.append(f"{len(ok)} of {len(mine)} cap to {qs[qid].get('red_line_level')} + finding")
            for c, r in mine:
                if c.key not in ok:
                    failures.append(f"{qid} {c.key}{suffix}: {cell(r.final)}, red_lines = {r.final.red}")
        print(f"| every red line alone{suffix} | " + " | ".join(texts) + " |")
    if failures:
        print("\nRed lines that did not cap the level or yield their finding:\n")
        print("\n".join(f"- {f}" for f in failures))


if __name__ == "__main__":
    main()
