"""The one catalogue of wording: every sentence a person reads, in Chinese and English, keyed by :class:`Msg`.

Keys are enum members to the type checker, so mypy catches a misspelt key (:mod:`selfcheck.i18n.keys` builds them
at run time); values are ``(zh, en)`` format strings. Questionnaire content
(titles, items, problems) carries its own translations and is chosen with :func:`selfcheck.i18n.pick`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from enum import Enum as Keys  # what the type checker holds the keys to
else:
    from selfcheck.i18n.keys import Keys  # the same at run time, built in a fraction of the time


class Msg(Keys):
    """A message: ``(Chinese, English)`` with ``{named}`` fields filled by :func:`selfcheck.i18n.t`."""

    PROGRESS = ("第 {n}/{total} 题", "Question {n}/{total}")
    HINT_LIKERT = ("输入 {lo}–{hi}", "Type {lo}-{hi}")
    HINT_YESNO = ("1 是 / 2 否", "Type 1 yes / 2 no")
    HINT_CHOICE = ("输入编号", "Type a number")
    HINT_MULTI = ("输入编号，可多选，如 1,3", "Type numbers, e.g. 1,3")
    HINT_NUMBER = ("输入 {lo}–{hi} 的整数{unit}", "Type a whole number {lo}-{hi}{unit}")
    HINT_DATE = ("日期，如 2026-03-15", "A date, e.g. 2026-03-15")
    HINT_TEXT = ("写下内容", "Type your answer")
    HINT_ENTER = ("回车{enter}", "Enter {enter}")
    HINT_KEYS = ("b 上一题 · ? 出处 · q 保存退出", "b back · ? source · q save and quit")
    ENTER_KEEP = ("保留原答案", "keeps the answer")
    ENTER_SKIP = ("跳过", "skips")
    ENTER_REQUIRED = ("（必答）", "(required)")
    YES = ("是", "Yes")
    NO = ("否", "No")
    CURRENT = ("当前答案：{value}", "Current answer: {value}")
    HELP_TITLE = ("出处", "Source passage")
    HELP_NONE = ("这一题没有标注出处。", "No source passage for this item.")
    HELP_ORIGINAL = ("原文：", "Original: ")
    AT_FIRST = ("已经是第一题。", "This is the first question.")
    REQUIRED = ("这一题必须回答。", "This question must be answered.")
    SAVED_QUIT = (
        "已保存草稿。继续作答：selfcheck start --resume",
        "Draft saved. To continue: selfcheck start --resume",
    )
    SCORES_TITLE = ("{title} · 得分", "{title} · Scores")
    COL_DIMENSION = ("维度", "Dimension")
    COL_SCORE = ("得分", "Score")
    COL_ANSWERED = ("已答", "Answered")
    OVERALL = ("总分", "Overall")
    INSUFFICIENT = ("作答不足", "insufficient")
    LEVEL = ("等次：{label}", "Level: {label}")
    COVERAGE = ("作答覆盖率 {pct}%", "Coverage {pct}%")
    FINDINGS_INTRO = (
        "查摆出{n}个问题。逐条写明具体表现、原因、整改措施和时限（见人见事，不写空话）。",
        "{n} problem(s) found. For each, write the concrete instance, the cause, the measure and the deadline.",
    )
    FINDINGS_NONE = ("答卷没有标出问题。", "Your answers flag no problems.")
    FINDING_HEAD = ("问题 {n}/{total}", "Problem {n}/{total}")
    ASK_DETAIL = ("具体表现（时间、地点、事情）", "Concrete instance (when, where, what)")
    WARN_SHORT = (
        "写得太简略了：至少{min}个字，写出具体的事。仍要保存请再按一次回车。",
        "Too brief: write at least {min} characters about a real case. Press Enter again to keep it anyway.",
    )
    WARN_REPEAT = (
        "这只是重复了问题本身，请写出具体的事例。仍要保存请再按一次回车。",
        "That only repeats the problem; describe an actual case. Press Enter again to keep it anyway.",
    )
    WARN_SIMILAR = (
        "这段描述与{month}报告里的表述几乎一样。今年的具体事例是什么？仍要保存请再按一次回车。",
        "This is nearly the same wording as in the {month} report. What is this year's instance? "
        "Press Enter again to keep it anyway.",
    )
    WARN_GENERIC = (
        "提示：见人见事——写出时间、地点、次数或具体事情，比笼统的表述更有用。仍要保存请再按一次回车。",
        "Hint: name the case — a time, a place, a number or a concrete event says more than a general phrase. "
        "Press Enter again to keep it anyway.",
    )
    WARN_COLLECTIVE = (
        "这像是集体或别人的问题。写自己做了什么、没做到什么（用“我”），而不是“我们”“有的同志”。仍要保存请再按一次回车。",
        'This reads as the group\'s problem, not yours: say what you did or failed to do ("I ..."), not "we" or '
        '"some comrades". Press Enter again to keep it anyway.',
    )
    WARN_WISH = (
        "这更像一个愿望而不是措施：写明做什么、多久一次或做到多少、什么时候完成，"
        "如“每季度到联系村入户走访不少于2次”。仍要保存请再按一次回车。",
        'That is a wish rather than a measure: say what, how often or how much, and by when, e.g. "visit at least '
        'two households in my contact village every quarter". Press Enter again to keep it anyway.',
    )
    REVIEW_INTRO = (
        "回头看：上次的{n}项整改措施落实得怎么样？先逐项说明，再开始新的查摆。",
        "Looking back: how did your {n} earlier measure(s) go? Record each before the new self-check.",
    )
    REVIEW_MEASURE = ("措施：{measure}　时限：{deadline}", "Measure: {measure}  Deadline: {deadline}")
    REVIEW_STATUS = ("落实情况（输入编号）", "Status (enter a number)")
    REVIEW_EVIDENCE = ("完成情况或证据（做了什么、在哪里可以查到）", "Evidence (what was done, where to check it)")
    REVIEW_EVIDENCE_REQUIRED = ("标记为已完成，需要写明证据。", "A measure marked done needs evidence.")
    RATING_ASK = (
        "民主测评：该同志在“{dimension}”方面的总体表现",
        "Overall, how does this comrade do in: {dimension}",
    )
    RATING_ABSTAIN = (
        "不了解请直接回车（记为“{label}”，不计入得分）。",
        "Press Enter if you don't know ({label}; not counted).",
    )
    RATING_PROMPT = ("评价（输入编号）", "Rating (enter a number)")
    RATING_COMMENT = ("意见建议（可选，回车跳过）", "Comment (optional, Enter to skip)")
    RATER_INTRO = (
        "民主测评（背靠背）：您正在评价 {subject}。您的姓名不会被记录。不了解的题目请直接回车。",
        "Anonymous rating: you are rating {subject}. Your name is not recorded. "
        "Press Enter on anything you don't know.",
    )
    ASK_CAUSE = ("原因（输入编号）", "Cause (enter a number)")
    ASK_CAUSE_NOTE = ("原因说明（可选，回车跳过）", "Explain the cause (optional, Enter to skip)")
    ASK_MEASURE = ("整改措施（可检查的具体做法）", "Rectification measure (specific and checkable)")
    ASK_DEADLINE = ("完成时限（YYYY-MM-DD）", "Deadline (YYYY-MM-DD)")
    ASK_OWNER = ("责任人", "Responsible person")
    ASK_SOURCE = ("问题来源（输入编号）", "Where the problem came from (enter a number)")
    ASK_MORE = (
        "还有答卷没有查出的问题要补充吗？输入 y 补充一个，直接回车结束",
        "Any other problems to add that the answers did not catch? Type y to add one, Enter to finish",
    )
    ASK_PROBLEM = ("问题（一句话概括）", "Problem (one sentence)")
    BAD_DEADLINE_PAST = ("时限不能早于今天（{today}）。", "The deadline cannot be before today ({today}).")
    BAD_DATE = ("日期格式应为 YYYY-MM-DD，如2026-06-30。", "Use the form YYYY-MM-DD, e.g. 2026-06-30.")
    BAD_EMPTY = ("这一项不能为空。", "This cannot be empty.")
    BAD_NUMBER = ("请输入1–{n}的编号。", "Enter a number from 1 to {n}.")
    SELF = ("本人", "myself")
    REPORT_SAVED = ("报告已保存：{path}", "Report saved: {path}")
    CHOOSE_SET = ("要做哪一组对照检查？", "Which set do you want to run?")
    SET_CONTRAST = (
        "三个对照（作风要求、群众期盼、先进典型）",
        "The three comparisons (work style, people's expectations, role models)",
    )
    SET_ABILITY = (
        "三种能力（调研、决策、服务）",
        "The three abilities (investigation and study, decision-making, service)",
    )
    SET_ALL = ("全部六套", "All six")
    SET_PICK = ("自己挑选", "Pick")
    ASK_PICK = ("输入问卷编号，可多选，如1,4", "Enter questionnaire numbers, e.g. 1,4")
    DRAFT_FOUND = (
        "发现 {when} 未完成的草稿（{ids}）。直接回车继续作答，输入 n 不继续",
        "Found an unfinished draft from {when} ({ids}). Enter continues it, n does not",
    )
    DRAFT_DISCARD = (
        "输入 y 删除草稿并重新开始；直接回车保留草稿并退出",
        "Type y to delete the draft and start over; Enter keeps the draft and stops",
    )
    DRAFT_CHANGED = (
        "问卷 {id} 自草稿保存后已修改；仍存在的题目保留了原答案。",
        "Questionnaire {id} changed since the draft was saved; answers to items that still exist are kept.",
    )
    DRAFT_NONE = (
        "没有可以继续的草稿。用 selfcheck start 开始新的自查。",
        "No draft to resume. Start with: selfcheck start",
    )
    # the 对照检查材料 (exporters/document.py)
    DOC_TITLE = ("对照检查材料", "Self-examination report")
    DOC_S1 = ("一、基本情况", "1. Overview")
    DOC_S2 = ("二、查摆出的问题", "2. Problems found")
    DOC_S3 = ("三、原因剖析", "3. Analysis of causes")
    DOC_S4 = ("四、整改措施", "4. Rectification measures")
    DOC_S5 = ("五、上次整改落实情况", "5. How last time's measures went")
    DOC_COL_QUESTIONNAIRE = ("问卷", "Questionnaire")
    DOC_COL_LEVEL = ("等次", "Level")
    DOC_NO_PROBLEMS = ("本次自查未查摆出问题。", "No problems were found in this self-examination.")
    DOC_NO_CAUSES = ("没有需要剖析的问题。", "There are no problems to analyse.")
    DOC_NO_MEASURES = ("没有整改措施。", "There are no rectification measures.")
    DOC_DETAIL = ("具体表现：", "Instance: ")
    DOC_SOURCE = ("来源：", "Source: ")
    DOC_COL_PROBLEM = ("问题", "Problem")
    DOC_COL_MEASURE = ("整改措施", "Measure")
    DOC_COL_OWNER = ("责任人", "Owner")
    DOC_COL_DEADLINE = ("完成时限", "Deadline")
    DOC_COL_STATUS = ("状态", "Status")
    DOC_COL_EVIDENCE = ("完成情况及证据", "Evidence")
    INTERRUPTED = ("已中断。", "Interrupted.")
    OS_ERROR = ("{path}：无法读写（{reason}）。", "{path}: cannot read or write ({reason}).")
    DIFF_NOTE_DONE = ("台账已完成", "ledger: done")
    DIFF_NOTE_CLOSED = ("台账已销号", "ledger: closed")
    DIFF_NOTE_AGAIN_DONE = ("上次台账已完成，但问题再次出现", "marked done in the ledger last time, yet it is back")
    DIFF_NOTE_AGAIN_CLOSED = ("上次台账已销号，但问题再次出现", "closed in the ledger last time, yet it is back")
    DIFF_NOTE_COPIED = ("与{month}报告表述雷同", "worded like the {month} report")
    DIFF_NOTE_STREAK = (
        "连续{n}次报告出现（年年提、年年改、年年有）",
        "in {n} reports in a row (raised, fixed and back every year)",
    )

    # ---- #11 errors and interface wording moved here from the modules ----
    # Files: reading, parsing, schema versions (the file kinds are named by WHAT_*).
    WHAT_QUESTIONNAIRE = ("问卷", "questionnaire")
    WHAT_REPORT = ("报告", "report")
    WHAT_DRAFT = ("草稿", "draft")
    WHAT_LEDGER = ("台账", "ledger")
    WHAT_ANSWERS = ("答案", "answers")
    FILE_MISSING = ("{path}：文件不存在。", "{path}: no such file.")
    FILE_IS_FOLDER = ("{path}：这是文件夹，不是 TOML 文件。", "{path}: is a folder, not a TOML file.")
    FILE_UNREADABLE = ("{path}：无法读取（{reason}）。", "{path}: cannot read: {reason}.")
    FILE_NOT_UTF8 = (
        "{path}：不是 UTF-8 文本（第 {byte} 字节）；请把{what}文件另存为 UTF-8。",
        "{path}: not UTF-8 text (byte {byte}); save the {what} as UTF-8.",
    )
    FILE_BAD_TOML = ("{path}：TOML 格式错误：{reason}。", "{path}: invalid TOML: {reason}.")
    FILE_PROBLEM = ("{path}：{problem}。", "{path}: {problem}.")
    AT = ("{where}: {what}", "{where}: {what}")
    AT_MORE = ("{where}: {what}（另有 {more} 处问题）", "{where}: {what} (and {more} more)")
    TOP_LEVEL = ("（顶层）", "(top level)")
    VERBATIM = ("{text}", "{text}")  # a parser's own text, which is data about the file, not our wording
    NONE_KNOWN = ("无", "none")
    SCHEMA_MISSING = (
        "{path}：schema_version 缺失或不是整数；这是 selfcheck 的{what}文件吗？",
        "{path}: schema_version: missing or not a whole number; is this a selfcheck {what}?",
    )
    NOT_A_REPORT = (
        "{path}：不是 selfcheck 报告（没有 respondent、questionnaires 等报告的内容）。",
        "{path}: not a selfcheck report (it has none of a report's parts: respondent, questionnaires …).",
    )
    SCHEMA_NEWER = (
        "{path}：schema_version {version} 比这个 selfcheck 能读的{what}版本（最高 {known}）新；"
        "请升级 selfcheck 后再读。",
        "{path}: schema_version {version} is newer than this selfcheck understands (it reads {what} files up to "
        "version {known}); upgrade selfcheck to read it.",
    )
    SCHEMA_INVALID = (
        "{path}：schema_version {version} 不是有效的版本号。",
        "{path}: schema_version: {version} is not a valid version.",
    )
    FOLDER_CREATE_FAILED = ("{path}：无法创建文件夹（{reason}）。", "{path}: cannot create the folder: {reason}.")
    DRAFT_DAMAGED = (
        "{path}：{problem}。草稿已损坏；请修正或删除这个文件后重新开始。",
        "{path}: {problem}. The draft is damaged; fix or delete the file to start again.",
    )
    # Reports and the reports folder.
    NO_REPORT_FILE = ("{path}：报告文件不存在。", "{path}: no such report file.")
    TOO_FEW_REPORTS = (
        "{ref}：{folder} 里只有 {n} 份报告。请先运行 selfcheck start，或给出文件路径。",
        "{ref}: {folder} has only {n} report(s). Run `selfcheck start` first, or give a path.",
    )
    NO_REPORTS = (
        "{ref}：{folder} 里还没有报告。请先运行 selfcheck start，或给出文件路径。",
        "{ref}: {folder} has no reports. Run `selfcheck start` first, or give a path.",
    )
    NO_SOURCE = ("{path}：文件或文件夹不存在。", "{path}: no such file or folder.")
    NO_PAIR = (
        "还没有两份报告含有相同的问卷；下次再运行 selfcheck start，或给出两个文件路径。",
        "No two reports share a questionnaire yet; run `selfcheck start` again next time, or give paths.",
    )
    SKIPPED = ("已跳过：{reason}", "skipped: {reason}")
    SKIPPED_FILES = ("跳过 {n} 个文件：{reasons}", "{n} file(s) skipped: {reasons}")
    GAP_FILES = (
        "读取报告文件 {files} 个，其中对{subject}的评价 {used} 份",
        "{files} report file(s) read, {used} of them ratings of {subject}",
    )
    SKIPPED_COUNT = ("{label} {n} 个", "{label}: {n}")
    SKIPPED_SEPARATOR = ("、", ", ")
    SKIP_NOT_REPORT = ("不是报告", "not a report")
    SKIP_UNREADABLE = ("无法读取", "unreadable")
    SKIP_TOO_LARGE = ("文件过大", "too large")
    SKIP_NOT_TOML = ("不是有效的 TOML", "not valid TOML")
    SKIP_NEWER = ("版本比本程序新", "made by a newer selfcheck")
    SKIP_INVALID = ("报告内容有误", "a damaged report")
    # The summary's fast reader: "path: field: what".
    LIGHT_PROBLEM = ("{path}：{where}：{what}。", "{path}: {where}: {what}.")
    LIGHT_NOT_DATETIME = ("缺失或不是日期时间", "missing or not a date-time")
    LIGHT_NOT_TABLE = ("不是表", "not a table")
    LIGHT_NOT_NUMBER = ("不是数字", "not a number")
    LIGHT_NOT_NUMBERS = ("不是数字组成的表", "not a table of numbers")
    LIGHT_BAD_FINDINGS = ("不是带 problem 的问题列表", "not a list of findings with a problem")
    # Answers files (--answers).
    ANSWERS_NO_TABLES = (
        "{path}：没有 [questionnaires.<id>.answers] 表；见 selfcheck start --help。",
        "{path}: no [questionnaires.<id>.answers] tables; see `selfcheck start --help`.",
    )
    ANSWERS_NOT_TABLE = ("应为“题目 = 答案”的表", "must be a table of item = value")
    ANSWERS_NO_ITEM = ("{id} v{version} 里没有这一题", "no such item in {id} v{version}")
    ANSWERS_NO_PROBLEM_TABLE = ('应为“维度 = "理由"”的表', 'must be a table of dimension = "reason"')
    ANSWERS_FINDINGS_ARRAY = ("应为表的数组（[[findings]]）", "must be an array of tables ([[findings]])")
    ANSWERS_BAD_FINDING = ("{path}：{problem}；未生成报告。", "{path}: {problem}; no report written.")
    # Answers to one item: typed (re-asked with) or stored (named with the file and item).
    ANSWER_LIKERT_RANGE = ("请输入 {lo}–{hi} 之间的数字。", "Enter a number from {lo} to {hi}.")
    ANSWER_YESNO = ("请输入 1（是）或 2（否），也可以输入 y / n。", "Enter 1 (yes) or 2 (no), or y / n.")
    ANSWER_MULTI_EMPTY = (
        "请输入选项编号，多个用逗号分隔，如 1,3。",
        "Enter option numbers separated by commas, e.g. 1,3.",
    )
    ANSWER_NUMBER_RANGE = ("请输入 {lo}–{hi} 之间的整数。", "Enter a whole number from {lo} to {hi}.")
    ANSWER_NO_OPTION = ("没有选项“{text}”；请输入 1–{n} 的编号。", "No option {text!r}; enter a number from 1 to {n}.")
    ANSWER_EXPECT_WHOLE = (
        "应为 {lo}–{hi} 的整数，而不是 {value!r}",
        "expected a whole number {lo}-{hi}, got {value!r}",
    )
    ANSWER_EXPECT_BOOL = ("应为 true 或 false，而不是 {value!r}", "expected true or false, got {value!r}")
    ANSWER_EXPECT_OPTION = ("应为选项 {ids} 之一，而不是 {value!r}", "expected one of the options {ids}, got {value!r}")
    ANSWER_EXPECT_OPTIONS = (
        "应为选项列表（{ids}），而不是 {value!r}",
        "expected a list of options ({ids}), got {value!r}",
    )
    ANSWER_EXCLUSIVE = ("“{label}”不能与其他选项同时选择。", "{label!r} cannot be combined with other options.")
    ANSWER_EXPECT_DATE = (
        "日期格式应为 YYYY-MM-DD（如 2026-03-15），而不是 {value!r}",
        "expected a date as YYYY-MM-DD (e.g. 2026-03-15), got {value!r}",
    )
    ANSWER_TEXT_EMPTY = ("请填写内容，或直接回车跳过。", "Write something, or press Enter to skip.")
    ANSWER_TEXT_LONG = ("内容太长（最多 {n} 字）。", "Too long (at most {n} characters).")
    ANSWER_YES = ("是", "yes")
    ANSWER_NO = ("否", "no")
    LIST_SEPARATOR = ("；", "; ")
    INTERVIEW_COMPLETE = ("问卷已经答完。", "The interview is already complete.")
    # Questionnaire files: the file, then one line per problem ("item ID: field: what").
    Q_INVALID = ("{path}：问卷有 {n} 处问题：", "{path}: invalid questionnaire ({n} problem(s)):")
    Q_UNKNOWN_ID = ("没有 id 为“{id}”的问卷。已有：{known}。", "No questionnaire with id {id!r}. Known: {known}.")
    Q_UNKNOWN_FIELD = ("未知字段（请检查拼写）", "unknown field (check its spelling)")
    Q_UNKNOWN_KIND = ("未知题型；可用：{kinds}", "unknown kind; use one of {kinds}")
    Q_MISSING_FIELD = ("缺少必填字段", "required field is missing")
    Q_CONTAINS_MULTI_ONLY = (
        "运算符 contains 只适用于多选题（multi）",
        "operator 'contains' only applies to multi items",
    )
    Q_OP_NOT_FOR_MULTI = (
        "运算符 {op!r} 不适用于多选题（请用 contains）",
        "operator {op!r} does not apply to a checklist (use contains)",
    )
    Q_OP_NOT_FOR_CHOICE = ("运算符 {op!r} 不适用于单选题", "operator {op!r} does not apply to a single choice")
    Q_NOT_OPTION = ("{value!r} 不是题目 {item!r} 的选项", "{value!r} is not an option of item {item!r}")
    Q_NOT_SCALE_POINT = (
        "{value!r} 不是题目 {item!r} 量表上的点",
        "{value!r} is not a point of the scale of item {item!r}",
    )
    Q_OUTSIDE_SCALE = (
        "{value} 超出题目 {item!r} 的量表 {lo}-{hi}",
        "{value} is outside the scale {lo}-{hi} of item {item!r}",
    )
    Q_YESNO_OP = (
        "题目 {item!r} 是是非题：请用 op 'eq' 或 'ne'，值为 true 或 false",
        "item {item!r} is yes/no: use op 'eq' or 'ne' with true or false",
    )
    Q_NOT_NUMBER = ("{value!r} 不是数字", "{value!r} is not a number")
    Q_OUTSIDE_RANGE = ("{value} 超出题目 {item!r} 的范围 {lo}-{hi}", "{value} is outside {lo}-{hi} of item {item!r}")
    Q_NOT_ISO_DATE = ("{value!r} 不是 ISO 日期（YYYY-MM-DD）", "{value!r} is not an ISO date (YYYY-MM-DD)")
    Q_NOT_REAL_DATE = ("{value!r} 不是真实存在的日期", "{value!r} is not a real date")
    Q_NOT_TEXT = ("{value!r} 不是文本", "{value!r} is not text")
    Q_RANGE_INVERTED = ("区间 {lo:g}-{hi:g} 的下限高于上限", "range {lo:g}-{hi:g} has min above max")
    Q_GAP_EDGE = ("缺口：{lo:g} 到 {hi:g} 没有覆盖", "gap: nothing covers {lo:g} to {hi:g}")
    Q_OVERLAP = ("重叠：{at:g} 被覆盖了两次", "overlap: {at:g} is covered twice")
    Q_GAP_BETWEEN = ("{lo:g} 与 {hi:g} 之间有缺口", "gap between {lo:g} and {hi:g}")
    Q_ENGLISH_MISSING = (
        "缺少英文（其他文字有英文；要么都给，要么都不给）",
        "English text missing (other texts have it; give all or none)",
    )
    Q_DUPLICATE_ID = ("重复的 id {id!r}", "duplicate id {id!r}")
    Q_WEIGHT = ("必须为正数，而不是 {weight:g}", "must be positive, got {weight:g}")
    Q_LABELS_EN = ("{n} 个标签需要 {n} 个译文", "{n} labels need {n} translations")
    Q_DUPLICATE_ITEM = ("题目 id 重复", "duplicate item id")
    Q_UNKNOWN_DIMENSION = ("未知维度 {id!r}（已有：{known}）", "unknown dimension {id!r} (known: {known})")
    Q_SELF_DEPENDENCY = ("题目不能依赖自身", "an item cannot depend on itself")
    Q_LATER_ITEM = (
        "引用了后面的题目（条件只能往前看）{id!r}",
        "refers to a later item (conditions may only look back) {id!r}",
    )
    Q_UNKNOWN_ITEM = ("未知题目 {id!r}", "unknown item {id!r}")
    Q_IMPOSSIBLE = ("不可能成立的条件：{why}", "impossible condition: {why}")
    Q_FLAG_UNSCORED = ("只有计分题才能标记问题", "only scored items can mark a problem")
    Q_FLAG_NO_PROBLEM = ("标记问题的题目需要写明问题表述", "a flagged item needs the problem's wording")
    Q_NO_SCORED_ITEM = ("没有计分题", "has no scored item")
    Q_SCALE_MIN_MAX = ("min 必须小于 max", "min must be below max")
    Q_LABEL_COUNT = (
        "{points} 个点需要 {points} 个标签，实际 {got} 个",
        "{points} points need {points} labels, got {got}",
    )
    Q_UNKNOWN_SCALE = (
        "未知量表 {name!r}（请在 [scales.{name}] 下定义）",
        "unknown scale {name!r} (define it under [scales.{name}])",
    )
    Q_DUPLICATE_OPTION = ("选项 id 重复 {id!r}", "duplicate option id {id!r}")
    Q_SCORE_0_1 = ("必须在 0-1 之间", "must be within 0-1")
    Q_SCORE_MINUS_1_1 = ("必须在 -1 到 1 之间", "must be within -1 to 1")
    Q_MAX_ABOVE_MIN = ("必须大于 min", "must be above min")
    Q_RED_LINE_NEEDS_FLAG = ("需要 flag 说明哪个回答触及红线", "needs a flag saying which answer is the red line")
    Q_RED_LINE_NEEDS_PROBLEM = ("需要写明问题表述", "needs the problem's wording")
    Q_RED_LINE_EXCLUSIVE = ("互斥选项不能是红线", "an exclusive option cannot be one")
    Q_RED_LINE_LEVEL_UNKNOWN = (
        "{level!r} 不是等次的名称（已有：{known}）",
        "{level!r} is not a band label (known: {known})",
    )
    Q_RED_LINE_LEVEL_MISSING = (
        "标了红线，请写明触及红线时等次最高到哪一档",
        "red lines are marked; name the band they cap the level at",
    )
    Q_UNKNOWN_POST = ("未知岗位 {post!r}（已有：{known}）", "unknown post {post!r} (known: {known})")
    Q_DUPLICATE_CHECK = ("重复的 check id", "duplicate check id")
    Q_CHECK_BUILTIN_NAME = (
        "{id!r} 是内置提示的名称；请换一个",
        "{id!r} is the name of a built-in note; choose another",
    )
    Q_CHECK_REQUIRED = ("kind 为 {kind!r} 时必填", "required for kind {kind!r}")
    Q_CHECK_NOT_NUMBER = (
        "题目 {id!r} 不是数字题（check 比较的是数量）",
        "item {id!r} is not a number item (checks compare counts)",
    )
    Q_CHECK_WHEN_REQUIRED = (
        "kind 为 'needs_count' 时必填（需要数量来支撑的那个说法）",
        "required for kind 'needs_count' (the claim that needs a count)",
    )
    Q_GRADES_EN = ("{n} 个等级需要 {n} 个译文", "{n} grades need {n} translations")
    Q_NO_ITEM_MARKS = ("没有能标出问题的题目", "no item can mark a problem")
    WHAT_PROFILE = ("岗位配置", "profile")
    WHAT_SETTINGS = ("材料设置", "settings")
    PROFILE_ENGLISH_MISSING = (
        "部分标签缺少英文（要么都给，要么都不给）",
        "English text missing on some labels (give all or none)",
    )
    # Self-assessment against others' ratings (gap).
    GAP_NOT_SELF = ("{path}：这是别人的测评，不是自评。", "{path}: is a rating by someone else, not a self-assessment.")
    GAP_NO_NAME = (
        "{path}：自评没有署名；请用 selfcheck start --name 姓名 重新作答。",
        "{path}: the self-assessment has no name; run `selfcheck start --name NAME`.",
    )
    GAP_IS_SELF = ("{path}：这是自评，不是他人的测评。", "{path}: is a self-assessment, not a rating by others.")
    GAP_OTHER_SUBJECT = ("{path}：测评的是“{subject}”，不是“{name}”。", "{path}: rates {subject!r}, not {name!r}.")
    # The command line.
    SUBJECT_NEEDED = ("--subject：请写明被测评人的姓名。", "--subject: name the person you are rating.")
    FORMAT_ONE_REPORT = (
        "--format {fmt} 只能导出一份报告（或只含他评的多份）；csv 和 json 可以导出多份。",
        "--format {fmt} takes one report (or ratings only); csv and json take several.",
    )
    OUTPUT_BINARY = ("--output -：docx 是二进制文件；请给出文件名。", "--output -: docx is binary; give a file name.")
    OUTPUT_EXISTS = (
        "{path}：文件已存在；用 --force 覆盖，或用 -o 换一个文件名。",
        "{path}: already exists; use --force to overwrite it, or -o for another name.",
    )
    NO_FOLDER = ("{path}：文件夹不存在。", "{path}: no such folder.")
    SUMMARY_FORMAT = ("--summary：请用 --format {choices}。", "--summary: use --format {choices}.")
    DROPPED = ("下降超过 {limit:g} 分：{listed}", "dropped by more than {limit:g}: {listed}")
    VALIDATE_OK = (
        "{path}：通过（{id} v{version}，{items} 题，{dimensions} 个维度）",
        "{path}: ok ({id} v{version}, {items} items, {dimensions} dimensions)",
    )

    # ---- #12 problem identity, ledger, diff, 回头看 ----
    STATUS_TODO = ("未启动", "not started")
    STATUS_DOING = ("进行中", "in progress")
    STATUS_DONE = ("已完成", "done")
    STATUS_CLOSED = ("已销号", "closed")
    LEDGER_INVALID = (
        "{path}：{problem}。台账文件已损坏，请改正或从备份恢复。",
        "{path}: {problem}. The ledger file is damaged; fix it or restore it from a backup.",
    )
    LEDGER_NO_PROBLEM = (
        "没有编号为 {ref} 的问题；selfcheck plan --all 列出全部问题及编号。",
        "No problem with id {ref}; `selfcheck plan --all` lists them with their ids.",
    )
    LEDGER_AMBIGUOUS = (
        "{ref} 对应多个问题（{ids}）；请写出更完整的编号。",
        "{ref} matches several problems ({ids}); give more of the id.",
    )
    LEDGER_DATE_FUTURE = (
        "--date：{date} 在今天（{today}）之后；只能记录已经发生的进展。",
        "--date: {date} is after today ({today}); record progress once it has happened.",
    )
    LEDGER_DONE_NEEDS_EVIDENCE = (
        "标记为已完成需要写明证据（--evidence）：做了什么、在哪里可以查到。",
        "A measure marked done needs evidence (--evidence): what was done, where it can be checked.",
    )
    LEDGER_CLOSE_AFTER_DONE = (
        "{id}：只有已完成的措施才能销号；请先标记为已完成（--status done）。",
        "{id}: only a measure marked done can be closed (销号); mark it done first (--status done).",
    )
    LEDGER_CLOSE_NEEDS_NOTE = (
        "销号需要写明核查情况（--evidence）：谁核查的、什么时候。",
        "Closing (销号) needs a note of the check (--evidence): who checked it, and when.",
    )
    LEDGER_THIN_EVIDENCE = (
        "证据“{evidence}”太简略，说明不了做了什么。请写明做了什么、在哪里可以查到。",
        'The evidence "{evidence}" is too brief to say what was done. Say what was done and where it can be checked.',
    )
    LEDGER_RECORDED = ("{id}：{status}（{date}）", "{id}: {status} ({date})")
    PLAN_TO_FILL = ("（未填写）", "(not filled in)")
    PLAN_EMPTY = ("没有未完成的整改措施。", "No open rectification measures.")
    PLAN_TITLE = ("整改台账", "Rectification ledger")
    PLAN_MEASURE = ("措施：{measure}", "Measure: {measure}")
    PLAN_OWNER = ("责任人：{owner}", "Owner: {owner}")
    PLAN_DEADLINE = ("时限：{deadline}", "Deadline: {deadline}")
    PLAN_STATUS = ("状态：{status}", "Status: {status}")
    PLAN_FOUND_IN = ("{n} 份报告查摆出，最近：{report}", "found in {n} report(s), latest: {report}")
    PLAN_NO_DEADLINE = ("无时限", "no deadline")
    PLAN_OVERDUE = ("已逾期 {n} 天", "{n} days overdue")
    PLAN_DAYS_LEFT = ("剩 {n} 天", "{n} days left")
    ASK_EVIDENCE = ("完成的证据（做了什么、在哪里可以查到）", "Evidence (what was done, where to check it)")
    ASK_CHECK_NOTE = ("销号核查（谁核查、何时）", "The check (who checked it, and when)")
    EDIT_NOTHING = (
        "没有要改的内容：请给出 --measure、--deadline、--owner、--cause 或 --cause-note。",
        "Nothing to change: give --measure, --deadline, --owner, --cause or --cause-note.",
    )
    EDIT_SAME = ("[{id}] {problem}：与原来相同，没有改动。", "[{id}] {problem}: the same as before; nothing changed.")
    EDIT_HEAD = (
        "[{id}] {problem}：已修改，记入台账历史（报告不变）",
        "[{id}] {problem}: changed, kept in the ledger's history (the reports stay as they are)",
    )
    EDIT_DONE = ("  {field}：{old} → {new}", "  {field}: {old} → {new}")
    EDIT_FIELD_MEASURE = ("整改措施", "Measure")
    EDIT_FIELD_DEADLINE = ("完成时限", "Deadline")
    EDIT_FIELD_OWNER = ("责任人", "Owner")
    EDIT_FIELD_CAUSES = ("原因", "Causes")
    EDIT_FIELD_CAUSE_NOTE = ("原因说明", "Cause explained")
    EDIT_CAUSE_SEPARATOR = ("、", ", ")
    EDIT_EMPTY = ("{field}：不能为空。", "{field}: cannot be empty.")
    EDIT_BAD_DEADLINE = (
        "--deadline：{deadline} 不是日期（YYYY-MM-DD）。",
        "--deadline: {deadline} is not a date (YYYY-MM-DD).",
    )
    EDIT_DEADLINE_PAST = (
        "--deadline：{deadline} 早于今天（{today}）；时限只能往后定。",
        "--deadline: {deadline} is before today ({today}); a deadline must still be ahead.",
    )
    EDIT_BAD_CAUSE = ("--cause：不认识“{cause}”；可用：{known}。", "--cause: unknown cause {cause!r}; use {known}.")
    EDIT_OTHER_NEEDS_NOTE = (
        "原因选了“其他”，需要写明是什么原因（--cause-note）。",
        'The cause "other" needs a note saying what it is (--cause-note).',
    )
    FORM_KEYS = ("b 上一项 · ? 说明 · q 保存退出", "b back · ? explain · q save and quit")
    FORM_KEEP = ("回车保留：{value}", "Enter keeps: {value}")
    FORM_HELP_TITLE = ("说明", "About this field")
    FORM_AT_FIRST = ("已经是这个问题的第一项。", "This is the first field of this problem.")
    FORM_AT_FIRST_PROBLEM = ("已经是回头看的第一个问题。", "This is the first problem of the look-back.")
    FORM_HELP_DETAIL = (
        "具体表现要见人见事：写清什么时间、在哪里、做了或没做什么、几次，如“2026年3月到9月只到联系村2次，没有入户”。"
        "写自己（“我”），不写“我们”“有的同志”。",
        'Name the case: when, where, what you did or failed to do, how often — e.g. "March to September 2026 I went to '
        'my contact village twice and visited no household". Write about yourself ("I"), not "we" or "some comrades".',
    )
    FORM_HELP_CAUSES = (
        "原因要从思想上找根子：理想信念（信念不牢、精神懈怠）、宗旨意识（群众观点淡薄）、党性修养（纪律规矩意识不强）、"
        "能力本领（本领不足）。可以选多个，用逗号隔开，如 1,3；选“其他”要写明是什么原因。",
        "Trace the problem to its roots: ideals and convictions, sense of purpose (serving the people), Party spirit, "
        'ability and skills. Several may be chosen, separated by commas, e.g. 1,3; "Other" needs a note saying what.',
    )
    FORM_HELP_CAUSE_NOTE = (
        "用一两句话说明原因和这个问题的联系；选了“其他”时必须填写。",
        'One or two sentences tying the cause to this problem; required when "Other" was chosen.',
    )
    FORM_HELP_MEASURE = (
        "措施要明：做什么、多久一次或做到多少、什么时候完成，能够检查，如“每季度到联系村入户走访不少于2次”。"
        "不写“进一步加强学习”这样的愿望。",
        'Say what, how often or how much, and by when, so that it can be checked — e.g. "visit at least two households '
        'in my contact village every quarter"; not a wish such as "strengthen study further".',
    )
    FORM_HELP_DEADLINE = (
        "完成时限不能早于今天，可写 2027-06-30 或 2027年6月底；回车取三个月后。",
        "Not before today, e.g. 2027-06-30; Enter takes three months from today.",
    )
    FORM_HELP_OWNER = (
        "谁负责落实这项措施；回车为方括号里的人。",
        "Who carries out the measure; Enter takes the one shown.",
    )
    FORM_HELP_SOURCE = (
        "问题是怎么发现的：自己找（自我管理）、群众提（社会监管）、上级点（组织严管）、互相帮（同事提醒）。",
        "How the problem came to light: found yourself, raised by the public, pointed out by superiors, "
        "or raised by colleagues.",
    )
    FORM_HELP_REVIEW_STATUS = (
        "这项措施落实到哪一步：未启动、进行中、已完成。销号要由别人核查后用 selfcheck plan update 记录。",
        "How far the measure has got: not started, in progress, done. Closing (销号) follows a check by someone "
        "else and is recorded with selfcheck plan update.",
    )
    FORM_HELP_REVIEW_OUTCOME = (
        "这是你自己补充的问题，答卷查不出它，只能由你说明：仍然存在，就在本次查摆中接着写；已经解决，要写明依据。",
        "You added this problem yourself, so no question can find it again: say whether it persists (it is then "
        "carried into this self-check) or was solved (say how you know).",
    )
    FORM_HELP_REVIEW_EVIDENCE = (
        "做了什么、在哪里能查到（台账、记录、次数）。标为已完成或已经解决时必须写。",
        "What was done and where it can be checked (a register, records, numbers). Required for done or solved.",
    )
    ASK_CAUSES = ("原因（输入编号，可多选，如 1,3）", "Cause(s) (numbers, e.g. 1,3)")
    CAUSE_REQUIRED = ("请至少选一个原因。", "Choose at least one cause.")
    ASK_CAUSE_NOTE_OTHER = ("“其他”是什么原因（必填）", 'What is the "other" cause (required)')
    CAUSE_OTHER_NEEDS_NOTE = ("选了“其他”，请写明是什么原因。", 'You chose "Other": say what the cause is.')
    REVIEW_HEAD = ("回头看 {n}/{total} · {id}", "Look-back {n}/{total} · {id}")
    REVIEW_OUTCOME = ("这个问题现在还存在吗（输入编号）", "Does this problem persist (enter a number)")
    REVIEW_PERSISTS = ("仍然存在", "It persists")
    REVIEW_SOLVED = ("已经解决", "It is solved")
    FINDING_CARRIED = ("上次自己补充，回头看时说明仍然存在", "added by you last time; still there, you said")
    DIFF_UNCHECKED = ("未复查", "Not re-checked")
    DIFF_RESOLVED = ("解决", "Resolved")
    DIFF_PERSISTING = ("持续", "Persisting")
    DIFF_NEW = ("新增", "New")
    DIFF_UNCHECKED_HINT = (
        "新报告没有再回答这些题目（或没有回头看），无法判断是否解决。",
        "The newer report did not answer these items again (or had no look-back): whether they are solved is unknown.",
    )
    DIFF_NOTE_ITEM_GONE = ("新版问卷已删去这道题", "the newer version no longer has this item")
    DIFF_NOTE_OPTION_GONE = ("新版问卷已没有这个选项", "the newer version no longer has this option")
    DIFF_NOT_COMPARED_CELL = ("未比较", "not compared")
    DIFF_NOT_COMPARED = (
        "{dimension}：两个版本共有的题目只有{common}道（旧版{old}道，新版{new}道），不到各自的一半，得分不作比较。",
        "{dimension}: the two versions share only {common} item(s) here (old {old}, new {new}), under half of either, "
        "so the scores are not compared.",
    )
    DIFF_COMMON_ONLY = (
        "* 问卷版本已变，按两次共有的题目计算",
        "* questionnaire changed: computed over the items both reports share",
    )
    DIFF_VERSION_CHANGED = (
        "问卷版本已变（{old} → {new}）：新增{added}道题，删去{removed}道题。",
        "The questionnaire changed ({old} → {new}): {added} item(s) added, {removed} removed.",
    )

    # ---- #13 safety: files, limits, concurrency, anonymity ----
    FILE_NOT_REGULAR = (
        "{path}：不是普通文件（而是管道、设备或套接字），无法读取；请给出一个 TOML 文件的路径。",
        "{path}: not a regular file (a pipe, device or socket), so it is not read; give the path of a TOML file.",
    )
    FILE_TOO_LARGE = (
        "{path}：文件超过 {mb} MB，不予读取；问卷、报告和台账都远小于这个大小。",
        "{path}: the file is larger than {mb} MB and is not read; questionnaires, reports and ledgers are far smaller.",
    )
    FILE_TOO_DEEP = (
        "{path}：表或数组嵌套超过 {depth} 层，不予读取；selfcheck 的文件不需要这么深的嵌套。",
        "{path}: tables or arrays are nested more than {depth} levels deep, so it is not read; "
        "no selfcheck file needs that.",
    )

    LEDGER_BUSY = (
        "{path}：另一个 selfcheck 正在修改台账，等了 {seconds} 秒仍未结束；稍后再试。",
        "{path}: another selfcheck is changing the ledger and has not finished after {seconds} s; try again shortly.",
    )

    DRAFT_IN_USE = (
        "{path}：这份草稿正在另一个 selfcheck 中作答；先在那里完成或退出（q）。",
        "{path}: this draft is open in another selfcheck; finish or quit (q) there first.",
    )
    DRAFT_TAKEN = (
        "{path}：这份草稿已由另一个 selfcheck 写成报告，本次不再重复写入。",
        "{path}: another selfcheck already turned this draft into a report; it is not written twice.",
    )
    RATE_RESUME_SUBJECT = (
        "--subject：继续测评也要写明评价的是谁，例如 selfcheck rate --resume --subject 张三。",
        "--subject: to continue a rating, name the person rated, e.g. selfcheck rate --resume --subject 张三.",
    )

    GAP_WITHHELD = (
        "评价人少于{n}人（相同的评价文件只算一次），为保护匿名，不显示他评的均值、离散和各维度、各题结果。",
        "Fewer than {n} distinct raters (identical rating files count once): to keep ratings anonymous, no mean, "
        "spread or per-dimension or per-item result of others is shown.",
    )
    SUMMARY_WITHHELD = (
        "{count}份评价未计入得分统计：被评价人的评价人少于{n}人，计入会暴露个人评价。",
        "{count} rating(s) left out of the score statistics: their subject has fewer than {n} raters, "
        "whose marks would show.",
    )

    MULTI_TWICE = ("选项重复：{options}；每个选项只写一次。", "options listed twice: {options}; list each once.")
    DATE_NOT_TEXT = (
        '日期要写成带引号的 YYYY-MM-DD（如 "2026-03-15"），而不是 {value}',
        'a date is written as quoted YYYY-MM-DD (e.g. "2026-03-15"), not {value}',
    )
    ANSWERS_UNKNOWN_QUESTIONNAIRE = (
        "questionnaires.{qid}：没有这份问卷；检查问卷编号（selfcheck questionnaires list），或用 -q 给出问卷文件",
        "questionnaires.{qid}: no such questionnaire; check the id (selfcheck questionnaires list) or give its file "
        "with -q",
    )
    ANSWERS_FINDING_QUESTIONNAIRE = (
        "findings[{n}].questionnaire：{qid} 不在本次作答的问卷中（{ids}）",
        "findings[{n}].questionnaire: {qid} is not among the questionnaires answered ({ids})",
    )
    ANSWERS_FINDING_ITEM = (
        "findings[{n}].item：问卷 {qid} 中没有题目 {item}",
        "findings[{n}].item: questionnaire {qid} has no item {item}",
    )
    ANSWERS_FINDING_NOT_FLAGGED = (
        "findings[{n}]：{qid}/{item} 的答案没有标出问题，不能为它写查摆记录；删去这一条，或去掉 item 作为补充问题",
        "findings[{n}]: the answer to {qid}/{item} flags no problem, so it takes no finding; remove it, or drop "
        "`item` to add it as a problem of your own",
    )
    ANSWERS_PROBLEMS = (
        "{path}：{n} 处问题，未写入报告：",
        "{path}: {n} problem(s); no report written:",
    )

    RANGE_OUTSIDE = (
        "{where}：范围 {a}–{b} 超出了 {lo}–{hi}；得分只在 {lo} 到 {hi} 之间，最高一档写到 {hi} 为止",
        "{where}: range {a}-{b} lies outside {lo}-{hi}; scores run from {lo} to {hi}, so end the top range at {hi}",
    )

    SKIPPED_FILE = ("已跳过无法读取的文件：{error}", "skipped: {error}")

    # ---- #14 scoring: red lines, posts, the problem norm, consistency notes ----
    PROFILE_INTRO = (
        "先说明本人岗位：题目因岗位而异，不适用于您岗位的题目不会出现，也不计分。下次会记住，可以更改。",
        "First, your post: items differ by post, and those that do not apply to yours are neither asked nor scored. "
        "Remembered for next time; you can change it.",
    )
    PROFILE_POST = ("岗位（输入编号）", "Post (enter a number)")
    PROFILE_PUBLIC = ("1 是 / 2 否", "1 yes / 2 no")
    PROFILE_SET = ("岗位：{post}；直接面向群众服务：{public}", "Post: {post}; serves the public directly: {public}")
    PROFILE_NOTHING_APPLIES = (
        "“{title}”的题目都不适用于{post}，不列入这次对照检查。",
        "None of the items of “{title}” apply to a {post}: it is left out of this self-check.",
    )
    NOTHING_FOR_POST = (
        "所选问卷都没有适用于您岗位的题目，没有写报告。请另选问卷（selfcheck questionnaires list），"
        "或在岗位有误时重新开始并更改岗位。",
        "None of the chosen questionnaires has items for your post, so no report was written. Choose others "
        "(selfcheck questionnaires list), or start again and change the post if it was wrong.",
    )
    PROFILE_INVALID = ("{path}：岗位定义无效（{n}个问题）：", "{path}: invalid profile ({n} problem(s)):")
    RED_LINE = ("红线", "red line")
    RED_LINE_CAPPED = (
        "触碰红线：等次不高于“{cap}”（按得分为“{level}”）。",
        "A red line was crossed: the level is at most “{cap}” (the score alone gives “{level}”).",
    )
    RED_LINE_FINDING = (
        "这是红线问题：必须查摆，写明具体表现（时间、地点、事情），不能略过。",
        "This is a red-line problem: it must be recorded with its concrete instance (when, where, what); "
        "it cannot be left out.",
    )
    RED_LINE_DETAIL_REQUIRED = (
        "红线问题必须写明具体表现，不能空着。",
        "A red-line problem needs its concrete instance; it cannot be left empty.",
    )
    NORM_HEAD = ("{questionnaire} · {dimension}", "{questionnaire} · {dimension}")
    NORM_ASK = (
        "“{dimension}”方面没有查摆出问题。对照检查要求每个方面至少查摆出{n}个问题：写出一个问题和它的具体表现；"
        "确实没有的，写明理由（记入报告，并在材料中注明）。",
        "No problem found under “{dimension}”. A self-examination names at least {n} problem(s) in each area: "
        "name one with its concrete instance, or state in writing why none applies (kept in the report and "
        "marked in the material).",
    )
    NORM_CHOICES = ("写出一个问题|写明没有问题的理由", "Name a problem|State why none applies")
    NORM_CHOOSE = ("输入编号", "Enter a number")
    NORM_REASON = (
        "理由（为什么这方面没有问题，依据是什么）",
        "Reason (why no problem applies here, and on what basis)",
    )
    NORM_REASON_SHORT = (
        "理由至少写{min}个字，说明依据（如征求意见、谈心谈话的结果）。",
        "Write at least {min} characters, with the basis (e.g. what opinions and talks showed).",
    )
    NORM_REASON_LABEL = ("未查摆出问题的说明", "Why no problem was named")
    NOTES_HEAD = ("请核对", "Please check")
    NOTE_SAME_POINT = (
        "几乎每道量表题都选了同一个选项。请确认每题都是按实际情况回答的。",
        "You chose the same point on nearly every scale item. Please make sure each answer fits your record.",
    )
    NOTE_ALL_BEST = (
        "每一题都选了最好的一端。对照检查重在查找不足，请再想想有没有做得不够的地方。",
        "Every answer is at the best end. A self-examination is about finding shortcomings: think again whether "
        "anything fell short.",
    )
    NOTES_BACK = (
        "提示不影响得分。输入 b 回去修改答案，直接回车继续。",
        "Notes never change a score. Type b to go back and change answers, or press Enter to go on.",
    )
    NOTES_COUNT = ("一致性提示{n}条", "{n} consistency note(s)")
    ANSWERS_NORM_MISSING = (
        "{path}：对照检查要求每个方面至少查摆出一个问题，以下方面既没有问题也没有书面理由；未写报告：",
        "{path}: each area of a self-examination names at least one problem; these have neither a problem nor a "
        "written reason; no report written:",
    )
    ANSWERS_NORM_LINE = (
        '  {qid} · {dimension}：还差{n}个问题。加一条 [[findings]]（questionnaire = "{qid}"，dimension = "{dim}"，'
        'problem、detail），或写 [questionnaires.{qid}.no_problem] {dim} = "理由"',
        '  {qid} · {dimension}: {n} problem(s) short. Add a [[findings]] (questionnaire = "{qid}", dimension = '
        '"{dim}", problem, detail), or [questionnaires.{qid}.no_problem] {dim} = "reason"',
    )
    SUMMARY_PERSONS = (
        "自评：{persons} 人（每人每套问卷取最新一份报告）",
        "Self-assessments: {persons} person(s) (each one's latest report per questionnaire)",
    )
    SUMMARY_SUPERSEDED = (
        "同一人较早的报告 {n} 份未计入（--all-reports 计入每一份）",
        "{n} earlier report(s) of the same people left out (--all-reports counts every one)",
    )
    SUMMARY_ALL_REPORTS = (
        "自评：{reports} 份报告，{persons} 人（--all-reports：每份报告都计入）",
        "Self-assessments: {reports} report(s) by {persons} person(s) (--all-reports: every report counted)",
    )
    SUMMARY_UNNAMED = (
        "其中 {n} 份报告没有署名，各按一人计",
        "{n} report(s) carry no name and count as one person each",
    )
    SUMMARY_RATINGS = (
        "他评：{ratings} 份评价，涉及 {subjects} 人（每人的得分取其评价人的平均）",
        "Ratings by others: {ratings}, of {subjects} person(s) (each person's score is the mean of their raters)",
    )
    SUMMARY_FILES = ("读取报告文件 {files} 个", "{files} report file(s) read")
    SUMMARY_OWN_TABLE = ("{title} ({qid}) · 自评 {n} 人", "{title} ({qid}) · self-assessed, {n} person(s)")
    SUMMARY_OWN_TABLE_REPORTS = ("{title} ({qid}) · 自评 {n} 份报告", "{title} ({qid}) · self-assessed, {n} report(s)")
    SUMMARY_OTHERS_TABLE = (
        "{title} ({qid}) · 他评 {n} 人（{ratings} 份评价）",
        "{title} ({qid}) · rated by others, {n} person(s) ({ratings} ratings)",
    )
    SUMMARY_RED_LINES = (
        "红线问题 {n} 个，涉及 {persons} 人（{reports} 份报告）",
        "{n} red-line problem(s) of {persons} person(s) ({reports} report(s))",
    )
    SUMMARY_NO_PROBLEM = (
        "以书面说明代替查摆问题 {n} 处",
        "{n} written statement(s) in place of a problem",
    )
    SUMMARY_NOTES = ("一致性提示 {n} 条（不影响得分）", "{n} consistency note(s) (scores unchanged)")
    SUMMARY_ALL_TOP = (
        "所有维度都给最高评价的测评 {n} 份（好人主义倾向；只计数，不记名）",
        "{n} rating(s) with every dimension at the top (going easy; counted, not named)",
    )
    SUMMARY_GRADES = ("{title} · 总体评价：{dist}", "{title} · overall grades: {dist}")
    RED_LINE_TAG = ("【红线】", "[red line] ")
    LEVEL_CAPPED = (
        "{level}（红线封顶，按得分为{uncapped}）",
        "{level} (capped by a red line; the score gives {uncapped})",
    )
    REPORT_NO_PROBLEM = ("未查摆出问题的书面说明", "Written reasons in place of a problem")
    REPORT_NOTES = ("一致性提示（不影响得分）", "Consistency notes (scores unchanged)")
    GRADE_ASK = ("民主测评：该同志的总体评价", "Overall, how do you grade this comrade?")
    DISQUALIFIERS_ASK = (
        "据您所知，该同志有没有下列情形？",
        "As far as you know, does any of these apply to this comrade?",
    )
    DISQUALIFIERS_PROMPT = (
        "输入编号，可多选；都没有或不了解请直接回车",
        "Enter numbers (several allowed); press Enter for none or don't know",
    )
    GAP_GRADES = ("总体评价：{dist}", "Overall grades: {dist}")
    GAP_DISQUALIFIERS = ("反向情形：{dist}", "Disqualifying situations: {dist}")
    GAP_ALL_TOP = (
        "{n} 人对所有维度都给了最高评价（只计数，不记名）",
        "{n} rater(s) marked every dimension at the top (counted, not named)",
    )
    ANSWERS_BAD_POST = (
        "{path}：respondent.post：未知岗位 {post!r}（可选：{known}）；未写报告。",
        "{path}: respondent.post: unknown post {post!r} (known: {known}); no report written.",
    )

    # ---- #16 the material ----
    DOC_TITLE_MEETING = ("{meeting}个人对照检查材料", "Self-examination report for the {meeting}")
    DOC_DATE = ("{y}年{m}月{d}日", "{d} {month} {y}")
    DOC_MARK = ("【请补写：{what}】", "[To write: {what}]")
    DOC_MARK_CELL = ("【请补写】", "[to write]")
    DOC_MARK_NAME = ("单位、职务、姓名", "your unit, post and name")
    DOC_SUB_HEADING = ("（{cn}）{text}", "({n}) {text}")
    DOC_AREA = ("{area}方面", "{area}")
    DOC_OTHER_AREA = ("其他", "Other matters")
    DOC_SCOPE_CONTRAST = (
        "对照{refs}，查找{areas}方面的不足",
        "compared myself against {refs}, looking for shortcomings in {areas}",
    )
    DOC_SCOPE_ABILITY = ("检查{titles}方面的差距", "checked my {titles}")
    DOC_SCOPE_CUSTOM = ("对照《{title}》作了检查", "examined myself against “{title}”")
    DOC_OPENING = (
        "按照{meeting}的要求，本人{scope}，共作答{answered}题。",
        "As required for the {meeting}, I {scope}, answering {answered} questions.",
    )
    DOC_OPENING_PLAIN = ("本人{scope}，共作答{answered}题。", "I {scope}, answering {answered} questions.")
    DOC_MARK_STUDY = (
        "学习了哪些内容，开展谈心谈话几次，征求到意见建议几条",
        "what you studied, how many one-to-one talks you held and how many opinions you gathered",
    )
    DOC_COUNT = ("{label}{n}个", "{label}: {n}")
    DOC_SOURCE_NONE = ("未注明来源", "source not given")
    DOC_FOUND = (
        "共查摆出问题{n}个，其中{by_source}；分方面看，{by_area}。",
        "{n} problem(s) found ({by_source}); by area: {by_area}.",
    )
    DOC_FOUND_NONE = ("本次自查没有查摆出问题。", "No problems were found in this self-examination.")
    DOC_MARK_NONE_REASON = (
        "没有查摆出问题的理由（问题清单很少是空的，请再对照一遍）",
        "why no problem was found (the list is rarely empty: look again)",
    )
    DOC_RED_LINES = (
        "对照中央八项规定精神逐项检查，存在以下情形：{items}。",
        "Checked against the eight-point rules item by item: {items}.",
    )
    DOC_RED_LINES_NONE = (
        "对照中央八项规定精神逐项检查，未发现违反情形。",
        "Checked against the eight-point rules item by item: no violation found.",
    )
    DOC_REVIEW_SUMMARY = (
        "上次查摆的问题{n}个，整改{by_status}{unplanned}（见第五部分）。",
        "Of the {n} problem(s) from last time: {by_status}{unplanned} (see part 5).",
    )
    DOC_REVIEW_UNPLANNED = ("，其中{n}个上次未制定整改措施", "; {n} had no measure set")
    DOC_REVIEW_NO_MEASURE = ("未制定措施", "no measure set")
    DOC_REVIEW_NO_DEADLINE = ("未定时限", "no deadline set")
    DOC_REVIEW_NO_EVIDENCE = ("暂无", "none yet")
    DOC_LEVEL_NONE = ("不评定", "not rated")
    DOC_NO_PROBLEM_REASON = (
        "对照{ref}，本人没有在这方面列出问题，书面说明理由如下：{reason}",
        "Against {ref}, I named no problem here; my written reason: {reason}",
    )
    DOC_NO_PROBLEM_REASON_DIM = (
        "在“{questionnaire}”的“{dimension}”方面，本人没有列出问题，书面说明理由如下：{reason}",
        "In “{dimension}” of {questionnaire}, I named no problem; my written reason: {reason}",
    )
    DOC_NO_PROBLEM_COUNT = (
        "{n}个方面没有列出问题，已书面说明理由（见第二部分）。",
        "In {n} area(s) no problem was named; the written reasons are in part 2.",
    )
    DOC_MARK_DETAIL = (
        "具体表现——什么时间、在哪里、做了或没做什么",
        "the concrete instance: when, where, what you did or failed to do",
    )
    DOC_CAUSES_INTRO = (
        "对照查摆出的问题，深挖思想根源，主要有以下几个方面：",
        "Tracing the problems back to their roots:",
    )
    DOC_CAUSE_TIE = (
        "{problems}等问题，反映出本人在{cause}方面还有差距。",
        "Problems such as {problems} show where I fall short in {cause}.",
    )
    DOC_CAUSE_TIE_ONE = (
        "{problems}的问题，反映出本人在{cause}方面还有差距。",
        "The problem {problems} shows where I fall short in {cause}.",
    )
    DOC_CAUSE_NOTES = ("究其原因，{notes}", "At root: {notes}")
    DOC_MARK_CAUSE = (
        "结合上述问题，剖析{cause}方面的思想根源",
        "the roots of these problems in {cause}, in your own words",
    )
    DOC_CAUSE_MISSING = ("{problems}的原因还需剖析。", "The causes of {problems} are still to be analysed.")
    DOC_MARK_CAUSE_MISSING = (
        "这些问题的原因，归到理想信念、宗旨意识、党性修养或能力本领",
        "their causes: ideals and convictions, sense of purpose, Party spirit, or ability",
    )
    DOC_MEASURES_INTRO = (
        "针对查摆出的问题，制定以下整改措施，自觉接受组织和同志们监督：",
        "For the problems above I will take these measures, open to checking by the organisation and my comrades:",
    )
    DOC_APPENDIX = ("附：自查得分", "Appendix: self-assessed scores")
    DOC_APPENDIX_NOTE = (
        "以下得分和等次由本人的作答自动计算，仅供参考。",
        "The scores and levels below are computed from my own answers, for reference only.",
    )
    DOC_COL_REVIEW_STATUS = ("落实情况", "Status")
    RATE_DOC_TITLE = ("民主测评结果", "Results of the democratic appraisal")
    RATE_DOC_SECTION = ("{cn}、{subject}", "{n}. {subject}")
    RATE_DOC_NO_SUBJECT = ("（未注明被测评人）", "(subject not given)")
    RATE_DOC_RATERS = (
        "共{raters}人参加测评，综合得分{overall}。",
        "{raters} rater(s) took part; overall score {overall}.",
    )
    RATE_DOC_RATERS_ONLY = ("共{raters}人参加测评。", "{raters} rater(s) took part.")
    RATE_DOC_FEW = (
        "参加测评的不足{min}人：为保护背靠背测评，只给出人数，得分、各项评价和意见建议不予显示。",
        "Fewer than {min} raters: to keep the rating anonymous only their number is given, not the scores, marks "
        "or comments.",
    )
    RATE_DOC_GRADES = ("总体评价：{grades}。", "Overall grade: {grades}.")
    RATE_DOC_COUNT = ("{label}{n}人", "{label}: {n}")
    RATE_DOC_ABSTAIN = ("不了解", "Don't know")
    RATE_DOC_COMMENTS = ("意见建议（原文照录，不分先后）：", "Comments (verbatim, in no particular order):")
    RATE_DOC_NO_COMMENTS = ("没有收到意见建议。", "No comments were given.")
    COMMENTS_TITLE = ("意见建议（原文照录，不分先后）", "Comments (verbatim, in no particular order)")
    COMMENTS_OVERALL = ("总体意见", "On the person overall")
    COMMENTS_FEW = (
        "评价人不足{min}人，意见建议不予显示（背靠背）。",
        "Fewer than {min} raters: comments are not shown, so no one can be told apart.",
    )
    NEXT_STEPS = (
        "下一步：selfcheck export --format docx 生成对照检查材料；selfcheck plan 查看和更新整改台账。",
        "Next: selfcheck export --format docx writes the material; selfcheck plan shows and updates the measures.",
    )
    EXPORT_NO_REPORTS = (
        "{where}：这里没有报告。先运行 selfcheck start，或给出报告文件。",
        "{where}: no reports there. Run selfcheck start first, or give report files.",
    )
    DOC_TEMPLATE_MISSING = (
        "{path}：没有这个模板文件。请给出一个 .docx 文件。",
        "{path}: no such template; give a .docx file.",
    )
    DOC_TEMPLATE_BAD = (
        "{path}：不是可以使用的Word文档（{reason}）。请在Word中另存为 .docx 后再用。",
        "{path}: not a usable Word document ({reason}); save it as .docx in Word and try again.",
    )

    # ---- #17 collecting ratings ----
    COLLECT_NO_RATING = (
        "问卷 {form} 没有民主测评等次（[rating]），不能用作测评表。请选有 [rating] 的问卷，如 zuofeng。",
        "Questionnaire {form} has no rating scale ([rating]), so it cannot be a rating form. Choose one that has, "
        "e.g. zuofeng.",
    )
    COLLECT_ABSTAIN = ("不了解", "Don't know")
    COLLECT_GRADE = ("总体评价", "Overall grade")
    COLLECT_DISQUALIFIERS = ("如有下列情形，请勾选", "Tick any that apply")
    COLLECT_DISQUALIFIERS_HEAD = ("反向情形", "Disqualifying situations")
    BALLOT_BAD_DISQUALIFIER = ("{subject}：没有这一反向情形 {value}。", "{subject}: no such situation {value}.")
    IMPORT_ROW_DISQUALIFIER = (
        "第{row}行，反向情形：“{value}”不是1–{n}的编号。",
        "Row {row}, situations: {value!r} is not a number from 1 to {n}.",
    )
    PAPER_DISQUALIFIERS = (
        "反向情形（知道被测评人有下列情形的，在“反向情形”栏勾选其编号）：{items}",
        "Disqualifying situations (if you know the person shows one, tick its number in that column): {items}",
    )
    COLLECT_NO_SUBJECTS = (
        "--subjects：请列出被测评人，用逗号分隔，如 张三,李四。",
        "--subjects: list the people to rate, separated by commas, e.g. 张三,李四.",
    )
    COLLECT_DUPLICATE_SUBJECT = ("--subjects：{name} 出现了两次。", "--subjects: {name} is listed twice.")
    COLLECT_BAD_SUBJECT = (
        "--subjects：“{name}”不像姓名（最多{max}个字，不含控制字符）。",
        "--subjects: {name!r} is not a name (at most {max} characters, no control characters).",
    )
    COLLECT_TOO_MANY_SUBJECTS = (
        "--subjects：{n}人超过一张表的上限{max}人；请分几张表测评。",
        "--subjects: {n} people is more than one form holds ({max}); split them over several forms.",
    )
    COLLECT_ONE_FORM = (
        "--form：请给出一份有民主测评等次的问卷，如 --form zuofeng。",
        "--form: give one questionnaire with a rating scale, e.g. --form zuofeng.",
    )
    COLLECT_BAD_BALLOTS = ("--ballots：请给出1–{max}之间的份数。", "--ballots: give a number from 1 to {max}.")
    COLLECT_BAD_UNTIL = ("--until：时间应写作 HH:MM，如 17:30。", "--until: write the time as HH:MM, e.g. 17:30.")
    BALLOT_UNKNOWN_FIELD = ("表单中有未知的栏目 {field}。", "The form has an unknown field {field}.")
    BALLOT_REPEATED_FIELD = ("栏目 {field} 出现了不止一次。", "The field {field} appears more than once.")
    BALLOT_COMMENT_TOO_LONG = (
        "对{subject}的意见建议超过{max}字。",
        "The comment on {subject} is longer than {max} characters.",
    )
    BALLOT_BAD_MARK = ("{subject}·{column}：等次应为1–{n}。", "{subject} · {column}: the mark must be 1-{n}.")
    COLLECT_PAGE_TITLE = ("{form} · 民主测评表", "{form} · Rating form")
    COLLECT_NOTE = (
        "背靠背测评：不记名，不记录您的姓名、设备和网络地址，只记日期。每个测评码只能提交一次。"
        "不了解的请选“不了解”，不计入得分。",
        "Anonymous (背靠背): your name, device and network address are not recorded, only the date. Each code "
        "works once. Choose “Don't know” where you cannot judge: it does not count as a low mark.",
    )
    COLLECT_ENTER_CODE = ("请输入纸条上的测评码", "Enter the code on your slip")
    COLLECT_OPEN = ("打开测评表", "Open the form")
    COLLECT_COMMENT = ("意见建议（可选）", "Comments (optional)")
    COLLECT_SUBJECT = ("被测评人", "Person rated")
    COLLECT_SUBMIT_ONCE = (
        "提交后不能修改，测评码随即作废。",
        "A ballot cannot be changed once submitted; the code then stops working.",
    )
    COLLECT_SUBMIT = ("提交", "Submit")
    COLLECT_BACK = ("返回", "Back")
    COLLECT_BUSY = ("请求太多，请稍候再试。", "Too many requests; try again in a moment.")
    COLLECT_THANKS = ("已提交，谢谢！", "Submitted — thank you!")
    COLLECT_THANKS_TEXT = (
        "您的测评已收到，测评码已作废。可以关闭本页。",
        "Your ballot is in and your code no longer works. You can close this page.",
    )
    COLLECT_NOT_FOUND = ("没有这个页面。", "No such page.")
    COLLECT_REFUSED = ("未能提交", "Not accepted")
    COLLECT_NO_CODE = (
        "缺少测评码。请用纸条上的链接或测评码打开测评表。",
        "No code. Open the form with the link or the code on your slip.",
    )
    COLLECT_UNKNOWN_CODE = ("测评码无效。请核对纸条上的测评码。", "Unknown code. Check the code on your slip.")
    COLLECT_USED_CODE = (
        "这个测评码已经用过，每个测评码只能提交一次。",
        "This code has been used; each code works once.",
    )
    COLLECT_BAD_TOKEN = (
        "表单校验不符，未予接收。请重新打开纸条上的链接再提交。",
        "The form failed its check and was not accepted. Open the link on your slip again and submit.",
    )
    COLLECT_INVALID = ("测评表填写有误：", "The ballot has problems:")
    COLLECT_TOO_BIG = ("提交的内容太大。", "The submission is too large.")
    COLLECT_SAVE_FAILED = (
        "未能保存这份测评，请告诉组织者；测评码仍然有效，可以稍后再提交。",
        "The ballot could not be saved; please tell the organiser. Your code still works: submit again later.",
    )
    COLLECT_NEEDS_EXTRA = (
        "selfcheck collect 需要网络组件：pip install 'selfcheck[collect]'",
        "selfcheck collect needs its network parts: pip install 'selfcheck[collect]'",
    )
    COLLECT_TLS_MISSING = ("--tls：找不到文件 {path}。", "--tls: no such file {path}.")
    COLLECT_CANNOT_LISTEN = (
        "无法在 {host}:{port} 上提供服务（地址不属于本机，或端口已被占用）。请用 --host、--port 换一个。",
        "Cannot serve on {host}:{port} (not an address of this machine, or the port is taken). "
        "Choose another with --host or --port.",
    )
    COLLECT_OPEN_AT = ("请用手机扫码，或打开 {url}", "Scan the code with a phone, or open {url}")
    COLLECT_UNENCRYPTED = (
        "注意：测评在局域网内以明文传输（未加密），同一网络中的人可能看到。需要加密请用 --tls 证书 私钥。",
        "Note: ballots travel unencrypted on the local network, where others on it could read them. "
        "Use --tls CERT KEY to encrypt.",
    )
    COLLECT_SLIPS_WRITTEN = (
        "测评码纸条：{path}（{n}张，打印后裁开，随机分发；不要记录谁拿了哪一张）",
        "Code slips: {path} ({n}; print, cut and hand out at random; do not note who got which)",
    )
    COLLECT_PROGRESS = ("已收到 {n}/{total} 份", "{n}/{total} ballots in")
    COLLECT_UNTIL = ("截止 {time}", "until {time}")
    COLLECT_STOP_HINT = ("Ctrl-C 结束", "Ctrl-C to stop")
    COLLECT_SUMMARY = (
        "收票结束：收到 {n}/{total} 份测评表，写出 {reports} 份测评报告，在 {folder}",
        "Closed: {n}/{total} ballots in, {reports} rating reports written to {folder}",
    )
    COLLECT_SAVE_ERRORS = (
        "有 {n} 份测评未能保存（见上）；这些测评码仍然有效。",
        "{n} ballot(s) could not be saved (see above); those codes still work.",
    )
    SLIPS_NOTE = (
        "测评码纸条：裁开后随机发给参加测评的人，每人一张；扫码或在测评页输入测评码。测评码与姓名无关，每个只能用一次。",
        "Code slips: cut them apart and hand one to each rater at random; scan the code or type it on the page. "
        "Codes are not tied to names and each works once.",
    )
    PAPER_TITLE = ("民主测评表", "Rating form")
    PAPER_NUMBER = ("编号：{n}", "Ballot no. {n}")
    PAPER_INSTRUCTIONS = (
        "填表说明：每位被测评人一行。在每一栏选定的等次前的方框内打“√”，每栏只选一项；不了解的勾选“{abstain}”，"
        "不计入得分。意见建议写在最后一栏（可不填）。",
        "How to fill in: one row per person. In each column tick the box before one mark; tick “{abstain}” where you "
        "cannot judge, which does not count. Comments go in the last column (optional).",
    )
    PAPER_ANONYMOUS = (
        "本表不记名（背靠背），请勿写本人姓名；填好后折好投入票箱。",
        "This form is anonymous (背靠背): do not write your name. Fold it and put it in the ballot box.",
    )
    PAPER_WRITTEN = (
        "空白测评表：{path}（{n}张）；录入用表格：{csv}",
        "Blank rating forms: {path} ({n} sheets); table to type them into: {csv}",
    )
    PAPER_EXISTS = (
        "{path} 已存在；换一个 --output，或删除它后再试。",
        "{path} already exists; choose another --output, or remove it first.",
    )
    IMPORT_NEEDS = (
        "--import 需要一份问卷和 --subjects，如 selfcheck rate zuofeng --import ballots.csv --subjects 张三,李四",
        "--import needs one questionnaire and --subjects, e.g. "
        "selfcheck rate zuofeng --import ballots.csv --subjects 张三,李四",
    )
    IMPORT_INVALID = (
        "{path}：{n}处问题，没有写入任何测评：",
        "{path}: {n} problem(s); nothing was written:",
    )
    IMPORT_TOO_BIG = ("{path}：文件超过 {mb} MB，不像测评录入表。", "{path}: larger than {mb} MB; not a ballots table.")
    IMPORT_EMPTY = ("{path}：没有表头或数据行。", "{path}: no heading row or no data rows.")
    IMPORT_NOT_TEXT = (
        "{path}：不是 UTF-8 文本；请在表格软件中另存为“CSV UTF-8”。",
        "{path}: not UTF-8 text; save it from the spreadsheet as “CSV UTF-8”.",
    )
    IMPORT_MISSING_COLUMN = (
        "表头缺少“{column}”；表头应为：{expected}",
        "The heading row lacks {column!r}; it should be: {expected}",
    )
    IMPORT_UNKNOWN_COLUMN = (
        "表头中的“{column}”不是测评表的栏目。",
        "{column!r} in the heading row is not a column of the form.",
    )
    IMPORT_ROW_WIDTH = ("第{row}行：有{n}格，表头有{m}格。", "Row {row}: {n} cells, but the heading has {m}.")
    IMPORT_ROW_NUMBER = (
        "第{row}行，编号：“{value}”应为正整数。",
        "Row {row}, No.: {value!r} should be a whole number.",
    )
    IMPORT_ROW_SUBJECT = (
        "第{row}行，被测评人：“{value}”不在名单中（{subjects}）。",
        "Row {row}, person: {value!r} is not on the list ({subjects}).",
    )
    IMPORT_ROW_MARK = (
        "第{row}行，{column}：“{value}”不是本表的等次（{labels}，或空着表示不了解）。",
        "Row {row}, {column}: {value!r} is not a mark of this form ({labels}, or empty for don't know).",
    )
    IMPORT_ROW_DUPLICATE = (
        "第{row}行：编号{number}对{subject}的测评与第{first}行重复。",
        "Row {row}: ballot {number} rates {subject} again (first in row {first}).",
    )
    IMPORT_ROW_COMMENT = ("第{row}行：意见建议超过{max}字。", "Row {row}: the comment is longer than {max} characters.")
    IMPORT_DONE = (
        "已导入{ballots}张测评表，写出{reports}份测评报告到 {folder}",
        "Imported {ballots} ballots: {reports} rating reports written to {folder}",
    )
    IMPORT_HEAD_NUMBER = ("编号", "No.")

    # ---- #18 the interview as people type ----
    LIST_FINDINGS = ("问题 {n} 个", "{n} finding(s)")
    PLAN_EVIDENCE = ("证据：{evidence}", "Evidence: {evidence}")
    WARN_SAME_DETAIL = (
        "这段具体表现与本次另一个问题（{problem}）写的几乎一样。每个问题写它自己的事例。仍要保存请再按一次回车。",
        'This is nearly the same instance as for another problem in this report ("{problem}"). Give each problem its '
        "own case. Press Enter again to keep it anyway.",
    )
    ANSWERS_WARN_SHORT = (
        "findings[{n}]（{problem}）：具体表现太简略（不足{min}字），写出具体的事。",
        "findings[{n}] ({problem}): the instance is too brief (under {min} characters); name a real case.",
    )
    ANSWERS_WARN_REPEAT = (
        "findings[{n}]（{problem}）：具体表现只是重复了问题本身。",
        "findings[{n}] ({problem}): the instance only repeats the problem.",
    )
    ANSWERS_WARN_SIMILAR = (
        "findings[{n}]（{problem}）：具体表现与{label}报告里的表述几乎一样。",
        "findings[{n}] ({problem}): the instance is worded nearly as in the {label} report.",
    )
    ANSWERS_WARN_SAME = (
        "findings[{n}]（{problem}）：具体表现与问题“{label}”的写法几乎一样。",
        'findings[{n}] ({problem}): the instance is nearly the same as for "{label}".',
    )
    ANSWERS_WARN_COLLECTIVE = (
        "findings[{n}]（{problem}）：具体表现写的是“我们”“有的同志”，没有写自己（以集体问题代替个人问题）。",
        'findings[{n}] ({problem}): the instance speaks of "we" or "some comrades", not of yourself.',
    )
    ANSWERS_WARN_GENERIC = (
        "findings[{n}]（{problem}）：具体表现没有时间、地点、次数或具体事情。",
        "findings[{n}] ({problem}): the instance names no time, place, number or event.",
    )
    ANSWERS_WARN_WISH = (
        "findings[{n}]（{problem}）：整改措施像愿望，没有写做什么、多久一次或做到多少、何时完成。",
        "findings[{n}] ({problem}): the measure is a wish: say what, how often or how much, and by when.",
    )
    ANSWERS_WARNINGS = ("{path}：以下表述需要再斟酌（报告已写出）：", "{path}: wording to reconsider (report written):")
    ANSWERS_STRICT = (
        "{path}：以下表述没有通过检查（--strict），没有写出报告：",
        "{path}: wording did not pass the checks (--strict); no report written:",
    )
    RESUME_AT = (
        "继续作答：已答{answered}题，接着回答第 {n}/{total} 题。",
        "Resuming: {answered} answered, next is {n}/{total}.",
    )
    RESUME_FINDINGS = (
        "继续作答：{answered}题已答完，接着填写查摆记录（已填{done}个问题）。",
        "Resuming: all {answered} questions answered; on to the problem records ({done} done).",
    )
    DATE_UNREADABLE = (
        "看不懂日期“{text}”。可以写 2027-06-30、2027/6/30、2027年6月30日、2027年6月底 或 2027年底。",
        'Cannot read the date "{text}". Write it as 2027-06-30, 2027/6/30, 2027年6月30日, 2027年6月底 or 2027年底.',
    )
    DATE_NO_SUCH_DAY = (
        "“{text}”这一天不存在，请检查月和日。",
        '"{text}" is not a day of the calendar; check the month and day.',
    )
    DATE_NOT_YET = (
        "{date}还没有到：这里问的是已经发生的事，日期不能晚于今天（{today}）。",
        "{date} has not come yet: this asks about something that happened, so not after today ({today}).",
    )
    DATE_ALREADY_PAST = (
        "{date}已经过去：时限不能早于今天（{today}）。",
        "{date} is already past: a deadline cannot be before today ({today}).",
    )
    DATE_READ_AS = ("记为 {date}", "Recorded as {date}")
    HINT_DATE_ANY = ("日期，如 {iso} 或 {y}年{m}月{d}日", "A date, e.g. {iso}")
    HINT_DATE_PAST = ("日期（不晚于今天），如 {iso} 或 {y}年{m}月{d}日", "A date not after today, e.g. {iso}")
    HINT_DATE_FUTURE = ("日期（不早于今天），如 {iso} 或 {y}年{m}月底", "A date from today on, e.g. {iso}")
    ASK_DEADLINE_EXAMPLE = (
        "完成时限（如 {iso} 或 {y}年{m}月底）",
        "Deadline (a date, e.g. {iso})",
    )
    NUMBER_WITH_UNIT = (
        "请输入 {lo}–{hi} 之间的整数，可以带单位，如 {n}{unit}。",
        "Enter a whole number from {lo} to {hi}; a unit may follow, e.g. {n} {unit_en}.",
    )
    PLAN_DATE_FUTURE = (
        "--date：{date} 还没有到；记录的是已经做了的事，日期不能晚于今天（{today}）。",
        "--date: {date} has not come yet; progress is recorded for what was done, so not after today ({today}).",
    )
    PLAN_DATE_BAD = (
        "--date：看不懂日期“{text}”，请写成 2026-11-01 或 2026年11月1日。",
        '--date: cannot read the date "{text}"; write it as 2026-11-01.',
    )

    # ---- #11 wording that was inline in the views and exporters ----
    # How the two languages put text together (used through selfcheck.i18n.text).
    ENUM_SEPARATOR = ("、", ", ")
    CLAUSE_SEPARATOR = ("，", ", ")
    BYLINE_NEXT = ("{head}　{part}", "{head}, {part}")
    LAST_OF_LIST = ("{head}和{last}", "{head} and {last}")
    FULL_STOP = ("。", ".")
    TWO_SENTENCES = ("{first}{second}", "{first} {second}")
    IN_BRACKETS = ("（{text}）", " ({text})")
    LEAD = ("{label}：", "{label}:")
    LABEL_LEAD = ("{label}：", "{label}: ")
    COUNTED = ("{label}（{n}）", "{label} ({n})")
    TIMES = ("{n} 次", "{n} times")
    HTML_LANG = ("zh-CN", "en")
    LANGUAGE_NAME = ("中文", "English")
    # Codes of the report → their names.
    CAUSE_LIXIANG = ("理想信念", "Ideals and convictions")
    CAUSE_ZONGZHI = ("宗旨意识", "Sense of purpose (serving the people)")
    CAUSE_DANGXING = ("党性修养", "Party spirit")
    CAUSE_NENGLI = ("能力本领", "Ability and skills")
    CAUSE_OTHER = ("其他", "Other")
    SOURCE_SELF = ("自己找", "Found myself")
    SOURCE_MASSES = ("群众提", "Raised by the public")
    SOURCE_SUPERIOR = ("上级点", "Pointed out by superiors")
    SOURCE_PEERS = ("互相帮", "Raised by colleagues")
    ROLE_SELF = ("自评", "self")
    ROLE_PEER = ("互评", "peer")
    ROLE_MASSES = ("群众评议", "public")
    KIND_CONTRAST = ("对照", "comparison")
    KIND_ABILITY = ("能力", "ability")
    KIND_CUSTOM = ("自定义", "custom")
    BUILTIN_SOURCE = ("内置", "built-in")
    # Column headings of the terminal's tables and the exported tables.
    COL_CREATED = ("时间", "Created")
    COL_DATE = ("日期", "Date")
    COL_NAME = ("姓名", "Name")
    COL_SCORES = ("问卷：总分", "Questionnaire: score")
    COL_FINDINGS = ("问题数", "Findings")
    COL_FILE = ("文件", "File")
    COL_OLD = ("旧", "Old")
    COL_NEW = ("新", "New")
    COL_CHANGE = ("变化", "Change")
    COL_TREND = ("走势", "Trend")
    COL_FIRST_LAST = ("首 → 末", "First → last")
    COL_SELF = ("自评", "Self")
    COL_OTHERS = ("他评均值", "Others")
    COL_SPREAD = ("离散", "Spread")
    COL_COUNT = ("人数", "N")
    COL_GAP = ("差距", "Gap")
    COL_MEAN = ("均值", "Mean")
    COL_MEDIAN = ("中位数", "Median")
    COL_MIN = ("最低", "Min")
    COL_MAX = ("最高", "Max")
    COL_DISTRIBUTION = ("分布 0→100", "Distribution 0→100")
    COL_DISTRIBUTION_BINS = ("分布（0–100，五档）", "Distribution (0-100, five bins)")
    COL_ROLE = ("类别", "Role")
    COL_REPORTS = ("份数", "Reports")
    COL_TITLE = ("标题", "Title")
    COL_KIND = ("类别", "Kind")
    COL_VERSION = ("版本", "Version")
    COL_ITEMS = ("题数", "Items")
    COL_DIMENSIONS = ("维度", "Dimensions")
    COL_SOURCE = ("来源", "Source")
    COL_TITLE_KIND_VERSION = ("标题 · 类别 · 版本", "Title · kind · version")
    COL_ITEMS_DIMS = ("题/维", "Items/dims")
    COL_ITEM_KIND = ("类型", "Kind")
    COL_ITEM = ("题目", "Item")
    COL_MARKS = ("标记", "Marks")
    MARK_RED = ("红", "R")
    MARK_POSTS = ("岗", "P")
    MARK_OWN = ("自", "O")
    MARKS_LEGEND = (
        "标记：{red} = 红线（整题，或题下所注选项），选中即列入问题清单并限定等次；{posts} = 只问部分岗位（题下注明）；"
        "{own} = 本人记录，不问测评人。",
        "Marks: {red} = red line (the whole item, or the option named under it): always a finding, and it caps the "
        "level; {posts} = asked of some posts only (named under the item); {own} = the person's own record, never "
        "asked of raters.",
    )
    NOTE_ONLY = ("仅：{posts}", "Only: {posts}")
    NOTE_PUBLIC = ("直接面向群众服务的岗位", "posts serving the public directly")
    NOTE_OPTION_ONLY = ("选项「{option}」仅：{posts}", "Option “{option}” only: {posts}")
    NOTE_OPTION_RED = ("选项「{option}」为红线", "Option “{option}” is a red line")
    # report show, report list, history.
    ANONYMOUS = ("（匿名）", "(anonymous)")
    RESPONDENT_PEER = ("同事互评", "peer rating")
    RESPONDENT_MASSES = ("群众评议", "public rating")
    RATING_OF = ("{kind} · 被评价人：{subject}", "{kind} · rating {subject}")
    REPORT_FINDINGS_TITLE = ("问题清单与整改措施", "Problems and measures")
    NO_REPORTS_YET = (
        "还没有报告。运行 selfcheck start 开始第一次自查。",
        "No reports yet. Run `selfcheck start` for your first self-check.",
    )
    FINDING_TO_FILL = ("（待填写）", "(to fill in)")
    FIELD_DETAIL = ("具体表现", "Instance")
    FIELD_CAUSE = ("原因", "Cause")
    FIELD_MEASURE = ("整改措施", "Measure")
    FIELD_DEADLINE = ("完成时限", "Deadline")
    FIELD_OWNER = ("责任人", "Owner")
    FIELD_SOURCE = ("来源", "Source")
    HISTORY_TITLE = ("历次报告", "Reports")
    HISTORY_TREND = ("各维度走势", "Trend per dimension")
    # diff.
    DIFF_OLD_LABEL = ("旧：{label}", "Old: {label}")
    DIFF_NEW_LABEL = ("新：{label}", "New: {label}")
    DIFF_ALL_ANSWERS = ("全部答案", "All answers")
    DIFF_CHANGED_ANSWERS = ("答案变化", "Changed answers")
    DIFF_ONLY_OLD = ("{id}: 只在旧报告中", "{id}: only in the old report")
    DIFF_ONLY_NEW = ("{id}: 只在新报告中", "{id}: only in the new report")
    # gap.
    GAP_TITLE = ("自评与他评：{subject}", "Self and others: {subject}")
    GAP_HEAD = ("{title} ({id}) · {n} 人评价", "{title} ({id}) · {n} rater(s)")
    GAP_OVERALL = ("总分：自评 {own}，他评均值 {mean}", "Overall: self {own}, others' mean {mean}")
    GAP_BLIND_SPOTS = (
        "盲区（自评高于他评{points}分以上）：{names}",
        "Blind spots (self ≥ {points} above others): {names}",
    )
    GAP_HIDDEN_STRENGTHS = (
        "潜在优势（他评高于自评{points}分以上）：{names}",
        "Hidden strengths (others ≥ {points} above self): {names}",
    )
    GAP_LARGEST = ("差距最大的题目", "Items with the largest gaps")
    # summary, in the terminal and as a document.
    SUMMARY_TOP_FINDINGS = ("最常见的问题", "Most frequent problems")
    SUMMARY_MEASURES = (
        "整改措施：未完成 {open} 项，其中逾期 {overdue} 项",
        "Measures: {open} open, {overdue} overdue",
    )
    SUMMARY_NAMES = ("参加人员：{names}", "Respondents: {names}")
    SUMMARY_DOC_TITLE = ("组织汇总", "Organisation summary")
    SUMMARY_DOC_S1 = ("一、概况", "1. Overview")
    SUMMARY_DOC_S2 = ("二、各维度得分", "2. Scores per dimension")
    SUMMARY_DOC_S3 = ("三、常见问题", "3. Most frequent problems")
    SUMMARY_DOC_S4 = ("四、整改落实", "4. Rectification")
    SUMMARY_DOC_S5 = ("五、意见建议", "5. Comments")
    SUMMARY_DOC_NO_PROBLEMS = ("没有查摆出的问题。", "No problems recorded.")
    SUMMARY_DOC_MEASURES = (
        "未完成的整改措施 {open} 项，其中逾期 {overdue} 项。",
        "{open} open measures, {overdue} of them overdue.",
    )
