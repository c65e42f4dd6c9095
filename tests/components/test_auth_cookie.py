"""The login cookie in the gate: only a cookie whose server-side session is live logs in; any
other is refused with a Danish notice, audited and deleted; an ended session logs the tab out."""

from __future__ import annotations

import base64
import json
from types import SimpleNamespace

import jwt
import pytest
from sqlmodel import select

from components.auth import LOGIN_SESSION
from components.login_routes import COOKIE_NAME
from models.auth.login import LoginEvent, LoginOutcome
from models.auth.sessions import end_session, open_session, redeem_handoff
from models.auth.users import Actor, Role, reset_password, set_active, set_role
from models.core.db import get_engine, session_scope
from tests.conftest import TEST_COOKIE_KEY
from tests.pages.apptest import new_app, rendered_text, run_app, seeded_database

REFUSED_NOTICE = "Dit gemte login gælder ikke længere"
ADMIN = Actor.command_line()


def issued_cookie(username: str = "vera") -> tuple[int, str]:
    """A login session and the cookie the browser got for it (as after the login form)."""
    with session_scope(get_engine(), write=True) as session:
        opened = open_session(session, username=username)
        issued = redeem_handoff(session, code=opened.handoff_code)
    assert issued is not None
    return opened.id, issued.token


@pytest.fixture
def browser_cookie(monkeypatch: pytest.MonkeyPatch):
    """Set the cookie the browser sends when it loads the page (from 203.0.113.5)."""

    def send(value: str) -> None:
        client = SimpleNamespace(cookies={COOKIE_NAME: value}, headers={}, remote_ip="203.0.113.5")
        monkeypatch.setattr("streamlit.runtime.context._get_client_context", lambda: client)

    seeded_database(("hanna", Role.admin), ("vera", Role.viewer))
    return send


def is_logged_in(at) -> bool:
    return bool(at.title) and at.title[0].value.startswith("Udviklings- og genopretningsplan")


def refused_cookies() -> list[str | None]:
    with session_scope(get_engine()) as session:
        events = session.exec(
            select(LoginEvent).where(LoginEvent.outcome == LoginOutcome.cookie_refused)
        ).all()
        return [event.client for event in events]


def test_a_cookie_of_a_live_session_resumes_it(browser_cookie) -> None:
    browser_cookie(issued_cookie()[1])
    at = run_app()
    assert is_logged_in(at)
    assert "Vera" in rendered_text(at)
    assert refused_cookies() == []


def _alg_none(token: str) -> str:
    claims = jwt.decode(token, options={"verify_signature": False})
    parts = [{"alg": "none", "typ": "JWT"}, claims]
    encoded = [base64.urlsafe_b64encode(json.dumps(p).encode()).rstrip(b"=") for p in parts]
    return b".".join(encoded).decode() + "."


FORGERIES = {
    "other-key": lambda t: jwt.encode(
        jwt.decode(t, options={"verify_signature": False}),
        "another-key-that-is-long-enough-0123456789",
    ),
    "alg-none": _alg_none,
    "tampered": lambda t: t[:-4] + ("AAAA" if not t.endswith("AAAA") else "BBBB"),
    "old-format": lambda _: jwt.encode({"username": "vera", "exp_date": 4e9}, TEST_COOKIE_KEY),
    "garbage": lambda _: "not-a-token",
}


@pytest.mark.parametrize("forge", FORGERIES.values(), ids=FORGERIES.keys())
def test_a_forged_cookie_lands_on_the_login_form_with_a_danish_notice(
    browser_cookie, forge
) -> None:
    browser_cookie(forge(issued_cookie()[1]))
    at = run_app()
    assert not is_logged_in(at)
    assert [field.label for field in at.text_input] == ["Brugernavn", "Adgangskode"]
    assert [info.value for info in at.info] == [
        "Dit gemte login gælder ikke længere (udløbet, logget ud eller ugyldigt). Log ind igen."
    ]
    assert refused_cookies() == ["203.0.113.5"]
    assert not at.exception


ENDINGS = {
    "logout": lambda sid: end_session_by_id(sid),
    "reset-password": lambda _: user_command(reset_password, password="ny-adgangskode-1234"),
    "role-change": lambda _: user_command(set_role, role=Role.editor),
    "deactivation": lambda _: user_command(set_active, active=False),
}


def end_session_by_id(session_id: int) -> None:
    with session_scope(get_engine(), write=True) as session:
        end_session(session, session_id=session_id)


def user_command(command, **kwargs) -> None:
    with session_scope(get_engine(), write=True) as session:
        command(session, actor=ADMIN, username="vera", **kwargs)


@pytest.mark.parametrize("end", ENDINGS.values(), ids=ENDINGS.keys())
def test_a_cookie_copied_before_its_session_ended_no_longer_logs_in(browser_cookie, end) -> None:
    session_id, token = issued_cookie()
    end(session_id)
    browser_cookie(token)
    at = run_app()
    assert not is_logged_in(at)
    assert REFUSED_NOTICE in at.info[0].value


@pytest.mark.parametrize("end", ENDINGS.values(), ids=ENDINGS.keys())
def test_an_open_tab_is_logged_out_on_its_next_run_when_its_session_ends(
    browser_cookie, end
) -> None:
    browser_cookie("")
    at = new_app("vera")
    at.run()
    assert is_logged_in(at)
    end(at.session_state[LOGIN_SESSION])
    at.run()
    assert not is_logged_in(at)
    assert at.info[0].value.startswith("Du er blevet logget ud")
