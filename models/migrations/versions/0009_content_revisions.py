"""Content revisions (issue 17): a counter per content area that every write to it raises, so
that every instance's caches see plan texts from a re-seed, key messages and reports change.

The rows of the three areas are made here, so that writers only ever UPDATE them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AREAS = ("plan", "key_messages", "reports")


def upgrade() -> None:
    table = op.create_table(
        "content_revision",
        sa.Column("area", sa.String(length=32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("area"),
    )
    now = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)  # fixed: offline SQL must be reproducible
    op.bulk_insert(table, [{"area": area, "revision": 0, "changed_at": now} for area in AREAS])


def downgrade() -> None:
    op.drop_table("content_revision")
