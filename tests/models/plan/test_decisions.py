"""Re-baselining: a plan decision moves deadlines, keeps the plan's, and is audited by name."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session, select

from models.auth.users import PermissionDenied, Role
from models.core.deadlines import DeadlineTarget
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.change_log import list_changes
from models.plan.decisions import (
    DecisionError,
    DecisionMove,
    decision_moves,
    record_decision,
    restoration_target,
)
from models.plan.queries import get_themes
from models.plan.tables import Action, PlanDecision
from tests.factories import actor_for, make_user

TODAY = dt.date(2026, 11, 25)
BLU = "Børn & Læringsudvalget"


@pytest.fixture
def erik(seeded_session: Session):
    return actor_for(make_user(seeded_session, "erik", Role.editor))


def action(session: Session, code: str):
    return next(
        a
        for theme in get_themes(session)
        for track in theme.tracks
        for a in track.actions
        if a.code == code
    )


def decide(session: Session, actor, **overrides):
    values = {
        "decided_on": dt.date(2026, 11, 24),
        "body": BLU,
        "reference": "punkt 140",
        "text": "Nye frister efter genopretningsfristen.",
        "today": TODAY,
        **overrides,
    }
    return record_decision(session, actor=actor, **values)


def test_a_decision_moves_a_deadline_and_keeps_the_plans(seeded_session: Session, erik) -> None:
    before = action(seeded_session, "C.1.2")
    assert before.is_overdue(TODAY)
    decision = decide(seeded_session, erik, deadlines={"C.1.2": dt.date(2027, 3, 31)})
    seeded_session.commit()
    after = action(seeded_session, "C.1.2")
    assert (after.deadline, after.plan_deadline, after.deadline_moved) == (
        dt.date(2027, 3, 31),
        dt.date(2025, 3, 31),
        True,
    )
    assert not after.is_overdue(TODAY)
    assert after.revised_decision_id == decision.id
    assert after.revised_reason == (
        "Beslutning: Børn & Læringsudvalget 24. november 2026 (punkt 140)"
    )
    assert after.version == before.version + 1
    changes = list_changes(seeded_session, action_id=after.id)
    assert {(c.field, c.new_value, c.note) for c in changes} == {
        ("revised_end_date", "2027-03-31", after.revised_reason),
        ("revised_reason", after.revised_reason, after.revised_reason),
    }
    assert decision_moves(seeded_session, decision.id) == [
        DecisionMove("C.1.2", None, dt.date(2027, 3, 31))
    ]


def test_a_grid_opened_before_the_decision_sees_a_conflict(seeded_session: Session, erik) -> None:
    loaded = action(seeded_session, "C.1.2")
    decide(seeded_session, erik, deadlines={"C.1.2": dt.date(2027, 3, 31)})
    (result,) = save_action_edits(
        seeded_session,
        actor=erik,
        edits=[ActionEdit(loaded.id, loaded.version, {"note": "Min note"})],
    )
    assert result.outcome == "conflict"


def test_a_decision_moves_the_restoration_target(seeded_session: Session, erik) -> None:
    assert restoration_target(seeded_session) == DeadlineTarget(
        dt.date(2026, 6, 30), dt.date(2026, 6, 30)
    )
    decide(seeded_session, erik, restoration_deadline=dt.date(2027, 3, 31))
    decide(seeded_session, erik, deadlines={"A.1.2": dt.date(2027, 1, 31)})  # not the target
    assert restoration_target(seeded_session) == DeadlineTarget(
        original=dt.date(2026, 6, 30),
        current=dt.date(2027, 3, 31),
        decided_on=dt.date(2026, 11, 24),
        decided_by=BLU,
        reference="punkt 140",
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"deadlines": {}}, "Beslutningen flytter ingen frister"),
        ({"deadlines": {"Z.9.9": dt.date(2027, 1, 1)}}, "Ukendte handlinger: Z.9.9."),
        ({"deadlines": {"A.2.6": dt.date(2027, 1, 1)}}, "A.2.6 har ingen frist"),
        (
            {"decided_on": dt.date(2026, 11, 26), "deadlines": {"A.1.2": dt.date(2027, 1, 1)}},
            "Beslutningsdatoen 26. november 2026 ligger i fremtiden",
        ),
        ({"body": " ", "restoration_deadline": dt.date(2027, 1, 1)}, "Angiv hvem der"),
        ({"text": "", "restoration_deadline": dt.date(2027, 1, 1)}, "Beskriv beslutningen."),
        ({"restoration_deadline": dt.date(2040, 1, 1)}, "ligger uden for 2024–2035"),
        (
            {"text": "Sag 010190-1234 flyttes", "restoration_deadline": dt.date(2027, 1, 1)},
            "CPR-nummer",
        ),
    ],
    ids=[
        "nothing-moved",
        "unknown-action",
        "recurring",
        "future-date",
        "no-body",
        "no-text",
        "far-date",
        "cpr",
    ],
)
def test_decisions_that_cannot_be_recorded_write_nothing(
    seeded_session: Session, erik, overrides: dict, message: str
) -> None:
    with pytest.raises(DecisionError, match=message):
        decide(seeded_session, erik, **{"deadlines": {}, **overrides})
    seeded_session.rollback()
    assert seeded_session.exec(select(PlanDecision)).all() == []
    moved = seeded_session.exec(select(Action).where(Action.revised_end_date.is_not(None))).all()
    assert moved == []


@pytest.mark.parametrize("role", [Role.viewer, Role.presenter])
def test_only_editors_and_admins_record_decisions(seeded_session: Session, role: Role) -> None:
    actor = actor_for(make_user(seeded_session, "bo", role))
    with pytest.raises(PermissionDenied):
        decide(seeded_session, actor, restoration_deadline=dt.date(2027, 1, 1))
