"""Status reports as records (issue 16): the appendix's number and meeting, reconstructions,
and why a report was deleted.

- `snapshot.appendix_number`, `snapshot.meeting_on`: "Bilag 3 til mødet 12. maj 2027".
- `snapshot.reconstruction`: the report is dated earlier than the day it froze the data. A
  report already dated another day than its creation is marked as one: on PostgreSQL the
  creation's day in Danish time; on SQLite (no time zones) a date other than the creation's
  UTC day and the day after (Danish time is UTC+1 or +2, so that is the Danish day or a day
  more).
- `snapshot_event.reason`: why a report was deleted (NULL for the events before this).

Columns are added with plain `ALTER TABLE … ADD COLUMN` (no table is copied; runs offline).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACK_DATED = {
    "postgresql": "taken_on <> CAST(created_at AT TIME ZONE 'Europe/Copenhagen' AS DATE)",
    "sqlite": "taken_on NOT IN (date(created_at), date(created_at, '+1 day'))",
}


def upgrade() -> None:
    op.add_column("snapshot", sa.Column("appendix_number", sa.Integer(), nullable=True))
    op.add_column("snapshot", sa.Column("meeting_on", sa.Date(), nullable=True))
    op.add_column(
        "snapshot",
        sa.Column("reconstruction", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column("snapshot_event", sa.Column("reason", sa.String(length=500), nullable=True))
    back_dated = BACK_DATED[op.get_context().dialect.name]
    op.execute(f"UPDATE snapshot SET reconstruction = {_true()} WHERE {back_dated}")  # noqa: S608


def _true() -> str:
    return "true" if op.get_context().dialect.name == "postgresql" else "1"


def downgrade() -> None:
    with op.batch_alter_table("snapshot_event") as batch_op:
        batch_op.drop_column("reason")
    with op.batch_alter_table("snapshot") as batch_op:
        batch_op.drop_column("reconstruction")
        batch_op.drop_column("meeting_on")
        batch_op.drop_column("appendix_number")
