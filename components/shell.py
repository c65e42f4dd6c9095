"""Makes sure every page runs inside app.py's shell (page config, start-up, navigation).

Streamlit has a legacy mode for apps with a `pages/` folder: until the main script has called
`st.navigation` once in a process, a URL such as /tema_c runs pages/tema_c.py on its own,
without app.py. Every page therefore starts with `require_shell()`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

MAIN_SCRIPT = "app.py"
_state = threading.local()


@contextmanager
def shell_run() -> Iterator[None]:
    """Mark the current script run as started by app.py."""
    _state.active = True
    try:
        yield
    finally:
        _state.active = False


def require_shell() -> None:
    """Send a page that was run without app.py through app.py instead."""
    if not getattr(_state, "active", False):
        st.switch_page(MAIN_SCRIPT)
