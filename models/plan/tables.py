"""SQLModel tables: the plan, its themes, tracks, results and actions, and the change log."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.core.time import utcnow
from models.plan.kinds import ActionKind
from models.plan.status import Status


def status_column(**kwargs: Any) -> sa.Column:
    """A VARCHAR status column with a CHECK constraint (no native enum), storing Danish labels."""
    return sa.Column(
        sa.Enum(
            Status,
            name="action_status",
            native_enum=False,
            create_constraint=True,
            length=32,
            validate_strings=True,
            values_callable=lambda enum: [member.value for member in enum],
        ),
        **kwargs,
    )


SEED_USER = "system"
"""Who wrote what came from the plan file (seeding) rather than from a person."""


def kind_column(**kwargs: Any) -> sa.Column:
    """A VARCHAR action-kind column with a CHECK constraint (no native enum)."""
    return sa.Column(
        sa.Enum(
            ActionKind,
            name="action_kind",
            native_enum=False,
            create_constraint=True,
            length=16,
            validate_strings=True,
            values_callable=lambda enum: [member.value for member in enum],
        ),
        **kwargs,
    )


class PlanBase(SQLModel):
    """The plan's own facts, as `plan.yaml` states them (one field list for table and view)."""

    title: str
    municipality: str
    period_start_year: int
    period_end_year: int
    approved_by: str
    approved_on: dt.date
    restoration_deadline: dt.date
    restoration_deadline_text: str
    budget_2025_dkk: int
    budget_2025_text: str
    background: list[dict[str, Any]] = Field(default_factory=list, sa_column=sa.Column(sa.JSON))


class Plan(PlanBase, table=True):
    """The development and restoration plan (one row)."""

    id: int | None = Field(default=None, primary_key=True)


class Theme(SQLModel, table=True):
    """One of the six themes A–F."""

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    code: str = Field(max_length=8, unique=True)
    title: str
    position: int


class Track(SQLModel, table=True):
    """A workstream (spor) inside a theme, e.g. A.1."""

    id: int | None = Field(default=None, primary_key=True)
    theme_id: int = Field(foreign_key="theme.id", index=True)
    code: str = Field(max_length=8, unique=True)
    title: str
    position: int
    timeline_notes: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON))
    owner: str | None = Field(default=None, max_length=64, foreign_key="user.username")
    """The user who answers for the track in the app (optional)."""


class Result(SQLModel, table=True):
    """An expected result of a track."""

    __table_args__ = (sa.UniqueConstraint("track_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    track_id: int = Field(foreign_key="track.id", index=True)
    position: int
    text: str


class ActionContent(SQLModel):
    """What every form of an action shows: the plan's words and the users' status.

    The one field list shared by the table, the read model and the snapshot row.
    """

    code: str = Field(max_length=16)
    text: str
    timeline: str = ""
    kind: ActionKind = ActionKind.deadline
    rhythm: str | None = Field(default=None, max_length=8)
    """For recurring work: an ISO 8601 period such as P6W or P1M (see models.plan.kinds)."""
    status: Status = Status.upcoming
    responsible: str = ""
    note: str = ""


class ActionBase(ActionContent):
    """An action's own fields, beyond its content: plan dates, revision, version, last edit."""

    start_date: dt.date | None = None
    end_date: dt.date | None = None
    revised_end_date: dt.date | None = None
    revised_reason: str = ""
    revised_decision_id: int | None = Field(default=None, foreign_key="plan_decision.id")
    """The plan decision that set the revised deadline, if a decision did."""
    version: int = Field(default=1, nullable=False)
    updated_at: dt.datetime | None = None
    updated_by: str | None = Field(default=None, max_length=64)
    owner: str | None = Field(default=None, max_length=64, foreign_key="user.username", index=True)
    """The user who keeps the action up to date (besides the free-text `responsible`)."""
    confirmed_at: dt.datetime | None = None
    confirmed_by: str | None = Field(default=None, max_length=64)
    """The last "status unchanged" confirmation: someone looked and changed nothing."""


class Action(ActionBase, table=True):
    """A concrete task of a track; carries a status that users edit."""

    __table_args__ = (sa.UniqueConstraint("code"),)

    id: int | None = Field(default=None, primary_key=True)
    track_id: int = Field(foreign_key="track.id", index=True)
    position: int
    status: Status = Field(
        default=Status.upcoming,
        sa_column=status_column(nullable=False, default=Status.upcoming),
    )
    kind: ActionKind = Field(
        default=ActionKind.deadline,
        # The server default fills the rows that existed before kinds (migration 0004).
        sa_column=kind_column(
            nullable=False, default=ActionKind.deadline, server_default=ActionKind.deadline.value
        ),
    )


class PlanDecision(SQLModel, table=True):
    """A decision that changes the plan's deadlines (re-baselining), e.g. by the committee."""

    __tablename__ = "plan_decision"

    id: int | None = Field(default=None, primary_key=True)
    decided_on: dt.date
    body: str = Field(max_length=120)
    reference: str = Field(default="", max_length=200)
    text: str = Field(max_length=2000)
    restoration_deadline: dt.date | None = None
    """A new target for restoring every open case, if the decision set one."""
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=64)


class ActionChange(SQLModel, table=True):
    """One audited change of one field of one action."""

    __tablename__ = "action_change"
    # The change log's period filter and its newest-first order (changed_at, id); an action's
    # history, newest first (action_id, changed_at, id); the user filter and the list of
    # authors (username). See migration 0012.
    __table_args__ = (
        sa.Index("ix_action_change_changed_at_id", "changed_at", "id"),
        sa.Index("ix_action_change_action_id_changed_at_id", "action_id", "changed_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="action.id")
    changed_at: dt.datetime = Field(default_factory=utcnow)
    username: str = Field(max_length=64, index=True)
    field: str = Field(max_length=32)
    old_value: str | None = None
    new_value: str | None = None
    note: str = ""
    decision_id: int | None = Field(default=None, foreign_key="plan_decision.id", index=True)
    """The plan decision this change carried out, if any."""
