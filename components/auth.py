"""The login gate: our login form and server-side sessions, st.login for single sign-on.

Every run decides from the database who it belongs to: the login session this browser tab
opened (its id lives in server memory, in `st.session_state`), or, on a fresh page load, the
session that the browser's HttpOnly cookie stands for. A session that has ended (logout, new
password, new role, deactivation) or expired logs the tab out on its next run. Password
checks, the throttle and the audit live in `models.auth`; the cookie is set and deleted by
the server's own routes (`components.login_routes`), which the page calls once after a login
or logout.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import streamlit as st

from components.login_routes import COOKIE_NAME, LOGOUT_PATH, SESSION_PATH
from components.safe_text import inert
from components.texts import login as t
from models.auth.client_address import client_address as forwarded_client
from models.auth.first_admin import needs_setup
from models.auth.login import attempt_login, record_cookie_refused, record_logout, sso_login
from models.auth.sessions import (
    SessionEnd,
    end_session,
    handoff_pending,
    live_session,
    open_session,
    session_for_cookie,
)
from models.auth.signing_key import WeakKeyError, resolve_cookie_key
from models.auth.users import ROLE_LABELS, Actor, get_user
from models.core.db import session_scope
from models.core.settings import get_settings

LOGIN_SESSION = "_login_session_id"
"""The tab's login session (the row id; never sent to the browser)."""
_HANDOFF = "_login_handoff_code"
_CLEAR_COOKIE = "_login_clear_cookie"
_COOKIE_READ = "_login_cookie_read"
_NOTICE = "_login_notice"
_SSO_AUDITED = "_sso_audited"


@dataclass(frozen=True)
class AuthState:
    """What this run may show: the setup page, the login page, or the pages of a role."""

    setup_needed: bool = False
    actor: Actor | None = None
    display_name: str = ""
    sso_denied_email: str | None = None


def _secret(name: str) -> Any:
    try:
        return st.secrets.get(name)
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return None


def sso_configured() -> bool:
    """True when `.streamlit/secrets.toml` has an `[auth]` section for st.login."""
    return bool(_secret("auth"))


def client_address() -> str | None:
    """The browser's address, through the trusted proxies (`models.auth.client_address`);
    None on localhost and without a server.

    `st.context.ip_address` is the websocket's peer, which Streamlit's server (uvicorn, with
    its default `proxy_headers`) has already taken from `X-Forwarded-For` when the peer was
    127.0.0.1 or ::1; Streamlit says None for a loopback address."""
    peer = st.context.ip_address
    forwarded = ", ".join(st.context.headers.get_all("X-Forwarded-For"))
    return forwarded_client(
        peer if isinstance(peer, str) else None, forwarded, get_settings().trusted_proxies
    )


def _cookie() -> str | None:
    """The login cookie the browser sent when it loaded the page."""
    value = st.context.cookies.get(COOKIE_NAME)
    return value if isinstance(value, str) and value else None


def require_cookie_key() -> None:
    """Stop the app with a Danish message when the configured cookie key is weak."""
    try:
        resolve_cookie_key()
    except WeakKeyError as error:
        st.error(inert(error))
        st.stop()


def _sso_state() -> AuthState:
    email = st.user.get("email")
    if not st.session_state.get(_SSO_AUDITED):
        with session_scope(write=True) as session:
            user = sso_login(session, email=email)
        st.session_state[_SSO_AUDITED] = True
    else:
        with session_scope() as session:
            user = get_user(session, st.session_state.get("sso_username", ""))
    if user is None or not user.active:
        return AuthState(sso_denied_email=str(email or ""))
    st.session_state["sso_username"] = user.username
    return AuthState(actor=Actor(user.username, user.role), display_name=user.display_name)


def _resume_from_cookie() -> None:
    """On a tab's first run, take up the session the browser's cookie stands for, if any.

    The cookies are those of the page load (they do not change while the tab is open), so
    they are read once; a cookie that does not log in is audited and deleted.
    """
    if st.session_state.get(_COOKIE_READ):
        return
    token = _cookie()
    if token is None:
        st.session_state[_COOKIE_READ] = True
        return
    with session_scope(write=True) as session:
        row = session_for_cookie(session, token)
        if row is None:
            record_cookie_refused(session, client=client_address())
    # Only once the database has answered: a run that failed here reads the cookie again.
    st.session_state[_COOKIE_READ] = True
    if row is None:
        st.session_state[_NOTICE] = t.COOKIE_REFUSED
        st.session_state[_CLEAR_COOKIE] = True
        return
    st.session_state[LOGIN_SESSION] = row.id


def _log_out_tab(notice: str | None = None) -> AuthState:
    """Forget this tab's login (its session has ended) and delete the browser's cookie."""
    st.session_state.pop(LOGIN_SESSION, None)
    st.session_state.pop(_HANDOFF, None)
    st.session_state[_CLEAR_COOKIE] = True
    if notice:
        st.session_state[_NOTICE] = notice
    return AuthState()


def gate() -> AuthState:
    """Decide, on the server and from the database, who this run belongs to."""
    require_cookie_key()
    with session_scope() as session:
        if needs_setup(session):
            return AuthState(setup_needed=True)
    if sso_configured() and st.user.is_logged_in:
        return _sso_state()
    _resume_from_cookie()
    session_id = st.session_state.get(LOGIN_SESSION)
    if session_id is None:
        return AuthState()
    with session_scope() as session:
        row = live_session(session, session_id=session_id)
        user = get_user(session, row.username) if row is not None else None
        if _HANDOFF in st.session_state and not handoff_pending(session, session_id=session_id):
            del st.session_state[_HANDOFF]  # the browser has its cookie
    if user is None or not user.active:
        return _log_out_tab(t.SESSION_ENDED)
    return AuthState(actor=Actor(user.username, user.role), display_name=user.display_name)


def _call_route(path: str, body: str = "") -> None:
    """Have the browser POST to one of the cookie routes (same origin, so the answer's
    Set-Cookie applies). The body is our own one-time code, never user input."""
    st.html(
        "<script>fetch("
        f"{json.dumps(path)}, {{method: 'POST', credentials: 'same-origin', "
        f"body: {json.dumps(body)}}});</script>",
        unsafe_allow_javascript=True,
    )


def render_login_form() -> None:
    """The login form (Danish labels); on success the next run shows the user's pages."""
    notice = st.session_state.pop(_NOTICE, None)
    if notice:
        st.info(notice)
    if st.session_state.pop(_CLEAR_COOKIE, False):
        _call_route(LOGOUT_PATH)
    with st.form("login_form"):
        st.subheader(t.FORM_TITLE)
        username = st.text_input(t.USERNAME, autocomplete="username")
        password = st.text_input(t.PASSWORD, type="password", autocomplete="current-password")
        submitted = st.form_submit_button(t.BUTTON, type="primary")
    if submitted:
        _log_in(username, password)
    if sso_configured():
        st.divider()
        if st.button(t.SSO_BUTTON, type="secondary"):
            st.login()


def _log_in(username: str, password: str) -> None:
    client = client_address()
    with session_scope(write=True) as session:
        result = attempt_login(session, username=username, password=password, client=client)
        opened = (
            open_session(session, username=result.username, client=client) if result.ok else None
        )
    if opened is None:
        st.error(inert(result.message))
        return
    st.session_state[LOGIN_SESSION] = opened.id
    st.session_state[_HANDOFF] = opened.handoff_code
    st.rerun()


def _log_out(username: str) -> None:
    session_id = st.session_state.get(LOGIN_SESSION)
    with session_scope(write=True) as session:
        if session_id is not None:
            end_session(session, session_id=session_id, reason=SessionEnd.logout)
        record_logout(session, username=username, client=client_address())
    _log_out_tab()
    st.rerun()


def render_user_box(state: AuthState) -> None:
    """Who is logged in, their role, and the logout button, in the sidebar."""
    if state.actor is None:
        if state.sso_denied_email is not None and st.sidebar.button(t.LOGOUT):
            st.logout()
        return
    role = ROLE_LABELS[state.actor.role]
    st.sidebar.markdown(t.LOGGED_IN_AS.format(name=inert(state.display_name), role=inert(role)))
    if sso_configured() and st.user.is_logged_in:
        if st.sidebar.button(t.LOGOUT, key="logout_sso"):
            with session_scope(write=True) as session:
                record_logout(session, username=state.actor.username, client=client_address())
            st.logout()
        return
    if st.sidebar.button(t.LOGOUT, key="logout_button"):
        _log_out(state.actor.username)
    code = st.session_state.get(_HANDOFF)
    if code:
        with st.sidebar:
            _call_route(SESSION_PATH, code)
