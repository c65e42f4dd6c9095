"""Helpers to run the app with AppTest as a given user, against the test's database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from models.db import get_engine
from models.seed import init_db
from models.users import Role
from tests.factories import make_user

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def seeded_database(*users: tuple[str, Role]) -> None:
    """Create and seed the app's database (DATABASE_URL) with these users."""
    engine = get_engine()
    init_db(engine)
    with Session(engine) as session:
        for username, role in users:
            make_user(session, username, role)


def run_app(page: str | None = None, *, username: str | None = None) -> AppTest:
    """Run app.py (then switch to `page`) logged in as `username` (or anonymous)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if username is not None:
        at.session_state["authentication_status"] = True
        at.session_state["username"] = username
    at.run()
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
