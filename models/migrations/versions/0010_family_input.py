"""Input from families (issue 18): meetings, input items, their links to the plan, the audit.

- `family_meeting`: a family-panel meeting or a citizen meeting (date, kind, title), its
  participants and registered (each NULL unless known), the questions at the tables (JSON),
  the source and seed key of a seeded meeting, a version.
- `family_input`: one item as the municipality summarises it, its panel theme's key, the
  number of the question it answered, the response status (CHECK: the four Danish labels),
  the response text, an internal remark, the source and seed key of a seeded item, a
  version. Deleting a meeting deletes its items.
- `family_input_link`: an item answered by one track or one action (one of the two set).
- `family_change`: one audited change of one field of a meeting or an item.
- `content_revision`: the row of the new area `families`, so writers only ever UPDATE it.

Four new tables and one row: nothing existing is copied or changed, on SQLite or PostgreSQL.
The seeded meeting of 7 October 2025 and its items are loaded by the start-up's seeding
(`models.families.seed`), not here.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "family_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "Familiepanel",
                "Borgermøde",
                name="meeting_kind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.Column("registered", sa.Integer(), nullable=True),
        sa.Column("questions", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("seed_key", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("seed_key"),
    )
    with op.batch_alter_table("family_meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_family_meeting_held_on"), ["held_on"], unique=False)

    op.create_table(
        "family_input",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("theme", sa.String(length=32), nullable=True),
        sa.Column("question", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "Modtaget",
                "Under behandling",
                "Besvaret med handling",
                "Ikke muligt – begrundet",
                name="response_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("response", sa.String(length=2000), nullable=False),
        sa.Column("internal_note", sa.String(length=2000), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("seed_key", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["family_meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "seed_key"),
    )
    with op.batch_alter_table("family_input", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_family_input_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "family_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("input_id", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("old_value", sa.String(), nullable=True),
        sa.Column("new_value", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["input_id"],
            ["family_input.id"],
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["family_meeting.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("family_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_family_change_changed_at"), ["changed_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_family_change_input_id"), ["input_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_family_change_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "family_input_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("input_id", sa.Integer(), nullable=False),
        sa.Column("track_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
        ),
        sa.ForeignKeyConstraint(["input_id"], ["family_input.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["track_id"],
            ["track.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("input_id", "action_id"),
        sa.UniqueConstraint("input_id", "track_id"),
    )
    with op.batch_alter_table("family_input_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_family_input_link_action_id"), ["action_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_family_input_link_input_id"), ["input_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_family_input_link_track_id"), ["track_id"], unique=False
        )
    now = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)  # fixed: offline SQL must be reproducible
    revisions = sa.table(
        "content_revision",
        sa.column("area", sa.String),
        sa.column("revision", sa.Integer),
        sa.column("changed_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(revisions, [{"area": "families", "revision": 0, "changed_at": now}])


def downgrade() -> None:
    op.execute("DELETE FROM content_revision WHERE area = 'families'")
    with op.batch_alter_table("family_input_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_input_link_track_id"))
        batch_op.drop_index(batch_op.f("ix_family_input_link_input_id"))
        batch_op.drop_index(batch_op.f("ix_family_input_link_action_id"))

    op.drop_table("family_input_link")
    with op.batch_alter_table("family_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_change_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_family_change_input_id"))
        batch_op.drop_index(batch_op.f("ix_family_change_changed_at"))

    op.drop_table("family_change")
    with op.batch_alter_table("family_input", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_input_meeting_id"))

    op.drop_table("family_input")
    with op.batch_alter_table("family_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_meeting_held_on"))

    op.drop_table("family_meeting")
