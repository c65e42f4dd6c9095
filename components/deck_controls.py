"""Where the citizen-meeting deck stands, in the URL: `?slide=N&mode=present&theme=dark`.

Every move (button, key, clicker) is a callback that rewrites the query parameters before
the page runs, so a slide's URL is stable and can be bookmarked, reloaded or sent on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.deck_keys import deck_keys
from components.texts import presentation as t

SLIDE = "slide"
MODE = "mode"
PRESENT = "present"
THEME = "theme"
DARK = "dark"
_DARK_TOGGLE = "deck_dark_toggle"


@dataclass(frozen=True)
class DeckView:
    number: int
    total: int
    present: bool
    dark: bool

    def params(self) -> dict[str, str]:
        """The query parameters that show this view."""
        params = {SLIDE: str(self.number)}
        if self.present:
            params[MODE] = PRESENT
        if self.dark:
            params[THEME] = DARK
        return params


def _number(total: int) -> int:
    try:
        number = int(st.query_params.get(SLIDE, "1"))
    except ValueError:
        number = 1
    return min(max(number, 1), total)


def current_view(total: int) -> DeckView:
    """The view the URL asks for, with the slide number clamped to the deck; the URL is then
    rewritten to exactly that view (unknown values dropped)."""
    view = DeckView(
        number=_number(total),
        total=total,
        present=st.query_params.get(MODE) == PRESENT,
        dark=st.query_params.get(THEME) == DARK,
    )
    if st.query_params.to_dict() != view.params():
        st.query_params.from_dict(view.params())
    return view


def _show(view: DeckView) -> None:
    st.query_params.from_dict(view.params())


def _move(total: int, action: str) -> None:
    """A button's or key's callback: `action` is next, previous, first, last, exit or present."""
    view = current_view(total)
    number = {
        "next": min(view.number + 1, total),
        "previous": max(view.number - 1, 1),
        "first": 1,
        "last": total,
    }.get(action, view.number)
    present = {"exit": False, "present": True}.get(action, view.present)
    _show(DeckView(number, total, present, view.dark))


def _toggle_dark(total: int) -> None:
    view = current_view(total)
    _show(DeckView(view.number, total, view.present, bool(st.session_state[_DARK_TOGGLE])))


def exit_href(view: DeckView) -> str:
    params = DeckView(view.number, view.total, present=False, dark=view.dark).params()
    return "?" + "&".join(f"{name}={value}" for name, value in params.items())


def keyboard(view: DeckView) -> int | None:
    """Keys and clicker, in both views; in presenter mode also Esc and the exit link. Returns
    the window's height in presenter mode, once the browser has reported it."""
    return deck_keys(
        partial(_move, view.total),
        present=view.present,
        exit_label=t.EXIT,
        exit_href=exit_href(view),
    )


def buttons(view: DeckView) -> DeltaGenerator:
    """The normal view's controls: previous/next, presenter mode and the dark variant; returns
    the free middle column between previous and next."""
    left, middle, right = st.columns([1, 4, 1])
    left.button(
        t.PREVIOUS,
        disabled=view.number == 1,
        width="stretch",
        on_click=_move,
        args=(view.total, "previous"),
    )
    right.button(
        t.NEXT,
        disabled=view.number == view.total,
        width="stretch",
        type="primary",
        on_click=_move,
        args=(view.total, "next"),
    )
    st.caption(t.KEYS_HINT)
    present, dark = st.columns([1, 2])
    present.button(
        t.PRESENT,
        icon=":material/slideshow:",
        help=t.PRESENT_HELP,
        on_click=_move,
        args=(view.total, "present"),
    )
    st.session_state[_DARK_TOGGLE] = view.dark
    dark.toggle(
        t.DARK, key=_DARK_TOGGLE, help=t.DARK_HELP, on_change=_toggle_dark, args=(view.total,)
    )
    return middle
