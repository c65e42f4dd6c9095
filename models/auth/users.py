"""Users, roles and the permission check that every write function runs."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Field, Session, SQLModel, select

from models.auth.passwords import hash_password
from models.auth.sessions import SessionEnd, end_user_sessions
from models.auth.throttle import clear_counters
from models.core.cpr import guards_texts
from models.core.errors import DomainError
from models.core.time import utcnow


class Role(enum.StrEnum):
    admin = "admin"
    editor = "editor"
    viewer = "viewer"
    presenter = "presenter"


ROLE_LABELS: dict[Role, str] = {
    Role.admin: "Administrator",
    Role.editor: "Redaktør",
    Role.viewer: "Læser (styregruppe)",
    Role.presenter: "Præsentation (borgermøde)",
}

# Who may do what; every write function checks one of these on the server.
MANAGE_USERS = frozenset({Role.admin})
EDIT_PLAN = frozenset({Role.admin, Role.editor})
READ_INTERNAL = frozenset({Role.admin, Role.editor, Role.viewer})
PRESENT = frozenset({Role.admin, Role.editor, Role.viewer, Role.presenter})

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")


class PermissionDenied(PermissionError):
    """The acting user's role may not do this; the message is Danish."""


class UserError(DomainError):
    """A user command that cannot be carried out; the message is Danish."""


class User(SQLModel, table=True):
    """A person who may log in. Usernames are stored lower-case, so unique regardless of case."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True)
    display_name: str = Field(max_length=120)
    email: str | None = Field(default=None, max_length=254, unique=True)
    role: Role = Field(
        sa_column=sa.Column(
            sa.Enum(Role, name="user_role", native_enum=False, create_constraint=True, length=16),
            nullable=False,
        )
    )
    password_hash: str = Field(max_length=100)
    active: bool = True
    email_reminders: bool = Field(default=True, sa_column_kwargs={"server_default": sa.true()})
    """Weekly reminder e-mails (the user may opt out on their own page)."""
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_login_at: dt.datetime | None = None


@dataclass(frozen=True)
class Actor:
    """Who is acting. `system` is the command line run by the server's operator."""

    username: str
    role: Role
    system: bool = False

    @classmethod
    def command_line(cls) -> Actor:
        return cls(username="system", role=Role.admin, system=True)


def normalise_username(username: str) -> str:
    return username.strip().casefold()


def normalise_email(email: str | None) -> str | None:
    email = (email or "").strip().casefold()
    return email or None


def authorize(session: Session, actor: Actor, allowed: frozenset[Role]) -> None:
    """Raise PermissionDenied unless the actor is, right now in the database, active in a role
    that is allowed. The session's cached role is never trusted."""
    if actor.system:
        return
    user = get_user(session, actor.username)
    if user is None or not user.active or user.role not in allowed:
        raise PermissionDenied(
            f"Du har ikke adgang til at gøre dette (rolle: {ROLE_LABELS.get(actor.role, '?')})."
        )


def get_user(session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == normalise_username(username))).first()


def user_for_email(session: Session, email: str | None) -> User | None:
    """The active user with this e-mail address (single sign-on); None for unknown addresses."""
    email = normalise_email(email)
    if email is None:
        return None
    user = session.exec(select(User).where(User.email == email)).first()
    return user if user is not None and user.active else None


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.username)))


def count_users(session: Session) -> int:
    return session.exec(select(sa.func.count()).select_from(User)).one()


def _active_admins(session: Session) -> int:
    """Active admins, locking their rows (PostgreSQL) so two demotions cannot both pass."""
    rows = session.exec(
        select(User.id).where(User.role == Role.admin, User.active == sa.true()).with_for_update()
    ).all()
    return len(rows)


def _require_user(session: Session, username: str) -> User:
    user = get_user(session, username)
    if user is None:
        raise UserError(f"Brugeren '{normalise_username(username)}' findes ikke.")
    return user


@guards_texts(UserError)
def create_user(
    session: Session,
    *,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    email: str | None = None,
) -> User:
    """Add a user (admin only). Usernames are unique regardless of case."""
    authorize(session, actor, MANAGE_USERS)
    name = normalise_username(username)
    if not USERNAME_PATTERN.match(name):
        raise UserError(
            "Brugernavnet skal være 2–64 tegn: små bogstaver a–z, tal og . _ @ - "
            "(og begynde med et bogstav eller tal)."
        )
    if not display_name.strip():
        raise UserError("Navnet må ikke være tomt.")
    if get_user(session, name) is not None:
        raise UserError(f"Brugernavnet '{name}' er allerede i brug.")
    email = normalise_email(email)
    if email and session.exec(select(User).where(User.email == email)).first():
        raise UserError(f"E-mailadressen '{email}' er allerede i brug.")
    user = User(
        username=name,
        display_name=display_name.strip(),
        email=email,
        role=Role(role),
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    return user


def set_role(session: Session, *, actor: Actor, username: str, role: Role) -> User:
    """Change a user's role (admin only); the last active admin cannot be demoted.

    A real change ends the user's sessions: they log in again under the new role.
    """
    authorize(session, actor, MANAGE_USERS)
    user = _require_user(session, username)
    role = Role(role)
    demotes_admin = user.role == Role.admin and role != Role.admin and user.active
    if demotes_admin and _active_admins(session) <= 1:
        raise UserError("Den sidste aktive administrator kan ikke få en anden rolle.")
    if role != user.role:
        end_user_sessions(session, username=user.username, reason=SessionEnd.role_change)
    user.role = role
    session.add(user)
    return user


def reset_password(session: Session, *, actor: Actor, username: str, password: str) -> User:
    """Set a new password (admin only): ends the user's sessions and lifts their throttle."""
    authorize(session, actor, MANAGE_USERS)
    user = _require_user(session, username)
    user.password_hash = hash_password(password)
    session.add(user)
    end_user_sessions(session, username=user.username, reason=SessionEnd.password_reset)
    clear_counters(session, user.username)
    return user


def set_active(session: Session, *, actor: Actor, username: str, active: bool) -> User:
    """Deactivate or reactivate a user (admin only); the last active admin stays active."""
    authorize(session, actor, MANAGE_USERS)
    user = _require_user(session, username)
    if not active and user.role == Role.admin and user.active and _active_admins(session) <= 1:
        raise UserError("Den sidste aktive administrator kan ikke deaktiveres.")
    if not active:
        end_user_sessions(session, username=user.username, reason=SessionEnd.deactivated)
    user.active = active
    session.add(user)
    return user


def set_email_reminders(session: Session, *, actor: Actor, username: str, enabled: bool) -> User:
    """Switch a user's weekly reminder e-mails on or off: every user their own, admins anyone's.

    Both are checked again in the database: the actor must be active now, and changing someone
    else's setting needs the admin role now."""
    own = not actor.system and normalise_username(actor.username) == normalise_username(username)
    authorize(session, actor, PRESENT if own else MANAGE_USERS)
    user = _require_user(session, username)
    user.email_reminders = enabled
    session.add(user)
    return user
