"""Keyboard and clicker navigation for the citizen-meeting deck (an `st.components.v2` component).

A presentation clicker sends ordinary keys (PageDown/PageUp, sometimes arrows or space), so
one listener on the app's document covers both. The component has no iframe: its script runs
in the page, listens for keydown while it is mounted and stops when Streamlit unmounts it (on
leaving the page). A key press becomes a trigger event; the page's callback then moves the
`slide` query parameter, so every slide keeps its own URL. Keys typed into a form field, and
keys with Ctrl/Alt/Meta, are left alone; space and Enter on a button or link keep their own
meaning.

In presenter mode the component also holds the exit link, hidden until it gets keyboard focus,
and reports the window's height (state `viewport`), so that charts, which Vega draws in
pixels, can grow with the type, which is sized in units of the window's height.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

ACTIONS = ("next", "previous", "first", "last", "exit")
"""The trigger events the component sends."""

_JS = """
const KEYS = {
  ArrowRight: "next", ArrowDown: "next", PageDown: "next", " ": "next", Spacebar: "next",
  ArrowLeft: "previous", ArrowUp: "previous", PageUp: "previous",
  Home: "first", End: "last",
};
const EDITABLE = "input, textarea, select, [contenteditable=''], [contenteditable='true']";
const ACTIVATES = "button, a[href], summary, [role='button'], [role='link'], [role='tab']";

function targetOf(event) {
  const path = event.composedPath ? event.composedPath() : [];
  const first = path.length ? path[0] : event.target;
  return first instanceof Element ? first : null;
}

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  // Streamlit calls this again with new data while the component stays mounted: undo the
  // previous call first, so there is always exactly one listener and one link.
  if (parentElement.__deckCleanup) parentElement.__deckCleanup();
  const present = Boolean(data && data.present);
  let link = null;
  if (present) {
    link = document.createElement("a");
    link.className = "deck-exit";
    link.href = data.exit_href;
    link.textContent = data.exit_label;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      setTriggerValue("exit", true);
    });
    parentElement.appendChild(link);
  }
  const onKey = (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = targetOf(event);
    if (target && target.closest(EDITABLE)) return;
    if (target && target.isContentEditable) return;
    if (present && event.key === "Escape") {
      if (document.fullscreenElement) return;  // the browser leaves full screen first
      event.preventDefault();
      setTriggerValue("exit", true);
      return;
    }
    if (present && (event.key === "f" || event.key === "F") && !event.shiftKey) {
      event.preventDefault();
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(() => {});
      return;
    }
    const action = KEYS[event.key];
    if (!action) return;
    if ((event.key === " " || event.key === "Enter") && target && target.closest(ACTIVATES)) {
      return;
    }
    event.preventDefault();
    setTriggerValue(action, true);
  };
  document.addEventListener("keydown", onKey);
  let resized = null;
  const report = () => {
    const height = window.innerHeight;
    if (present && height !== data.viewport) setStateValue("viewport", height);
  };
  const onResize = () => {
    clearTimeout(resized);
    resized = setTimeout(report, 250);
  };
  report();
  window.addEventListener("resize", onResize);
  const cleanup = () => {
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("resize", onResize);
    clearTimeout(resized);
    if (link) link.remove();
    parentElement.__deckCleanup = null;
  };
  parentElement.__deckCleanup = cleanup;
  return cleanup;
}
"""

_CSS = """
.deck-exit {
  position: fixed; left: -10000px; top: 0.5rem; z-index: 1000;
  font: 600 1.1rem/1.4 sans-serif; padding: 0.5rem 0.9rem; border-radius: 6px;
  background: #FFFFFF; color: #003F7F; border: 2px solid #003F7F; text-decoration: underline;
}
.deck-exit:focus { left: 0.5rem; outline: 3px solid #D55E00; outline-offset: 2px; }
"""

_component = st.components.v2.component("deck_keys", js=_JS, css=_CSS)

KEY = "deck_keys"


def deck_keys(
    on_action: Callable[[str], None],
    *,
    present: bool,
    exit_label: str,
    exit_href: str,
) -> int | None:
    """Mount the key listener; `on_action(action)` runs as a callback before the next run.

    Returns the window's height in CSS pixels in presenter mode, once the browser has told it.
    """
    state = st.session_state.get(KEY)
    known = state.get("viewport") if isinstance(state, dict) else None
    callbacks = {f"on_{action}_change": _callback(on_action, action) for action in ACTIONS}
    result = _component(
        key=KEY,
        data={
            "present": present,
            "exit_label": exit_label,
            "exit_href": exit_href,
            "viewport": known,
        },
        on_viewport_change=_ignore,
        **callbacks,
    )
    viewport = result.get("viewport")
    return viewport if isinstance(viewport, int) and viewport > 0 else None


def _ignore() -> None:
    """The window's height is read from the component's result; nothing to do before the run."""


def _callback(on_action: Callable[[str], None], action: str) -> Callable[[], None]:
    def run() -> None:
        on_action(action)

    return run
