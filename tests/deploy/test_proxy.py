"""The proxy of deploy/nginx run for real (Debian's nginx) in front of two small echo servers:
security headers, the routing cookie and sticky sessions, forwarded headers, websocket
upgrade headers, the body limit, and the redirect to HTTPS. The browser journey through the
same proxy in front of two Streamlit instances is tests/browser/test_two_instances.py."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.deploy.proxy import (
    ROUTE_COOKIE,
    SECURITY_HEADERS,
    Proxy,
    nginx_binary,
    running_proxy,
    tls_context,
)

MAX_BODY_MB = 1


class Echo(BaseHTTPRequestHandler):
    """Answers with its instance's name and the headers it received; sends its own copies of
    two security headers, which the proxy must replace."""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = json.dumps(
            {"instance": self.server.name, "headers": dict(self.headers.items())}  # type: ignore[attr-defined]
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self) -> dict[str, object]:
        return json.loads(self.body)

    @property
    def instance(self) -> str:
        return str(self.json()["instance"])


def request(
    url: str, path: str = "/", headers: dict[str, str] | None = None, body: bytes | None = None
) -> Answer:
    parts = urlsplit(url)
    if parts.scheme == "https":
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname, parts.port, context=tls_context(), timeout=30
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("POST" if body else "GET", path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def route_of(answer: Answer) -> str:
    (cookie,) = answer.headers.get_all("Set-Cookie")
    name, _, rest = cookie.partition("=")
    assert name == ROUTE_COOKIE
    return rest.split(";")[0]


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    nginx_binary()
    servers = []
    for name in ("a", "b"):
        server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
        server.name = name  # type: ignore[attr-defined]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    upstreams = tuple(f"127.0.0.1:{server.server_address[1]}" for server in servers)
    workdir: Path = tmp_path_factory.mktemp("proxy")
    try:
        with running_proxy(workdir, upstreams, MAX_BODY_MB) as running:  # type: ignore[arg-type]
            yield running
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def test_every_response_carries_the_security_headers_once(proxy: Proxy) -> None:
    for path in ("/", "/_stcore/stream"):
        answer = request(proxy.https_url, path)
        assert answer.status == 200
        for name, value in SECURITY_HEADERS.items():
            assert answer.headers.get_all(name) == [value], (path, name)
        assert "nginx/" not in (answer.headers.get("Server") or "")  # no version shown


def test_a_first_visit_gets_a_routing_cookie_and_a_returning_one_does_not(proxy: Proxy) -> None:
    first = request(proxy.https_url)
    (cookie,) = first.headers.get_all("Set-Cookie")
    value = route_of(first)
    assert len(value) == 32  # nginx's $request_id: 16 random bytes in hex
    attributes = [part.strip() for part in cookie.split(";")[1:]]
    assert attributes == ["Path=/", "HttpOnly", "Secure", "SameSite=Lax"]
    returning = request(proxy.https_url, headers={"Cookie": f"{ROUTE_COOKIE}={value}"})
    assert returning.headers.get_all("Set-Cookie") is None


def test_a_browser_stays_on_the_instance_its_routing_cookie_names(proxy: Proxy) -> None:
    first = request(proxy.https_url)
    cookie = {"Cookie": f"{ROUTE_COOKIE}={route_of(first)}"}
    later = [request(proxy.https_url, path, headers=cookie) for path in ("/", "/x", "/y")]
    assert {answer.instance for answer in later} == {first.instance}


def test_the_routing_cookies_spread_browsers_over_both_instances(proxy: Proxy) -> None:
    served = {
        request(proxy.https_url, headers={"Cookie": f"{ROUTE_COOKIE}=browser-{n}"}).instance
        for n in range(16)
    }
    assert served == {"a", "b"}


def test_the_instance_sees_the_browser_the_scheme_and_the_host(proxy: Proxy) -> None:
    answer = request(proxy.https_url, headers={"X-Forwarded-For": "203.0.113.9"})
    headers = answer.json()["headers"]
    assert isinstance(headers, dict)
    host = urlsplit(proxy.https_url).netloc
    assert headers["X-Forwarded-Proto"] == "https"
    assert headers["X-Forwarded-For"] == "127.0.0.1"  # the proxy's peer, not a claimed address
    assert headers["Host"] == host  # with the port: Streamlit compares it with Origin
    assert headers["X-Forwarded-Host"] == host


def test_a_websocket_upgrade_is_passed_on(proxy: Proxy) -> None:
    upgrade = {"Upgrade": "websocket", "Connection": "Upgrade"}
    headers = request(proxy.https_url, "/_stcore/stream", headers=upgrade).json()["headers"]
    assert isinstance(headers, dict)
    assert headers["Upgrade"] == "websocket"
    assert headers["Connection"] == "upgrade"
    plain = request(proxy.https_url, "/").json()["headers"]
    assert isinstance(plain, dict)
    assert "Upgrade" not in plain
    assert "Connection" not in plain  # kept alive towards the instance


def test_a_body_over_the_upload_limit_is_refused(proxy: Proxy) -> None:
    megabyte = 1024 * 1024
    fits = request(proxy.https_url, "/_stcore/upload_file", body=b"x" * (MAX_BODY_MB * megabyte))
    assert fits.status == 200
    too_large = b"x" * (MAX_BODY_MB * megabyte + 1)
    assert request(proxy.https_url, "/_stcore/upload_file", body=too_large).status == 413


def test_plain_http_is_redirected_to_https(proxy: Proxy) -> None:
    answer = request(proxy.http_url, "/reports?x=1")
    assert answer.status == 301
    host = urlsplit(proxy.http_url).hostname
    assert answer.headers["Location"] == f"https://{host}/reports?x=1"
