"""Password login with brute-force protection, and the audit of every login event.

After 5 failed logins for one username within 15 minutes, that username is refused for 15
minutes, even with the right password; then it unlocks by itself. Unknown usernames are
throttled the same way, so the answers do not reveal which usernames exist.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Field, Session, SQLModel, select

from models.auth.passwords import dummy_hash, verify_password
from models.auth.users import Role, User, get_user, normalise_username, user_for_email
from models.core.time import utcnow

MAX_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
LOCK_DURATION = dt.timedelta(minutes=15)


class LoginOutcome(enum.StrEnum):
    success = "success"
    failure = "failure"
    locked = "locked"  # this failure locked the username
    refused_locked = "refused_locked"  # an attempt while locked; the password was not checked
    logout = "logout"
    sso_success = "sso_success"
    sso_unknown = "sso_unknown"


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


@dataclass(frozen=True)
class LoginResult:
    outcome: LoginOutcome
    username: str
    display_name: str = ""
    role: Role | None = None
    locked_until: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == LoginOutcome.success

    @property
    def message(self) -> str:
        """What the login form tells the person, in Danish."""
        if self.outcome == LoginOutcome.success:
            return ""
        if self.locked_until is not None:
            minutes = max(1, -(-int((self.locked_until - utcnow()).total_seconds()) // 60))
            return (
                "For mange forkerte forsøg. Brugernavnet er spærret i 15 minutter "
                f"(prøv igen om ca. {minutes} min.)."
            )
        return "Forkert brugernavn eller adgangskode."


def _record(session: Session, username: str, outcome: LoginOutcome, now: dt.datetime) -> None:
    session.add(LoginEvent(username=username[:254], outcome=outcome, occurred_at=now))


def locked_until(session: Session, username: str, now: dt.datetime) -> dt.datetime | None:
    """When the username's current lock ends, or None if it is not locked."""
    last_lock = session.exec(
        select(sa.func.max(LoginEvent.occurred_at)).where(
            LoginEvent.username == username, LoginEvent.outcome == LoginOutcome.locked
        )
    ).one()
    if last_lock is not None and now < last_lock + LOCK_DURATION:
        return last_lock + LOCK_DURATION
    return None


def _recent_failures(session: Session, username: str, now: dt.datetime) -> int:
    """Failures inside the window, counting only those after the last success or lock."""
    last_reset = session.exec(
        select(sa.func.max(LoginEvent.occurred_at)).where(
            LoginEvent.username == username,
            LoginEvent.outcome.in_([LoginOutcome.success, LoginOutcome.locked]),  # type: ignore[union-attr]
        )
    ).one()
    since = now - FAILURE_WINDOW
    if last_reset is not None and last_reset > since:
        since = last_reset
    return session.exec(
        select(sa.func.count())
        .select_from(LoginEvent)
        .where(
            LoginEvent.username == username,
            LoginEvent.outcome.in_([LoginOutcome.failure, LoginOutcome.locked]),  # type: ignore[union-attr]
            LoginEvent.occurred_at > since,
        )
    ).one()


def attempt_login(
    session: Session, *, username: str, password: str, now: dt.datetime | None = None
) -> LoginResult:
    """Check a password login, apply the lock-out rule and audit the attempt."""
    now = now or utcnow()
    name = normalise_username(username)
    until = locked_until(session, name, now)
    if until is not None:
        _record(session, name, LoginOutcome.refused_locked, now)
        return LoginResult(LoginOutcome.refused_locked, name, locked_until=until)
    user = get_user(session, name)
    # An unknown username is checked against a dummy hash, so answers take the same time.
    valid = verify_password(password, user.password_hash if user else dummy_hash())
    if user is not None and user.active and valid:
        user.last_login_at = now
        session.add(user)
        _record(session, name, LoginOutcome.success, now)
        return LoginResult(LoginOutcome.success, name, user.display_name, user.role)
    if _recent_failures(session, name, now) + 1 >= MAX_FAILURES:
        _record(session, name, LoginOutcome.locked, now)
        return LoginResult(LoginOutcome.locked, name, locked_until=now + LOCK_DURATION)
    _record(session, name, LoginOutcome.failure, now)
    return LoginResult(LoginOutcome.failure, name)


def record_logout(session: Session, *, username: str, now: dt.datetime | None = None) -> None:
    _record(session, normalise_username(username), LoginOutcome.logout, now or utcnow())


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
