"""The indicator tables: an effect goal with its target, its measurements, and their audit.

The target's source, validity period and what superseded it, and a measurement's date
precision and approximation, come from `data/indicators.yaml` (see `rules` for what they mean).
"""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.core.time import utcnow
from models.indicators.rules import DatePrecision, Direction, Target


class Unit(enum.StrEnum):
    count = "antal"
    percent = "procent"
    days = "dage"
    dkk = "kr."


class Indicator(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    description: str = ""
    unit: str = Field(max_length=16)
    theme_code: str = Field(max_length=8)
    track_code: str = Field(default="", max_length=8)
    direction: str | None = Field(default=None, max_length=8)
    target_value: float | None = None
    target_low: float | None = None
    target_high: float | None = None
    tolerance: float = 0.0
    target_source: str = ""
    # The document that set the target, its validity period (None: the source gives no bound),
    # the year it was to be reached in, and what superseded it ("" if nothing).
    target_document: str = Field(default="", max_length=200)
    target_valid_from: dt.date | None = None
    target_valid_to: dt.date | None = None
    target_for_year: int | None = None
    target_superseded_by: str = Field(default="", max_length=200)
    frequency: str = Field(max_length=16)
    source: str = ""
    public: bool = False

    @property
    def target(self) -> Target | None:
        if self.direction is None:
            return None
        return Target(
            Direction(self.direction),
            value=self.target_value,
            low=self.target_low,
            high=self.target_high,
            tolerance=self.tolerance,
            source=self.target_source,
            document=self.target_document,
            valid_from=self.target_valid_from,
            valid_to=self.target_valid_to,
            for_year=self.target_for_year,
            superseded_by=self.target_superseded_by,
        )


class Measurement(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("indicator_id", "measured_on"),)

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True)
    measured_on: dt.date  # the last day the date can mean (see date_precision)
    date_precision: DatePrecision = Field(
        default=DatePrecision.day,
        sa_column=sa.Column(
            sa.Enum(
                DatePrecision,
                name="date_precision",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
    )
    value: float
    value_approximate: bool = False  # the source gives "ca. 55"
    comment: str = ""
    entered_by: str = Field(max_length=64)
    entered_at: dt.datetime = Field(default_factory=utcnow)


class MeasurementChange(SQLModel, table=True):
    """One audited addition or correction of a measurement."""

    __tablename__ = "measurement_change"

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True)
    measured_on: dt.date
    changed_at: dt.datetime = Field(default_factory=utcnow)
    username: str = Field(max_length=64)
    old_value: float | None = None
    new_value: float
    comment: str = ""
