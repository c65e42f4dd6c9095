"""Server-side login sessions, the login throttle by username and address, and the address
and acting admin on login events (issue 13: sessions that can end, a lock-out that an
attacker cannot use against you).

- `login_session`: one row per password login; the cookie names it, ending it ends the cookie.
- `login_throttle`: failures in a row per username and per (username, address).
- `login_event`: new columns `client` and `actor`; two new outcomes (`unlocked`,
  `cookie_refused`), so its CHECK constraint is re-created with them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_OUTCOMES = (
    "success",
    "failure",
    "locked",
    "refused_locked",
    "logout",
    "sso_success",
    "sso_unknown",
)
NEW_OUTCOMES = (*OLD_OUTCOMES, "unlocked", "cookie_refused")
SESSION_ENDS = ("logout", "password_reset", "role_change", "deactivated")


def _enum(values: tuple[str, ...], name: str, length: int) -> sa.Enum:
    """A VARCHAR with a CHECK constraint named `name` (never a native enum type)."""
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=length)


def _timestamp() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _login_event(outcomes: tuple[str, ...]) -> sa.Table:
    """login_event as this revision leaves it, with these outcomes (batch mode copies from it,
    so that it needs no reflection and also runs offline, `--sql`)."""
    return sa.Table(
        "login_event",
        sa.MetaData(),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("occurred_at", _timestamp(), nullable=False),
        sa.Column("username", sa.String(length=254), nullable=False),
        sa.Column("outcome", _enum(outcomes, "login_outcome", 16), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=True),
        sa.Index("ix_login_event_occurred_at", "occurred_at"),
        sa.Index("ix_login_event_username", "username"),
    )


def _outcomes(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    """Re-create login_event's CHECK constraint on `outcome` with the `new` values."""
    with op.batch_alter_table("login_event", copy_from=_login_event(old)) as batch_op:
        batch_op.alter_column(
            "outcome",
            existing_type=_enum(old, "login_outcome", 16),
            type_=_enum(new, "login_outcome", 16),
            existing_nullable=False,
        )


def upgrade() -> None:
    op.create_table(
        "login_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sid_hash", sa.String(length=64), nullable=True),
        sa.Column("username", sa.String(length=254), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=True),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("expires_at", _timestamp(), nullable=False),
        sa.Column("ended_at", _timestamp(), nullable=True),
        sa.Column("end_reason", _enum(SESSION_ENDS, "session_end", 16), nullable=True),
        sa.Column("handoff_hash", sa.String(length=64), nullable=True),
        sa.Column("handoff_expires_at", _timestamp(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("handoff_hash"),
        sa.UniqueConstraint("sid_hash"),
    )
    op.create_index("ix_login_session_expires_at", "login_session", ["expires_at"])
    op.create_index("ix_login_session_username", "login_session", ["username"])
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=330), nullable=False),
        sa.Column("username", sa.String(length=254), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", _timestamp(), nullable=True),
        sa.Column("blocked_until", _timestamp(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_login_throttle_username", "login_throttle", ["username"])
    op.add_column("login_event", sa.Column("client", sa.String(length=64), nullable=True))
    op.add_column("login_event", sa.Column("actor", sa.String(length=64), nullable=True))
    _outcomes(OLD_OUTCOMES, NEW_OUTCOMES)


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM login_event WHERE outcome IN ('unlocked', 'cookie_refused')"))
    _outcomes(NEW_OUTCOMES, OLD_OUTCOMES)
    with op.batch_alter_table("login_event", copy_from=_login_event(OLD_OUTCOMES)) as batch_op:
        batch_op.drop_column("actor")
        batch_op.drop_column("client")
    op.drop_index("ix_login_throttle_username", table_name="login_throttle")
    op.drop_table("login_throttle")
    op.drop_index("ix_login_session_username", table_name="login_session")
    op.drop_index("ix_login_session_expires_at", table_name="login_session")
    op.drop_table("login_session")
