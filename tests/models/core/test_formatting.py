"""Danish date and number formats."""

from __future__ import annotations

import datetime as dt

import pytest

from models.core.formatting import date_da, date_long_da, datetime_da, number_da


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 3, 31), "31. mar. 2025"),
        (dt.date(2025, 5, 1), "1. maj 2025"),
        (dt.date(2026, 6, 30), "30. jun. 2026"),
        (None, "–"),
    ],
)
def test_date_da(value: dt.date | None, expected: str) -> None:
    assert date_da(value) == expected


def test_date_long_da() -> None:
    assert date_long_da(dt.date(2024, 11, 14)) == "14. november 2024"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2025, 1, 15, 11, 5, tzinfo=dt.UTC), "15. jan. 2025 12:05"),  # CET = UTC+1
        (dt.datetime(2025, 7, 1, 10, 0, tzinfo=dt.UTC), "1. jul. 2025 12:00"),  # CEST = UTC+2
        (dt.datetime(2025, 7, 1, 10, 0), "1. jul. 2025 12:00"),  # naive = UTC
        (None, "–"),
    ],
)
def test_datetime_da_shows_danish_local_time(value: dt.datetime | None, expected: str) -> None:
    assert datetime_da(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, None, "1.234,5"),
        (17_500_000, None, "17.500.000"),
        (2, 1, "2,0"),
        (66.666, 0, "67"),
    ],
)
def test_number_da(value: float, decimals: int | None, expected: str) -> None:
    assert number_da(value, decimals) == expected


def test_one_date_style_for_prose_and_one_for_tables() -> None:
    from models.core.formatting import (
        date_table_da,
        datetime_long_da,
        datetime_table_da,
    )

    assert date_long_da(dt.date(2027, 5, 12)) == "12. maj 2027"
    assert date_table_da(dt.date(2024, 11, 30)) == "30-11-2024"
    assert date_table_da(dt.date(2025, 3, 1)) == "01-03-2025"
    assert date_table_da(None) == "–"
    winter = dt.datetime(2025, 1, 15, 11, 5, tzinfo=dt.UTC)  # CET = UTC+1
    summer = dt.datetime(2025, 7, 1, 22, 30)  # naive = UTC; CEST = UTC+2: the next day
    assert datetime_table_da(winter) == "15-01-2025 12:05"
    assert datetime_table_da(summer) == "02-07-2025 00:30"
    assert datetime_long_da(winter) == "15. januar 2025 kl. 12:05"
    assert datetime_long_da(None) == datetime_table_da(None) == "–"


def test_numbers_and_counts_in_danish() -> None:
    from models.core.formatting import count_da

    assert number_da(1023) == "1.023"
    assert number_da(0.25) == "0,25"
    assert count_da(1, "handling", "handlinger") == "1 handling"
    assert count_da(1, "konflikt", "konflikter") == "1 konflikt"
    assert count_da(1023, "handling", "handlinger") == "1.023 handlinger"
