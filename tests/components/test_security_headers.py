"""Security headers on every HTTP response, in process: around Streamlit's real static-file
handler (the page, an asset), around our login routes (an error), never on the websocket.
tests/browser/test_proxy_headers.py asks a running server."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from starlette.responses import Response
from starlette.routing import Router
from streamlit import file_util
from streamlit.web.server.starlette.starlette_static_routes import (
    create_streamlit_static_handler,
)

from components.html_lang import DanishHtmlMiddleware
from components.login_routes import ROUTES
from components.security_headers import SecurityHeadersMiddleware, with_security_headers
from tests.asgi import call, header_values

STATIC = Path(file_util.get_static_dir())
EXPECTED = {
    "x-content-type-options": ["nosniff"],
    "referrer-policy": ["same-origin"],
    "x-frame-options": ["SAMEORIGIN"],
    "content-security-policy": ["frame-ancestors 'self'"],
    "permissions-policy": ["camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
}


def served() -> Any:
    """Our middleware as app.py stacks it, around Streamlit's static handler."""
    inner = DanishHtmlMiddleware(create_streamlit_static_handler(str(STATIC), None))
    return SecurityHeadersMiddleware(inner)


def security_headers(start: dict[str, Any]) -> dict[str, list[str]]:
    return {name: header_values(start, name) for name in EXPECTED}


def test_the_pages_and_an_asset_carry_every_header() -> None:
    asset = next((STATIC / "static" / "js").glob("*.js")).relative_to(STATIC)
    for path in ("/", "/tema_c", f"/{asset}"):
        start, _ = call(served(), path)
        assert start["status"] == 200, path
        assert security_headers(start) == EXPECTED, path


def test_the_login_routes_carry_every_header() -> None:
    start, _ = call(
        SecurityHeadersMiddleware(Router(routes=ROUTES)), "/auth/session", method="POST"
    )
    assert start["status"] == 400  # no one-time code
    assert security_headers(start) == EXPECTED


def test_a_header_the_response_has_is_kept_not_doubled() -> None:
    own = [(b"X-Content-Type-Options", b"nosniff"), (b"Referrer-Policy", b"no-referrer")]
    merged = with_security_headers(own)
    assert merged[:2] == own
    assert [name for name, _ in merged].count(b"x-content-type-options") == 0
    assert (b"referrer-policy", b"same-origin") not in merged
    assert len(merged) == len(EXPECTED)

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await Response(headers={"Referrer-Policy": "no-referrer"})(scope, receive, send)

    start, _ = call(SecurityHeadersMiddleware(app), "/")
    assert header_values(start, "referrer-policy") == ["no-referrer"]
    assert header_values(start, "x-frame-options") == ["SAMEORIGIN"]


def test_the_websocket_passes_through_untouched() -> None:
    seen: list[tuple[Any, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append((scope, send))
        await send({"type": "websocket.accept", "headers": []})

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"}

    scope = {"type": "websocket", "path": "/_stcore/stream", "headers": []}
    with ThreadPoolExecutor(max_workers=1) as pool:  # as tests.asgi.call, for Playwright's loop
        pool.submit(asyncio.run, SecurityHeadersMiddleware(app)(scope, receive, send)).result()
    assert seen == [(scope, send)]  # the very scope and send, not a wrapper
    assert sent == [{"type": "websocket.accept", "headers": []}]


def test_app_py_serves_everything_through_the_middleware() -> None:
    source = (Path(__file__).resolve().parents[2] / "app.py").read_text(encoding="utf-8")
    assert "middleware=[Middleware(SecurityHeadersMiddleware), " in source  # the outermost
