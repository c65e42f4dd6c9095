"""Pure rules for effect goals: target evaluation, staleness and trend."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass


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
    no_data = "Ingen data"


@dataclass(frozen=True)
class Target:
    """A target: a value with a direction, or a range; `tolerance` is how far off is 'near'."""

    direction: Direction
    value: float | None = None
    low: float | None = None
    high: float | None = None
    tolerance: float = 0.0

    def __post_init__(self) -> None:
        if self.direction == Direction.range:
            if self.low is None or self.high is None or self.low > self.high:
                raise ValueError("Et interval kræver en nedre og en øvre grænse (nedre ≤ øvre).")
        elif self.value is None:
            raise ValueError("Et mål kræver en værdi.")

    def describe(self, unit: str) -> str:
        suffix = f" {unit}" if unit else ""
        if self.direction == Direction.range:
            return f"{_num(self.low)}–{_num(self.high)}{suffix}"
        sign = "mindst" if self.direction == Direction.higher else "højst"
        return f"{sign} {_num(self.value)}{suffix}"


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


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day if it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_stale(last_measured: dt.date | None, frequency: Frequency, today: dt.date) -> bool:
    """Older than its expected frequency: a monthly figure from 15 March is stale after 15 April."""
    if last_measured is None:
        return True
    return today > add_months(last_measured, FREQUENCY_MONTHS[frequency])


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
