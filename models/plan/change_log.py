"""The change log (Ændringslog): who changed which field of which action, when, from and to."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from models.core.formatting import NO_DATE, date_table_da, datetime_table_da
from models.core.spreadsheet_safety import neutralise
from models.core.time import local_zone
from models.plan.action_edits import FIELD_LABELS
from models.plan.kinds import KIND_LABELS, ActionKind, rhythm_label
from models.plan.status import Status
from models.plan.tables import Action, ActionChange, Theme, Track


@dataclass(frozen=True)
class ChangeRow:
    changed_at: dt.datetime
    username: str
    action_id: int
    action_code: str
    action_text: str
    theme_code: str
    track_code: str
    field: str
    old_value: str | None
    new_value: str | None
    note: str
    status_now: Status

    @property
    def field_label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    @property
    def old_text(self) -> str:
        """The old value as people read it (kinds and rhythms in Danish)."""
        return value_text(self.field, self.old_value)

    @property
    def new_text(self) -> str:
        return value_text(self.field, self.new_value)


DATE_FIELDS = frozenset({"revised_end_date"})  # stored as ISO dates (2027-03-31)


def value_text(field: str, value: str | None) -> str:
    """A stored audit value in words: `Tilbagevendende`, `hver måned`, a date as in tables
    (`31-03-2027`); else as stored."""
    if not value:
        return ""
    if field in DATE_FIELDS:
        try:
            return date_table_da(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if field == "kind":
        try:
            return KIND_LABELS[ActionKind(value)]
        except ValueError:
            return value
    if field == "rhythm":
        return rhythm_label(value)
    return value


def _change_conditions(
    since: dt.datetime | None,
    until: dt.datetime | None,
    usernames: list[str] | None,
    action_id: int | None,
) -> list[sa.ColumnElement[bool]]:
    """The filters on action_change's own columns."""
    conditions = []
    if since is not None:
        conditions.append(ActionChange.changed_at >= since)
    if until is not None:
        conditions.append(ActionChange.changed_at < until)
    if usernames:
        conditions.append(ActionChange.username.in_(usernames))  # type: ignore[attr-defined]
    if action_id is not None:
        conditions.append(ActionChange.action_id == action_id)
    return conditions  # type: ignore[return-value]


def changes_query(
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    theme_codes: list[str] | None = None,
    usernames: list[str] | None = None,
    statuses_now: list[Status] | None = None,
    action_id: int | None = None,
) -> sa.Select:
    """The columns of a `ChangeRow`, newest first, for the period [since, until), themes,
    users, current statuses and action given (the statement, so tests can EXPLAIN it)."""
    query = (
        sa.select(
            ActionChange.changed_at,
            ActionChange.username,
            ActionChange.action_id,
            Action.code,
            Action.text,
            Theme.code,
            Track.code,
            ActionChange.field,
            ActionChange.old_value,
            ActionChange.new_value,
            ActionChange.note,
            Action.status,
        )
        .join(Action, Action.id == ActionChange.action_id)  # type: ignore[arg-type]
        .join(Track, Track.id == Action.track_id)  # type: ignore[arg-type]
        .join(Theme, Theme.id == Track.theme_id)  # type: ignore[arg-type]
        .where(*_change_conditions(since, until, usernames, action_id))
        .order_by(ActionChange.changed_at.desc(), ActionChange.id.desc())  # type: ignore[attr-defined,union-attr]
    )
    if theme_codes:
        query = query.where(Theme.code.in_(theme_codes))  # type: ignore[attr-defined]
    if statuses_now:
        query = query.where(Action.status.in_(statuses_now))  # type: ignore[union-attr]
    return query


def count_query(
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    theme_codes: list[str] | None = None,
    usernames: list[str] | None = None,
    statuses_now: list[Status] | None = None,
    action_id: int | None = None,
) -> sa.Select:
    """How many changes `changes_query` finds with the same filters. Without a theme or
    status filter only action_change is read (every change has its action, track and theme),
    so a period's count is a range of the (changed_at, id) index."""
    if theme_codes or statuses_now:
        query = changes_query(
            since=since,
            until=until,
            theme_codes=theme_codes,
            usernames=usernames,
            statuses_now=statuses_now,
            action_id=action_id,
        ).order_by(None)
        return query.with_only_columns(sa.func.count(), maintain_column_froms=True)
    return (
        sa.select(sa.func.count())
        .select_from(ActionChange)
        .where(*_change_conditions(since, until, usernames, action_id))
    )


def list_changes(session: Session, *, limit: int | None = None, **filters: Any) -> list[ChangeRow]:
    """Changes, newest first (the first `limit` if given), filtered as `changes_query` says."""
    query = changes_query(**filters)
    if limit is not None:
        query = query.limit(limit)
    return [
        ChangeRow(
            changed_at=changed_at,
            username=username,
            action_id=action_id,
            action_code=action_code,
            action_text=action_text,
            theme_code=theme_code,
            track_code=track_code,
            field=field,
            old_value=old_value,
            new_value=new_value,
            note=note,
            status_now=Status(status),
        )
        for (
            changed_at,
            username,
            action_id,
            action_code,
            action_text,
            theme_code,
            track_code,
            field,
            old_value,
            new_value,
            note,
            status,
        ) in session.connection().execute(query)  # plain rows: no ORM loading per row
    ]


def count_changes(session: Session, **filters: Any) -> int:
    """How many changes `list_changes(session, **filters)` returns without a limit."""
    return int(session.execute(count_query(**filters)).scalar_one())


def authors_query() -> sa.Select:
    """Every user name in the change log, one index lookup per name (a "loose index scan": the
    smallest name after the last one found, rather than reading every row)."""
    username = ActionChange.username
    names = sa.select(sa.func.min(username).label("username")).cte("names", recursive=True)
    after = sa.select(sa.func.min(username)).where(username > names.c.username).scalar_subquery()
    names = names.union_all(sa.select(after).where(names.c.username.is_not(None)))
    return sa.select(names.c.username).where(names.c.username.is_not(None))


def list_change_authors(session: Session) -> list[str]:
    return sorted(session.execute(authors_query()).scalars())


CSV_HEADER = ["tidspunkt", "bruger", "tema", "spor", "handling", "felt", "fra", "til", "note"]


class TableTimes:
    """`datetime_table_da` for many stored times (`30-11-2024 14:05`, Danish local time), with
    the zone's UTC offset looked up once per UTC day rather than converted per value; on a day
    the offset changes (the switches to and from summer time) each value is converted."""

    def __init__(self, zone: tzinfo | None = None) -> None:
        self.zone = zone or local_zone()
        self._offsets: dict[dt.date, dt.timedelta | None] = {}

    def _offset(self, day: dt.date) -> dt.timedelta | None:
        """The offset all day long (UTC), or None if it changes during the day."""
        if day not in self._offsets:
            midnight = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
            first = midnight.astimezone(self.zone).utcoffset()
            last = (midnight + dt.timedelta(days=1, microseconds=-1)).astimezone(self.zone)
            self._offsets[day] = first if first == last.utcoffset() else None
        return self._offsets[day]

    def __call__(self, value: dt.datetime | None) -> str:
        if value is None:
            return NO_DATE
        offset = value.utcoffset()
        utc = value.replace(tzinfo=None) - offset if offset else value.replace(tzinfo=None)
        shift = self._offset(utc.date())
        if shift is None:
            return datetime_table_da(value)
        local = utc + shift
        return (
            f"{local.day:02d}-{local.month:02d}-{local.year:04d} "
            f"{local.hour:02d}:{local.minute:02d}"
        )


def changes_csv(rows: Iterable[ChangeRow]) -> str:
    """CSV with Danish headers, local times (30-11-2024 14:05), and formula-looking text
    neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    local_time = TableTimes()
    for row in rows:
        local = local_time(row.changed_at)  # Danish local time, as in the tables
        writer.writerow(
            neutralise(value)
            for value in (
                local,
                row.username,
                row.theme_code,
                row.track_code,
                row.action_code,
                row.field,
                row.old_text,
                row.new_text,
                row.note,
            )
        )
    return buffer.getvalue()
