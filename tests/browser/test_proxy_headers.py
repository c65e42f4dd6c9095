"""A running server behind a proxy: security headers on every response, the Secure cookie and
the browser's address as the login throttle and the log see them.

The server trusts the proxy at 127.0.0.2 (DASHBOARD_TRUSTED_PROXIES). `Relay` stands for a
reverse proxy: a TCP relay that connects to the app from a source address of its choice and
passes the bytes on unchanged, so the `X-Forwarded-For` the browser sends is what that proxy
wrote. Streamlit's server (uvicorn) itself believes `X-Forwarded-For` and
`X-Forwarded-Proto` from 127.0.0.1 and ::1 only (its `forwarded_allow_ips` default); that
case is checked too, since a proxy on the same host relies on it.
"""

from __future__ import annotations

import http.client
import re
import socket
import threading
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlmodel import select

from tests.browser.conftest import Server, log_in, running_app, script_run, wait_for_app

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

TRUSTED_PROXY = "127.0.0.2"
UNTRUSTED_PEER = "127.0.0.3"
BROWSER = "203.0.113.7"
FORGED = "198.51.100.66"
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "SAMEORIGIN",
    "content-security-policy": "frame-ancestors 'self'",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


@pytest.fixture(scope="module")
def server(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """An app server of this module's own, trusting the proxy at 127.0.0.2."""
    env = pytest.MonkeyPatch()
    env.setenv("DASHBOARD_TRUSTED_PROXIES", TRUSTED_PROXY)  # read when the server starts
    try:
        with running_app(tmp_path_factory.mktemp("proxied")) as running:
            env.undo()
            yield running
    finally:
        env.undo()


class Relay:
    """Accepts connections on 127.0.0.1 and relays each to `target` from `source`."""

    def __init__(self, target: str, source: str) -> None:
        host, port = target.removeprefix("http://").split(":")
        self.target, self.source = (host, int(port)), source
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # closed
            upstream = socket.create_connection(self.target, source_address=(self.source, 0))
            self.sockets += [client, upstream]
            for one, other in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(one, other), daemon=True).start()

    @staticmethod
    def _pipe(reader: socket.socket, writer: socket.socket) -> None:
        try:
            while data := reader.recv(65536):
                writer.sendall(data)
            writer.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the other side went away

    def close(self) -> None:
        self.listener.close()
        for sock in self.sockets:
            sock.close()


@pytest.fixture
def relay(server: Server) -> Iterator[Callable[[str], Relay]]:
    relays: list[Relay] = []

    def through(source: str) -> Relay:
        relays.append(Relay(server.url, source))
        return relays[-1]

    yield through
    for one in relays:
        one.close()


def request(
    server: Server, method: str, path: str, *, source: str = "127.0.0.1", **headers: str
) -> http.client.HTTPResponse:
    host, port = server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30, source_address=(source, 0))
    body = headers.pop("body", None)
    connection.request(
        method, path, body=body, headers={k.replace("_", "-"): v for k, v in headers.items()}
    )
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_every_response_carries_the_security_headers(server: Server) -> None:
    with urllib.request.urlopen(f"{server.url}/") as page:  # noqa: S310
        html = page.read().decode()
    asset = re.search(r'src="\./(static/js/[^"]+\.js)"', html)
    assert asset is not None, "no script in Streamlit's index.html"
    for method, path in (
        ("GET", "/"),
        ("GET", "/tema_c"),
        ("GET", f"/{asset.group(1)}"),
        ("GET", "/_stcore/health"),
        ("POST", "/auth/session"),  # our route: 400 without a one-time code
    ):
        response = request(server, method, path)
        assert response.status in (200, 400), path
        shown = {name: response.getheader(name) for name in SECURITY_HEADERS}
        assert shown == SECURITY_HEADERS, path


def handoff_code(server: Server, username: str = "vera") -> str:
    from models.auth.sessions import open_session  # here: components warn at collection
    from models.core.db import session_scope

    engine = server.engine()
    try:
        with session_scope(engine, write=True) as session:
            return open_session(session, username=username).handoff_code
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("source", "secure"),
    [(TRUSTED_PROXY, True), (UNTRUSTED_PEER, False), ("127.0.0.1", True)],
    ids=["trusted proxy", "untrusted peer", "proxy on the same host (uvicorn)"],
)
def test_the_cookie_is_secure_when_a_trusted_proxy_says_https(
    server: Server, source: str, secure: bool
) -> None:
    response = request(
        server,
        "POST",
        "/auth/session",
        source=source,
        body=handoff_code(server),
        X_Forwarded_Proto="https",
    )
    assert response.status == 204
    attributes = [a.strip().casefold() for a in response.getheader("set-cookie", "").split(";")]
    assert ("secure" in attributes) is secure
    plain = request(
        server, "POST", "/auth/session", source=TRUSTED_PROXY, body=handoff_code(server)
    )
    assert "secure" not in plain.getheader("set-cookie", "").casefold()


def login_events(server: Server) -> list[tuple[str, str, str | None]]:
    from models.auth.login import LoginEvent
    from models.core.db import session_scope

    engine = server.engine()
    try:
        with session_scope(engine) as session:
            rows = session.exec(select(LoginEvent).order_by(LoginEvent.id)).all()
            return [(row.username, row.outcome.value, row.client) for row in rows]
    finally:
        engine.dispose()


def wrong_password(page: Page, url: str, username: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill("forkert-adgangskode")
    with script_run(page):
        page.get_by_role("button", name="Log ind").click()
    page.get_by_text("Forkert brugernavn eller adgangskode").wait_for(timeout=30_000)


def test_the_throttle_and_the_log_see_the_browser_not_the_proxy(
    server: Server, relay: Callable[[str], Relay], browser, tmp_path: Path
) -> None:
    forwarded = {"X-Forwarded-For": f"{FORGED}, {BROWSER}"}  # the client forged the first
    trusted = browser.new_context(extra_http_headers=forwarded)
    log_in(trusted.new_page(), relay(TRUSTED_PROXY).url, "vera", form=True)
    untrusted = browser.new_context(extra_http_headers={"X-Forwarded-For": BROWSER})
    wrong_password(untrusted.new_page(), relay(UNTRUSTED_PEER).url, "erik")
    same_host = browser.new_context(extra_http_headers={"X-Forwarded-For": BROWSER})
    wrong_password(same_host.new_page(), server.url, "pia")
    for context in (trusted, untrusted, same_host):
        context.close()

    assert login_events(server)[-3:] == [
        ("vera", "success", BROWSER),  # through the trusted proxy: the address it saw
        ("erik", "failure", UNTRUSTED_PEER),  # an untrusted peer's header is ignored
        ("pia", "failure", BROWSER),  # uvicorn resolved the proxy on 127.0.0.1
    ]
    logged = [line for line in server.log().splitlines() if '"event": "login"' in line]
    assert [re.search(r'"client": "([^"]+)"', line).group(1) for line in logged[-3:]] == [
        BROWSER,
        UNTRUSTED_PEER,
        BROWSER,
    ]
