"""Makes sure every page runs inside app.py's shell (page config, start-up, navigation).

Streamlit has a legacy mode for apps with a `pages/` folder: until the main script has called
`st.navigation` once in a process (and in every `AppTest` run), a URL such as /tema_c runs
pages/tema_c.py on its own, without app.py. Every page therefore starts with
`require_shell()`, which sends such a run through app.py and then on to the page asked for.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException

from components.auth import AuthState
from components.texts import widgets as widget_texts
from models.auth.users import Actor, Role

MAIN_SCRIPT = "app.py"
APP_ROOT = Path(__file__).resolve().parents[1]
_REQUESTED_PAGE = "_shell_requested_page"
_state = threading.local()


@contextmanager
def shell_run(auth: AuthState) -> Iterator[None]:
    """Mark the current script run as started by app.py, for the user the gate decided on."""
    _state.active = True
    _state.auth = auth
    danish_widgets()
    try:
        yield
    finally:
        _state.active = False
        _state.auth = None


def current_auth() -> AuthState:
    """The gate's decision for this run (pages call it to know who acts)."""
    auth = getattr(_state, "auth", None)
    if auth is None:  # never reached through app.py: nobody
        st.stop()
    return auth


def current_actor() -> Actor:
    """The acting user of this run; stops the page if nobody is logged in."""
    actor = current_auth().actor
    if actor is None:
        st.stop()
    return actor


def require_shell(page_file: str, allowed: frozenset[Role] | None = None) -> None:
    """Send a page that was run without app.py through app.py, remembering where it was going;
    with `allowed`, also stop the page unless the user's role is one of them.

    Call it first in every page script with `__file__`.
    """
    if not getattr(_state, "active", False):
        st.session_state[_REQUESTED_PAGE] = Path(page_file).resolve().relative_to(APP_ROOT)
        st.switch_page(MAIN_SCRIPT)
    if allowed is not None:
        actor = current_actor()
        if actor.role not in allowed:
            st.stop()


def resume_requested_page() -> None:
    """In app.py, after st.navigation: go on to the page a legacy-mode run asked for."""
    requested = st.session_state.pop(_REQUESTED_PAGE, None)
    if requested is None:
        return
    try:
        st.switch_page(str(requested))
    except StreamlitAPIException:
        return  # not a page this user may open: stay on the default page


# Streamlit's frontend writes its widgets' own texts in English and takes its locale (the date
# picker's month names and first weekday, the grid's numbers) from the browser's language. This
# script, run once per browser tab, makes the tab's language Danish before the widgets render,
# and puts components/texts/widgets.py's Danish texts in place of the English ones as they
# appear (text, tooltip, aria-label, placeholder). User content (markdown, our own HTML) is
# left alone. See the README's workaround table.
_DANISH_WIDGETS_JS = """<style>
  /* the script's own element takes no room (no gap above the page's title) */
  [data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > #danish-widgets) {
    display: none;
  }
</style><script id="danish-widgets">(() => {
  if (window.__danishWidgets) return;
  window.__danishWidgets = true;
  for (const [name, value] of [["language", "da-DK"], ["languages", ["da-DK", "da"]]]) {
    try {
      Object.defineProperty(Navigator.prototype, name, {get: () => value, configurable: true});
    } catch (error) { /* the browser refuses: its own language stays */ }
  }
  const exact = new Map(Object.entries(__EXACT__));
  const patterns = __PATTERNS__.map(([source, to]) => [new RegExp(source), to]);
  const danish = (text) => {
    const trimmed = text.trim();
    if (!trimmed) return null;
    let found = exact.get(trimmed);
    if (found === undefined) {
      const pattern = patterns.find(([regex]) => regex.test(trimmed));
      if (pattern === undefined) return null;
      found = trimmed.replace(pattern[0], pattern[1]);
    }
    return text.replace(trimmed, () => found);  // a function: "$" in a text stays as it is
  };
  const ATTRIBUTES = ["aria-label", "title", "placeholder"];
  const USER_CONTENT = [
    "script", "style", "[data-testid='stMarkdownContainer']", "[data-testid='stHtml']",
    "[data-testid='stDataFrame'] table",  // the grid's cells, for screen readers
  ].join(", ");
  const fixText = (node) => {
    const parent = node.parentElement;
    // Buttons write their label as markdown: a widget's own button is not user content.
    if (!parent || (parent.closest(USER_CONTENT) && !parent.closest("button"))) return;
    const changed = danish(node.nodeValue);
    if (changed !== null && changed !== node.nodeValue) node.nodeValue = changed;
  };
  const fixAttributes = (element) => {
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      const changed = value ? danish(value) : null;
      if (changed !== null && changed !== value) element.setAttribute(name, changed);
    }
  };
  const fix = (root) => {
    if (root.nodeType === Node.TEXT_NODE) return fixText(root);
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    fixAttributes(root);
    for (const element of root.querySelectorAll("[aria-label], [title], [placeholder]")) {
      fixAttributes(element);
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) fixText(node);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "childList") record.addedNodes.forEach(fix);
      else if (record.type === "characterData") fixText(record.target);
      else fixAttributes(record.target);
    }
  }).observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ATTRIBUTES,
  });
  fix(document.body);
})();</script>"""


def danish_widgets_script() -> str:
    """The script of `danish_widgets`, with the texts of components/texts/widgets.py."""
    return _DANISH_WIDGETS_JS.replace(
        "__EXACT__", json.dumps(widget_texts.EXACT, ensure_ascii=False)
    ).replace("__PATTERNS__", json.dumps(widget_texts.PATTERNS, ensure_ascii=False))


def danish_widgets() -> None:
    """Danish for Streamlit's own widget texts and locale in this browser tab (every run; the
    browser keeps the one element and runs its script once)."""
    st.html(danish_widgets_script(), unsafe_allow_javascript=True)
