"""The one catalogue of wording: every sentence a person reads, in Chinese and English, keyed by :class:`Msg`.

Keys are enum members, so mypy catches a misspelt key; values are ``(zh, en)`` format strings. Questionnaire content
(titles, items, problems) carries its own translations and is chosen with :func:`selfcheck.i18n.pick`.
"""

from __future__ import annotations

from enum import Enum


class Msg(Enum):
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
        "还有答卷没有查出的问题要补充吗？[y/N]",
        "Any other problems to add that the answers did not catch? [y/N]",
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
        "The three abilities (research, decision-making, service)",
    )
    SET_ALL = ("全部六套", "All six")
    SET_PICK = ("自己挑选", "Pick")
    ASK_PICK = ("输入问卷编号，可多选，如1,4", "Enter questionnaire numbers, e.g. 1,4")
    DRAFT_FOUND = (
        "发现 {when} 未完成的草稿（{ids}）。继续上次的作答吗？[Y/n]",
        "Found an unfinished draft from {when} ({ids}). Continue it? [Y/n]",
    )
    DRAFT_DISCARD = (
        "放弃草稿并重新开始？草稿将被删除。[y/N]",
        "Discard the draft and start over? It will be deleted. [y/N]",
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

    # ---- #12 problem identity, ledger, diff, 回头看 ----

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

    # ---- #14 scoring: red lines, posts, the problem norm, consistency notes ----

    # ---- #16 the material ----
    DOC_TITLE_MEETING = ("{meeting}个人对照检查材料", "Self-examination report for the {meeting}")
    DOC_DATE = ("{y}年{m}月{d}日", "{d} {month} {y}")
    DOC_MARK = ("【请补写：{what}】", "[To write: {what}]")
    DOC_MARK_CELL = ("【请补写】", "[to write]")
    DOC_MARK_NAME = ("单位、职务、姓名", "your unit, post and name")
    DOC_SUB_HEADING = ("（{n}）{text}", "({n}) {text}")
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
    DOC_COUNT_MEASURES = ("{label}{n}项", "{label}: {n}")
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
        "上次查摆问题的{n}项整改措施，{by_status}（见第五部分）。",
        "Of the {n} measure(s) from last time: {by_status} (see part 5).",
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

    # ---- #18 the interview as people type ----
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
