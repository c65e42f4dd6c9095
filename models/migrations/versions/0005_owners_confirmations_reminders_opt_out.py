"""Owners of actions and tracks, "status unchanged" confirmations, and the users' opt-out of
reminder e-mails (issue 15: keep the statuses fresh).

- `action.owner`, `track.owner`: a user (by username) who keeps it up to date; beside the
  free-text `responsible`, which stays for external parties.
- `action.confirmed_at` / `confirmed_by`: the last confirmation that nothing changed.
- `user.email_reminders`: on for every existing user.

On SQLite, the owner columns (with their foreign key) are added with plain `ALTER TABLE … ADD
COLUMN`, so no table is copied and the migration also runs offline (`--sql`).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _add_owner(table: str) -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute(f'ALTER TABLE {table} ADD COLUMN owner VARCHAR(64) REFERENCES "user" (username)')
    else:
        op.add_column(table, sa.Column("owner", sa.String(length=64), nullable=True))
        op.create_foreign_key(None, table, "user", ["owner"], ["username"])


def upgrade() -> None:
    _add_owner("action")
    op.create_index("ix_action_owner", "action", ["owner"])
    op.add_column("action", sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("action", sa.Column("confirmed_by", sa.String(length=64), nullable=True))
    _add_owner("track")
    op.add_column(
        "user",
        sa.Column("email_reminders", sa.Boolean(), server_default=sa.true(), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("user") as batch_op:
        batch_op.drop_column("email_reminders")
    with op.batch_alter_table("track") as batch_op:
        batch_op.drop_column("owner")
    op.drop_index("ix_action_owner", table_name="action")
    with op.batch_alter_table("action") as batch_op:
        batch_op.drop_column("confirmed_by")
        batch_op.drop_column("confirmed_at")
        batch_op.drop_column("owner")
