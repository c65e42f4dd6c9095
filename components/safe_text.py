"""The one way a user-supplied string reaches the page: as inert text.

Streamlit renders markdown in alerts, captions, labels and `st.markdown`, so a note such as
`[klik](https://…)` or `![](https://…)` would become a link or fetch an image. `inert()`
backslash-escapes (as CommonMark allows) every character that starts markup: brackets (links,
images, Streamlit's `:color[…]`), `<` `>` (autolinks, tags), emphasis, code, tables, math and
entities. A bare URL or e-mail address would still be linked (Streamlit links them after
parsing, so escapes do not help); an invisible word joiner after `https`/`www` and before `@`
stops that without changing what is shown. Ordinary text (commas, full stops, colons) is
left alone, so the source stays readable. HTML is never enabled with user text; for HTML
built by `st.html`, use `inert_html()`.
"""

from __future__ import annotations

import html
import re

_MARKUP = re.compile(r"([\\`*_\[\]<>#|~$&!])")
_AUTOLINK = re.compile(r"\b(https?|ftp|mailto|www)(?=[:.])|(?=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


# At the start of a line: list bullets, numbered items and setext underlines.
_LINE_START = re.compile(r"^(\s*)(\d*)([-+=.)])", re.MULTILINE)


def inert(text: object) -> str:
    """`text` for any Streamlit call that renders markdown, shown exactly as written."""
    escaped = _MARKUP.sub(r"\\\1", "" if text is None else str(text))
    escaped = _AUTOLINK.sub(lambda m: (m[1] or "") + WORD_JOINER, escaped)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, digits, mark = match.groups()
    if (digits and mark not in ".)") or (not digits and mark in ".)"):
        return match[0]  # "12-" or a line starting with "." starts nothing
    return f"{indent}{digits}\\{mark}"


def inert_html(text: object) -> str:
    """`text` for HTML we build ourselves (`st.html`): tags and entities escaped."""
    return html.escape("" if text is None else str(text))
