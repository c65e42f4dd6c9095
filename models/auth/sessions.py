"""Server-side login sessions: what a login cookie stands for, and everything that ends it.

A password login opens a `login_session` row. The browser's cookie is a JWT signed with the
cookie key (HS256 only) whose `sid` claim names that row; the row, not the signature, decides
whether the cookie still logs in. Logging out ends the session; a new password, a new role or
deactivation ends every session of the user. A copied cookie is therefore useless once its
session has ended, even before it expires.

The session id is stored only as a SHA-256 hash, so a copy of the database cannot be turned
into cookies. The cookie is set by the server (`components.login_routes`: HttpOnly,
SameSite=Strict, Secure over HTTPS): the login hands the browser a one-time code that is
valid for two minutes and is exchanged for the cookie once.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import secrets
from dataclasses import dataclass

import jwt
import sqlalchemy as sa
from sqlmodel import Field, Session, SQLModel, select

from models.auth.signing_key import resolve_cookie_key
from models.core.settings import get_settings
from models.core.time import utcnow

HANDOFF_LIFETIME = dt.timedelta(minutes=2)
KEEP_ENDED = dt.timedelta(days=30)
"""Ended and expired sessions are removed this long after they ended."""
ALGORITHM = "HS256"


class SessionEnd(enum.StrEnum):
    logout = "logout"
    password_reset = "password_reset"  # noqa: S105 (a reason, not a password)
    role_change = "role_change"
    deactivated = "deactivated"


class LoginSession(SQLModel, table=True):
    """One password login, from the form until it expires or something ends it."""

    __tablename__ = "login_session"

    id: int | None = Field(default=None, primary_key=True)
    sid_hash: str | None = Field(default=None, max_length=64, unique=True)
    """SHA-256 of the secret in the cookie; set when the browser gets its cookie."""
    username: str = Field(max_length=254, index=True)
    client: str | None = Field(default=None, max_length=64)
    created_at: dt.datetime = Field(default_factory=utcnow)
    expires_at: dt.datetime = Field(index=True)
    ended_at: dt.datetime | None = None
    end_reason: SessionEnd | None = Field(
        default=None,
        sa_column=sa.Column(
            sa.Enum(
                SessionEnd,
                name="session_end",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=True,
        ),
    )
    handoff_hash: str | None = Field(default=None, max_length=64, unique=True)
    handoff_expires_at: dt.datetime | None = None


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class OpenedSession:
    id: int
    """The row's id: the running app keeps it in server memory, never in the browser."""
    handoff_code: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class IssuedCookie:
    token: str
    expires_at: dt.datetime


def open_session(
    session: Session, *, username: str, client: str | None = None, now: dt.datetime | None = None
) -> OpenedSession:
    """Start a session for a user who has just logged in with the right password."""
    now = now or utcnow()
    session.exec(  # type: ignore[call-overload]
        sa.delete(LoginSession).where(LoginSession.expires_at < now - KEEP_ENDED)  # type: ignore[arg-type]
    )
    code = secrets.token_urlsafe(32)
    row = LoginSession(
        username=username,
        client=client,
        created_at=now,
        expires_at=now + dt.timedelta(days=get_settings().cookie_expiry_days),
        handoff_hash=_digest(code),
        handoff_expires_at=now + HANDOFF_LIFETIME,
    )
    session.add(row)
    session.flush()
    return OpenedSession(id=row.id, handoff_code=code, expires_at=row.expires_at)  # type: ignore[arg-type]


def _is_live(row: LoginSession | None, now: dt.datetime) -> bool:
    return row is not None and row.ended_at is None and now < row.expires_at


def redeem_handoff(
    session: Session, *, code: str, now: dt.datetime | None = None
) -> IssuedCookie | None:
    """Exchange a login's one-time code for its signed cookie: once, within two minutes.

    The cookie's secret session id is made here and only its hash is kept.
    """
    now = now or utcnow()
    row = session.exec(
        select(LoginSession).where(LoginSession.handoff_hash == _digest(code)).with_for_update()
    ).first()
    if row is None:
        return None
    in_time = row.handoff_expires_at is not None and now <= row.handoff_expires_at
    row.handoff_hash, row.handoff_expires_at = None, None
    session.add(row)
    if not in_time or not _is_live(row, now):
        return None
    sid = secrets.token_urlsafe(32)
    row.sid_hash = _digest(sid)
    claims = {"sid": sid, "sub": row.username, "iat": now, "exp": row.expires_at}
    return IssuedCookie(jwt.encode(claims, resolve_cookie_key(), ALGORITHM), row.expires_at)


def handoff_pending(session: Session, *, session_id: int, now: dt.datetime | None = None) -> bool:
    """True while the browser has yet to exchange this session's one-time code."""
    now = now or utcnow()
    row = session.get(LoginSession, session_id)
    return bool(row and row.handoff_expires_at is not None and now <= row.handoff_expires_at)


def live_session(
    session: Session, *, session_id: int, now: dt.datetime | None = None
) -> LoginSession | None:
    """The session with this id if it has neither ended nor expired."""
    row = session.get(LoginSession, session_id)
    return row if _is_live(row, now or utcnow()) else None


def session_for_cookie(
    session: Session, token: str, *, now: dt.datetime | None = None
) -> LoginSession | None:
    """The live session a cookie stands for, or None.

    Refused alike: a cookie signed with another key, a changed payload, `alg: none` or any
    algorithm but HS256, a missing claim, an expired token, an ended or unknown session.
    """
    now = now or utcnow()
    try:
        claims = jwt.decode(
            token,
            resolve_cookie_key(),
            algorithms=[ALGORITHM],
            # The expiry is checked below against `now` (which tests set), not the clock.
            options={"require": ["sid", "sub", "exp"], "verify_exp": False},
        )
    except jwt.InvalidTokenError:
        return None
    sid, expires = claims.get("sid"), claims.get("exp")
    if not isinstance(sid, str) or not sid or not isinstance(expires, int | float):
        return None
    if now.timestamp() >= expires:
        return None
    row = session.exec(select(LoginSession).where(LoginSession.sid_hash == _digest(sid))).first()
    if not _is_live(row, now) or row.username != claims.get("sub"):  # type: ignore[union-attr]
        return None
    return row


def end_session(
    session: Session,
    *,
    session_id: int,
    reason: SessionEnd = SessionEnd.logout,
    now: dt.datetime | None = None,
) -> str | None:
    """End one session (logout); returns its username, or None if it had already ended."""
    row = session.get(LoginSession, session_id, with_for_update=True)
    if row is None or row.ended_at is not None:
        return None
    row.ended_at, row.end_reason = now or utcnow(), reason
    session.add(row)
    return row.username


def end_user_sessions(
    session: Session, *, username: str, reason: SessionEnd, now: dt.datetime | None = None
) -> int:
    """End every open session of `username`; returns how many were ended."""
    result = session.exec(  # type: ignore[call-overload]
        sa.update(LoginSession)
        .where(LoginSession.username == username, LoginSession.ended_at.is_(None))  # type: ignore[union-attr]
        .values(ended_at=now or utcnow(), end_reason=reason)
    )
    return result.rowcount or 0
