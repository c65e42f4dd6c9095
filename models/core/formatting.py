"""Danish formats for dates, numbers and counts, via Babel: the one place the app, the command
line and every export (Excel, Word, PDF, PowerPoint, CSV, e-mails) format what people read.

Dates have one style per context:

- prose and headings (sentences, captions, messages, chart labels, e-mails, Word/PDF text):
  `date_long_da` -> "12. maj 2027"; with a time, `datetime_long_da` -> "3. marts 2025 kl. 14:05";
- tables and files (table cells, CSV and Excel cells written as text, file names, the command
  line's lists, and the date pickers' DD-MM-YYYY): `date_table_da` -> "30-11-2024"; with a time,
  `datetime_table_da` -> "30-11-2024 14:05" (Danish local time).

`date_da` and `datetime_da` are the earlier abbreviated forms ("31. mar. 2025"), kept only until
their last callers move to the styles above; new code does not use them.

Numbers: `number_da` -> "1.023", "0,25" (thousands point, decimal comma). Counts: `count_da`
-> "1 handling", "2 handlinger" (the noun agrees with the number). Times are stored in UTC and
shown in Danish local time (models.core.time.local_zone).
"""

from __future__ import annotations

import datetime as dt

from models.core.time import local_zone

# Babel is imported by the functions that need it, so that a quick command that formats only
# table dates (`manage.py list-users`) starts without it.

LOCALE = "da_DK"
NO_DATE = "–"
TABLE_DATE_PATTERN = "%d-%m-%Y"  # what the date pickers show: format="DD-MM-YYYY"
DATE_INPUT_FORMAT = "DD-MM-YYYY"  # st.date_input's spelling of the same pattern


def _local(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:  # treat naive values as UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(local_zone())


def date_long_da(value: dt.date | None) -> str:
    """Prose and headings: `14. november 2024`; a dash for no date."""
    from babel.dates import format_date

    return format_date(value, "d. MMMM y", locale=LOCALE) if value else NO_DATE


def datetime_long_da(value: dt.datetime | None) -> str:
    """Prose: a stored (UTC) time in Danish local time, `3. marts 2025 kl. 14:05`."""
    if value is None:
        return NO_DATE
    local = _local(value)
    return f"{date_long_da(local.date())} kl. {local:%H:%M}"


def date_table_da(value: dt.date | None) -> str:
    """Tables and files: `30-11-2024` (as the date pickers show it); a dash for no date."""
    return value.strftime(TABLE_DATE_PATTERN) if value else NO_DATE


def datetime_table_da(value: dt.datetime | None) -> str:
    """Tables and files: a stored (UTC) time in Danish local time, `30-11-2024 14:05`."""
    if value is None:
        return NO_DATE
    local = _local(value)
    return f"{date_table_da(local.date())} {local:%H:%M}"


def date_da(value: dt.date | None) -> str:
    """Earlier abbreviated form, `31. mar. 2025` (see the module docstring: being replaced)."""
    from babel.dates import format_date

    return format_date(value, "d. MMM y", locale=LOCALE) if value else NO_DATE


def datetime_da(value: dt.datetime | None) -> str:
    """Earlier abbreviated form, `3. mar. 2025 14:05` (see the module docstring)."""
    from babel.dates import format_datetime

    if value is None:
        return NO_DATE
    zone = local_zone()
    return format_datetime(_local(value), "d. MMM y HH:mm", locale=LOCALE, tzinfo=zone)


def number_da(value: float | int, decimals: int | None = None) -> str:
    """`1.234,5`; `decimals` fixes the number of decimals."""
    from babel.numbers import format_decimal

    if decimals is not None:
        fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=fmt, locale=LOCALE)
    return format_decimal(value, locale=LOCALE)


def count_da(count: int, singular: str, plural: str) -> str:
    """`1 handling`, `0 handlinger`, `1.234 handlinger`: the count in Danish format, then the
    noun in the form that goes with it (only one, or minus one, takes the singular)."""
    return f"{number_da(count)} {singular if abs(count) == 1 else plural}"
