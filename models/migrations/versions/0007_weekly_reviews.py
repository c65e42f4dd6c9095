"""The steering group's weekly review (issue 15): `weekly_review` and `review_item`.

- `weekly_review`: the date, who started it and when, where "since the last review" starts
  and which review it follows, the headline figures when it started (JSON), the attendees,
  when and by whom it was saved. `in_progress` is true while the review is open and NULL once
  it is saved; its unique constraint allows one open review at a time (NULLs never clash).
- `review_item`: one action in one agenda section, in order, with its status when the review
  started, why it is on the agenda, and whether it was discussed (*drøftet*), the decision,
  by whom and when. Deleting a review deletes its items.

Two new tables only: nothing existing is copied or changed, on SQLite or PostgreSQL.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "weekly_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.String(length=64), nullable=False),
        sa.Column("changes_since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("previous_review_id", sa.Integer(), nullable=True),
        sa.Column("figures", sa.JSON(), nullable=True),
        sa.Column("attendees", sa.String(length=1000), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("in_progress", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["previous_review_id"],
            ["weekly_review.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("in_progress", name="uq_weekly_review_in_progress"),
    )
    op.create_table(
        "review_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "section",
            sa.Enum(
                "new_obs",
                "overdue",
                "due_soon",
                "unconfirmed",
                "changed",
                name="review_section",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("action_code", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.String(), nullable=False),
        sa.Column("discussed", sa.Boolean(), nullable=False),
        sa.Column("decision", sa.String(length=2000), nullable=False),
        sa.Column("discussed_by", sa.String(length=64), nullable=True),
        sa.Column("discussed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
        ),
        sa.ForeignKeyConstraint(["review_id"], ["weekly_review.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_review_item_action_id", "review_item", ["action_id"])
    op.create_index("ix_review_item_review_id", "review_item", ["review_id"])


def downgrade() -> None:
    op.drop_index("ix_review_item_review_id", table_name="review_item")
    op.drop_index("ix_review_item_action_id", table_name="review_item")
    op.drop_table("review_item")
    op.drop_table("weekly_review")
