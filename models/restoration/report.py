"""The restoration page's figures, recomputed from the data on every read."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, select

from models.restoration.metrics import Headline, StepSpan, burn_down, burn_up, headline, ideal_line
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


def _rows(session: Session) -> tuple[list[RestorationCase], list[tuple]]:
    cases = list(session.exec(select(RestorationCase)))
    steps = list(
        session.exec(
            select(
                MissingStep.case_id, MissingStep.step_type, MissingStep.due_on, MissingStep.done_on
            )
        )
    )
    return cases, steps


def build_report(session: Session, *, today: dt.date, deadline: dt.date) -> RestorationReport:
    cases, steps = _rows(session)
    a1 = [case for case in cases if case.track_code == "A.1"]
    by_id = {case.id: case for case in cases}
    spans: list[StepSpan] = []
    open_by_type: Counter[str] = Counter()
    open_by_team: Counter[str] = Counter()
    open_by_concern: Counter[str] = Counter()
    overdue: list[OverdueStep] = []
    for case_id, step_type, due_on, done_on in steps:
        case = by_id[case_id]
        opened = case.reviewed_on or today
        spans.append(StepSpan(opened, done_on))
        if done_on is None or done_on > today:
            open_by_type[step_type] += 1
            open_by_team[case.team] += 1
            open_by_concern[case.concern or "ikke angivet"] += 1
            if due_on is not None and due_on < today:
                overdue.append(
                    OverdueStep(case.reference, case.team, step_type, due_on, (today - due_on).days)
                )
    overdue.sort(key=lambda step: (step.due_on, step.reference))
    start = min((span.opened for span in spans), default=today)
    c1 = [case for case in cases if case.track_code == "C.1"]
    return RestorationReport(
        today=today,
        deadline=deadline,
        has_data=bool(cases),
        demo_cases=sum(case.is_demo for case in cases),
        cases=len(a1),
        restored=sum(case.restored_on is not None and case.restored_on <= today for case in a1),
        with_plan=sum(case.plan_made_on is not None for case in a1),
        families_informed=sum(case.family_informed_on is not None for case in a1),
        total_steps=len(spans),
        headline=headline(spans, today, deadline),
        burn_down=burn_down(spans, start, today) if spans else [],
        burn_up=burn_up((case.restored_on for case in a1), start, today) if spans else [],
        ideal=ideal_line(len(spans), start, deadline) if spans else [],
        open_by_type=dict(open_by_type.most_common()),
        open_by_team=dict(open_by_team.most_common()),
        open_by_concern=dict(open_by_concern.most_common()),
        overdue=overdue[:MAX_OVERDUE_LISTED],
        overdue_total=len(overdue),
        lost_earnings=LostEarnings(
            cases=len(c1),
            reviewed=sum(case.reviewed_on is not None for case in c1),
            recalculated=sum(case.recalculated_on is not None for case in c1),
            families_informed=sum(case.family_informed_on is not None for case in c1),
            corrections_dkk=sum((case.correction_dkk or Decimal(0) for case in c1), Decimal(0)),
        )
        if c1
        else None,
    )


def restoration_revision(session: Session) -> tuple[int, int, str]:
    """Changes whenever cases or steps do: (cases, steps, last case update)."""
    cases, last = session.exec(
        select(sa.func.count(RestorationCase.id), sa.func.max(RestorationCase.updated_at))
    ).one()
    steps = session.exec(select(sa.func.count(MissingStep.id))).one()
    return int(cases), int(steps), str(last)
