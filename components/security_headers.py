"""Security headers on every HTTP response the app sends (wired in app.py beside
`DanishHtmlMiddleware`, by `st.App(..., middleware=...)`).

- `X-Content-Type-Options: nosniff`: a browser takes a file for what its Content-Type says,
  never for what its bytes look like (an uploaded or downloaded file is not run as a script).
- `Referrer-Policy: same-origin`: links out of the app (Streamlit's help, a URL in a note)
  do not tell the other site which page of the dashboard they came from.
- `X-Frame-Options: SAMEORIGIN` and `Content-Security-Policy: frame-ancestors 'self'`: no
  other site may show the app in a frame (clickjacking); the old header for old browsers, the
  CSP directive for the rest. The app's own frames (Streamlit's components and `st.html`,
  served from the same origin) still load.
- `Permissions-Policy`: camera, microphone, geolocation, payment and USB are denied to the
  page and every frame in it; the dashboard needs none of them (the proxy sends the same).

Deliberately no full Content-Security-Policy (`script-src`, `style-src`, …): Streamlit's
frontend injects inline styles, runs the inline scripts of `st.html(...,
unsafe_allow_javascript=True)` that the app relies on (the Danish widget texts, the login
cookie calls) and builds components from `srcdoc` frames; a policy strict enough to matter
would break them, and one loose enough not to (`'unsafe-inline'`) would protect little.
`frame-ancestors` is the one directive that is safe on its own. HSTS belongs to the proxy that
terminates TLS (the app itself speaks plain HTTP).

A header the response already has (Streamlit sets `nosniff` on some static files) is left as
it is. The websocket (`/_stcore/stream`) and lifespan scopes pass through untouched.
"""

from __future__ import annotations

from components.html_lang import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"content-security-policy", b"frame-ancestors 'self'"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)


def with_security_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """`headers` plus every security header they do not have yet (names compared
    case-insensitively)."""
    present = {name.lower() for name, _ in headers}
    return headers + [(name, value) for name, value in SECURITY_HEADERS if name not in present]


class SecurityHeadersMiddleware:
    """Adds `SECURITY_HEADERS` to the start of every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = with_security_headers(list(message.get("headers", [])))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
