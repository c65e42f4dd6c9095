"""Action kinds (deadline, recurring, ongoing) with a rhythm, plan decisions that move
deadlines, the plan's deadline kept in frozen reports, and reports marked as presented
(issue 14: tell the truth at today's date).

- `plan_decision`: a decision (date, body, reference, text, optionally a new restoration
  target); `action.revised_decision_id` and `action_change.decision_id` point at it.
- `action.kind` / `action.rhythm`, and the same on `snapshot_action`; existing rows become
  `deadline` through the server default. The kinds the plan's words give are set by seeding
  (`init-db` or the app's start), not here.
- `snapshot_action.plan_deadline`, `snapshot.presented_on`.

On SQLite, columns with a foreign key or a CHECK are added with plain `ALTER TABLE … ADD
COLUMN` (SQLite accepts both there), so that no table is copied and the migration also runs
offline (`--sql`).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = ("deadline", "recurring", "ongoing")
KIND_CHECK = "kind IN ('deadline', 'recurring', 'ongoing')"


def _sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"


def _add_reference(table: str, column: str) -> None:
    """A nullable integer column referring to plan_decision.id."""
    if _sqlite():
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER REFERENCES plan_decision (id)")
    else:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_foreign_key(None, table, "plan_decision", [column], ["id"])


def upgrade() -> None:
    op.create_table(
        "plan_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("body", sa.String(length=120), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("restoration_deadline", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    if _sqlite():
        op.execute(
            "ALTER TABLE action ADD COLUMN kind VARCHAR(16) DEFAULT 'deadline' NOT NULL "
            f"CONSTRAINT action_kind CHECK ({KIND_CHECK})"
        )
    else:
        op.add_column(
            "action",
            sa.Column("kind", sa.String(length=16), server_default="deadline", nullable=False),
        )
        op.create_check_constraint("action_kind", "action", KIND_CHECK)
    op.add_column("action", sa.Column("rhythm", sa.String(length=8), nullable=True))
    _add_reference("action", "revised_decision_id")
    _add_reference("action_change", "decision_id")
    op.create_index("ix_action_change_decision_id", "action_change", ["decision_id"])
    op.add_column("snapshot", sa.Column("presented_on", sa.Date(), nullable=True))
    op.add_column(
        "snapshot_action",
        sa.Column("kind", sa.String(length=16), server_default="deadline", nullable=False),
    )
    op.add_column("snapshot_action", sa.Column("rhythm", sa.String(length=8), nullable=True))
    op.add_column("snapshot_action", sa.Column("plan_deadline", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("snapshot_action") as batch_op:
        batch_op.drop_column("plan_deadline")
        batch_op.drop_column("rhythm")
        batch_op.drop_column("kind")
    with op.batch_alter_table("snapshot") as batch_op:
        batch_op.drop_column("presented_on")
    op.drop_index("ix_action_change_decision_id", table_name="action_change")
    with op.batch_alter_table("action_change") as batch_op:
        batch_op.drop_column("decision_id")
    with op.batch_alter_table("action") as batch_op:
        if not _sqlite():
            batch_op.drop_constraint("action_kind", type_="check")
        batch_op.drop_column("revised_decision_id")
        batch_op.drop_column("rhythm")
        batch_op.drop_column("kind")
    op.drop_table("plan_decision")
