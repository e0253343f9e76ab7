"""The checks of the keys that make scores honest: red lines, posts, the problem norm, consistency checks, grades.

Like :mod:`selfcheck.questionnaire.checks`, each rule returns problem lines (catalogue phrases) rather than raising.
"""

from __future__ import annotations

from selfcheck.i18n import Msg, Phrase
from selfcheck.questionnaire.checks import at
from selfcheck.questionnaire.model import ChoiceItem, MultiItem, NumberItem, Questionnaire


def _red_line_problems(q: Questionnaire) -> list[Phrase]:
    labels = [b.label for b in q.bands]
    problems: list[Phrase] = []
    marked = False
    for item in q.items:
        if item.red_line:
            marked = True
            if item.flag is None:
                problems.append(at(f"item {item.id}: red_line", Phrase(Msg.Q_RED_LINE_NEEDS_FLAG)))
        if isinstance(item, ChoiceItem | MultiItem):
            for opt in item.options:
                if opt.red_line:
                    marked = True
                    if not opt.problem and not (isinstance(item, ChoiceItem) and item.problem):
                        where = f"item {item.id}: option {opt.id}: red_line"
                        problems.append(at(where, Phrase(Msg.Q_RED_LINE_NEEDS_PROBLEM)))
                    if opt.exclusive:
                        where = f"item {item.id}: option {opt.id}: red_line"
                        problems.append(at(where, Phrase(Msg.Q_RED_LINE_EXCLUSIVE)))
    if q.red_line_level is not None and q.red_line_level not in labels:
        unknown = Phrase(Msg.Q_RED_LINE_LEVEL_UNKNOWN, level=q.red_line_level, known=", ".join(labels))
        problems.append(at("red_line_level", unknown))
    if marked and q.red_line_level is None:
        problems.append(at("red_line_level", Phrase(Msg.Q_RED_LINE_LEVEL_MISSING)))
    return problems


def _post_problems(q: Questionnaire, posts: set[str] | None) -> list[Phrase]:
    if posts is None:
        return []
    problems: list[Phrase] = []
    known = ", ".join(sorted(posts))
    for item in q.items:
        for post in item.posts:
            if post not in posts:
                problems.append(at(f"item {item.id}: posts", Phrase(Msg.Q_UNKNOWN_POST, post=post, known=known)))
        if isinstance(item, ChoiceItem | MultiItem):
            for opt in item.options:
                for post in opt.posts:
                    if post not in posts:
                        where = f"item {item.id}: option {opt.id}: posts"
                        problems.append(at(where, Phrase(Msg.Q_UNKNOWN_POST, post=post, known=known)))
    return problems


def _check_problems(q: Questionnaire) -> list[Phrase]:
    from selfcheck.questionnaire.checks import value_problem
    from selfcheck.scoring.notes import BUILTIN_NOTES

    items = {i.id: i for i in q.items}
    problems: list[Phrase] = []
    seen: set[str] = set()
    for check in q.checks:
        where = f"check {check.id}"
        if check.id in seen:
            problems.append(at(f"{where}: id", Phrase(Msg.Q_DUPLICATE_CHECK)))
        if check.id in BUILTIN_NOTES:
            problems.append(at(f"{where}: id", Phrase(Msg.Q_CHECK_BUILTIN_NAME, id=check.id)))
        seen.add(check.id)
        counts = [("item", check.item)] + ([("than", check.than)] if check.kind == "not_above" else [])
        for field, ref in counts:
            if ref is None:
                problems.append(at(f"{where}: {field}", Phrase(Msg.Q_CHECK_REQUIRED, kind=check.kind)))
            elif ref not in items:
                problems.append(at(f"{where}: {field}", Phrase(Msg.Q_UNKNOWN_ITEM, id=ref)))
            elif not isinstance(items[ref], NumberItem):
                problems.append(at(f"{where}: {field}", Phrase(Msg.Q_CHECK_NOT_NUMBER, id=ref)))
        if check.kind == "needs_count":
            if check.when is None:
                problems.append(at(f"{where}: when", Phrase(Msg.Q_CHECK_WHEN_REQUIRED)))
            elif check.when.item not in items:
                problems.append(at(f"{where}: when.item", Phrase(Msg.Q_UNKNOWN_ITEM, id=check.when.item)))
            else:
                why = value_problem(q, items[check.when.item], check.when.op, check.when.value)
                if why:
                    problems.append(at(f"{where}: when.value", Phrase(Msg.Q_IMPOSSIBLE, why=why)))
    return problems


def _rater_problems(q: Questionnaire) -> list[Phrase]:
    problems: list[Phrase] = []
    if q.grades is not None and q.grades.labels_en is not None and len(q.grades.labels_en) != len(q.grades.labels):
        problems.append(at("grades: labels_en", Phrase(Msg.Q_GRADES_EN, n=len(q.grades.labels))))
    ids = [o.id for o in q.disqualifiers]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    problems += [at("disqualifiers", Phrase(Msg.Q_DUPLICATE_OPTION, id=d)) for d in duplicates]
    return problems


def rule_problems(q: Questionnaire, posts: set[str] | None) -> list[Phrase]:
    """Red lines, posts, checks and rater keys that cannot hold, as problem lines."""
    problems = _red_line_problems(q) + _post_problems(q, posts) + _check_problems(q) + _rater_problems(q)
    if q.min_problems_per_dimension and not any(i.flag or isinstance(i, MultiItem) for i in q.items):
        problems.append(at("min_problems_per_dimension", Phrase(Msg.Q_NO_ITEM_MARKS)))
    return problems
