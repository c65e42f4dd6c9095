"""The login gate: streamlit-authenticator for passwords and cookies, st.login for single sign-on.

Every run rebuilds the gate from the database: who is logged in, whether that user is still
active, and which role they have now. Password checks, lock-outs and the audit go through
`models.login`, never through the library's own in-memory counters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.utilities import LoginError

from components.safe_text import inert
from components.texts import login as t
from models.auth.first_admin import needs_setup
from models.auth.login import attempt_login, record_logout, sso_login
from models.auth.signing_key import WeakKeyError, resolve_cookie_key
from models.auth.users import ROLE_LABELS, Actor, get_user, list_users
from models.core.db import session_scope
from models.core.settings import get_settings

COOKIE_NAME = "genopretning_login"
_AUTHENTICATOR = "_authenticator"
_SSO_AUDITED = "_sso_audited"
_LOGIN_RUNS = "_login_page_runs"
LOGIN_FIELDS = {
    "Form name": t.FORM_TITLE,
    "Username": t.USERNAME,
    "Password": t.PASSWORD,
    "Login": t.BUTTON,
    "Captcha": "Captcha",
}


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


def cookie_expiry_days() -> float:
    return get_settings().cookie_expiry_days


def cookie_key() -> str:
    """The cookie-signing key; a weak configured key stops the app with a Danish message."""
    try:
        return resolve_cookie_key()
    except WeakKeyError as error:
        st.error(inert(error))
        st.stop()
        raise  # unreachable: st.stop() ends the run


def _check_credentials(username: str, password: str) -> bool:
    """Replaces the library's check: lock-out and audit live in the database."""
    with session_scope(write=True) as session:
        result = attempt_login(session, username=username, password=password)
    if not result.ok:  # wrong password, locked or refused: the message says which
        raise LoginError(result.message)
    return True


def _build_authenticator() -> stauth.Authenticate:
    with session_scope() as session:
        users = [user for user in list_users(session) if user.active]
    credentials = {
        "usernames": {
            user.username: {
                "name": user.display_name,
                "password": user.password_hash,
                "email": user.email or "",
                "roles": [user.role.value],
            }
            for user in users
        }
    }
    authenticator = stauth.Authenticate(
        credentials,
        cookie_name=COOKIE_NAME,
        cookie_key=cookie_key(),
        cookie_expiry_days=cookie_expiry_days(),
        auto_hash=False,
        login_sleep_time=0.0,
    )
    model = authenticator.authentication_controller.authentication_model
    model.check_credentials = _check_credentials
    return authenticator


def _clear_login(authenticator: stauth.Authenticate) -> None:
    """Forget a login that is no longer valid (deactivated user, revoked cookie)."""
    if st.session_state.get("authentication_status"):
        authenticator.logout(location="unrendered")
        return
    authenticator.cookie_controller.delete_cookie()
    st.session_state["logout"] = True  # the library then ignores the cookie in this session


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


def gate() -> AuthState:
    """Decide, on the server and from the database, who this run belongs to."""
    with session_scope() as session:
        if needs_setup(session):
            return AuthState(setup_needed=True)
    if sso_configured() and st.user.is_logged_in:
        return _sso_state()
    authenticator = _build_authenticator()
    st.session_state[_AUTHENTICATOR] = authenticator
    try:
        authenticator.login(location="unrendered")  # resumes a session from a valid cookie
    except LoginError:
        _clear_login(authenticator)
    if not st.session_state.get("authentication_status"):
        return AuthState()
    with session_scope() as session:
        user = get_user(session, st.session_state.get("username") or "")
    if user is None or not user.active:
        _clear_login(authenticator)
        return AuthState()
    return AuthState(actor=Actor(user.username, user.role), display_name=user.display_name)


def _cookie_helper_ready(authenticator: stauth.Authenticate) -> bool:
    """True once the browser's cookie component has reported (it reruns the app when it does).

    Showing the form before that lets a quick click on "Log ind" be swallowed by that rerun.
    The component always sees at least Streamlit's own XSRF cookie.
    """
    runs = st.session_state[_LOGIN_RUNS] = st.session_state.get(_LOGIN_RUNS, 0) + 1
    return runs > 1 or bool(authenticator.cookie_controller.cookie_model.cookie_manager.cookies)


def render_login_form() -> None:
    """The login form (Danish labels); reruns into the app on success."""
    authenticator: stauth.Authenticate = st.session_state[_AUTHENTICATOR]
    if not _cookie_helper_ready(authenticator):
        st.caption(t.LOADING)
        st.button(t.CONTINUE, key="login_continue")  # any click reruns
        return
    try:
        authenticator.login(location="main", fields=LOGIN_FIELDS, key="login_form")
    except LoginError as error:
        st.error(inert(error))
        return
    if st.session_state.get("authentication_status"):
        # No st.rerun() here: the cookie component must render to store the cookie; it
        # reruns the app itself, and the next run shows the user's pages.
        st.success(t.DONE)
        return
    if sso_configured():
        st.divider()
        if st.button(t.SSO_BUTTON, type="secondary"):
            st.login()


def _on_logout(details: dict[str, Any]) -> None:
    username = details.get("username")
    if username:
        with session_scope(write=True) as session:
            record_logout(session, username=username)


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
                record_logout(session, username=state.actor.username)
            st.logout()
        return
    authenticator: stauth.Authenticate = st.session_state[_AUTHENTICATOR]
    # The cookie component deletes the cookie and reruns the app itself.
    authenticator.logout(
        button_name=t.LOGOUT,
        location="sidebar",
        key="logout_button",
        callback=_on_logout,
    )
