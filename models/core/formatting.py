"""Danish formats for dates, numbers and counts (31. mar. 2025; 1.234,5; 1 handling), via Babel."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from models.core.time import local_zone

LOCALE = "da_DK"
NO_DATE = "–"


def date_da(value: dt.date | None) -> str:
    """`31. mar. 2025`; a dash for no date."""
    return format_date(value, "d. MMM y", locale=LOCALE) if value else NO_DATE


def date_long_da(value: dt.date | None) -> str:
    """`14. november 2024`; a dash for no date."""
    return format_date(value, "d. MMMM y", locale=LOCALE) if value else NO_DATE


def datetime_da(value: dt.datetime | None) -> str:
    """A stored (UTC) time shown in Danish local time: `3. mar. 2025 14:05`."""
    if value is None:
        return NO_DATE
    if value.tzinfo is None:  # treat naive values as UTC
        value = value.replace(tzinfo=dt.UTC)
    zone = local_zone()
    return format_datetime(value.astimezone(zone), "d. MMM y HH:mm", locale=LOCALE, tzinfo=zone)


def number_da(value: float | int, decimals: int | None = None) -> str:
    """`1.234,5`; `decimals` fixes the number of decimals."""
    if decimals is not None:
        fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=fmt, locale=LOCALE)
    return format_decimal(value, locale=LOCALE)


def count_da(count: int, singular: str, plural: str) -> str:
    """`1 handling`, `0 handlinger`, `1.234 handlinger`: the count in Danish format, then the
    noun in the form that goes with it (only one, or minus one, takes the singular)."""
    return f"{number_da(count)} {singular if abs(count) == 1 else plural}"
