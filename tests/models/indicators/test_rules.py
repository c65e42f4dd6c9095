"""Target evaluation, staleness at the boundary, and trend."""

from __future__ import annotations

import datetime as dt

import pytest

from models.indicators.rules import (
    Direction,
    Frequency,
    Target,
    TargetStatus,
    Trend,
    add_months,
    evaluate,
    is_stale,
    trend,
)

ON, NEAR, OFF = TargetStatus.on_target, TargetStatus.near, TargetStatus.off_target
AT_LEAST_50 = Target(Direction.higher, value=50, tolerance=5)
AT_MOST_30 = Target(Direction.lower, value=30, tolerance=3)
BETWEEN_20_25 = Target(Direction.range, low=20, high=25, tolerance=2)


@pytest.mark.parametrize(
    ("value", "target", "expected"),
    [
        (50, AT_LEAST_50, ON),
        (61, AT_LEAST_50, ON),
        (45, AT_LEAST_50, NEAR),
        (44.9, AT_LEAST_50, OFF),
        (36, AT_LEAST_50, OFF),
        (30, AT_MOST_30, ON),
        (12, AT_MOST_30, ON),
        (33, AT_MOST_30, NEAR),
        (33.1, AT_MOST_30, OFF),
        (20, BETWEEN_20_25, ON),
        (25, BETWEEN_20_25, ON),
        (22.5, BETWEEN_20_25, ON),
        (18, BETWEEN_20_25, NEAR),
        (27, BETWEEN_20_25, NEAR),
        (17.9, BETWEEN_20_25, OFF),
        (55, BETWEEN_20_25, OFF),
        (55, None, TargetStatus.no_target),
        (None, BETWEEN_20_25, TargetStatus.no_data),
    ],
)
def test_evaluate(value: float | None, target: Target | None, expected: TargetStatus) -> None:
    assert evaluate(value, target) is expected


def test_a_zero_tolerance_has_no_near() -> None:
    assert evaluate(49.99, Target(Direction.higher, value=50)) is OFF


@pytest.mark.parametrize(
    ("last", "frequency", "today", "stale"),
    [
        (dt.date(2026, 3, 15), Frequency.monthly, dt.date(2026, 4, 15), False),
        (dt.date(2026, 3, 15), Frequency.monthly, dt.date(2026, 4, 16), True),
        (dt.date(2026, 1, 31), Frequency.monthly, dt.date(2026, 2, 28), False),  # short month
        (dt.date(2026, 1, 31), Frequency.monthly, dt.date(2026, 3, 1), True),
        (dt.date(2026, 3, 31), Frequency.quarterly, dt.date(2026, 6, 30), False),
        (dt.date(2026, 3, 31), Frequency.quarterly, dt.date(2026, 7, 1), True),
        (dt.date(2024, 2, 29), Frequency.yearly, dt.date(2025, 2, 28), False),  # leap day
        (dt.date(2024, 2, 29), Frequency.yearly, dt.date(2025, 3, 1), True),
        (None, Frequency.yearly, dt.date(2026, 1, 1), True),
    ],
)
def test_staleness_at_the_boundary(
    last: dt.date | None, frequency: Frequency, today: dt.date, stale: bool
) -> None:
    assert is_stale(last, frequency, today) is stale


def test_add_months_across_the_year() -> None:
    assert add_months(dt.date(2025, 11, 30), 3) == dt.date(2026, 2, 28)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], None),
        ([5], None),
        ([524, 1023], Trend.up),
        ([131, 87], Trend.down),
        ([3, 3], Trend.flat),
    ],
)
def test_trend(values: list[float], expected: Trend | None) -> None:
    assert trend(values) == expected


@pytest.mark.parametrize(
    ("target", "unit", "text"),
    [
        (BETWEEN_20_25, "", "20–25"),
        (AT_LEAST_50, "procent", "mindst 50 procent"),
        (Target(Direction.lower, value=12.5), "dage", "højst 12,5 dage"),
    ],
)
def test_target_descriptions(target: Target, unit: str, text: str) -> None:
    assert target.describe(unit) == text
