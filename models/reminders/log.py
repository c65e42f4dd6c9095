"""The `reminder_log` table: one row per reminder e-mail sent, never its body.

A row says to whom (username and address), what kind (an owner's reminder or the steering
group's summary), when (the time and the municipality's local day) and how many actions it
listed. The unique (username, kind, local day) makes "one of each kind per person per day" a
rule of the database, not only of the code that sends.
"""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlmodel import Field, Session, SQLModel, select

from models.core.time import utcnow


class ReminderKind(enum.StrEnum):
    """What a reminder e-mail is."""

    owner = "owner"  # an owner's own actions that need attention
    summary = "summary"  # the steering group's overview before the weekly review


KIND_LABELS: dict[ReminderKind, str] = {
    ReminderKind.owner: "påmindelse om egne handlinger",
    ReminderKind.summary: "styregruppens overblik",
}


class ReminderLog(SQLModel, table=True):
    """One reminder e-mail that was handed to the SMTP server. Holds no part of its body."""

    __tablename__ = "reminder_log"
    __table_args__ = (
        sa.UniqueConstraint("username", "kind", "local_day", name="uq_reminder_log_once_a_day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64)
    address: str = Field(max_length=254)
    kind: ReminderKind = Field(
        sa_column=sa.Column(
            sa.Enum(
                ReminderKind,
                name="reminder_kind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        )
    )
    sent_at: dt.datetime = Field(default_factory=utcnow, index=True)
    local_day: dt.date
    """The municipality's date when it was sent: the day "once a day" counts in."""
    action_count: int


def sent_on(session: Session, day: dt.date) -> set[tuple[str, ReminderKind]]:
    """(username, kind) of every reminder already sent on local `day`."""
    rows = session.exec(
        select(ReminderLog.username, ReminderLog.kind).where(ReminderLog.local_day == day)
    ).all()
    return {(username, ReminderKind(kind)) for username, kind in rows}


def list_reminders(session: Session, since: dt.date | None = None) -> list[ReminderLog]:
    """The log, newest first (from local day `since` on, if given)."""
    query = select(ReminderLog).order_by(
        ReminderLog.sent_at.desc(),  # type: ignore[attr-defined]
        ReminderLog.id.desc(),  # type: ignore[union-attr]
    )
    if since is not None:
        query = query.where(ReminderLog.local_day >= since)
    return list(session.exec(query))
