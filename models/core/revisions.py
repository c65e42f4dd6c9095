"""Content revisions: a counter per area, raised in the same transaction as every write that
the app's caches cannot see in the rows they count (plan texts from a re-seed, key messages,
status reports). A reader keys its cache on them, so an instance that did not make the change
still builds its pages and files anew on the next load.
"""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlmodel import Field, Session, SQLModel, select

from models.core.time import utcnow


class Area(enum.StrEnum):
    plan = "plan"  # plan, theme, track, result and action texts loaded from data/plan.yaml
    key_messages = "key_messages"  # the 5 pointer
    reports = "reports"  # status reports: created, deleted, their appendix details, presented
    families = "families"  # families' input: meetings, input items, their links to the plan


class ContentRevision(SQLModel, table=True):
    __tablename__ = "content_revision"

    area: str = Field(primary_key=True, max_length=32)
    revision: int = 0
    changed_at: dt.datetime = Field(default_factory=utcnow)


def bump(session: Session, area: Area) -> None:
    """Raise `area`'s revision (an atomic UPDATE; the row is made on first use)."""
    table = ContentRevision.__table__  # type: ignore[attr-defined]
    updated = session.exec(  # type: ignore[call-overload]
        sa.update(table)
        .where(table.c.area == area.value)
        .values(revision=table.c.revision + 1, changed_at=utcnow())
    )
    if updated.rowcount == 0:
        session.add(ContentRevision(area=area.value, revision=1))
    session.flush()


def content_revisions(session: Session) -> tuple[tuple[str, int], ...]:
    """Every area's revision, for a cache key."""
    rows = session.exec(select(ContentRevision.area, ContentRevision.revision)).all()
    return tuple(sorted((area, int(revision)) for area, revision in rows))
