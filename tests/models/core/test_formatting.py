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
