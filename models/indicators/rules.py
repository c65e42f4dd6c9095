"""Pure rules for effect goals: targets and their validity, evaluation, date precision,
staleness and trend.

- A target has a source and a validity period. Only a target that is *current* at today's
  date (not before `valid_from`, not after `valid_to`) is evaluated; a target whose period
  has ended is *historical* (e.g. a superseded strategy's goal for 2021) and is shown as
  history, never as *På mål* / *Ikke på mål*. A measurement from before the target began says
  nothing about it either.
- A measurement's date has a precision (day, month, quarter, year, approximate year). It is
  stored as the last day it can mean (2017 → 31 Dec 2017; "ca. 2019" → 31 Dec 2019) and shown
  as precisely as the source gives it ("31. dec. 2018", "2017", "ca. 2019").
- Staleness: a measurement is *forældet* when today is past its last day plus the frequency;
  for a day that is the day itself (a monthly figure from 15 March is stale from 16 April), for
  a month, quarter or (approximate) year it is the end of that period, and the frequency is
  counted in whole months from there (a yearly figure for 2017 is stale from 1 Jan 2019; one
  for "ca. 2019" from 1 Jan 2021). An indicator without measurements is not stale: it has no
  data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from dataclasses import dataclass
from typing import Any


class Direction(enum.StrEnum):
    higher = "higher"  # higher is better; target is a minimum
    lower = "lower"  # lower is better; target is a maximum
    range = "range"  # the value should lie between low and high


class Frequency(enum.StrEnum):
    monthly = "monthly"
    quarterly = "quarterly"
    yearly = "yearly"


FREQUENCY_MONTHS = {Frequency.monthly: 1, Frequency.quarterly: 3, Frequency.yearly: 12}
FREQUENCY_LABELS = {
    Frequency.monthly: "månedligt",
    Frequency.quarterly: "kvartalsvis",
    Frequency.yearly: "årligt",
}


class TargetStatus(enum.StrEnum):
    on_target = "På mål"
    near = "Tæt på"
    off_target = "Ikke på mål"
    no_target = "Intet mål"
    no_current_target = "Intet gældende mål"  # only a historical or a coming target
    before_target = "Ingen måling i målets periode"  # the latest one predates the target
    no_data = "Ingen data"


EVALUATED = frozenset({TargetStatus.on_target, TargetStatus.near, TargetStatus.off_target})
"""The statuses that judge a value against a current target."""


class TargetState(enum.StrEnum):
    """Where today lies in a target's validity period."""

    upcoming = "upcoming"  # before valid_from
    current = "current"
    historical = "historical"  # after valid_to (e.g. a superseded strategy's goal)


UNIT_SYMBOLS = {"procent": "%", "antal": ""}


def unit_text(unit: str) -> str:
    """A unit as it follows a number: `%` for procent, nothing for a plain count (antal: "55",
    never "55 antal"), else the unit's own word (dage, kr.)."""
    return UNIT_SYMBOLS.get(unit, unit)


def with_unit(value_text: str, unit: str) -> str:
    """`value_text` followed by its unit, if it has one: `50 %`, `12 dage`, `55`."""
    shown = unit_text(unit)
    return f"{value_text} {shown}" if shown else value_text


@dataclass(frozen=True)
class Target:
    """A target: a value with a direction, or a range; `tolerance` is how far off is 'near'.

    `source` quotes the document, `document` names it ("Fælles om Forebyggelse (ca. 2019)"),
    `valid_from`/`valid_to` bound the period it applies to (None: the source gives no bound),
    `for_year` is the year it was to be reached in, if the source names one, and
    `superseded_by` names what replaced it.
    """

    direction: Direction
    value: float | None = None
    low: float | None = None
    high: float | None = None
    tolerance: float = 0.0
    source: str = ""
    document: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    for_year: int | None = None
    superseded_by: str = ""

    def __post_init__(self) -> None:
        if self.direction == Direction.range:
            if self.low is None or self.high is None or self.low > self.high:
                raise ValueError("Et interval kræver en nedre og en øvre grænse (nedre ≤ øvre).")
        elif self.value is None:
            raise ValueError("Et mål kræver en værdi.")
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError("Et mål skal gælde fra en dato før den dato, det gælder til.")
        if self.superseded_by and self.valid_to is None:
            raise ValueError("Et afløst mål skal have en slutdato (gælder til).")

    def describe(self, unit: str) -> str:
        unit = unit_text(unit)
        suffix = f" {unit}" if unit else ""
        if self.direction == Direction.range:
            return f"{_num(self.low)}–{_num(self.high)}{suffix}"
        sign = "mindst" if self.direction == Direction.higher else "højst"
        return f"{sign} {_num(self.value)}{suffix}"

    def state(self, today: dt.date) -> TargetState:
        """Upcoming, current or historical at `today`."""
        if self.valid_from is not None and today < self.valid_from:
            return TargetState.upcoming
        if self.valid_to is not None and today > self.valid_to:
            return TargetState.historical
        return TargetState.current

    def is_current(self, today: dt.date) -> bool:
        return self.state(today) is TargetState.current


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    text = f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"
    return text.replace(".", ",")


def evaluate(value: float | None, target: Target | None) -> TargetStatus:
    """On target, near (within the tolerance) or off target."""
    if value is None:
        return TargetStatus.no_data
    if target is None:
        return TargetStatus.no_target
    if target.direction == Direction.range:
        low, high = float(target.low or 0), float(target.high or 0)
        if low <= value <= high:
            return TargetStatus.on_target
        distance = low - value if value < low else value - high
    else:
        goal = float(target.value or 0)
        gap = goal - value if target.direction == Direction.higher else value - goal
        if gap <= 0:
            return TargetStatus.on_target
        distance = gap
    return TargetStatus.near if distance <= target.tolerance else TargetStatus.off_target


def evaluate_at(
    value: float | None,
    target: Target | None,
    today: dt.date,
    measured_until: dt.date | None = None,
) -> TargetStatus:
    """The status shown at `today`: only a current target judges a value, and only a value
    measured within its period (`measured_until`: the last day the measurement can mean)."""
    if value is None:
        return TargetStatus.no_data
    if target is None:
        return TargetStatus.no_target
    if not target.is_current(today):
        return TargetStatus.no_current_target
    if (
        target.valid_from is not None
        and measured_until is not None
        and measured_until < target.valid_from
    ):
        return TargetStatus.before_target
    return evaluate(value, target)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day if it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- date precision ---------------------------------------------------------------------


class DatePrecision(enum.StrEnum):
    """How precise a measurement's date is (the stored date is the last day it can mean)."""

    day = "day"
    month = "month"
    quarter = "quarter"
    year = "year"
    approx_year = "approx_year"  # "ca. 2019"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period_of(day: dt.date, precision: DatePrecision) -> tuple[dt.date, dt.date]:
    """The first and the last day a date of this precision can mean."""
    if precision == DatePrecision.day:
        return day, day
    if precision == DatePrecision.month:
        return day.replace(day=1), _month_end(day.year, day.month)
    if precision == DatePrecision.quarter:
        first = 3 * ((day.month - 1) // 3) + 1
        return dt.date(day.year, first, 1), _month_end(day.year, first + 2)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def period_middle(day: dt.date, precision: DatePrecision) -> dt.date:
    """Where a chart places a date of this precision: the middle of its period."""
    start, end = period_of(day, precision)
    return start + (end - start) // 2


def date_label(day: dt.date, precision: DatePrecision) -> str:
    """A date as precisely as its source gives it: 31. december 2018, december 2018,
    4. kvartal 2018, 2018, ca. 2019."""
    from babel.dates import format_date  # Babel only where labels are made (not the CLI)

    from models.core.formatting import LOCALE, date_long_da

    if precision == DatePrecision.day:
        return date_long_da(day)
    if precision == DatePrecision.month:
        return format_date(day, "MMMM y", locale=LOCALE)
    if precision == DatePrecision.quarter:
        return f"{(day.month - 1) // 3 + 1}. kvartal {day.year}"
    if precision == DatePrecision.approx_year:
        return f"ca. {day.year}"
    return str(day.year)


def value_label(value: float, approximate: bool = False) -> str:
    """A value in Danish format, with "ca." where the source gives an approximate figure."""
    from models.core.formatting import number_da

    return f"ca. {number_da(value)}" if approximate else number_da(value)


_APPROX_YEAR = re.compile(r"ca\.\s*(\d{4})")
_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")


def read_source_date(value: Any) -> tuple[dt.date, DatePrecision]:
    """A date as a seed file writes it, with its precision, stored as its last day:
    2018-12-31 (a day), 2025-09 (a month), 2025-Q3 (a quarter), 2017 (a year), "ca. 2019" (an
    approximate year). Anything else raises ValueError: a seed date is never guessed."""
    if isinstance(value, dt.datetime):
        raise ValueError(f"'{value}' er et tidspunkt, ikke en dato.")
    if isinstance(value, dt.date):
        return value, DatePrecision.day
    text = str(value).strip()
    if match := _APPROX_YEAR.fullmatch(text):
        return dt.date(int(match[1]), 12, 31), DatePrecision.approx_year
    if _YEAR.fullmatch(text) and not isinstance(value, bool):
        return dt.date(int(text), 12, 31), DatePrecision.year
    if match := _MONTH.fullmatch(text):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return _month_end(year, month), DatePrecision.month
    if match := _QUARTER.fullmatch(text):
        year, quarter = int(match[1]), int(match[2])
        return _month_end(year, 3 * quarter), DatePrecision.quarter
    raise ValueError(f"'{value}' kan ikke læses som en dato (fx 2018-12-31, 2017 eller ca. 2019).")


# --- staleness ----------------------------------------------------------------------------


def current_until(
    last_measured: dt.date, frequency: Frequency, precision: DatePrecision = DatePrecision.day
) -> dt.date:
    """The last day a measurement counts as current: its last day plus the frequency (whole
    months from the end of a month, quarter or year)."""
    months = FREQUENCY_MONTHS[frequency]
    if precision == DatePrecision.day:
        return add_months(last_measured, months)
    end = period_of(last_measured, precision)[1]
    later = add_months(end.replace(day=1), months)
    return _month_end(later.year, later.month)


def is_stale(
    last_measured: dt.date | None,
    frequency: Frequency,
    today: dt.date,
    precision: DatePrecision = DatePrecision.day,
) -> bool:
    """Older than its expected frequency: a monthly figure from 15 March is stale after 15 April.

    No measurement is not stale (the indicator has no data)."""
    if last_measured is None:
        return False
    return today > current_until(last_measured, frequency, precision)


class Trend(enum.StrEnum):
    up = "stigende"
    down = "faldende"
    flat = "uændret"


def trend(values: list[float]) -> Trend | None:
    """The direction of the last two measurements (oldest first); None with fewer than two."""
    if len(values) < 2:
        return None
    previous, latest = values[-2], values[-1]
    if latest > previous:
        return Trend.up
    if latest < previous:
        return Trend.down
    return Trend.flat
