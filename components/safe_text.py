"""The one way a user-supplied string reaches the page: as inert text.

Streamlit renders markdown in alerts, captions, labels and `st.markdown`, so a note such as
`[klik](https://…)` or `![](https://…)` would become a link or fetch an image. `inert()`
backslash-escapes every ASCII punctuation character (CommonMark allows escaping any of them),
which also stops bare-URL autolinks, Streamlit's `:color[…]` and `:material/…:` directives
and `$…$` math; HTML is never enabled with user text. For HTML built by `st.html`, use
`inert_html()`.
"""

from __future__ import annotations

import html
import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def inert(text: object) -> str:
    """`text` for any Streamlit call that renders markdown, shown exactly as written."""
    return _PUNCTUATION.sub(r"\\\1", "" if text is None else str(text))


def inert_html(text: object) -> str:
    """`text` for HTML we build ourselves (`st.html`): tags and entities escaped."""
    return html.escape("" if text is None else str(text))
