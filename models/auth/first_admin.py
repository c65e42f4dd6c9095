"""First run: a one-time code, printed on the server, lets one person create the first admin."""

from __future__ import annotations

import datetime as dt
import hmac
import secrets

from sqlmodel import Field, Session, SQLModel, select

from models.auth.users import Actor, Role, User, count_users, create_user
from models.core.cpr import guards_texts
from models.core.errors import DomainError
from models.core.time import utcnow

SETUP_CODE_BYTES = 9  # 12 URL-safe characters


class SetupError(DomainError):
    """The first admin cannot be created; the message is Danish."""


class SetupCode(SQLModel, table=True):
    """The one-time code; exists only while there are no users."""

    __tablename__ = "setup_code"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64)
    created_at: dt.datetime = Field(default_factory=utcnow)


def needs_setup(session: Session) -> bool:
    """True while nobody can log in: there are no users yet."""
    return count_users(session) == 0


def get_or_create_setup_code(session: Session) -> str | None:
    """The current setup code (made on first call); None once users exist."""
    if not needs_setup(session):
        return None
    row = session.exec(select(SetupCode)).first()
    if row is None:
        row = SetupCode(code=secrets.token_urlsafe(SETUP_CODE_BYTES))
        session.add(row)
        session.flush()
    return row.code


@guards_texts(SetupError)
def create_first_admin(
    session: Session,
    *,
    setup_code: str,
    username: str,
    display_name: str,
    password: str,
    email: str | None = None,
) -> User:
    """Create the first admin if the setup code is right; the code is then used up."""
    if not needs_setup(session):
        raise SetupError("Der findes allerede brugere. Log ind i stedet.")
    row = session.exec(select(SetupCode).with_for_update()).first()
    if row is None or not hmac.compare_digest(row.code.encode(), setup_code.strip().encode()):
        raise SetupError(
            "Opsætningskoden er forkert. Se serverens log eller kør `python manage.py setup-code`."
        )
    user = create_user(
        session,
        actor=Actor.command_line(),
        username=username,
        display_name=display_name,
        role=Role.admin,
        password=password,
        email=email,
    )
    session.delete(row)
    return user
