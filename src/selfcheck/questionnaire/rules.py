"""The checks of the keys that make scores honest: red lines, posts, the problem norm, consistency checks, grades.

Like :mod:`selfcheck.questionnaire.checks`, each rule returns readable lines rather than raising.
"""

from __future__ import annotations

from selfcheck.questionnaire.model import ChoiceItem, MultiItem, NumberItem, Questionnaire


def _red_line_problems(q: Questionnaire) -> list[str]:
    labels = [b.label for b in q.bands]
    problems: list[str] = []
    marked = False
    for item in q.items:
        if item.red_line:
            marked = True
            if item.flag is None:
                problems.append(f"item {item.id}: red_line: needs a flag saying which answer is the red line")
        if isinstance(item, ChoiceItem | MultiItem):
            for opt in item.options:
                if opt.red_line:
                    marked = True
                    if not opt.problem and not (isinstance(item, ChoiceItem) and item.problem):
                        problems.append(f"item {item.id}: option {opt.id}: red_line: needs the problem's wording")
                    if opt.exclusive:
                        problems.append(f"item {item.id}: option {opt.id}: red_line: an exclusive option cannot be one")
    if q.red_line_level is not None and q.red_line_level not in labels:
        problems.append(f"red_line_level: {q.red_line_level!r} is not a band label (known: {', '.join(labels)})")
    if marked and q.red_line_level is None:
        problems.append("red_line_level: red lines are marked; name the band they cap the level at")
    return problems


def _post_problems(q: Questionnaire, posts: set[str] | None) -> list[str]:
    if posts is None:
        return []
    problems: list[str] = []
    known = ", ".join(sorted(posts))
    for item in q.items:
        for post in item.posts:
            if post not in posts:
                problems.append(f"item {item.id}: posts: unknown post {post!r} (known: {known})")
        if isinstance(item, ChoiceItem | MultiItem):
            for opt in item.options:
                for post in opt.posts:
                    if post not in posts:
                        problems.append(f"item {item.id}: option {opt.id}: posts: unknown post {post!r} ({known})")
    return problems


def _check_problems(q: Questionnaire) -> list[str]:
    from selfcheck.questionnaire.checks import value_problem
    from selfcheck.scoring.notes import BUILTIN_NOTES

    items = {i.id: i for i in q.items}
    problems: list[str] = []
    seen: set[str] = set()
    for check in q.checks:
        where = f"check {check.id}"
        if check.id in seen:
            problems.append(f"{where}: id: duplicate check id")
        if check.id in BUILTIN_NOTES:
            problems.append(f"{where}: id: {check.id!r} is the name of a built-in note; choose another")
        seen.add(check.id)
        counts = [("item", check.item)] + ([("than", check.than)] if check.kind == "not_above" else [])
        for field, ref in counts:
            if ref is None:
                problems.append(f"{where}: {field}: required for kind {check.kind!r}")
            elif ref not in items:
                problems.append(f"{where}: {field}: unknown item {ref!r}")
            elif not isinstance(items[ref], NumberItem):
                problems.append(f"{where}: {field}: item {ref!r} is not a number item (checks compare counts)")
        if check.kind == "needs_count":
            if check.when is None:
                problems.append(f"{where}: when: required for kind 'needs_count' (the claim that needs a count)")
            elif check.when.item not in items:
                problems.append(f"{where}: when.item: unknown item {check.when.item!r}")
            else:
                why = value_problem(q, items[check.when.item], check.when.op, check.when.value)
                if why:
                    problems.append(f"{where}: when.value: impossible condition: {why}")
    return problems


def _rater_problems(q: Questionnaire) -> list[str]:
    problems: list[str] = []
    if q.grades is not None and q.grades.labels_en is not None and len(q.grades.labels_en) != len(q.grades.labels):
        problems.append(f"grades: labels_en: {len(q.grades.labels)} grades need {len(q.grades.labels)} translations")
    ids = [o.id for o in q.disqualifiers]
    problems += [f"disqualifiers: duplicate option id {d!r}" for d in sorted({i for i in ids if ids.count(i) > 1})]
    return problems


def rule_problems(q: Questionnaire, posts: set[str] | None) -> list[str]:
    """Red lines, posts, checks and rater keys that cannot hold, as readable lines."""
    problems = _red_line_problems(q) + _post_problems(q, posts) + _check_problems(q) + _rater_problems(q)
    if q.min_problems_per_dimension and not any(i.flag or isinstance(i, MultiItem) for i in q.items):
        problems.append("min_problems_per_dimension: no item can mark a problem")
    return problems
