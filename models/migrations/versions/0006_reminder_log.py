"""The reminder log: one row per reminder e-mail sent (issue 15: e-mail reminders).

- `reminder_log`: to whom (username and address), what kind (`owner` or `summary`), when
  (`sent_at`, and the municipality's `local_day`) and how many actions it listed; never the
  e-mail's body. Unique per username, kind and day: nothing is sent twice on one day.

A new table only: nothing existing is touched, and no table is copied on SQLite.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reminder_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "owner",
                "summary",
                name="reminder_kind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("action_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username", "kind", "local_day", name="uq_reminder_log_once_a_day"),
    )
    op.create_index("ix_reminder_log_sent_at", "reminder_log", ["sent_at"])


def downgrade() -> None:
    op.drop_index("ix_reminder_log_sent_at", table_name="reminder_log")
    op.drop_table("reminder_log")
