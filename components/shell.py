"""Makes sure every page runs inside app.py's shell (page config, start-up, navigation).

Streamlit has a legacy mode for apps with a `pages/` folder: until the main script has called
`st.navigation` once in a process (and in every `AppTest` run), a URL such as /tema_c runs
pages/tema_c.py on its own, without app.py. Every page therefore starts with
`require_shell()`, which sends such a run through app.py and then on to the page asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException

from components.auth import AuthState
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
