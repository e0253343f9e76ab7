"""The terminal front end of the interview: asks, reads lines, drives :class:`~selfcheck.interview.state.Interview`.

Input is line-based so it works in any terminal and through a pipe. The draft is saved after every answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from selfcheck.errors import AnswerError
from selfcheck.i18n import Lang, Msg, pick, pick_list, t
from selfcheck.interview import detail_checks as wording
from selfcheck.interview.state import Interview, Step
from selfcheck.questionnaire.model import DateItem, Questionnaire
from selfcheck.questionnaire.values import describe, parse
from selfcheck.records.codes import Progress
from selfcheck.records.draft import Draft
from selfcheck.records.ledger import Problem
from selfcheck.records.report import Finding, ReviewEntry, finding_id
from selfcheck.scoring.findings import Detected
from selfcheck.scoring.scores import score
from selfcheck.terminal.console import Wrapped, item_panel, scores_table, source_passage
from selfcheck.terminal.forms import Back, FormField


def ask(console: Console, prompt: str) -> str:
    """The line after ``› prompt``; the prompt is text, never markup, so ``[y/N]`` shows as typed."""
    from selfcheck.terminal.lineinput import read_styled

    return read_styled(console, _arrow(prompt))


class Quit(Exception):  # noqa: N818 - a signal to stop, not an error
    """The person typed ``q``: save and stop."""


@dataclass
class Session:
    """One interactive run: the interview, the 查摆 records so far, and how to save them."""

    console: Console
    lang: Lang
    interview: Interview
    draft: Draft
    save: Callable[[Draft], None]
    today: date = field(default_factory=date.today)
    earlier: list[tuple[str, str]] = field(default_factory=list)
    """(month, text) of descriptions in earlier reports, to catch copied wording."""
    hinted: bool = False
    other: bool = False
    """Rating someone else: items in the third person, no 查摆 questions."""
    form: FormField | None = None
    """The field of a 查摆 or 回头看 form being asked: ``b`` and ``?`` work there (see :mod:`.forms`)."""

    # ---- input ----

    def read(self, prompt: str) -> str:
        """One line from the person; ``q`` quits (after saving). Inside a form, ``b`` goes back a field, ``?``
        explains it, and Enter keeps what was typed there before."""
        while True:
            line = ask(self.console, prompt).strip()
            if line.lower() in ("q", "quit", "退出"):
                raise Quit
            if self.form is None:
                return line
            if line.lower() == "b":
                raise Back
            if line in ("?", "？"):
                self.console.print(
                    Panel(Wrapped(self.form.help), title=t(Msg.FORM_HELP_TITLE, self.lang), title_align="left")
                )
                continue
            line = line or self.form.kept
            if line:
                self.form.last = line
            return line

    def note(self, message: str, style: str = "yellow") -> None:
        """A one-line remark (a reason to re-ask, a warning)."""
        self.console.print(Wrapped(Text(message, style=style)))  # Chinese line breaking: no line starts with ，

    def persist(self) -> None:
        """Save the draft with the current state."""
        self.draft.answers = self.interview.all_answers()
        self.draft.skipped = self.interview.all_skipped()
        self.save(self.draft)

    # ---- 回头看: last time's measures ----

    def run_review(self, open_problems: list[Problem], record: Callable[[Problem, Progress, str], None]) -> None:
        """Before new problems: how each open problem's measure went (see :mod:`.lookback`)."""
        from selfcheck.terminal.lookback import run_review

        run_review(self, open_problems, record)

    # ---- the questions ----

    def run_questions(self) -> None:
        """Ask every shown item; after each questionnaire, show its scores."""
        while (step := self.interview.current()) is not None:
            self.ask_item(step)  # a rater's interview does not show the person's own record (Interview.rater)
            self.persist()
            nxt = self.interview.current()
            if not self.other and (nxt is None or nxt.questionnaire.id != step.questionnaire.id):
                q = step.questionnaire
                result = score(q, self.interview.answers_for(q.id), who=self.interview.who)
                self.console.print(scores_table(q, result, self.lang))
                self.console.print()
                from selfcheck.terminal.norm import offer_notes

                offer_notes(self, q)  # going back moves the interview; the loop then asks that item again

    def ask_item(self, step: Step) -> None:
        """Ask one item until it is answered, skipped or left with ``b``."""
        step = self.interview.fitted(step)
        q = step.questionnaire
        existing = self.interview.existing(step)
        shown = describe(q, step.item, existing, self.lang) if existing is not None else None
        self.console.print(item_panel(step, self.interview.progress(), self.lang, shown, self.other))
        while True:
            raw = self.read("")
            if raw.lower() == "b":
                if not self.interview.back():
                    self.note(t(Msg.AT_FIRST, self.lang))
                    continue
                return
            if raw in {"?", "？"}:
                self.console.print(
                    Panel(
                        Wrapped(source_passage(step.item, self.lang)),
                        title=t(Msg.HELP_TITLE, self.lang),
                        title_align="left",
                    )
                )
                continue
            if raw == "":
                if existing is not None:
                    self.interview.answer(existing)
                    return
                if step.item.required:
                    self.note(t(Msg.REQUIRED, self.lang))
                    continue
                self.interview.skip()
                return
            try:
                value = parse(q, step.item, raw, self.today)
            except AnswerError as exc:
                self.note(exc.render(self.lang))
                continue
            if isinstance(step.item, DateItem) and isinstance(value, str):
                self.echo_date(raw, value)
            self.interview.answer(value)
            return

    # ---- 民主测评: raters judge each dimension ----

    def run_ratings(self, questionnaires: list[Questionnaire]) -> None:
        """For each dimension: a mark on the questionnaire's rating scale (Enter = 不了解) and an optional comment."""
        for q in questionnaires:
            if q.rating is None:
                continue
            labels = pick_list(q.rating.labels, q.rating.labels_en, self.lang)
            abstain = pick(q.rating.abstain or "不了解", q.rating.abstain_en or "Don't know", self.lang)
            for dim in q.dimensions:
                key = f"{q.id}/{dim.id}"
                if key in self.draft.rated:
                    continue
                title = pick(dim.title, dim.title_en, self.lang)
                self.console.print(
                    Panel(
                        Text(t(Msg.RATING_ASK, self.lang, dimension=title), style="bold"),
                        title=pick(q.title, q.title_en, self.lang),
                        title_align="left",
                    )
                )
                self.console.print(Text(t(Msg.RATING_ABSTAIN, self.lang, label=abstain), style="dim"))
                mark = self.ask_number(t(Msg.RATING_PROMPT, self.lang), list(labels))
                if mark is not None:
                    self.draft.ratings.setdefault(q.id, {})[dim.id] = mark
                comment = self.read(t(Msg.RATING_COMMENT, self.lang))
                if comment:
                    self.draft.comments.setdefault(q.id, {})[dim.id] = comment
                self.draft.rated.append(key)
                self.persist()

    # ---- the 查摆 record ----

    def run_findings(self, detected: list[Detected], created_key: str, default_owner: str) -> None:
        """Ask the 查摆 details for every problem found, then offer to add problems no item caught."""
        if self.draft.phase in ("review", "questions"):
            self.draft.phase = "findings"
            self.persist()
        done = {(f.questionnaire, f.item, f.option) for f in self.draft.findings}
        todo = [d for d in detected if (d.questionnaire, d.item, d.option) not in done]
        carried = [r for r in self.draft.review if r.outcome == "persists"]
        if self.draft.phase == "findings":
            if detected or carried:
                n_all = len(detected) + len(carried)
                self.console.print(Text(t(Msg.FINDINGS_INTRO, self.lang, n=n_all), style="bold"))
            else:
                self.note(t(Msg.FINDINGS_NONE, self.lang), style="green")
            for d in todo:
                n = len(self.draft.findings) + 1
                problem = pick(d.problem, d.problem_en, self.lang)
                head = t(Msg.FINDING_HEAD, self.lang, n=n, total=len(detected) + len(carried))
                red = f" · {t(Msg.RED_LINE, self.lang)}" if d.red_line else ""
                self.console.print(
                    Panel(
                        Text(problem, style="bold"),
                        title=head + red,
                        title_align="left",
                        border_style="red" if red else "",
                    )
                )
                if d.red_line:
                    self.note(t(Msg.RED_LINE_FINDING, self.lang), style="bold red")
                fid = finding_id(self.draft.created, f"{d.questionnaire}/{d.key}")
                finding = self.ask_details(problem, fid, default_owner, required=d.red_line)
                where = {"questionnaire": d.questionnaire, "item": d.item, "option": d.option, "red_line": d.red_line}
                self.draft.findings.append(finding.model_copy(update=where))
                self.persist()
            self.run_carried(carried, len(detected) + len(carried), default_owner)
            self.draft.phase = "extra"
            self.persist()
        while True:
            n = sum(1 for f in self.draft.findings if f.item is None) + 1
            fid = finding_id(self.draft.created, f"{created_key}/extra-{n}")
            problem = self.draft.partial.get(fid, {}).get("problem", "")  # one left half-way before quitting
            if not problem:
                if self.read(t(Msg.ASK_MORE, self.lang)).lower() not in ("y", "yes", "是", "有"):
                    break
                problem = self.read_required(t(Msg.ASK_PROBLEM, self.lang))
                self.draft.partial[fid] = {"problem": problem}
            else:
                self.console.print(Panel(Text(problem, style="bold"), title=t(Msg.ASK_PROBLEM, self.lang)))
            self.draft.findings.append(self.ask_details(problem, fid, default_owner))
            self.persist()

    def run_carried(self, carried: list[ReviewEntry], total: int, default_owner: str) -> None:
        """Problems added by hand earlier that the 回头看 said persist: 查摆 again, keeping their identity."""
        have = {f.problem_id for f in self.draft.findings if f.problem_id}
        for r in carried:
            if r.problem_id in have:
                continue
            n = len(self.draft.findings) + 1
            head = f"{t(Msg.FINDING_HEAD, self.lang, n=n, total=total)} · {t(Msg.FINDING_CARRIED, self.lang)}"
            self.console.print(Panel(Text(r.problem, style="bold"), title=head, title_align="left"))
            fid = finding_id(self.draft.created, f"carried/{r.problem_id}")
            finding = self.ask_details(r.problem, fid, default_owner)
            where = {
                "problem_id": r.problem_id or r.finding,
                "questionnaire": r.questionnaire,
                "dimension": r.dimension,
            }
            self.draft.findings.append(finding.model_copy(update=where))
            self.persist()

    def read_required(self, prompt: str) -> str:
        """A line that must not be empty."""
        while not (line := self.read(prompt)):
            self.note(t(Msg.BAD_EMPTY, self.lang))
        return line

    def ask_details(self, problem: str, fid: str, default_owner: str, required: bool = False) -> Finding:
        """具体表现, 原因, 整改措施, 完成时限, 责任人, 来源 for one problem; ``required``: 具体表现 cannot be empty."""
        from selfcheck.terminal.chabai import ask_details

        return ask_details(self, problem, fid, default_owner, required)

    def ask_detail(self, problem: str) -> str:
        """The concrete instance. A description that is short, restates the problem, copies an earlier report or
        another problem's description, speaks for the group, or (once per interview) has no concrete detail is
        questioned; a replacement is checked again; Enter keeps what was last written."""
        text = self.read(t(Msg.ASK_DETAIL, self.lang))
        while (warning := self.detail_warning(text, problem)) is not None:
            self.note(warning)
            again = self.read(t(Msg.ASK_DETAIL, self.lang))
            if not again or again == text:
                break
            text = again
        return text

    def ask_measure(self) -> str:
        """The rectification measure; a wish without frequency, amount or date is questioned, and so is a
        replacement that is still a wish; Enter keeps what was last written."""
        measure = self.read_required(t(Msg.ASK_MEASURE, self.lang))
        while wording.is_wish(measure):
            self.note(t(Msg.WARN_WISH, self.lang))
            again = self.read(t(Msg.ASK_MEASURE, self.lang))
            if not again or again == measure:
                break
            measure = again
        return measure

    def detail_warning(self, text: str, problem: str) -> str | None:
        """What is wrong with a description, if anything (see :mod:`selfcheck.interview.detail_checks`)."""
        others = [(f.problem, f.detail) for f in self.draft.findings if f.detail]
        found = wording.detail_issue(text, problem, self.earlier, others)
        if found is None:
            return None
        issue, label = found
        if issue == "generic":
            if self.hinted:
                return None
            self.hinted = True
        messages = {
            "short": Msg.WARN_SHORT,
            "repeat": Msg.WARN_REPEAT,
            "similar": Msg.WARN_SIMILAR,
            "same": Msg.WARN_SAME_DETAIL,
            "collective": Msg.WARN_COLLECTIVE,
            "generic": Msg.WARN_GENERIC,
        }
        return t(messages[issue], self.lang, min=wording.MIN_DETAIL, month=label, problem=label)

    def ask_number(
        self, prompt: str, labels: list[str], default: int | None = None, listing: bool = True
    ) -> int | None:
        """A numbered pick from ``labels`` (1-based); Enter gives ``default``; ``listing``: print the labels first."""
        if listing:
            self.console.print(Text("  ".join(f"{i} {label}" for i, label in enumerate(labels, 1)), style="dim"))
        suffix = f" [{default}]" if default else ""
        while True:
            raw = self.read(prompt + suffix)
            if raw == "":
                return default
            if raw.isdigit() and 1 <= int(raw) <= len(labels):
                return int(raw)
            self.note(t(Msg.BAD_NUMBER, self.lang, n=len(labels)))

    def ask_deadline(self) -> str:
        """A date not before today, in any form :mod:`selfcheck.questionnaire.dates` reads; Enter takes three
        months from today. A loosely written date is echoed back as it is stored."""
        from selfcheck.questionnaire.dates import example, parse_on_side

        default = (self.today + timedelta(days=90)).isoformat()
        shown = example("future", self.today)
        prompt = t(Msg.ASK_DEADLINE_EXAMPLE, self.lang, iso=shown.isoformat(), y=shown.year, m=shown.month)
        while True:
            raw = self.read(f"{prompt} [{default}]") or default
            try:
                when = parse_on_side(raw, "future", self.today).isoformat()
            except AnswerError as exc:
                self.note(exc.render(self.lang))
                continue
            self.echo_date(raw, when)
            return when

    def echo_date(self, raw: str, stored: str) -> None:
        """Say how a date written loosely (2027年6月底) was read, so a misreading is seen at once."""
        if raw.strip() != stored:
            self.note(t(Msg.DATE_READ_AS, self.lang, date=stored), style="green")


def choose_questionnaires(
    console: Console, lang: Lang, available: list[Questionnaire], ask_set: bool = True
) -> list[str]:
    """Ask which set to run: the three comparisons, the three abilities, all six, or a pick.

    ``ask_set=False``: the set menu was already answered with "pick", so only the list is shown."""
    from selfcheck.questionnaire.library import SETS

    if not ask_set:
        return pick_questionnaires(console, lang, available)

    options = [
        ("contrast", t(Msg.SET_CONTRAST, lang)),
        ("ability", t(Msg.SET_ABILITY, lang)),
        ("all", t(Msg.SET_ALL, lang)),
        ("pick", t(Msg.SET_PICK, lang)),
    ]
    console.print(Text(t(Msg.CHOOSE_SET, lang), style="bold"))
    for i, (_, label) in enumerate(options, 1):
        console.print(f"  {i}  {label}")
    while True:
        raw = ask(console, "").strip()
        if raw.isdigit() and 1 <= int(raw) <= len(options):
            key = options[int(raw) - 1][0]
            break
        console.print(Text(t(Msg.BAD_NUMBER, lang, n=len(options)), style="yellow"))
    if key != "pick":
        return list(SETS[key])
    return pick_questionnaires(console, lang, available)


def pick_questionnaires(console: Console, lang: Lang, available: list[Questionnaire]) -> list[str]:
    """The numbered list of questionnaires; one or several numbers."""
    for i, q in enumerate(available, 1):
        console.print(f"  {i}  {pick(q.title, q.title_en, lang)} ({q.id})")
    while True:
        raw = ask(console, t(Msg.ASK_PICK, lang)).strip()
        parts = [p for p in raw.replace("，", ",").split(",") if p.strip()]
        if parts and all(p.strip().isdigit() and 1 <= int(p) <= len(available) for p in parts):
            return list(dict.fromkeys(available[int(p) - 1].id for p in parts))
        console.print(Text(t(Msg.BAD_NUMBER, lang, n=len(available)), style="yellow"))


def _arrow(prompt: str) -> Text:
    """The input prompt: a cyan arrow, then ``prompt`` as it is (never read as Rich markup: it may quote data)."""
    return Text.assemble(("›", "bold cyan"), f" {prompt} " if prompt else " ")
