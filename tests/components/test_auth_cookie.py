"""The login cookie: only a token signed with the app's key, unexpired, for an active user."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import jwt
import pytest

from components.auth import COOKIE_NAME
from models.auth.users import Actor, Role, set_active
from models.core.db import get_engine, session_scope
from tests.conftest import TEST_COOKIE_KEY
from tests.pages.apptest import run_app, seeded_database


def token(key: str, *, username: str = "vera", days: float = 1) -> str:
    expires = dt.datetime.now() + dt.timedelta(days=days)
    return jwt.encode({"username": username, "exp_date": expires.timestamp()}, key, "HS256")


@pytest.fixture
def browser_cookie(monkeypatch: pytest.MonkeyPatch):
    """Set the cookie the browser sends with its requests."""

    def send(value: str) -> None:
        client = SimpleNamespace(cookies={COOKIE_NAME: value}, headers={})
        monkeypatch.setattr("streamlit.runtime.context._get_client_context", lambda: client)

    seeded_database(("hanna", Role.admin), ("vera", Role.viewer))
    return send


def is_logged_in(at) -> bool:
    return bool(at.title) and at.title[0].value.startswith("Udviklings- og genopretningsplan")


def test_a_cookie_signed_with_the_apps_key_resumes_the_session(browser_cookie) -> None:
    browser_cookie(token(TEST_COOKIE_KEY))
    assert is_logged_in(run_app())


@pytest.mark.parametrize(
    "value",
    [
        token("another-key-that-is-long-enough-0123456789"),
        token(TEST_COOKIE_KEY, days=-1),
        token(TEST_COOKIE_KEY, username="mallory"),
        token(TEST_COOKIE_KEY)[:-4] + "AAAA",
        "not-a-token",
    ],
    ids=["other-key", "expired", "unknown-user", "tampered", "garbage"],
)
def test_other_cookies_are_not_accepted(browser_cookie, value: str) -> None:
    browser_cookie(value)
    at = run_app()
    assert not is_logged_in(at)
    assert [field.label for field in at.text_input] == ["Brugernavn", "Adgangskode"]


def test_a_valid_cookie_of_a_deactivated_user_is_not_accepted(browser_cookie) -> None:
    browser_cookie(token(TEST_COOKIE_KEY))
    with session_scope(get_engine(), write=True) as session:
        set_active(session, actor=Actor.command_line(), username="vera", active=False)
    assert not is_logged_in(run_app())
