"""The page is served as Danish: the middleware rewrites Streamlit's own index.html.

The middleware is run here around Streamlit's real static-file handler (the one that serves
index.html for every page URL); tests/browser/test_accessibility.py asks the running server.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from streamlit import file_util
from streamlit.web.server.starlette.starlette_static_routes import (
    create_streamlit_static_handler,
)

from components.html_lang import (
    A11Y_STYLE,
    DANISH_TAG,
    ENGLISH_TAG,
    DanishHtmlMiddleware,
    danish_document,
)

INDEX = Path(file_util.get_static_dir()) / "index.html"


def _get(
    app, path: str, *, method: str = "GET", gzip: bool = True, etag: bytes | None = None
) -> tuple[dict, bytes]:
    headers = [(b"host", b"testserver")]
    if etag is not None:
        headers.append((b"if-none-match", etag))
    if gzip:
        headers.append((b"accept-encoding", b"gzip, deflate"))
    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 1234),
    }
    sent: list[dict] = []
    requested = False

    async def receive() -> dict:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # the client stays connected until the answer is sent
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    # In a thread of its own: the browser tests' Playwright keeps an event loop running in
    # this one for the whole session, and asyncio.run refuses to start inside it.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start, body


def _header(start: dict, name: bytes) -> bytes | None:
    return next((value for key, value in start["headers"] if key.lower() == name), None)


def test_streamlit_still_spells_the_tag_we_rewrite() -> None:
    """Tripwire: an upgrade that respells Streamlit's <html> tag must fail here, not silently
    leave the page English."""
    html = INDEX.read_bytes()
    assert html.count(ENGLISH_TAG) == 1
    assert html.count(b"</head>") == 1


def test_the_document_becomes_danish_with_the_accessibility_rules_once() -> None:
    html = danish_document(INDEX.read_bytes())
    assert DANISH_TAG in html
    assert ENGLISH_TAG not in html
    assert html.count(A11Y_STYLE) == 1
    assert html.index(A11Y_STYLE) < html.index(b"</head>")
    assert danish_document(html) == html


def test_every_page_url_is_served_danish_with_a_correct_length() -> None:
    app = DanishHtmlMiddleware(create_streamlit_static_handler(str(INDEX.parent), None))
    for path in ("/", "/tema_c", "/presentation"):
        start, body = _get(app, path)
        assert start["status"] == 200
        assert _header(start, b"content-encoding") is None
        assert body.startswith(b"<!") or b"<html" in body
        assert DANISH_TAG in body
        assert ENGLISH_TAG not in body
        assert A11Y_STYLE in body
        assert int(_header(start, b"content-length")) == len(body)


def test_other_files_pass_through_untouched() -> None:
    app = DanishHtmlMiddleware(create_streamlit_static_handler(str(INDEX.parent), None))
    manifest = next(p for p in INDEX.parent.iterdir() if p.suffix in {".json", ".ico", ".png"})
    start, body = _get(app, f"/{manifest.name}", gzip=False)
    assert start["status"] == 200
    assert body == manifest.read_bytes()


def test_a_head_request_gets_headers_only() -> None:
    app = DanishHtmlMiddleware(create_streamlit_static_handler(str(INDEX.parent), None))
    start, body = _get(app, "/", method="HEAD")
    assert start["status"] == 200
    assert body == b""


def test_app_py_serves_its_pages_through_the_middleware() -> None:
    source = (Path(__file__).resolve().parents[2] / "app.py").read_text(encoding="utf-8")
    assert "Middleware(DanishHtmlMiddleware)]" in source  # the innermost of ours


def test_a_revalidation_gets_its_not_modified_untouched() -> None:
    app = DanishHtmlMiddleware(create_streamlit_static_handler(str(INDEX.parent), None))
    start, _ = _get(app, "/")
    etag = _header(start, b"etag")
    assert etag is not None
    start, body = _get(app, "/", etag=etag)
    assert start["status"] == 304
    assert body == b""
    assert _header(start, b"content-length") in (None, b"0")
