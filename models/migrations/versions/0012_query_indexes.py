"""Indexes for the filters the pages use (issue 19, part 3).

- action_change (changed_at, id): the change log's period and its newest-first order (replaces
  the index on changed_at alone, which it covers);
- action_change (action_id, changed_at, id): an action's history, newest first (replaces the
  index on action_id alone);
- action_change (username): the change log's user filter and its list of authors;
- missing_step (due_on), (done_on): the restoration report's overdue list and open steps;
- restoration_case (track_code, restored_on): the report's burn-up (replaces the index on
  track_code alone, which it covers).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_action_change_changed_at_id", "action_change", ["changed_at", "id"])
    op.drop_index("ix_action_change_changed_at", table_name="action_change")
    op.create_index(
        "ix_action_change_action_id_changed_at_id",
        "action_change",
        ["action_id", "changed_at", "id"],
    )
    op.drop_index("ix_action_change_action_id", table_name="action_change")
    op.create_index("ix_action_change_username", "action_change", ["username"])
    op.create_index("ix_missing_step_due_on", "missing_step", ["due_on"])
    op.create_index("ix_missing_step_done_on", "missing_step", ["done_on"])
    op.create_index(
        "ix_restoration_case_track_code_restored_on",
        "restoration_case",
        ["track_code", "restored_on"],
    )
    op.drop_index("ix_restoration_case_track_code", table_name="restoration_case")


def downgrade() -> None:
    op.create_index("ix_restoration_case_track_code", "restoration_case", ["track_code"])
    op.drop_index("ix_restoration_case_track_code_restored_on", table_name="restoration_case")
    op.drop_index("ix_missing_step_done_on", table_name="missing_step")
    op.drop_index("ix_missing_step_due_on", table_name="missing_step")
    op.drop_index("ix_action_change_username", table_name="action_change")
    op.create_index("ix_action_change_action_id", "action_change", ["action_id"])
    op.drop_index("ix_action_change_action_id_changed_at_id", table_name="action_change")
    op.create_index("ix_action_change_changed_at", "action_change", ["changed_at"])
    op.drop_index("ix_action_change_changed_at_id", table_name="action_change")
