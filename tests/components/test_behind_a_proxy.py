"""Behind a reverse proxy: the login cookie is Secure when a trusted proxy says the browser
used HTTPS, and the login throttle, the `login_event` audit and the `login` log line see the
browser's address, never one the browser chose. In process: the login routes through ASGI,
the login form through AppTest with the websocket's client context as Streamlit builds it;
tests/browser/test_proxy_headers.py does the same against a running server."""

from __future__ import annotations

import io
import json
from types import SimpleNamespace
from typing import Any

import pytest
from sqlmodel import select
from starlette.routing import Router

from components.login_routes import COOKIE_NAME, ROUTES
from models.auth.login import LoginEvent, LoginOutcome
from models.auth.sessions import open_session, redeem_handoff
from models.auth.users import Role
from models.core import applog
from models.core.db import get_engine, session_scope
from models.core.settings import get_settings
from tests.asgi import call, header_values
from tests.pages.apptest import run_app, seeded_database

PROXY = "10.0.0.5"
BROWSER = "203.0.113.7"
FORGED = "198.51.100.66"


@pytest.fixture
def trusting(monkeypatch: pytest.MonkeyPatch):
    """Configure DASHBOARD_TRUSTED_PROXIES (and DASHBOARD_COOKIE_SECURE) for the test."""

    def configure(proxies: str = "", *, cookie_secure: bool = False) -> None:
        monkeypatch.setenv("DASHBOARD_TRUSTED_PROXIES", proxies)
        monkeypatch.setenv("DASHBOARD_COOKIE_SECURE", "1" if cookie_secure else "0")
        get_settings.cache_clear()

    seeded_database(("vera", Role.viewer))
    return configure


def handoff_code() -> str:
    with session_scope(get_engine(), write=True) as session:
        return open_session(session, username="vera").handoff_code


def issued_cookie(**request: Any) -> str:
    start, _ = call(
        Router(routes=ROUTES),
        "/auth/session",
        method="POST",
        body=handoff_code().encode(),
        **request,
    )
    assert start["status"] == 204
    (cookie,) = header_values(start, "set-cookie")
    assert cookie.startswith(f"{COOKIE_NAME}=")
    return cookie


SECURE_CASES = {
    "laptop over http": ("", False, {"client": ("127.0.0.1", 1)}, False),
    "directly over https": ("", False, {"scheme": "https"}, True),
    "configured": ("", True, {}, True),
    "trusted proxy says https": (
        PROXY,
        False,
        {"client": (PROXY, 1), "headers": {"X-Forwarded-Proto": "https"}},
        True,
    ),
    "trusted network says https": (
        "10.0.0.0/24",
        False,
        {"client": (PROXY, 1), "headers": {"X-Forwarded-Proto": "https"}},
        True,
    ),
    "trusted proxy says http": (
        PROXY,
        False,
        {"client": (PROXY, 1), "headers": {"X-Forwarded-Proto": "http"}},
        False,
    ),
    "untrusted peer says https": (
        PROXY,
        False,
        {"client": (BROWSER, 1), "headers": {"X-Forwarded-Proto": "https"}},
        False,
    ),
    "proxy not configured": (
        "",
        False,
        {"client": (PROXY, 1), "headers": {"X-Forwarded-Proto": "https"}},
        False,
    ),
}


@pytest.mark.parametrize(
    ("proxies", "cookie_secure", "request_", "secure"),
    SECURE_CASES.values(),
    ids=SECURE_CASES.keys(),
)
def test_the_cookie_is_secure_when_the_browser_used_https(
    trusting, proxies: str, cookie_secure: bool, request_: dict, secure: bool
) -> None:
    trusting(proxies, cookie_secure=cookie_secure)
    attributes = [part.strip().casefold() for part in issued_cookie(**request_).split(";")]
    assert ("secure" in attributes) is secure
    assert "httponly" in attributes


def login_clients() -> list[tuple[str, str | None]]:
    with session_scope(get_engine()) as session:
        rows = session.exec(select(LoginEvent).order_by(LoginEvent.id)).all()
        return [(row.outcome.value, row.client) for row in rows]


LOGOUT_CASES = {
    "through the trusted proxy": (PROXY, (PROXY, 1), f"{FORGED}, {BROWSER}", BROWSER),
    "from an untrusted peer": (PROXY, (BROWSER, 1), FORGED, BROWSER),
    "no proxy configured": ("", (PROXY, 1), BROWSER, PROXY),
}


@pytest.mark.parametrize(
    ("proxies", "peer", "forwarded_for", "audited"), LOGOUT_CASES.values(), ids=LOGOUT_CASES.keys()
)
def test_a_logout_through_the_route_audits_the_browsers_address(
    trusting, proxies: str, peer: tuple[str, int], forwarded_for: str, audited: str
) -> None:
    trusting(proxies)
    with session_scope(get_engine(), write=True) as session:
        opened = open_session(session, username="vera")
        issued = redeem_handoff(session, code=opened.handoff_code)
    assert issued is not None
    headers = {"Cookie": f"{COOKIE_NAME}={issued.token}", "X-Forwarded-For": forwarded_for}
    start, _ = call(
        Router(routes=ROUTES), "/auth/logout", method="POST", client=peer, headers=headers
    )
    assert start["status"] == 204
    assert login_clients() == [("logout", audited)]


@pytest.fixture
def websocket_from(monkeypatch: pytest.MonkeyPatch):
    """The client context Streamlit builds from the websocket's handshake: the peer (after
    uvicorn, which already resolves a proxy on 127.0.0.1) and the headers."""

    def connect(peer: str, forwarded_for: str | None) -> None:
        headers = [("X-Forwarded-For", forwarded_for)] if forwarded_for else []
        client = SimpleNamespace(cookies={}, headers=headers, remote_ip=peer)
        monkeypatch.setattr("streamlit.runtime.context._get_client_context", lambda: client)

    return connect


def failed_login() -> None:
    at = run_app()
    at.text_input[0].input("vera")
    at.text_input[1].input("forkert-adgangskode-123")
    at.button[0].click().run()
    assert at.error, "the form did not refuse the password"


GATE_CASES = {
    "through the trusted proxy": (PROXY, PROXY, f"{FORGED}, {BROWSER}", BROWSER),
    "a proxy chain": ("10.0.0.0/24", PROXY, f"{FORGED}, {BROWSER}, 10.0.0.9", BROWSER),
    "an untrusted peer's own header": (PROXY, BROWSER, FORGED, BROWSER),
    "no proxy configured": ("", PROXY, BROWSER, PROXY),
    "the proxy sent garbage": (PROXY, PROXY, "unknown", PROXY),
}


@pytest.mark.parametrize(
    ("proxies", "peer", "forwarded_for", "audited"), GATE_CASES.values(), ids=GATE_CASES.keys()
)
def test_the_throttle_and_the_log_see_the_browsers_address(
    trusting,
    websocket_from,
    proxies: str,
    peer: str,
    forwarded_for: str,
    audited: str,
) -> None:
    trusting(proxies)
    websocket_from(peer, forwarded_for)
    log = io.StringIO()
    applog.configure(log)
    failed_login()
    assert login_clients() == [(LoginOutcome.failure.value, audited)]
    logged = [json.loads(line) for line in log.getvalue().splitlines()]
    assert [(line["event"], line["outcome"], line["client"]) for line in logged] == [
        ("login", "failure", audited)
    ]
