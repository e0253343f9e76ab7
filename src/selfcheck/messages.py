"""Interface wording in Chinese and English (questionnaire content carries its own translations)."""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["zh", "en"]

_TEXT: dict[str, tuple[str, str]] = {
    "progress": ("第 {n}/{total} 题", "Question {n}/{total}"),
    "hint.likert": ("输入 {lo}–{hi}", "Type {lo}-{hi}"),
    "hint.yesno": ("1 是 / 2 否", "Type 1 yes / 2 no"),
    "hint.choice": ("输入编号", "Type a number"),
    "hint.multi": ("输入编号，可多选，如 1,3", "Type numbers, e.g. 1,3"),
    "hint.number": ("输入 {lo}–{hi} 的整数{unit}", "Type a whole number {lo}-{hi}{unit}"),
    "hint.date": ("日期，如 2026-03-15", "A date, e.g. 2026-03-15"),
    "hint.text": ("写下内容", "Type your answer"),
    "hint.enter": ("回车{enter}", "Enter {enter}"),
    "hint.keys": ("b 上一题 · ? 出处 · q 保存退出", "b back · ? source · q save and quit"),
    "enter.keep": ("保留原答案", "keeps the answer"),
    "enter.skip": ("跳过", "skips"),
    "enter.required": ("（必答）", "(required)"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "current": ("当前答案：{value}", "Current answer: {value}"),
    "help.title": ("出处", "Source passage"),
    "help.none": ("这一题没有标注出处。", "No source passage for this item."),
    "help.original": ("原文：", "Original: "),
    "at.first": ("已经是第一题。", "This is the first question."),
    "required": ("这一题必须回答。", "This question must be answered."),
    "saved.quit": (
        "已保存草稿。继续作答：selfcheck start --resume",
        "Draft saved. To continue: selfcheck start --resume",
    ),
    "scores.title": ("{title} · 得分", "{title} · Scores"),
    "col.dimension": ("维度", "Dimension"),
    "col.score": ("得分", "Score"),
    "col.answered": ("已答", "Answered"),
    "overall": ("总分", "Overall"),
    "insufficient": ("作答不足", "insufficient"),
    "level": ("等次：{label}", "Level: {label}"),
    "coverage": ("作答覆盖率 {pct}%", "Coverage {pct}%"),
    "findings.intro": (
        "查摆出{n}个问题。逐条写明具体表现、原因、整改措施和时限（见人见事，不写空话）。",
        "{n} problem(s) found. For each, write the concrete instance, the cause, the measure and the deadline.",
    ),
    "findings.none": ("答卷没有标出问题。", "Your answers flag no problems."),
    "finding.head": ("问题 {n}/{total}", "Problem {n}/{total}"),
    "ask.detail": ("具体表现（时间、地点、事情）", "Concrete instance (when, where, what)"),
    "warn.short": (
        "写得太简略了：至少{min}个字，写出具体的事。仍要保存请再按一次回车。",
        "Too brief: write at least {min} characters about a real case. Press Enter again to keep it anyway.",
    ),
    "warn.repeat": (
        "这只是重复了问题本身，请写出具体的事例。仍要保存请再按一次回车。",
        "That only repeats the problem; describe an actual case. Press Enter again to keep it anyway.",
    ),
    "warn.similar": (
        "这段描述与{month}报告里的表述几乎一样。今年的具体事例是什么？仍要保存请再按一次回车。",
        "This is nearly the same wording as in the {month} report. What is this year's instance? "
        "Press Enter again to keep it anyway.",
    ),
    "warn.generic": (
        "提示：见人见事——写出时间、地点、次数或具体事情，比笼统的表述更有用。仍要保存请再按一次回车。",
        "Hint: name the case — a time, a place, a number or a concrete event says more than a general phrase. "
        "Press Enter again to keep it anyway.",
    ),
    "warn.collective": (
        "这像是集体或别人的问题。写自己做了什么、没做到什么（用“我”），而不是“我们”“有的同志”。仍要保存请再按一次回车。",
        'This reads as the group\'s problem, not yours: say what you did or failed to do ("I ..."), not "we" or '
        '"some comrades". Press Enter again to keep it anyway.',
    ),
    "warn.wish": (
        "这更像一个愿望而不是措施：写明做什么、多久一次或做到多少、什么时候完成，"
        "如“每季度到联系村入户走访不少于2次”。仍要保存请再按一次回车。",
        'That is a wish rather than a measure: say what, how often or how much, and by when, e.g. "visit at least '
        'two households in my contact village every quarter". Press Enter again to keep it anyway.',
    ),
    "review.intro": (
        "回头看：上次的{n}项整改措施落实得怎么样？先逐项说明，再开始新的查摆。",
        "Looking back: how did your {n} earlier measure(s) go? Record each before the new self-check.",
    ),
    "review.measure": ("措施：{measure}　时限：{deadline}", "Measure: {measure}  Deadline: {deadline}"),
    "review.status": ("落实情况（输入编号）", "Status (enter a number)"),
    "review.evidence": ("完成情况或证据（做了什么、在哪里可以查到）", "Evidence (what was done, where to check it)"),
    "review.evidence.required": ("标记为已完成，需要写明证据。", "A measure marked done needs evidence."),
    "rating.ask": (
        "民主测评：该同志在“{dimension}”方面的总体表现",
        "Overall, how does this comrade do in: {dimension}",
    ),
    "rating.abstain": (
        "不了解请直接回车（记为“{label}”，不计入得分）。",
        "Press Enter if you don't know ({label}; not counted).",
    ),
    "rating.prompt": ("评价（输入编号）", "Rating (enter a number)"),
    "rating.comment": ("意见建议（可选，回车跳过）", "Comment (optional, Enter to skip)"),
    "rater.intro": (
        "民主测评（背靠背）：您正在评价 {subject}。您的姓名不会被记录。不了解的题目请直接回车。",
        "Anonymous rating: you are rating {subject}. Your name is not recorded. "
        "Press Enter on anything you don't know.",
    ),
    "ask.cause": ("原因（输入编号）", "Cause (enter a number)"),
    "ask.cause_note": ("原因说明（可选，回车跳过）", "Explain the cause (optional, Enter to skip)"),
    "ask.measure": ("整改措施（可检查的具体做法）", "Rectification measure (specific and checkable)"),
    "ask.deadline": ("完成时限（YYYY-MM-DD）", "Deadline (YYYY-MM-DD)"),
    "ask.owner": ("责任人", "Responsible person"),
    "ask.source": ("问题来源（输入编号）", "Where the problem came from (enter a number)"),
    "ask.more": (
        "还有答卷没有查出的问题要补充吗？[y/N]",
        "Any other problems to add that the answers did not catch? [y/N]",
    ),
    "ask.problem": ("问题（一句话概括）", "Problem (one sentence)"),
    "bad.deadline.past": ("时限不能早于今天（{today}）。", "The deadline cannot be before today ({today})."),
    "bad.date": ("日期格式应为 YYYY-MM-DD，如2026-06-30。", "Use the form YYYY-MM-DD, e.g. 2026-06-30."),
    "bad.empty": ("这一项不能为空。", "This cannot be empty."),
    "bad.number": ("请输入1–{n}的编号。", "Enter a number from 1 to {n}."),
    "self": ("本人", "myself"),
    "report.saved": ("报告已保存：{path}", "Report saved: {path}"),
    "choose.set": ("要做哪一组对照检查？", "Which set do you want to run?"),
    "set.contrast": (
        "三个对照（作风要求、群众期盼、先进典型）",
        "The three comparisons (work style, people's expectations, role models)",
    ),
    "set.ability": (
        "三种能力（调研、决策、服务）",
        "The three abilities (research, decision-making, service)",
    ),
    "set.all": ("全部六套", "All six"),
    "set.pick": ("自己挑选", "Pick"),
    "ask.pick": ("输入问卷编号，可多选，如1,4", "Enter questionnaire numbers, e.g. 1,4"),
    "draft.found": (
        "发现 {when} 未完成的草稿（{ids}）。继续上次的作答吗？[Y/n]",
        "Found an unfinished draft from {when} ({ids}). Continue it? [Y/n]",
    ),
    "draft.discard": (
        "放弃草稿并重新开始？草稿将被删除。[y/N]",
        "Discard the draft and start over? It will be deleted. [y/N]",
    ),
    "draft.changed": (
        "问卷 {id} 自草稿保存后已修改；仍存在的题目保留了原答案。",
        "Questionnaire {id} changed since the draft was saved; answers to items that still exist are kept.",
    ),
    "draft.none": (
        "没有可以继续的草稿。用 selfcheck start 开始新的自查。",
        "No draft to resume. Start with: selfcheck start",
    ),
    # the 对照检查材料 (exporters/document.py)
    "doc.title": ("对照检查材料", "Self-examination report (对照检查材料)"),
    "doc.s1": ("一、基本情况", "1. Overview"),
    "doc.s2": ("二、查摆出的主要问题", "2. Problems found"),
    "doc.s3": ("三、原因剖析", "3. Analysis of causes"),
    "doc.s4": ("四、整改措施", "4. Rectification measures"),
    "doc.s5": ("五、上次整改落实情况", "5. How last time's measures went"),
    "doc.anonymous": ("（未署名）", "(anonymous)"),
    "doc.intro": (
        "本人对照{titles}进行了自查，共作答{answered}题。各维度得分如下（满分100分）：",
        "I examined myself against {titles}, answering {answered} questions. Scores per dimension (out of 100):",
    ),
    "doc.col.questionnaire": ("问卷", "Questionnaire"),
    "doc.col.level": ("等次", "Level"),
    "doc.no.problems": ("本次自查未查摆出问题。", "No problems were found in this self-examination."),
    "doc.no.causes": ("没有需要剖析的问题。", "There are no problems to analyse."),
    "doc.no.measures": ("没有整改措施。", "There are no rectification measures."),
    "doc.no.review": (
        "本次自查没有回头看记录（首次自查或上次没有整改措施）。",
        "No look-back records (a first self-examination, or no earlier measures).",
    ),
    "doc.detail": ("具体表现：", "Instance: "),
    "doc.source": ("来源：", "Source: "),
    "doc.to.fill": ("（待填写）", "(to fill in)"),
    "doc.other.group": ("其他问题", "Other problems"),
    "doc.cause.none": ("未归类", "Not classified"),
    "doc.col.problem": ("问题", "Problem"),
    "doc.col.measure": ("整改措施", "Measure"),
    "doc.col.owner": ("责任人", "Owner"),
    "doc.col.deadline": ("完成时限", "Deadline"),
    "doc.col.status": ("状态", "Status"),
    "doc.col.evidence": ("完成情况及证据", "Evidence"),
    "interrupted": ("已中断。", "Interrupted."),
    "diff.note.done": ("台账已完成", "ledger: done"),
    "diff.note.closed": ("台账已销号", "ledger: closed"),
    "diff.note.again.done": ("上次台账已完成，但问题再次出现", "marked done in the ledger last time, yet it is back"),
    "diff.note.again.closed": ("上次台账已销号，但问题再次出现", "closed in the ledger last time, yet it is back"),
    "diff.note.copied": ("与{month}报告表述雷同", "worded like the {month} report"),
    "diff.note.streak": (
        "连续{n}次报告出现（年年提、年年改、年年有）",
        "in {n} reports in a row (raised, fixed and back every year)",
    ),
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The message ``key`` in ``lang`` with ``values`` filled in."""
    zh, en = _TEXT[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def default_lang() -> Lang:
    """``SELFCHECK_LANG``, else English only when the locale asks for it; Chinese is the default."""
    for var in ("SELFCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"
