"""The page's language and global accessibility rules, set where Streamlit serves its page.

Streamlit serves one `index.html` for every page, spelled `<html lang="en">`, so screen
readers would read the Danish UI with an English voice, and no script API changes it. This
ASGI middleware (wired by `st.App(..., middleware=...)` in app.py) rewrites that one tag to
`lang="da"` in every HTML document the server sends, and adds to its `<head>` the fixes for
what Streamlit's own markup gets wrong and its API cannot change (found by axe-core, see
tests/browser/test_accessibility.py):

- `A11Y_CSS`: Streamlit gives every heading a "link to heading" anchor that takes a Tab stop
  before the content (and says "Link to heading" in English): hidden, so also out of the tab
  order. Captions are grey #797C83 (4.2:1 on white): darkened to 6.4:1 (WCAG 1.4.3).
- `A11Y_SCRIPT`: the sidebar navigation is a `<ul>` whose children are a `<div>` per section
  (a header and that section's `<li>`s), which is no list to a screen reader (WCAG 1.3.1).
  The script makes each section the list (`role="list"`) and the `<ul>` a mere container
  (`role="none"`), again whenever Streamlit redraws the navigation.

Only HTML responses are touched; the rest (assets, the websocket, the login routes) pass
through as they are. `tests/components/test_html_lang.py` checks the rewrite against
Streamlit's installed index.html, so an upgrade that respells the tag fails a test.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ENGLISH_TAG = b'<html lang="en">'
DANISH_TAG = b'<html lang="da">'
HEAD_END = b"</head>"

# Rules that must hold on every page before any script has run.
CAPTION_COLOR = "#595C66"
A11Y_CSS = f"""
[data-testid="stHeaderActionElements"] a[href^="#"] {{ display: none !important; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{
  color: {CAPTION_COLOR} !important; opacity: 1 !important; }}
"""
A11Y_SCRIPT = """
(() => {
  const fix = () => {
    for (const list of document.querySelectorAll("ul[data-testid='stSidebarNavItems']")) {
      const sections = [...list.children].filter((child) => child.tagName !== "LI");
      if (!sections.length) continue;
      if (list.getAttribute("role") !== "none") list.setAttribute("role", "none");
      for (const section of sections) {
        if (section.getAttribute("role") !== "list") section.setAttribute("role", "list");
      }
    }
  };
  new MutationObserver(fix).observe(document.documentElement, {childList: true, subtree: true});
})();
"""
A11Y_STYLE = (
    f'<style id="a11y-rules">{A11Y_CSS}</style><script id="a11y-fixes">{A11Y_SCRIPT}</script>'
).encode()

# Paths that never serve the HTML page (Streamlit's assets, its endpoints and websocket).
_NOT_PAGES = ("/static/", "/_stcore/", "/media/", "/component/", "/app/static/")


def danish_document(html: bytes) -> bytes:
    """`html` with the page language set to Danish and the accessibility rules in its head."""
    html = html.replace(ENGLISH_TAG, DANISH_TAG, 1)
    if A11Y_STYLE not in html:
        html = html.replace(HEAD_END, A11Y_STYLE + HEAD_END, 1)
    return html


def _is_html(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(
        name.lower() == b"content-type" and value.lower().startswith(b"text/html")
        for name, value in headers
    )


class DanishHtmlMiddleware:
    """Rewrites every HTML document the app serves with `danish_document`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or any(part in path for part in _NOT_PAGES):
            await self.app(scope, receive, send)
            return
        # The document is rewritten here, so it must reach us uncompressed.
        scope = dict(scope)
        scope["headers"] = [
            (name, value) for name, value in scope["headers"] if name.lower() != b"accept-encoding"
        ]
        start: Message | None = None
        chunks: list[bytes] = []

        async def rewriting_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if message.get("status") == 200 and _is_html(list(message.get("headers", []))):
                    start = message  # held back until the body is complete
                    return
                await send(message)
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            if scope["method"] != "HEAD":
                body = danish_document(body)
            headers = [
                (name, value)
                for name, value in start.get("headers", [])
                if name.lower() != b"content-length" or scope["method"] == "HEAD"
            ]
            if scope["method"] != "HEAD":
                headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await self.app(scope, receive, rewriting_send)
