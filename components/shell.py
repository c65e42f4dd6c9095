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

MAIN_SCRIPT = "app.py"
APP_ROOT = Path(__file__).resolve().parents[1]
_REQUESTED_PAGE = "_shell_requested_page"
_state = threading.local()


@contextmanager
def shell_run() -> Iterator[None]:
    """Mark the current script run as started by app.py."""
    _state.active = True
    try:
        yield
    finally:
        _state.active = False


def require_shell(page_file: str) -> None:
    """Send a page that was run without app.py through app.py, remembering where it was going.

    Call it first in every page script with `__file__`.
    """
    if not getattr(_state, "active", False):
        st.session_state[_REQUESTED_PAGE] = Path(page_file).resolve().relative_to(APP_ROOT)
        st.switch_page(MAIN_SCRIPT)


def resume_requested_page() -> None:
    """In app.py, after st.navigation: go on to the page a legacy-mode run asked for."""
    requested = st.session_state.pop(_REQUESTED_PAGE, None)
    if requested is None:
        return
    try:
        st.switch_page(str(requested))
    except StreamlitAPIException:
        return  # not a page this user may open: stay on the default page
