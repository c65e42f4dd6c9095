"""Pure restoration metrics: backlog over time, pace, required pace and projected completion.

A missing step counts as open from the day its case was reviewed (when the step was found)
until the day it was done. Paces are steps closed per week.

Two forms of the same figures: from one `StepSpan` per step (`burn_down`, `headline`: the
reference, for small lists and the tests), and from counts per day (`burn_down_counts`,
`burn_up_counts`, `headline_from_counts`: what `models.restoration.report` gets back from its
GROUP BY queries, O(days) rather than O(steps)).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class StepSpan:
    """One missing step: found on `opened`, done on `done` (None while open)."""

    opened: dt.date
    done: dt.date | None = None

    def is_open(self, on: dt.date) -> bool:
        return self.opened <= on and (self.done is None or self.done > on)


def open_steps(steps: Iterable[StepSpan], on: dt.date) -> int:
    """Steps open at the end of `on`."""
    return sum(step.is_open(on) for step in steps)


def pace(steps: Iterable[StepSpan], today: dt.date, weeks: int) -> float:
    """Steps closed per week over the `weeks` weeks up to and including `today`."""
    start = today - weeks * WEEK
    closed = sum(1 for s in steps if s.done is not None and start < s.done <= today)
    return closed / weeks


def required_pace(open_now: int, today: dt.date, deadline: dt.date) -> float | None:
    """Steps per week needed to close `open_now` by `deadline`; None once the deadline is here."""
    if open_now == 0:
        return 0.0
    days_left = (deadline - today).days
    if days_left <= 0:
        return None
    return open_now / (days_left / 7)


def projected_completion(open_now: int, weekly_pace: float, today: dt.date) -> dt.date | None:
    """When the backlog reaches zero at `weekly_pace`; None if nothing is being closed."""
    if open_now == 0:
        return today
    if weekly_pace <= 0:
        return None
    return today + dt.timedelta(days=math.ceil(open_now / weekly_pace * 7))


def weekly_dates(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every Monday from the week of `start` to the week of `end`, inclusive."""
    monday = start - dt.timedelta(days=start.weekday())
    dates = []
    while monday <= end:
        dates.append(monday)
        monday += WEEK
    return dates


def burn_down(steps: list[StepSpan], start: dt.date, end: dt.date) -> list[tuple[dt.date, int]]:
    """Open steps at each Monday from `start` to `end` (found by then, not yet done)."""
    opened = sorted(step.opened for step in steps)
    # A step done before it was found counts as done the day it was found.
    done = sorted(max(step.done, step.opened) for step in steps if step.done is not None)
    return [
        (day, bisect.bisect_right(opened, day) - bisect.bisect_right(done, day))
        for day in weekly_dates(start, end)
    ]


def burn_up(
    restored: Iterable[dt.date | None], start: dt.date, end: dt.date
) -> list[tuple[dt.date, int]]:
    """Cumulative restored cases at each Monday from `start` to `end`."""
    dates = sorted(day for day in restored if day is not None)
    return [(day, sum(1 for d in dates if d <= day)) for day in weekly_dates(start, end)]


def _cumulative(per_day: Mapping[dt.date, int]) -> tuple[list[dt.date], list[int]]:
    """The days in order and the running total up to and including each."""
    days = sorted(per_day)
    return days, list(itertools.accumulate(per_day[day] for day in days))


def _up_to(days: list[dt.date], totals: list[int], day: dt.date) -> int:
    """The running total at the end of `day`."""
    index = bisect.bisect_right(days, day)
    return totals[index - 1] if index else 0


def burn_down_counts(
    opened: Mapping[dt.date, int], done: Mapping[dt.date, int], start: dt.date, end: dt.date
) -> list[tuple[dt.date, int]]:
    """`burn_down` from counts per day: steps found on each day, and steps done on each day
    (a step done before it was found counted on the day it was found)."""
    opened_days, opened_totals = _cumulative(opened)
    done_days, done_totals = _cumulative(done)
    return [
        (day, _up_to(opened_days, opened_totals, day) - _up_to(done_days, done_totals, day))
        for day in weekly_dates(start, end)
    ]


def burn_up_counts(
    restored: Mapping[dt.date, int], start: dt.date, end: dt.date
) -> list[tuple[dt.date, int]]:
    """`burn_up` from the number of cases restored on each day."""
    days, totals = _cumulative(restored)
    return [(day, _up_to(days, totals, day)) for day in weekly_dates(start, end)]


def ideal_line(total: int, start: dt.date, deadline: dt.date) -> list[tuple[dt.date, float]]:
    """The straight line from the whole backlog at `start` to zero at `deadline`."""
    return [(start, float(total)), (deadline, 0.0)]


@dataclass(frozen=True)
class Headline:
    open_steps: int
    pace_4_weeks: float
    pace_8_weeks: float
    required_pace: float | None
    projected: dt.date | None
    beats_deadline: bool | None
    days_late: int  # after the deadline: days since it; else 0


def headline(steps: list[StepSpan], today: dt.date, deadline: dt.date) -> Headline:
    """The figures the steering group reads first, from the recent (4-week) pace."""
    return _headline(
        open_steps(steps, today), pace(steps, today, 4), pace(steps, today, 8), today, deadline
    )


def headline_from_counts(
    open_now: int, *, closed_4_weeks: int, closed_8_weeks: int, today: dt.date, deadline: dt.date
) -> Headline:
    """`headline` from counts: steps open at the end of `today`, and steps closed in the four
    and the eight weeks up to and including `today` (as `pace` counts them)."""
    return _headline(open_now, closed_4_weeks / 4, closed_8_weeks / 8, today, deadline)


def _headline(
    open_now: int, pace4: float, pace8: float, today: dt.date, deadline: dt.date
) -> Headline:
    projected = projected_completion(open_now, pace4, today)
    beats = None if projected is None else projected <= deadline
    late = max(0, (today - deadline).days) if open_now else 0
    return Headline(
        open_steps=open_now,
        pace_4_weeks=pace4,
        pace_8_weeks=pace8,
        required_pace=required_pace(open_now, today, deadline),
        projected=projected,
        beats_deadline=beats,
        days_late=late,
    )
