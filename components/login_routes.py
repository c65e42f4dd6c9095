"""The server's own login-cookie routes, mounted beside Streamlit by `st.App` in app.py.

Streamlit scripts cannot set a cookie in an HTTP response, and a cookie set from JavaScript
cannot be HttpOnly. These two routes can:

- `POST /auth/session` takes the one-time code that a successful login handed to the page
  and answers with the login cookie: HttpOnly, SameSite=Strict, Secure when the request came
  over HTTPS (directly, or by a trusted proxy's `X-Forwarded-Proto: https`; or the setting
  `cookie_secure` says so), expiring with its session.
- `POST /auth/logout` ends the session the cookie stands for and deletes the cookie.

What the cookie is worth is decided by its server-side session (`models.auth.sessions`).
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from models.auth.client_address import client_address, forwarded_https
from models.auth.login import record_logout
from models.auth.sessions import (
    IssuedCookie,
    SessionEnd,
    end_session,
    redeem_handoff,
    session_for_cookie,
)
from models.core.db import session_scope
from models.core.settings import get_settings

COOKIE_NAME = "genopretning_login"
SESSION_PATH = "/auth/session"
LOGOUT_PATH = "/auth/logout"
MAX_BODY = 1024


def _peer(request: Request) -> str | None:
    return request.client.host if request.client else None


def _secure(request: Request) -> bool:
    """Secure when configured, when the request came over HTTPS (a proxy on 127.0.0.1 or ::1
    has already set the scheme from `X-Forwarded-Proto` in uvicorn), or when a trusted proxy
    says so."""
    settings = get_settings()
    return (
        settings.cookie_secure
        or request.url.scheme == "https"
        or forwarded_https(
            _peer(request), request.headers.get("x-forwarded-proto"), settings.trusted_proxies
        )
    )


def _client(request: Request) -> str | None:
    """The browser's address through the trusted proxies (as `components.auth`)."""
    forwarded = ", ".join(request.headers.getlist("x-forwarded-for"))
    return client_address(_peer(request), forwarded, get_settings().trusted_proxies)


def _redeem(code: str) -> IssuedCookie | None:
    with session_scope(write=True) as session:
        return redeem_handoff(session, code=code)


def _log_out(token: str, client: str | None) -> None:
    with session_scope(write=True) as session:
        row = session_for_cookie(session, token)
        if row is not None and end_session(session, session_id=row.id, reason=SessionEnd.logout):  # type: ignore[arg-type]
            record_logout(session, username=row.username, client=client)


async def issue_cookie(request: Request) -> Response:
    body = await request.body()
    code = body[:MAX_BODY].decode("ascii", errors="replace").strip()
    issued = await run_in_threadpool(_redeem, code) if code else None
    if issued is None:
        return Response(status_code=400)
    response = Response(status_code=204)
    response.set_cookie(
        COOKIE_NAME,
        issued.token,
        expires=issued.expires_at,
        path="/",
        secure=_secure(request),
        httponly=True,
        samesite="strict",
    )
    return response


async def delete_cookie(request: Request) -> Response:
    token = request.cookies.get(COOKIE_NAME)
    if token:
        await run_in_threadpool(_log_out, token, _client(request))
    response = Response(status_code=204)
    response.delete_cookie(
        COOKIE_NAME, path="/", secure=_secure(request), httponly=True, samesite="strict"
    )
    return response


ROUTES = [
    Route(SESSION_PATH, issue_cookie, methods=["POST"]),
    Route(LOGOUT_PATH, delete_cookie, methods=["POST"]),
]
