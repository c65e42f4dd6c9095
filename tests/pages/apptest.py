"""Helpers to run the app with AppTest as a given user, against the test's database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest.mock import patch

from sqlmodel import Session
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from models.auth.users import Role
from models.bootstrap import init_db
from models.core.db import get_engine
from tests.factories import make_user

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def seeded_database(*users: tuple[str, Role]) -> None:
    """Create and seed the app's database (DATABASE_URL) with these users."""
    engine = get_engine()
    init_db(engine)
    with Session(engine) as session:
        for username, role in users:
            make_user(session, username, role)


_original_init = PagesManager.__init__


def _v2_pages_manager_init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
    _original_init(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


@contextmanager
def served_mode() -> Iterator[None]:
    """Run AppTest as a running server does after its first request: st.navigation only.

    AppTest resets Streamlit's legacy `pages/` mode on every run, which a real server leaves
    after the first run (that first request is tested in a real browser). Without this, every
    rerun would pass through require_shell's redirect and lose the page's widget state.
    """
    with patch.object(PagesManager, "__init__", _v2_pages_manager_init):
        yield


class ServedAppTest(AppTest):
    """AppTest whose runs behave like a running server (see served_mode)."""

    def _run(self, *args: Any, **kwargs: Any) -> AppTest:
        with served_mode():
            return super()._run(*args, **kwargs)


def new_app(username: str | None = None) -> AppTest:
    at = ServedAppTest(Path(APP), default_timeout=60)
    if username is not None:
        at.session_state["authentication_status"] = True
        at.session_state["username"] = username
    return at


def run_app(page: str | None = None, *, username: str | None = None) -> AppTest:
    """Run app.py (then switch to `page`) logged in as `username` (or anonymous)."""
    at = new_app(username)
    at.run()
    at.run()  # in a browser, the login cookie helper reruns the app once when it has loaded
    if page is not None:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _walk(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def rendered_text(at: AppTest) -> str:
    """Everything the run rendered, main area and sidebar, as text (protos of every element)."""
    return "\n".join(
        str(node.proto)
        for root in (at.main, at.sidebar)
        for node in _walk(root)
        if getattr(node, "proto", None) is not None
    )
