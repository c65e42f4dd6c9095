"""The weekly review's tables: one row per review, one per item on its agenda."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.core.time import utcnow

MAX_DECISION_LENGTH = 2000
MAX_ATTENDEES_LENGTH = 1000


class ReviewSection(enum.StrEnum):
    """The agenda's sections, in the order the steering group walks through them (stored by
    member name)."""

    new_obs = "Nye Obs siden sidste gennemgang"
    overdue = "Overskredne"
    due_soon = "Frist inden for 30 dage"
    unconfirmed = "Ikke bekræftet"
    changed = "Ændret siden sidste gennemgang"


def section_column(**kwargs: Any) -> sa.Column:
    """A VARCHAR agenda-section column with a CHECK constraint (no native enum)."""
    return sa.Column(
        sa.Enum(
            ReviewSection,
            name="review_section",
            native_enum=False,
            create_constraint=True,
            length=16,
            validate_strings=True,
        ),
        **kwargs,
    )


class WeeklyReview(SQLModel, table=True):
    """One weekly review (*Ugentlig gennemgang*): its agenda was built from the plan when it
    started; it is saved (closed) with its attendees."""

    __tablename__ = "weekly_review"
    __table_args__ = (sa.UniqueConstraint("in_progress", name="uq_weekly_review_in_progress"),)

    id: int | None = Field(default=None, primary_key=True)
    held_on: dt.date
    started_at: dt.datetime = Field(default_factory=utcnow)
    started_by: str = Field(max_length=64)
    changes_since: dt.datetime
    """Where "since the last review" starts: the previous closed review's start."""
    previous_review_id: int | None = Field(default=None, foreign_key="weekly_review.id")
    """The closed review this one follows (its figures give the deltas); None for the first."""
    figures: dict[str, Any] = Field(default_factory=dict, sa_column=sa.Column(sa.JSON))
    """The headline counts when the review started (see `service.FIGURES`)."""
    attendees: str = Field(default="", max_length=MAX_ATTENDEES_LENGTH)
    closed_at: dt.datetime | None = None
    closed_by: str | None = Field(default=None, max_length=64)
    in_progress: bool | None = True
    """True while open, NULL once closed: the unique constraint allows one open review."""


class ReviewItem(SQLModel, table=True):
    """One action on one review's agenda, in one section; *drøftet* with a decision or not."""

    __tablename__ = "review_item"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(
        sa_column=sa.Column(
            sa.ForeignKey("weekly_review.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    position: int
    section: ReviewSection = Field(sa_column=section_column(nullable=False))
    action_id: int = Field(foreign_key="action.id", index=True)
    action_code: str = Field(max_length=16)
    status: str = Field(max_length=32)
    """The action's status when the review started (as written then)."""
    detail: str = ""
    """Why it is on the agenda: the reasons, the Obs note, or what changed."""
    discussed: bool = False
    decision: str = Field(default="", max_length=MAX_DECISION_LENGTH)
    discussed_by: str | None = Field(default=None, max_length=64)
    discussed_at: dt.datetime | None = None
