"""Indicator targets with a source document and a validity period; measurements with the
precision of their date (issue 14: effect goals say what the documents say).

- `indicator`: `target_document` (the document that set the target), `target_valid_from` and
  `target_valid_to` (the period it applies to; NULL where the source gives no bound),
  `target_for_year` (the year it was to be reached in) and `target_superseded_by` (what
  replaced it). Existing rows get no bounds and empty texts, i.e. their target stays as it
  was, until the seeding (app start, `manage.py init-db`) loads them from `indicators.yaml`.
- `measurement`: `date_precision` (day, month, quarter, year, approx_year; a CHECK constraint)
  and `value_approximate`. Every existing row gets `day` and false: until now every date was
  stored and shown as a day, and every value as exact. The seeding then gives the measurements
  transcribed from the seed documents their precision (e.g. "ca. 2019"); users' rows keep
  `day`.

The NOT NULL columns are filled through a server default that is dropped again afterwards
(the models have none).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PRECISIONS = ("day", "month", "quarter", "year", "approx_year")
ADDED, FILLING, NONE = "added", "filling", "none"
"""The new columns: there with no server default (this revision's schema), there with the
server defaults that fill existing rows (halfway through the upgrade), or not there (0002)."""


def _precision() -> sa.Enum:
    """A VARCHAR with a CHECK constraint named `date_precision` (never a native enum type)."""
    return sa.Enum(
        *PRECISIONS, name="date_precision", native_enum=False, create_constraint=True, length=16
    )


def _timestamp() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _default(stage: str, value: Any) -> dict[str, Any]:
    """The server default that fills existing rows, only while filling them."""
    return {"server_default": value} if stage == FILLING else {}


def _new_indicator_columns(stage: str) -> list[sa.Column]:
    """The columns this revision adds to indicator (none at stage NONE)."""
    if stage == NONE:
        return []
    return [
        sa.Column("target_document", sa.String(length=200), nullable=False, **_default(stage, "")),
        sa.Column("target_valid_from", sa.Date(), nullable=True),
        sa.Column("target_valid_to", sa.Date(), nullable=True),
        sa.Column("target_for_year", sa.Integer(), nullable=True),
        sa.Column(
            "target_superseded_by", sa.String(length=200), nullable=False, **_default(stage, "")
        ),
    ]


def _new_measurement_columns(stage: str) -> list[sa.Column]:
    """The columns this revision adds to measurement (none at stage NONE)."""
    if stage == NONE:
        return []
    return [
        sa.Column("date_precision", _precision(), nullable=False, **_default(stage, "day")),
        sa.Column("value_approximate", sa.Boolean(), nullable=False, **_default(stage, sa.false())),
    ]


def _indicator(stage: str) -> sa.Table:
    """indicator at `stage` (batch mode copies from it on SQLite, so that it needs no
    reflection and also runs offline, `--sql`)."""
    columns = [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("theme_code", sa.String(length=8), nullable=False),
        sa.Column("track_code", sa.String(length=8), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=True),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_low", sa.Float(), nullable=True),
        sa.Column("target_high", sa.Float(), nullable=True),
        sa.Column("tolerance", sa.Float(), nullable=False),
        sa.Column("target_source", sa.String(), nullable=False),
        sa.Column("frequency", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
    ]
    columns += _new_indicator_columns(stage)
    return sa.Table("indicator", sa.MetaData(), *columns, sa.UniqueConstraint("code"))


def _measurement(stage: str) -> sa.Table:
    """measurement at `stage` (see `_indicator`)."""
    columns = [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("indicator_id", sa.Integer(), sa.ForeignKey("indicator.id"), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("comment", sa.String(), nullable=False),
        sa.Column("entered_by", sa.String(length=64), nullable=False),
        sa.Column("entered_at", _timestamp(), nullable=False),
    ]
    columns += _new_measurement_columns(stage)
    metadata = sa.MetaData()
    sa.Table("indicator", metadata, sa.Column("id", sa.Integer(), primary_key=True))
    return sa.Table(
        "measurement",
        metadata,
        *columns,
        sa.UniqueConstraint("indicator_id", "measured_on"),
        sa.Index("ix_measurement_indicator_id", "indicator_id"),
    )


def upgrade() -> None:
    with op.batch_alter_table("indicator", copy_from=_indicator(NONE)) as batch_op:
        for column in _new_indicator_columns(FILLING):
            batch_op.add_column(column)
    with op.batch_alter_table("measurement", copy_from=_measurement(NONE)) as batch_op:
        for column in _new_measurement_columns(FILLING):
            batch_op.add_column(column)
    # The server defaults filled the existing rows; the models have none.
    with op.batch_alter_table("indicator", copy_from=_indicator(FILLING)) as batch_op:
        for column in ("target_document", "target_superseded_by"):
            batch_op.alter_column(
                column,
                existing_type=sa.String(length=200),
                existing_nullable=False,
                server_default=None,
            )
    with op.batch_alter_table("measurement", copy_from=_measurement(FILLING)) as batch_op:
        batch_op.alter_column(
            "date_precision",
            existing_type=_precision(),
            existing_nullable=False,
            server_default=None,
        )
        batch_op.alter_column(
            "value_approximate",
            existing_type=sa.Boolean(),
            existing_nullable=False,
            server_default=None,
        )


def downgrade() -> None:
    with op.batch_alter_table("measurement", copy_from=_measurement(ADDED)) as batch_op:
        batch_op.drop_column("value_approximate")
        batch_op.drop_column("date_precision")
    with op.batch_alter_table("indicator", copy_from=_indicator(ADDED)) as batch_op:
        batch_op.drop_column("target_superseded_by")
        batch_op.drop_column("target_for_year")
        batch_op.drop_column("target_valid_to")
        batch_op.drop_column("target_valid_from")
        batch_op.drop_column("target_document")
