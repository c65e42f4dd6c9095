"""The restoration report computed in the database equals the same report computed in Python
from every case and step (the former implementation, kept here as the reference, built on the
pure functions of `models.restoration.metrics`), on generated data with the edge cases: steps
done before their case was reviewed, done after today, cases never reviewed or reviewed after
today, steps due today, no concern, C.1 corrections, demo cases."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from models.restoration import report as report_module
from models.restoration.metrics import StepSpan, burn_down, burn_up, headline, ideal_line
from models.restoration.report import (
    LostEarnings,
    OverdueStep,
    RestorationReport,
    build_report,
)
from models.restoration.tables import MissingStep, RestorationCase

TODAY = dt.date(2026, 11, 23)  # a Monday
DEADLINE = dt.date(2026, 6, 30)
TEAMS = ("Handicap", "Modtagelsen", "Børn og Unge")
STEP_TYPES = ("afgørelse", "partshøring", "børnesamtale", "handleplan")
CONCERNS = ("", "lav", "middel", "høj")


def reference_report(
    session: Session, *, today: dt.date, deadline: dt.date, limit: int
) -> RestorationReport:
    """The report as it was computed before it moved into SQL: every case and step loaded."""
    cases = list(session.exec(select(RestorationCase)))
    steps = list(
        session.exec(
            select(
                MissingStep.id,
                MissingStep.case_id,
                MissingStep.step_type,
                MissingStep.due_on,
                MissingStep.done_on,
            ).order_by(MissingStep.id)
        )
    )
    a1 = [case for case in cases if case.track_code == "A.1"]
    by_id = {case.id: case for case in cases}
    spans: list[StepSpan] = []
    open_by_type: Counter[str] = Counter()
    open_by_team: Counter[str] = Counter()
    open_by_concern: Counter[str] = Counter()
    overdue: list[tuple[dt.date, str, int, OverdueStep]] = []
    for step_id, case_id, step_type, due_on, done_on in steps:
        case = by_id[case_id]
        opened = case.reviewed_on or today
        spans.append(StepSpan(opened, done_on))
        if done_on is None or done_on > today:
            open_by_type[step_type] += 1
            open_by_team[case.team] += 1
            open_by_concern[case.concern or "ikke angivet"] += 1
            if due_on is not None and due_on < today:
                step = OverdueStep(
                    case.reference, case.team, step_type, due_on, (today - due_on).days
                )
                overdue.append((due_on, case.reference, step_id, step))
    overdue.sort(key=lambda item: item[:3])
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
        open_by_type=dict(open_by_type),
        open_by_team=dict(open_by_team),
        open_by_concern=dict(open_by_concern),
        overdue=[step for *_, step in overdue[:limit]],
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


def maybe(rng: random.Random, value: dt.date, chance: float = 0.7) -> dt.date | None:
    return value if rng.random() < chance else None


def generate(session: Session, seed: int, *, cases: int = 240) -> None:
    """Cases around TODAY with 0–5 steps each, and every edge case at least once."""
    rng = random.Random(seed)  # noqa: S311  (test data)
    first = dt.date(2024, 9, 2)

    def day(low: dt.date, high: dt.date) -> dt.date:
        return low + dt.timedelta(days=rng.randint(0, (high - low).days))

    case_rows = []
    for number in range(cases):
        track = "C.1" if number % 7 == 0 else "A.1"
        reviewed = maybe(rng, day(first, TODAY + dt.timedelta(days=20)), 0.85)
        case_rows.append(
            {
                "reference": f"S-{number % 37:03d}-{number:04d}",  # not in id order
                "team": rng.choice(TEAMS),
                "track_code": track,
                "concern": rng.choice(CONCERNS),
                "legality": "",
                "reviewed_on": reviewed,
                "plan_made_on": maybe(rng, day(first, TODAY)),
                "family_informed_on": maybe(rng, day(first, TODAY), 0.5),
                "restored_on": maybe(rng, day(first, TODAY + dt.timedelta(days=30)), 0.4),
                "recalculated_on": maybe(rng, day(first, TODAY), 0.5) if track == "C.1" else None,
                "correction_dkk": (
                    Decimal(rng.randint(-500_000, 500_000)) / 100
                    if track == "C.1" and rng.random() < 0.7
                    else None
                ),
                "is_demo": rng.random() < 0.2,
                "updated_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            }
        )
    # The edge cases, by hand: unreviewed with a step done long ago; reviewed after a step's
    # done day; a step due today; a step done in the future; reviewed after today.
    case_rows[1].update(track_code="A.1", reviewed_on=None)
    case_rows[2].update(track_code="A.1", reviewed_on=dt.date(2026, 5, 1))
    case_rows[3].update(track_code="A.1", reviewed_on=TODAY + dt.timedelta(days=3))
    session.execute(sa.insert(RestorationCase), case_rows)
    ids = dict(session.execute(sa.select(RestorationCase.reference, RestorationCase.id)).all())
    step_rows = []
    for row in case_rows:
        for _ in range(rng.randint(0, 5)):
            opened = row["reviewed_on"] or TODAY
            done = maybe(rng, day(opened - dt.timedelta(days=60), TODAY + dt.timedelta(days=20)))
            due = maybe(rng, day(opened - dt.timedelta(days=30), TODAY + dt.timedelta(days=60)))
            step_rows.append(
                {
                    "case_id": ids[row["reference"]],
                    "step_type": rng.choice(STEP_TYPES),
                    "due_on": due,
                    "done_on": done,
                }
            )
    edge = [
        (1, None, dt.date(2025, 1, 10)),  # unreviewed case, done long ago
        (1, TODAY - dt.timedelta(days=3), None),  # unreviewed case, overdue
        (2, TODAY, dt.date(2026, 4, 1)),  # done before the review; due today
        (2, TODAY, None),  # due today, open: not overdue
        (2, TODAY - dt.timedelta(days=1), TODAY),  # done today: closed
        (2, TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=1)),  # done tomorrow: open
        (3, dt.date(2026, 1, 1), dt.date(2026, 11, 1)),  # case reviewed after today
        (3, None, None),
    ]
    for index, due, done in edge:
        step_rows.append(
            {
                "case_id": ids[case_rows[index]["reference"]],
                "step_type": "afgørelse",
                "due_on": due,
                "done_on": done,
            }
        )
    rng.shuffle(step_rows)  # ids not in case order
    session.execute(sa.insert(MissingStep), step_rows)
    session.commit()


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(
    "today",
    [TODAY, TODAY + dt.timedelta(days=2), dt.date(2025, 6, 15), dt.date(2024, 8, 1)],
    ids=["monday", "wednesday", "mid-period", "before-any-review"],
)
def test_the_sql_report_equals_the_python_reference(
    session: Session, monkeypatch: pytest.MonkeyPatch, seed: int, today: dt.date
) -> None:
    generate(session, seed)
    monkeypatch.setattr(report_module, "MAX_OVERDUE_LISTED", 25)  # the list is cut off

    found = build_report(session, today=today, deadline=DEADLINE)

    expected = reference_report(session, today=today, deadline=DEADLINE, limit=25)
    assert found == expected
    if today == TODAY:  # the data reaches every branch
        assert found.overdue_total > len(found.overdue) == 25
        assert 0 < found.headline.open_steps < found.total_steps
        assert found.lost_earnings is not None
        assert found.lost_earnings.corrections_dkk
        assert "ikke angivet" in found.open_by_concern


def test_the_breakdowns_list_the_most_first(session: Session) -> None:
    generate(session, 4)

    found = build_report(session, today=TODAY, deadline=DEADLINE)

    for breakdown in (found.open_by_type, found.open_by_team, found.open_by_concern):
        ranked = sorted(breakdown.items(), key=lambda item: (-item[1], item[0]))
        assert list(breakdown.items()) == ranked


def test_cases_without_steps_give_figures_but_no_charts(session: Session) -> None:
    session.add(RestorationCase(reference="S-1", team="Handicap", track_code="A.1"))
    session.add(
        RestorationCase(
            reference="T-1", team="Handicap", track_code="C.1", correction_dkk=Decimal("10.05")
        )
    )
    session.commit()

    found = build_report(session, today=TODAY, deadline=DEADLINE)

    assert found == reference_report(session, today=TODAY, deadline=DEADLINE, limit=500)
    assert (found.has_data, found.cases, found.total_steps, found.burn_down) == (True, 1, 0, [])
    assert found.lost_earnings.corrections_dkk == Decimal("10.05")
