"""The change log (Ændringslog): who changed which field of which action, when, from and to."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from sqlmodel import Session, select

from models.core.formatting import date_table_da, datetime_table_da
from models.core.spreadsheet_safety import neutralise
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


def list_changes(
    session: Session,
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    theme_codes: list[str] | None = None,
    usernames: list[str] | None = None,
    statuses_now: list[Status] | None = None,
    action_id: int | None = None,
) -> list[ChangeRow]:
    """Changes, newest first, filtered by period [since, until), theme, user and current status."""
    query = (
        select(ActionChange, Action, Track.code, Theme.code)
        .join(Action, Action.id == ActionChange.action_id)
        .join(Track, Track.id == Action.track_id)
        .join(Theme, Theme.id == Track.theme_id)
        .order_by(ActionChange.changed_at.desc(), ActionChange.id.desc())  # type: ignore[attr-defined]
    )
    if since is not None:
        query = query.where(ActionChange.changed_at >= since)
    if until is not None:
        query = query.where(ActionChange.changed_at < until)
    if theme_codes:
        query = query.where(Theme.code.in_(theme_codes))  # type: ignore[attr-defined]
    if usernames:
        query = query.where(ActionChange.username.in_(usernames))  # type: ignore[attr-defined]
    if statuses_now:
        query = query.where(Action.status.in_(statuses_now))  # type: ignore[union-attr]
    if action_id is not None:
        query = query.where(ActionChange.action_id == action_id)
    return [
        ChangeRow(
            changed_at=change.changed_at,
            username=change.username,
            action_id=action.id or 0,
            action_code=action.code,
            action_text=action.text,
            theme_code=theme_code,
            track_code=track_code,
            field=change.field,
            old_value=change.old_value,
            new_value=change.new_value,
            note=change.note,
            status_now=Status(action.status),
        )
        for change, action, track_code, theme_code in session.exec(query)
    ]


def list_change_authors(session: Session) -> list[str]:
    return sorted(set(session.exec(select(ActionChange.username).distinct())))


CSV_HEADER = ["tidspunkt", "bruger", "tema", "spor", "handling", "felt", "fra", "til", "note"]


def changes_csv(rows: list[ChangeRow]) -> str:
    """CSV with Danish headers, local times (30-11-2024 14:05), and formula-looking text
    neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        local = datetime_table_da(row.changed_at)  # Danish local time, as in the tables
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
