"""Case restoration data: pseudonymised cases, their missing steps, and the vocabulary.

Only a case reference chosen by the municipality identifies a case: never a name or a CPR
number. A1 cases carry missing steps; C.1 (lost earnings) cases carry the recalculation.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
import yaml
from sqlmodel import Field, SQLModel

from models.core.settings import content_path
from models.core.time import utcnow

VOCABULARY_PATH = content_path("restoration.yaml")


@dataclass(frozen=True)
class Vocabulary:
    teams: tuple[str, ...]
    tracks: tuple[str, ...]
    step_types: tuple[str, ...]
    concern_levels: tuple[str, ...]
    legality: tuple[str, ...]


@functools.cache
def vocabulary(path: Path = VOCABULARY_PATH) -> Vocabulary:
    """The configured teams, tracks, step types, concern levels and legality categories."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Vocabulary(**{name: tuple(raw[name]) for name in Vocabulary.__dataclass_fields__})


class RestorationCase(SQLModel, table=True):
    """One pseudonymised case in the restoration (A.1) or lost-earnings rectification (C.1)."""

    __tablename__ = "restoration_case"
    # The report's A.1 burn-up: restored cases of a track per day (migration 0012).
    __table_args__ = (
        sa.Index("ix_restoration_case_track_code_restored_on", "track_code", "restored_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=32, unique=True)
    team: str = Field(max_length=64, index=True)
    track_code: str = Field(max_length=8)
    concern: str = Field(default="", max_length=16)
    legality: str = Field(default="", max_length=32)
    reviewed_on: dt.date | None = None
    plan_made_on: dt.date | None = None
    family_informed_on: dt.date | None = None
    restored_on: dt.date | None = None
    recalculated_on: dt.date | None = None
    correction_dkk: Decimal | None = Field(
        default=None, sa_column=sa.Column(sa.Numeric(14, 2), nullable=True)
    )
    is_demo: bool = Field(default=False, index=True)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class MissingStep(SQLModel, table=True):
    """A step the law requires that the case lacked (manglende sagsskridt)."""

    __tablename__ = "missing_step"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(
        sa_column=sa.Column(
            sa.ForeignKey("restoration_case.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    step_type: str = Field(max_length=64)
    due_on: dt.date | None = Field(default=None, index=True)  # the report's overdue list
    done_on: dt.date | None = Field(default=None, index=True)  # its open steps, its pace


CASE_FIELDS = (
    "team",
    "track_code",
    "concern",
    "legality",
    "reviewed_on",
    "plan_made_on",
    "family_informed_on",
    "restored_on",
    "recalculated_on",
    "correction_dkk",
)
