"""Password login with brute-force protection, and the audit of every login event.

`attempt_login` checks a password under the throttle of `models.auth.throttle` (by username
and by client address, with exponential back-off; see there). Unknown usernames are
throttled and timed the same way, so the answers do not reveal which usernames exist. Every
attempt, lock, unlock, logout and refused cookie is written to `login_event`, never a
password.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Field, Session, SQLModel, select

from models.auth import throttle
from models.auth.passwords import dummy_hash, verify_password
from models.auth.users import (
    MANAGE_USERS,
    Actor,
    Role,
    User,
    UserError,
    authorize,
    get_user,
    normalise_username,
    user_for_email,
)
from models.core.applog import log_event
from models.core.time import utcnow


class LoginOutcome(enum.StrEnum):
    success = "success"
    failure = "failure"
    locked = "locked"  # this failure locked the username
    refused_locked = "refused_locked"  # an attempt while locked; the password was not checked
    logout = "logout"
    sso_success = "sso_success"
    sso_unknown = "sso_unknown"
    unlocked = "unlocked"  # an admin lifted the throttle (`actor` says who)
    cookie_refused = "cookie_refused"  # a login cookie that is forged, expired or ended


class LoginEvent(SQLModel, table=True):
    """One login-related event. Never holds a password."""

    __tablename__ = "login_event"

    id: int | None = Field(default=None, primary_key=True)
    occurred_at: dt.datetime = Field(default_factory=utcnow, index=True)
    username: str = Field(max_length=254, index=True)
    outcome: LoginOutcome = Field(
        sa_column=sa.Column(
            sa.Enum(
                LoginOutcome,
                name="login_outcome",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        )
    )
    client: str | None = Field(default=None, max_length=throttle.CLIENT_MAX_LENGTH)
    """The client's address as the server saw it."""
    actor: str | None = Field(default=None, max_length=64)
    """Who did it, where that is not the user (an admin's unlock)."""


@dataclass(frozen=True)
class LoginResult:
    outcome: LoginOutcome
    username: str
    display_name: str = ""
    role: Role | None = None
    blocked_until: dt.datetime | None = None
    now: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == LoginOutcome.success

    @property
    def message(self) -> str:
        """What the login form tells the person, in Danish."""
        if self.outcome == LoginOutcome.success:
            return ""
        if self.blocked_until is not None:
            seconds = (self.blocked_until - (self.now or utcnow())).total_seconds()
            minutes = max(1, -(-int(seconds) // 60))
            return (
                "For mange forkerte forsøg med dette brugernavn. "
                f"Prøv igen om ca. {minutes} min., eller bed en administrator om at låse op."
            )
        return "Forkert brugernavn eller adgangskode."


def _record(
    session: Session,
    username: str,
    outcome: LoginOutcome,
    now: dt.datetime,
    *,
    client: str | None = None,
    actor: str | None = None,
) -> None:
    session.add(
        LoginEvent(
            username=username[:254], outcome=outcome, occurred_at=now, client=client, actor=actor
        )
    )
    log_event("login", user=username[:254], outcome=outcome.value, client=client)


def is_known_address(session: Session, username: str, client: str, now: dt.datetime) -> bool:
    """Has the user logged in successfully from this address within the last 90 days?"""
    since = now - dt.timedelta(days=throttle.KNOWN_ADDRESS_DAYS)
    return (
        session.exec(
            select(LoginEvent.id)
            .where(
                LoginEvent.username == username,
                LoginEvent.outcome == LoginOutcome.success,
                LoginEvent.client == client,
                LoginEvent.occurred_at > since,
            )
            .limit(1)
        ).first()
        is not None
    )


def attempt_login(
    session: Session,
    *,
    username: str,
    password: str,
    client: str | None = None,
    now: dt.datetime | None = None,
) -> LoginResult:
    """Check a password login under the throttle and audit the attempt.

    Call it in a write transaction (`session_scope(write=True)`): the throttle's rows stay
    locked until the caller commits, so parallel attempts are counted one after another.
    """
    now = now or utcnow()
    name = normalise_username(username)
    address = throttle.client_label(client)
    counters = throttle.lock_counters(session, name, address)
    known = is_known_address(session, name, address, now)
    until = throttle.blocked_until(counters, known_address=known, now=now)
    if until is not None:
        _record(session, name, LoginOutcome.refused_locked, now, client=address)
        return LoginResult(LoginOutcome.refused_locked, name, blocked_until=until, now=now)
    user = get_user(session, name)
    # An unknown username is checked against a dummy hash, so answers take the same time.
    valid = verify_password(password, user.password_hash if user else dummy_hash())
    if user is not None and user.active and valid:
        throttle.register_success(counters)
        user.last_login_at = now
        session.add(user)
        _record(session, name, LoginOutcome.success, now, client=address)
        return LoginResult(LoginOutcome.success, name, user.display_name, user.role, now=now)
    throttle.register_failure(counters, now)
    until = throttle.blocked_until(counters, known_address=known, now=now)
    if until is not None:  # this failure started a back-off for this address
        _record(session, name, LoginOutcome.locked, now, client=address)
        return LoginResult(LoginOutcome.locked, name, blocked_until=until, now=now)
    _record(session, name, LoginOutcome.failure, now, client=address)
    return LoginResult(LoginOutcome.failure, name, now=now)


def unlock(session: Session, *, actor: Actor, username: str, now: dt.datetime | None = None) -> int:
    """Lift every throttle on `username` (admin only, audited); returns how many were set."""
    authorize(session, actor, MANAGE_USERS)
    name = normalise_username(username)
    if get_user(session, name) is None:
        raise UserError(f"Brugeren '{name}' findes ikke.")
    cleared = throttle.clear_counters(session, name)
    _record(session, name, LoginOutcome.unlocked, now or utcnow(), actor=actor.username)
    return cleared


def record_cookie_refused(
    session: Session, *, client: str | None = None, now: dt.datetime | None = None
) -> None:
    """Audit a login cookie that did not log in (its content is not trusted, so not kept)."""
    address = throttle.client_label(client)
    _record(session, "-", LoginOutcome.cookie_refused, now or utcnow(), client=address)


def record_logout(
    session: Session, *, username: str, client: str | None = None, now: dt.datetime | None = None
) -> None:
    _record(
        session,
        normalise_username(username),
        LoginOutcome.logout,
        now or utcnow(),
        client=throttle.client_label(client),
    )


def sso_login(
    session: Session, *, email: str | None, now: dt.datetime | None = None
) -> User | None:
    """Map a single-sign-on e-mail to an active user (audited); unknown e-mails get no access."""
    now = now or utcnow()
    user = user_for_email(session, email)
    if user is None:
        _record(session, (email or "").strip().casefold() or "?", LoginOutcome.sso_unknown, now)
        return None
    user.last_login_at = now
    session.add(user)
    _record(session, user.username, LoginOutcome.sso_success, now)
    return user


def login_events(session: Session, *, limit: int = 200) -> list[LoginEvent]:
    return list(session.exec(select(LoginEvent).order_by(LoginEvent.id.desc()).limit(limit)))  # type: ignore[union-attr]
