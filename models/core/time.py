"""Time: aware UTC timestamps for storage; the configured local zone for days and display."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from models.core.settings import get_settings


def utcnow() -> dt.datetime:
    """Aware UTC now; SQLModel stores it as UTC and returns it aware on SQLite and PostgreSQL."""
    return dt.datetime.now(dt.UTC)


def local_zone() -> ZoneInfo:
    """The municipality's time zone (setting `time_zone`, default Europe/Copenhagen)."""
    return get_settings().zone


def today_local() -> dt.date:
    """Today's date where the municipality is."""
    return dt.datetime.now(local_zone()).date()


def local_day_start(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day`, local time (aware), for filtering stored UTC times."""
    return dt.datetime.combine(day, dt.time(), tzinfo=local_zone())


def local_date(moment: dt.datetime) -> dt.date:
    """The local (municipality) date of a stored time; a naive time is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(local_zone()).date()
