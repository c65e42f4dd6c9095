"""The restoration page's figures, computed in the database: counts per track, per day, per
step type/team/concern, and the first overdue steps; Python only adds up O(days) rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, select

from models.restoration.metrics import (
    WEEK,
    Headline,
    burn_down_counts,
    burn_up_counts,
    headline_from_counts,
    ideal_line,
)
from models.restoration.tables import MissingStep, RestorationCase

MAX_OVERDUE_LISTED = 500


@dataclass(frozen=True)
class OverdueStep:
    reference: str
    team: str
    step_type: str
    due_on: dt.date
    days_overdue: int


@dataclass(frozen=True)
class LostEarnings:
    cases: int
    reviewed: int
    recalculated: int
    families_informed: int
    corrections_dkk: Decimal


@dataclass(frozen=True)
class RestorationReport:
    today: dt.date
    deadline: dt.date
    has_data: bool
    demo_cases: int
    cases: int
    restored: int
    with_plan: int
    families_informed: int
    total_steps: int
    headline: Headline
    burn_down: list[tuple[dt.date, int]] = field(default_factory=list)
    burn_up: list[tuple[dt.date, int]] = field(default_factory=list)
    ideal: list[tuple[dt.date, float]] = field(default_factory=list)
    open_by_type: dict[str, int] = field(default_factory=dict)
    open_by_team: dict[str, int] = field(default_factory=dict)
    open_by_concern: dict[str, int] = field(default_factory=dict)
    overdue: list[OverdueStep] = field(default_factory=list)
    overdue_total: int = 0
    lost_earnings: LostEarnings | None = None


NO_CONCERN = "ikke angivet"

# --- the queries (each a function returning its statement, so tests can EXPLAIN it) ---------


def _step_is_open(today: dt.date) -> sa.ColumnElement[bool]:
    """Not done by the end of `today` (the open figures count steps of unreviewed cases too)."""
    return sa.or_(MissingStep.done_on.is_(None), MissingStep.done_on > today)  # type: ignore[union-attr,operator]


def _steps_with_cases() -> sa.Select:
    return (
        sa.select()
        .select_from(MissingStep)
        .join(
            RestorationCase,
            RestorationCase.id == MissingStep.case_id,  # type: ignore[arg-type]
        )
    )


def cases_by_track_query(today: dt.date) -> sa.Select:
    """Per track: cases, demo cases, restored by `today`, with a plan, families informed,
    reviewed, recalculated, and the sum of corrections (one pass over the cases)."""
    case = RestorationCase
    return (
        sa.select(
            case.track_code,
            sa.func.count(),
            sa.func.count().filter(case.is_demo == sa.true()),
            sa.func.count().filter(case.restored_on <= today),  # type: ignore[operator]
            sa.func.count(case.plan_made_on),
            sa.func.count(case.family_informed_on),
            sa.func.count(case.reviewed_on),
            sa.func.count(case.recalculated_on),
            sa.func.sum(case.correction_dkk),
        )
        .group_by(case.track_code)
        .order_by(case.track_code)
    )


def opened_per_day_query() -> sa.Select:
    """Steps per review day of their case (None: not reviewed yet, found `today`)."""
    return (
        _steps_with_cases()
        .add_columns(RestorationCase.reviewed_on, sa.func.count())
        .group_by(RestorationCase.reviewed_on)
    )


def done_per_day_query() -> sa.Select:
    """Done steps per day done, with the later review day of their case when they were done
    before it, and whether their case is unreviewed (both move the day they count as done)."""
    later_review = sa.case(
        (RestorationCase.reviewed_on > MissingStep.done_on, RestorationCase.reviewed_on)  # type: ignore[operator]
    )
    unreviewed = sa.case((RestorationCase.reviewed_on.is_(None), 1), else_=0)  # type: ignore[union-attr]
    # Every step, the open ones as a group of their own (skipped): most steps are done, and
    # reading them in table order beats walking the done_on index and looking each row up
    # (SQLite walks it when done_on leads the GROUP BY: 3× slower at 100,000 steps).
    return (
        _steps_with_cases()
        .add_columns(MissingStep.done_on, later_review, unreviewed, sa.func.count())
        .group_by(later_review, unreviewed, MissingStep.done_on)
    )


def open_breakdown_query(today: dt.date) -> sa.Select:
    """Open steps per step type, team and concern, and how many of them are overdue."""
    overdue = sa.case((MissingStep.due_on < today, 1), else_=0)  # type: ignore[operator]
    return (
        _steps_with_cases()
        .add_columns(
            MissingStep.step_type,
            RestorationCase.team,
            RestorationCase.concern,
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(overdue), 0),
        )
        .where(_step_is_open(today))
        .group_by(MissingStep.step_type, RestorationCase.team, RestorationCase.concern)
    )


def overdue_query(today: dt.date, limit: int | None = None) -> sa.Select:
    """The open steps past their due day, the longest overdue first (the first `limit`,
    MAX_OVERDUE_LISTED unless given)."""
    return (
        _steps_with_cases()
        .add_columns(
            RestorationCase.reference,
            RestorationCase.team,
            MissingStep.step_type,
            MissingStep.due_on,
        )
        .where(_step_is_open(today), MissingStep.due_on < today)  # type: ignore[operator]
        .order_by(MissingStep.due_on, RestorationCase.reference, MissingStep.id)
        .limit(MAX_OVERDUE_LISTED if limit is None else limit)
    )


def restored_per_day_query() -> sa.Select:
    """A.1 cases restored per day."""
    return (
        sa.select(RestorationCase.restored_on, sa.func.count())
        .where(
            RestorationCase.track_code == "A.1",
            RestorationCase.restored_on.is_not(None),  # type: ignore[union-attr]
        )
        .group_by(RestorationCase.restored_on)
    )


def report_queries(today: dt.date) -> dict[str, sa.Select]:
    """Every statement `build_report` runs, by name (for the query-plan tests)."""
    return {
        "cases_by_track": cases_by_track_query(today),
        "opened_per_day": opened_per_day_query(),
        "done_per_day": done_per_day_query(),
        "open_breakdown": open_breakdown_query(today),
        "overdue": overdue_query(today),
        "restored_per_day": restored_per_day_query(),
    }


# --- the report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _TrackFigures:
    cases: int = 0
    demo: int = 0
    restored: int = 0
    with_plan: int = 0
    families_informed: int = 0
    reviewed: int = 0
    recalculated: int = 0
    corrections_dkk: Decimal = Decimal(0)


def _ranked(counts: Counter[str]) -> dict[str, int]:
    """Most first; equal counts alphabetically."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def build_report(session: Session, *, today: dt.date, deadline: dt.date) -> RestorationReport:
    """The restoration figures on `today`, from aggregate queries (rows per track, per day and
    per step type/team/concern; never one row per case or step)."""
    tracks = {
        code: _TrackFigures(*(int(n or 0) for n in counts), corrections_dkk=total or Decimal(0))
        for code, *counts, total in session.execute(cases_by_track_query(today))
    }
    a1, c1 = tracks.get("A.1", _TrackFigures()), tracks.get("C.1")
    opened: Counter[dt.date] = Counter()
    for reviewed_on, n in session.execute(opened_per_day_query()):
        opened[reviewed_on or today] += n
    done: Counter[dt.date] = Counter()  # the day each counts as done (not before it was found)
    closed: Counter[dt.date] = Counter()  # the day each was done (for the pace)
    for done_on, later_review, unreviewed, n in session.execute(done_per_day_query()):
        if done_on is None:
            continue  # open
        closed[done_on] += n
        done[max(done_on, today) if unreviewed else (later_review or done_on)] += n
    open_by_type: Counter[str] = Counter()
    open_by_team: Counter[str] = Counter()
    open_by_concern: Counter[str] = Counter()
    overdue_total = 0
    for step_type, team, concern, n, late in session.execute(open_breakdown_query(today)):
        open_by_type[step_type] += n
        open_by_team[team] += n
        open_by_concern[concern or NO_CONCERN] += n
        overdue_total += int(late)
    overdue = [
        OverdueStep(reference, team, step_type, due_on, (today - due_on).days)
        for reference, team, step_type, due_on in session.execute(overdue_query(today))
    ]
    restored = {day: n for day, n in session.execute(restored_per_day_query())}
    total_steps = sum(opened.values())
    start = min(opened, default=today)

    def closed_since(weeks: int) -> int:
        first = today - weeks * WEEK
        return sum(n for day, n in closed.items() if first < day <= today)

    open_now = sum(n for day, n in opened.items() if day <= today) - sum(
        n for day, n in done.items() if day <= today
    )
    return RestorationReport(
        today=today,
        deadline=deadline,
        has_data=bool(tracks),
        demo_cases=sum(figures.demo for figures in tracks.values()),
        cases=a1.cases,
        restored=a1.restored,
        with_plan=a1.with_plan,
        families_informed=a1.families_informed,
        total_steps=total_steps,
        headline=headline_from_counts(
            open_now,
            closed_4_weeks=closed_since(4),
            closed_8_weeks=closed_since(8),
            today=today,
            deadline=deadline,
        ),
        burn_down=burn_down_counts(opened, done, start, today) if total_steps else [],
        burn_up=burn_up_counts(restored, start, today) if total_steps else [],
        ideal=ideal_line(total_steps, start, deadline) if total_steps else [],
        open_by_type=_ranked(open_by_type),
        open_by_team=_ranked(open_by_team),
        open_by_concern=_ranked(open_by_concern),
        overdue=overdue,
        overdue_total=overdue_total,
        lost_earnings=LostEarnings(
            cases=c1.cases,
            reviewed=c1.reviewed,
            recalculated=c1.recalculated,
            families_informed=c1.families_informed,
            corrections_dkk=c1.corrections_dkk,
        )
        if c1
        else None,
    )


def restoration_revision(session: Session) -> tuple[int, int, str]:
    """Changes whenever cases or steps do: (cases, steps, last case update)."""
    cases, last = session.exec(
        select(sa.func.count(), sa.func.max(RestorationCase.updated_at))
    ).one()
    steps = session.exec(select(sa.func.count()).select_from(MissingStep)).one()
    return int(cases), int(steps), str(last)
