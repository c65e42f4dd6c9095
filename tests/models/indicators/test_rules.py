"""Target evaluation, staleness at the boundary, and trend."""

from __future__ import annotations

import datetime as dt

import pytest

from models.indicators.rules import (
    DatePrecision,
    Direction,
    Frequency,
    Target,
    TargetState,
    TargetStatus,
    Trend,
    add_months,
    current_until,
    date_label,
    evaluate,
    evaluate_at,
    is_stale,
    period_middle,
    read_source_date,
    trend,
    value_label,
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
        (None, Frequency.yearly, dt.date(2026, 1, 1), False),  # no data is not stale
    ],
)
def test_staleness_at_the_boundary(
    last: dt.date | None, frequency: Frequency, today: dt.date, stale: bool
) -> None:
    assert is_stale(last, frequency, today) is stale


D = dt.date
DAY, MONTH, QUARTER, YEAR, ABOUT = (
    DatePrecision.day,
    DatePrecision.month,
    DatePrecision.quarter,
    DatePrecision.year,
    DatePrecision.approx_year,
)


@pytest.mark.parametrize(
    ("last", "precision", "frequency", "until"),
    [
        (D(2026, 3, 15), DAY, Frequency.monthly, D(2026, 4, 15)),
        (D(2025, 9, 30), MONTH, Frequency.monthly, D(2025, 10, 31)),  # month end to month end
        (D(2025, 9, 30), QUARTER, Frequency.quarterly, D(2025, 12, 31)),
        (D(2017, 12, 31), YEAR, Frequency.yearly, D(2018, 12, 31)),
        (D(2019, 12, 31), ABOUT, Frequency.quarterly, D(2020, 3, 31)),  # "ca. 2019": as 2019
    ],
)
def test_imprecise_dates_are_current_until_their_period_end_plus_the_frequency(
    last: dt.date, precision: DatePrecision, frequency: Frequency, until: dt.date
) -> None:
    assert current_until(last, frequency, precision) == until
    assert not is_stale(last, frequency, until, precision)
    assert is_stale(last, frequency, until + dt.timedelta(days=1), precision)


@pytest.mark.parametrize(
    ("written", "stored", "precision", "label"),
    [
        (D(2018, 12, 31), D(2018, 12, 31), DAY, "31. december 2018"),
        ("2025-09", D(2025, 9, 30), MONTH, "september 2025"),
        ("2024-02", D(2024, 2, 29), MONTH, "februar 2024"),
        ("2025-Q3", D(2025, 9, 30), QUARTER, "3. kvartal 2025"),
        (2017, D(2017, 12, 31), YEAR, "2017"),
        ("2017", D(2017, 12, 31), YEAR, "2017"),
        ("ca. 2019", D(2019, 12, 31), ABOUT, "ca. 2019"),
    ],
)
def test_source_dates_keep_their_precision(
    written: object, stored: dt.date, precision: DatePrecision, label: str
) -> None:
    assert read_source_date(written) == (stored, precision)
    assert date_label(stored, precision) == label


@pytest.mark.parametrize(
    "written", ["2025-13", "ca 2019", "omkring 2019", "2019-01-01x", "Q3 2025", True, ""]
)
def test_a_source_date_that_cannot_be_read_is_refused_never_guessed(written: object) -> None:
    with pytest.raises(ValueError, match="kan ikke læses som en dato"):
        read_source_date(written)


def test_a_time_is_not_a_source_date() -> None:
    with pytest.raises(ValueError, match="tidspunkt"):
        read_source_date(dt.datetime(2019, 1, 1, 12, 0))


def test_charts_place_imprecise_dates_in_the_middle_of_their_period() -> None:
    assert period_middle(D(2018, 12, 31), DAY) == D(2018, 12, 31)
    assert period_middle(D(2019, 12, 31), ABOUT) == D(2019, 7, 2)
    assert period_middle(D(2025, 9, 30), QUARTER) == D(2025, 8, 15)


def test_approximate_values_say_so() -> None:
    assert (value_label(55, approximate=True), value_label(1023)) == ("ca. 55", "1.023")


# The plan's caseload target (14 Nov 2024 to 31 Dec 2027) and the 2019 strategy's goal for 2021.
PLAN = Target(
    Direction.range,
    low=20,
    high=25,
    tolerance=3,
    valid_from=D(2024, 11, 14),
    valid_to=D(2027, 12, 31),
)
STRATEGY = Target(
    Direction.higher,
    value=50,
    document="Fælles om Forebyggelse (ca. 2019)",
    for_year=2021,
    valid_to=D(2021, 12, 31),
    superseded_by="Udviklings- og genopretningsplanen 2024–2027",
)


@pytest.mark.parametrize(
    ("target", "today", "state"),
    [
        (PLAN, D(2024, 11, 13), TargetState.upcoming),
        (PLAN, D(2024, 11, 14), TargetState.current),
        (PLAN, D(2027, 12, 31), TargetState.current),
        (PLAN, D(2028, 1, 1), TargetState.historical),
        (STRATEGY, D(2021, 12, 31), TargetState.current),
        (STRATEGY, D(2022, 1, 1), TargetState.historical),
        (Target(Direction.lower, value=30), D(1990, 1, 1), TargetState.current),  # no bounds
    ],
)
def test_a_target_applies_within_its_validity_period(
    target: Target, today: dt.date, state: TargetState
) -> None:
    assert target.state(today) is state


@pytest.mark.parametrize(
    ("value", "target", "today", "measured", "expected"),
    [
        (36, STRATEGY, D(2021, 12, 31), D(2018, 12, 31), OFF),  # current: evaluated
        (36, STRATEGY, D(2022, 1, 1), D(2018, 12, 31), TargetStatus.no_current_target),
        (61, STRATEGY, D(2026, 11, 23), D(2026, 6, 30), TargetStatus.no_current_target),
        (22, PLAN, D(2024, 11, 13), D(2024, 11, 1), TargetStatus.no_current_target),
        (22, PLAN, D(2024, 11, 14), D(2024, 11, 14), ON),
        (55, PLAN, D(2026, 11, 23), D(2019, 12, 31), TargetStatus.before_target),  # ca. 2019
        (28, PLAN, D(2026, 11, 23), D(2026, 9, 30), NEAR),
        (None, PLAN, D(2026, 11, 23), None, TargetStatus.no_data),
        (55, None, D(2026, 11, 23), D(2019, 12, 31), TargetStatus.no_target),
    ],
)
def test_only_a_current_target_judges_a_value_measured_in_its_period(
    value: float | None,
    target: Target | None,
    today: dt.date,
    measured: dt.date | None,
    expected: TargetStatus,
) -> None:
    assert evaluate_at(value, target, today, measured) is expected


def test_a_target_period_must_be_readable() -> None:
    with pytest.raises(ValueError, match="gælde fra en dato før"):
        Target(Direction.lower, value=3, valid_from=D(2025, 1, 2), valid_to=D(2025, 1, 1))
    with pytest.raises(ValueError, match="afløst mål skal have en slutdato"):
        Target(Direction.lower, value=3, superseded_by="Planen")


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
        (AT_LEAST_50, "procent", "mindst 50 %"),
        (Target(Direction.lower, value=12.5), "dage", "højst 12,5 dage"),
    ],
)
def test_target_descriptions(target: Target, unit: str, text: str) -> None:
    assert target.describe(unit) == text
