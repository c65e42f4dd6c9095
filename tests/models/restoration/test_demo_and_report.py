"""Demo data (labelled, removable, deterministic) and the restoration report built from data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Actor, PermissionDenied, Role
from models.restoration.case_import import apply_import, parse_cases
from models.restoration.demo_cases import remove_demo, seed_demo
from models.restoration.report import build_report
from models.restoration.tables import MissingStep, RestorationCase
from tests.factories import actor_for, make_user

TODAY = dt.date(2026, 11, 23)
DEADLINE = dt.date(2026, 6, 30)
CLI = Actor.command_line()


def count(session: Session, table: type) -> int:
    return session.exec(select(sa.func.count()).select_from(table)).one()


def test_demo_data_is_about_400_labelled_cases_with_1_to_6_steps(session: Session) -> None:
    assert seed_demo(session, actor=CLI, today=TODAY) == 400
    session.commit()
    cases = session.exec(select(RestorationCase)).all()
    assert len(cases) == 400
    assert all(case.is_demo and case.reference.startswith("DEMO-") for case in cases)
    per_case = dict(
        session.exec(
            select(MissingStep.case_id, sa.func.count()).group_by(MissingStep.case_id)
        ).all()
    )
    a1 = [case for case in cases if case.track_code == "A.1"]
    assert {per_case[case.id] for case in a1} <= set(range(1, 7))
    assert min(case.reviewed_on for case in a1) >= dt.date(2024, 9, 2)


def test_demo_data_is_deterministic_and_replaced_not_duplicated(session: Session) -> None:
    seed_demo(session, actor=CLI, today=TODAY)
    first = build_report(session, today=TODAY, deadline=DEADLINE)
    seed_demo(session, actor=CLI, today=TODAY)
    session.commit()
    assert count(session, RestorationCase) == 400
    assert build_report(session, today=TODAY, deadline=DEADLINE) == first


def test_demo_data_is_removed_with_one_command_and_real_cases_stay(session: Session) -> None:
    seed_demo(session, actor=CLI, today=TODAY)
    real = "Sagsreference;Team;Spor;Gennemgået;Sagsskridt\nS-1;Handicap;A.1;01-10-2024;afgørelse"
    apply_import(session, actor=CLI, parsed=parse_cases(real.encode(), "sager.csv"))
    assert remove_demo(session, actor=CLI) == 400
    session.commit()
    assert [c.reference for c in session.exec(select(RestorationCase))] == ["S-1"]
    assert count(session, MissingStep) == 1


@pytest.mark.parametrize("role", [Role.editor, Role.viewer])
def test_only_admins_load_or_remove_demo_data(session: Session, role: Role) -> None:
    actor = actor_for(make_user(session, f"{role.value}-x", role))
    with pytest.raises(PermissionDenied):
        seed_demo(session, actor=actor, today=TODAY)
    with pytest.raises(PermissionDenied):
        remove_demo(session, actor=actor)


def test_report_on_an_empty_database(session: Session) -> None:
    report = build_report(session, today=TODAY, deadline=DEADLINE)
    assert (report.has_data, report.cases, report.total_steps, report.burn_down) == (
        False,
        0,
        0,
        [],
    )
    assert report.headline.open_steps == 0
    assert report.lost_earnings is None


def test_report_figures_follow_an_import(engine: Engine, session: Session) -> None:
    text = "\n".join(
        [
            "Sagsreference;Team;Spor;Bekymringsgrad;Gennemgået;Genopretningsplan udarbejdet;"
            "Familie orienteret;Fuldt genoprettet;Genberegnet;Korrektion (kr.);Sagsskridt;"
            "Skridt frist;Skridt udført",
            "S-1;Handicap;A.1;høj;01-10-2025;15-10-2025;20-10-2025;;;;afgørelse;01-11-2026;",
            "S-1;Handicap;A.1;høj;01-10-2025;15-10-2025;20-10-2025;;;;partshøring;;10-11-2026",
            "S-2;Modtagelsen;A.1;lav;01-10-2025;;;05-11-2026;;;børnesamtale;;05-11-2026",
            "T-1;Handicap;C.1;;01-12-2024;;;;01-02-2025;-300,50;;;",
            "T-2;Handicap;C.1;;01-12-2024;;;;;;;;",
        ]
    )
    apply_import(session, actor=CLI, parsed=parse_cases(text.encode(), "sager.csv"))
    session.commit()
    report = build_report(session, today=TODAY, deadline=DEADLINE)
    assert (report.cases, report.restored, report.with_plan, report.families_informed) == (
        2,
        1,
        1,
        1,
    )
    assert report.total_steps == 3
    assert report.headline.open_steps == 1
    assert report.headline.pace_4_weeks == 2 / 4  # 5 and 10 Nov 2026
    assert report.headline.days_late == (TODAY - DEADLINE).days
    assert report.open_by_type == {"afgørelse": 1}
    assert report.open_by_concern == {"høj": 1}
    (overdue,) = report.overdue
    assert (overdue.reference, overdue.step_type, overdue.days_overdue) == ("S-1", "afgørelse", 22)
    assert report.lost_earnings.cases == 2
    assert report.lost_earnings.recalculated == 1
    assert report.lost_earnings.corrections_dkk == Decimal("-300.50")
