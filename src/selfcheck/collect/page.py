"""The ballot pages as HTML: plain markup and one stylesheet, no scripts; every name and text escaped.

The ballot is the paper 测评表 as a table (subjects in rows, the form's columns across); on a narrow screen the same
table is laid out as one card per subject by CSS alone.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from selfcheck.collect.ballot import MAX_COMMENT, comment_field, disqualifier_field, mark_field
from selfcheck.collect.box import CODE_FIELD, TOKEN_FIELD
from selfcheck.collect.form import abstain_label
from selfcheck.i18n import Lang, Msg, other_lang, pick, t

if TYPE_CHECKING:
    from selfcheck.collect.box import Box

STYLE = """\
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1a1a1a;
background:#f6f4f0}
main{max-width:1100px;margin:0 auto;padding:12px}
h1{font-size:1.3rem;margin:.4rem 0;color:#8b0000}
p{margin:.5rem 0}
.note{background:#fff;border-left:4px solid #b22222;padding:.5rem .75rem}
.lang{float:right;font-size:.9rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #bbb;padding:.4rem;text-align:left;vertical-align:top}
thead th{background:#efe9df}
select,textarea,input,button{font:inherit}
select{width:100%;min-height:2.4rem}
textarea{width:100%;min-height:2.4rem}
input[type=text]{width:100%;min-height:2.6rem;padding:.3rem}
details label{display:block;margin:.3rem 0}
summary{cursor:pointer;color:#444}
button{background:#b22222;color:#fff;border:0;border-radius:4px;padding:.7rem 1.4rem;margin:.8rem 0}
.error{background:#fff0f0;border-left:4px solid #b22222;padding:.5rem .75rem}
@media (max-width:640px){
 thead{display:none}
 table,tbody,tr,th,td{display:block;width:100%}
 tr{margin:0 0 .9rem;border:1px solid #bbb;background:#fff}
 th,td{border:0;border-top:1px solid #eee}
 tbody th{background:#efe9df;font-size:1.1rem}
 td::before{content:attr(data-label);display:block;font-size:.85rem;color:#555}
 button{width:100%}
}
"""


def _doc(title: str, body: str, lang: Lang) -> str:
    html_lang = t(Msg.HTML_LANG, lang)
    return (
        f'<!doctype html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f'<title>{escape(title)}</title><link rel="stylesheet" href="/style.css"></head>\n'
        f"<body><main>\n{body}\n</main></body></html>\n"
    )


def _switch(box: Box, lang: Lang, code: str) -> str:
    """A link to the other language, when the form has English."""
    if not box.form.title_en:
        return ""
    other = other_lang(lang)
    query = f"?c={escape(code)}&amp;lang={other}" if code else f"?lang={other}"
    target = "/b" if code else "/"
    return f'<a class="lang" href="{target}{query}">{t(Msg.LANGUAGE_NAME, other)}</a>'


def title_of(box: Box, lang: Lang) -> str:
    """The page's title: the form's title and 民主测评."""
    return t(Msg.COLLECT_PAGE_TITLE, lang, form=pick(box.form.title, box.form.title_en, lang))


def code_page(box: Box, lang: Lang, error: str = "") -> str:
    """The start page: type the code from the slip."""
    title = title_of(box, lang)
    problem = f'<p class="error">{escape(error)}</p>' if error else ""
    body = (
        f"{_switch(box, lang, '')}<h1>{escape(title)}</h1>{problem}"
        f'<p class="note">{escape(t(Msg.COLLECT_NOTE, lang))}</p>'
        f'<form method="get" action="/b"><p><label for="c">{escape(t(Msg.COLLECT_ENTER_CODE, lang))}</label></p>'
        f'<p><input id="c" type="text" name="c" autocomplete="off" autocapitalize="none" spellcheck="false" '
        f'maxlength="64" required></p><input type="hidden" name="lang" value="{lang}">'
        f"<p><button>{escape(t(Msg.COLLECT_OPEN, lang))}</button></p></form>"
    )
    return _doc(title, body, lang)


def _cell(box: Box, i: int, subject: str, key: str, labels: list[str], heading: str, abstain: str) -> str:
    options = [f'<option value="" selected>{escape(abstain)}</option>']
    # Best first, as a rater reads a paper sheet; the value is the mark (1 = worst).
    options += [f'<option value="{n}">{escape(label)}</option>' for n, label in reversed(list(enumerate(labels, 1)))]
    name = mark_field(i, key)
    aria = escape(f"{subject} · {heading}")
    return (
        f'<td data-label="{escape(heading)}"><select name="{escape(name)}" aria-label="{aria}">'
        f"{''.join(options)}</select></td>"
    )


def _ticks(box: Box, i: int, lang: Lang) -> str:
    """The disqualifying situations (反向情形) of one subject as check boxes, folded away until opened."""
    if not box.form.disqualifiers:
        return ""
    boxes = "".join(
        f'<label><input type="checkbox" name="{disqualifier_field(i)}" value="{escape(d.id)}"> '
        f"{escape(pick(d.label, d.label_en, lang))}</label>"
        for d in box.form.disqualifiers
    )
    heading = t(Msg.COLLECT_DISQUALIFIERS_HEAD, lang)
    summary = escape(t(Msg.COLLECT_DISQUALIFIERS, lang))
    return f'<td data-label="{escape(heading)}"><details><summary>{summary}</summary>{boxes}</details></td>'


def ballot_page(box: Box, code: str, lang: Lang) -> str:
    """The ballot: every subject in a row, every column a choice with 不了解 first, the disqualifying situations
    when the form has them, and a comment per subject."""
    title = title_of(box, lang)
    abstain = abstain_label(box.form, lang)
    comment = t(Msg.COLLECT_COMMENT, lang)
    head = "".join(f'<th scope="col">{escape(c.heading(lang))}</th>' for c in box.cols)
    if box.form.disqualifiers:
        head += f'<th scope="col">{escape(t(Msg.COLLECT_DISQUALIFIERS_HEAD, lang))}</th>'
    rows = []
    for i, subject in enumerate(box.subjects):
        cells = "".join(_cell(box, i, subject, c.key, c.label_list(lang), c.heading(lang), abstain) for c in box.cols)
        cells += _ticks(box, i, lang)
        rows.append(
            f'<tr><th scope="row">{escape(subject)}</th>{cells}<td data-label="{escape(comment)}">'
            f'<textarea name="{comment_field(i)}" maxlength="{MAX_COMMENT}" rows="2" '
            f'aria-label="{escape(subject)} · {escape(comment)}"></textarea></td></tr>'
        )
    action = f"/b?lang={lang}"  # the answer page in the language of the form, whatever the server's default
    body = (
        f"{_switch(box, lang, code)}<h1>{escape(title)}</h1>"
        f'<p class="note">{escape(t(Msg.COLLECT_NOTE, lang))}</p>'
        f'<form method="post" action="{action}">'
        f'<input type="hidden" name="{CODE_FIELD}" value="{escape(code)}">'
        f'<input type="hidden" name="{TOKEN_FIELD}" value="{escape(box.token(code))}">'
        f'<table><thead><tr><th scope="col">{escape(t(Msg.COLLECT_SUBJECT, lang))}</th>{head}'
        f'<th scope="col">{escape(comment)}</th></tr></thead><tbody>\n'
        + "\n".join(rows)
        + f"\n</tbody></table><p>{escape(t(Msg.COLLECT_SUBMIT_ONCE, lang))}</p>"
        f"<button>{escape(t(Msg.COLLECT_SUBMIT, lang))}</button></form>"
    )
    return _doc(title, body, lang)


def message_page(box: Box, lang: Lang, heading: str, text: str, back: bool = False) -> str:
    """A page that says one thing: thanks, or why a ballot was refused."""
    link = f'<p><a href="/?lang={lang}">{escape(t(Msg.COLLECT_BACK, lang))}</a></p>' if back else ""
    return _doc(heading, f"<h1>{escape(heading)}</h1><p>{escape(text)}</p>{link}", lang)
