"""The indicator tables: an effect goal with its target, its measurements, and their audit."""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.core.time import utcnow
from models.indicators.rules import Direction, Target


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
        )


class Measurement(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("indicator_id", "measured_on"),)

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True)
    measured_on: dt.date
    value: float
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
