"""Restoration metrics against hand-computed values."""

from __future__ import annotations

import datetime as dt

import pytest

from models.restoration.metrics import (
    Headline,
    StepSpan,
    burn_down,
    burn_up,
    headline,
    open_steps,
    pace,
    projected_completion,
    required_pace,
    weekly_dates,
)

D = dt.date
DEADLINE = D(2026, 6, 30)
# Found on 1 Jan 2026; two done in the four weeks to 1 Mar, one earlier, two still open.
STEPS = [
    StepSpan(D(2026, 1, 1), D(2026, 1, 20)),
    StepSpan(D(2026, 1, 1), D(2026, 2, 10)),
    StepSpan(D(2026, 1, 1), D(2026, 3, 1)),
    StepSpan(D(2026, 1, 1)),
    StepSpan(D(2026, 2, 1)),
]
TODAY = D(2026, 3, 1)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2025, 12, 31), 0),
        (D(2026, 1, 1), 4),
        (D(2026, 1, 20), 3),
        (D(2026, 2, 1), 4),
        (D(2026, 3, 1), 2),
    ],
)
def test_open_steps(on: dt.date, expected: int) -> None:
    assert open_steps(STEPS, on) == expected


@pytest.mark.parametrize(
    ("weeks", "expected"),
    # (1 Feb, 1 Mar]: 10 Feb and 1 Mar; (4 Jan, 1 Mar] adds 20 Jan.
    [(4, 2 / 4), (8, 3 / 8), (12, 3 / 12)],
)
def test_pace(weeks: int, expected: float) -> None:
    assert pace(STEPS, TODAY, weeks) == expected


@pytest.mark.parametrize(
    ("open_now", "today", "expected"),
    [
        (2, D(2026, 3, 1), 2 / (121 / 7)),  # 121 days to 30 Jun
        (0, D(2026, 3, 1), 0.0),
        (7, D(2026, 6, 23), 7.0),  # one week left
        (5, D(2026, 6, 30), None),  # deadline today: no pace can make it
        (5, D(2026, 9, 1), None),
    ],
)
def test_required_pace(open_now: int, today: dt.date, expected: float | None) -> None:
    assert required_pace(open_now, today, DEADLINE) == expected


@pytest.mark.parametrize(
    ("open_now", "weekly", "expected"),
    [
        (2, 0.5, D(2026, 3, 29)),  # 4 weeks
        (3, 2.0, D(2026, 3, 12)),  # 1.5 weeks = 10.5 days -> 11
        (0, 0.0, D(2026, 3, 1)),  # nothing open: done today
        (4, 0.0, None),  # nothing being closed: never
    ],
)
def test_projected_completion(open_now: int, weekly: float, expected: dt.date | None) -> None:
    assert projected_completion(open_now, weekly, TODAY) == expected


def test_weekly_dates_are_mondays_covering_both_ends() -> None:
    assert weekly_dates(D(2026, 1, 1), D(2026, 1, 19)) == [
        D(2025, 12, 29),
        D(2026, 1, 5),
        D(2026, 1, 12),
        D(2026, 1, 19),
    ]


def test_burn_down_and_burn_up() -> None:
    assert burn_down(STEPS, D(2026, 1, 5), D(2026, 2, 2)) == [
        (D(2026, 1, 5), 4),
        (D(2026, 1, 12), 4),
        (D(2026, 1, 19), 4),
        (D(2026, 1, 26), 3),
        (D(2026, 2, 2), 4),
    ]
    restored = [D(2026, 1, 20), None, D(2026, 1, 27)]
    assert burn_up(restored, D(2026, 1, 19), D(2026, 2, 2)) == [
        (D(2026, 1, 19), 0),
        (D(2026, 1, 26), 1),
        (D(2026, 2, 2), 2),
    ]


@pytest.mark.parametrize(
    ("steps", "today", "expected"),
    [
        pytest.param(
            STEPS,
            TODAY,
            Headline(2, 0.5, 0.375, 2 / (121 / 7), D(2026, 3, 29), True, 0),
            id="on-track",
        ),
        pytest.param([], TODAY, Headline(0, 0.0, 0.0, 0.0, TODAY, True, 0), id="empty"),
        pytest.param(
            [StepSpan(D(2026, 1, 1), D(2026, 2, 1))],
            TODAY,
            Headline(0, 0.0, 0.125, 0.0, TODAY, True, 0),
            id="finished",  # done 1 Feb: exactly four weeks ago, outside (1 Feb, 1 Mar]
        ),
        pytest.param(
            STEPS,
            D(2026, 9, 1),
            Headline(2, 0.0, 0.0, None, None, None, 63),
            id="past-deadline",
        ),
    ],
)
def test_headline(steps: list[StepSpan], today: dt.date, expected: Headline) -> None:
    assert headline(steps, today, DEADLINE) == expected
