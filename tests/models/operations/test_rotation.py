"""Rotation keeps the newest backup of each of the last N days and M ISO weeks."""

from __future__ import annotations

import datetime as dt

import pytest

from models.operations.rotation import backups_to_keep


def at(day: int, hour: int = 2) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=dt.UTC)


# 2026-11-30 is a Monday; ISO weeks: 16-22 (47), 23-29 (48), 30- (49).
NIGHTLY = [(f"b{day:02d}", at(day)) for day in range(16, 31)]


@pytest.mark.parametrize(
    ("backups", "daily", "weekly", "expected"),
    [
        ([], 7, 4, set()),
        (NIGHTLY, 3, 0, {"b30", "b29", "b28"}),
        (NIGHTLY, 0, 3, {"b30", "b29", "b22"}),  # newest of weeks 49, 48, 47
        (NIGHTLY, 2, 3, {"b30", "b29", "b22"}),
        (NIGHTLY, 0, 0, {"b30"}),  # the newest is always kept
        ([("early", at(20, 1)), ("late", at(20, 23))], 1, 0, {"late"}),
        ([("a", at(16)), ("b", at(20))], 7, 0, {"a", "b"}),  # fewer days than allowed
    ],
)
def test_backups_to_keep(
    backups: list[tuple[str, dt.datetime]], daily: int, weekly: int, expected: set[str]
) -> None:
    assert backups_to_keep(backups, daily=daily, weekly=weekly) == expected
