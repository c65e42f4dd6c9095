"""Helpers to run the app with AppTest as a given user, against the test's database."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session
from streamlit.components.v2 import manifest_scanner
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from components.auth import LOGIN_SESSION
from models.auth.sessions import open_session
from models.auth.users import Role
from models.bootstrap import init_db
from models.core.db import database_url, get_engine, session_scope
from models.plan.plan_file import load_plan_file
from tests.conftest import SEEDED, database_templates_of_session, sqlite_path
from tests.factories import make_user

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PLAN = load_plan_file()
USERS = (
    ("hanna", Role.admin),
    ("erik", Role.editor),
    ("vera", Role.viewer),
    ("pia", Role.presenter),
)
INTERNAL_PAGES = ["pages/overview.py", *[f"pages/tema_{t.code.lower()}.py" for t in PLAN.themes]]


def _add_users(users: tuple[tuple[str, Role], ...]) -> Callable[[Engine], None]:
    def build(engine: Engine) -> None:
        with Session(engine) as session:
            for username, role in users:
                make_user(session, username, role)

    return build


def users_template(users: tuple[tuple[str, Role], ...]) -> str:
    """The session's template with the seeded plan and these users (built once per session)."""
    key = ",".join(f"{username}:{role.value}" for username, role in users)
    name = f"app-{hashlib.sha256(key.encode()).hexdigest()[:12]}"
    database_templates_of_session().define(name, _add_users(users), base=SEEDED)
    return name


def seeded_database(*users: tuple[str, Role]) -> None:
    """Create and seed the app's database (DATABASE_URL) with these users.

    A new SQLite file (what every test gets) becomes a copy of a template that `init_db` and
    `make_user` built once per test session; any other database is seeded here and now.
    """
    path = sqlite_path(database_url())
    if path is not None and not path.exists():
        database_templates_of_session().copy_sqlite(users_template(tuple(users)), path)
        return
    engine = get_engine()
    init_db(engine)
    _add_users(tuple(users))(engine)


_original_init = PagesManager.__init__


def _v2_pages_manager_init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
    _original_init(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


_scan_component_manifests = manifest_scanner.scan_component_manifests


@functools.cache
def _installed_component_manifests() -> tuple[Any, ...]:
    return tuple(_scan_component_manifests())


def _scan_once(*_args: Any, **_kwargs: Any) -> list[Any]:
    """Streamlit's scan of every installed package for v2 components, done once per process.

    A running server scans once at start-up; AppTest scans again for every new AppTest, which
    takes about a second. The installed packages do not change while the tests run.
    """
    return list(_installed_component_manifests())


@contextmanager
def served_mode() -> Iterator[None]:
    """Run AppTest as a running server does after its first request: st.navigation only.

    AppTest resets Streamlit's legacy `pages/` mode on every run, which a real server leaves
    after the first run (that first request is tested in a real browser). Without this, every
    rerun would pass through require_shell's redirect and lose the page's widget state.
    """
    with (
        patch.object(PagesManager, "__init__", _v2_pages_manager_init),
        patch.object(manifest_scanner, "scan_component_manifests", _scan_once),
    ):
        yield


class ServedAppTest(AppTest):
    """AppTest whose runs behave like a running server (see served_mode)."""

    def _run(self, *args: Any, **kwargs: Any) -> AppTest:
        with served_mode():
            return super()._run(*args, **kwargs)


def logged_in_session(username: str) -> int:
    """Open a login session for `username` (as the login form does); returns its id."""
    with session_scope(get_engine(), write=True) as session:
        return open_session(session, username=username).id


def new_app(username: str | None = None) -> AppTest:
    """An AppTest of app.py; with `username`, the tab is logged in as that user (a real
    login session in the database, which the gate checks on every run)."""
    at = ServedAppTest(Path(APP), default_timeout=60)
    if username is not None:
        at.session_state[LOGIN_SESSION] = logged_in_session(username)
    return at


def run_app(page: str | None = None, *, username: str | None = None) -> AppTest:
    """Run app.py (then switch to `page`) logged in as `username` (or anonymous)."""
    at = new_app(username)
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def nav_pages(at: AppTest) -> list[str]:
    """The page titles st.navigation offered in this run."""
    (nav,) = [node for node in at.get("navigation")] or [None]
    return [page.page_name for page in nav.proto.app_pages] if nav else []


def assert_unreachable(page: str, *, username: str | None = None) -> None:
    """st.navigation did not register `page` for this user: no URL or link can open it."""
    at = new_app(username)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page)


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
