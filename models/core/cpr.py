"""Finds text that looks like a Danish CPR number, which must never be stored here.

A CPR number is DDMMYY-SSSS: six digits that form a valid date, an optional hyphen or space,
and four digits. The modulus-11 check is deliberately not used (numbers issued since 2007
need not pass it), so anything of that shape counts.
"""

from __future__ import annotations

import calendar
import re

_CPR_SHAPE = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})[- ]?\d{4}(?!\d)")

CPR_MESSAGE = (
    "Teksten ser ud til at indeholde et CPR-nummer (seks cifre, der er en dato, og fire cifre). "
    "CPR-numre må ikke gemmes i dashboardet; fjern det og prøv igen."
)


def _is_date(day: int, month: int, two_digit_year: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # The century is unknown: a day that exists in 19YY or 20YY counts.
    longest = max(
        calendar.monthrange(century + two_digit_year, month)[1] for century in (1900, 2000)
    )
    return day <= longest


def contains_cpr(text: str | None) -> bool:
    """True when `text` holds something shaped like a CPR number."""
    if not text:
        return False
    return any(
        _is_date(int(day), int(month), int(year)) for day, month, year in _CPR_SHAPE.findall(text)
    )
