"""Snapshots never change afterwards; comparisons say what happened in Danish."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Actor, PermissionDenied, Role
from models.bootstrap import init_db
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.tables import Action
from models.reports.compare import compare
from models.reports.snapshots import (
    SEED_KEY_MESSAGES,
    SnapshotError,
    SnapshotEvent,
    create_snapshot,
    current_key_messages,
    delete_snapshot,
    list_snapshots,
    load_report,
    report_now,
    set_key_messages,
)
from tests.factories import actor_for, make_user

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def plan(engine: Engine, session: Session) -> Session:
    init_db(engine)
    return session


def edit(session: Session, actor: Actor, code: str, **values: object) -> None:
    action = session.exec(select(Action).where(Action.code == code)).one()
    session.refresh(action)
    save_action_edits(session, actor=actor, edits=[ActionEdit(action.id, action.version, values)])
    session.commit()


def test_a_snapshot_keeps_the_state_and_later_edits_do_not_change_it(plan: Session) -> None:
    editor = actor_for(make_user(plan, "erik", Role.editor))
    edit(plan, editor, "A.4.1", note="Før rapporten", responsible="Familiechef")
    create_snapshot(plan, actor=editor, name="Status BLU 29.9.2025", taken_on=TODAY, today=TODAY)
    plan.commit()
    before = load_report(plan, "Status BLU 29.9.2025")

    edit(plan, editor, "A.4.1", status="Obs", note="Efter rapporten")
    set_key_messages(plan, actor=editor, texts=["Ny 1", "Ny 2", "Ny 3", "Ny 4", "Ny 5"])
    plan.commit()

    again = load_report(plan, "Status BLU 29.9.2025")
    assert again == before
    frozen = next(a for a in again.actions if a.code == "A.4.1")
    assert (frozen.status, frozen.note, frozen.responsible) == (
        "Kommende opgave",
        "Før rapporten",
        "Familiechef",
    )
    assert again.key_messages == list(SEED_KEY_MESSAGES)
    assert len(again.actions) == 87
    assert {i["code"] for i in again.indicators} >= {"sager-pr-raadgiver", "sygefravaer"}


def test_compare_a_snapshot_with_now_in_sentences_and_rows(plan: Session) -> None:
    editor = actor_for(make_user(plan, "erik", Role.editor))
    create_snapshot(plan, actor=editor, name="Q3", taken_on=TODAY, today=TODAY)
    plan.commit()
    edit(plan, editor, "A.4.1", status="Obs", note="Afventer leverandør")
    edit(plan, editor, "A.4.2", status="Afsluttet/implementeret")
    edit(plan, editor, "B.1.1", status="I gang")
    comparison = compare(load_report(plan, "Q3"), report_now(plan, today=TODAY))
    assert [(row.code, row.old_status, row.new_status) for row in comparison.rows] == [
        ("A.4.1", "Kommende opgave", "Obs"),
        ("A.4.2", "Kommende opgave", "Afsluttet/implementeret"),
        ("B.1.1", "Kommende opgave", "I gang"),
    ]
    assert comparison.sentences["A"] == [
        "1 handling er afsluttet/implementeret (A.4.2)",
        "1 ny Obs (A.4.1)",
    ]
    assert comparison.sentences["B"] == ["1 handling er sat i gang (B.1.1)"]
    assert comparison.sentences["F"] == ["Ingen ændringer i status."]
    assert comparison.sentences[""] == ["Siden «Q3» (23-11-2026) har 3 handlinger skiftet status."]


def test_names_are_unique_and_required(plan: Session) -> None:
    create_snapshot(plan, actor=Actor.command_line(), name="Q3", taken_on=TODAY, today=TODAY)
    with pytest.raises(SnapshotError, match="Der findes allerede en statusrapport med navnet 'Q3'"):
        create_snapshot(plan, actor=Actor.command_line(), name=" Q3 ", taken_on=TODAY, today=TODAY)
    with pytest.raises(SnapshotError, match="skal have et navn"):
        create_snapshot(plan, actor=Actor.command_line(), name="  ", taken_on=TODAY, today=TODAY)


def test_only_admins_delete_and_deletion_is_audited(plan: Session) -> None:
    editor = actor_for(make_user(plan, "erik", Role.editor))
    admin = actor_for(make_user(plan, "hanna", Role.admin))
    create_snapshot(plan, actor=editor, name="Q3", taken_on=TODAY, today=TODAY)
    with pytest.raises(PermissionDenied):
        delete_snapshot(plan, actor=editor, name="Q3")
    delete_snapshot(plan, actor=admin, name="Q3")
    plan.commit()
    assert list_snapshots(plan) == []
    events = [(e.username, e.event, e.name) for e in plan.exec(select(SnapshotEvent))]
    assert events == [("erik", "created", "Q3"), ("hanna", "deleted", "Q3")]


def test_viewers_cannot_create_snapshots_or_edit_key_messages(plan: Session) -> None:
    viewer = actor_for(make_user(plan, "vera", Role.viewer))
    with pytest.raises(PermissionDenied):
        create_snapshot(plan, actor=viewer, name="Q3", taken_on=TODAY, today=TODAY)
    with pytest.raises(PermissionDenied):
        set_key_messages(plan, actor=viewer, texts=["a"] * 5)


def test_key_messages_are_validated(plan: Session) -> None:
    assert current_key_messages(plan) == list(SEED_KEY_MESSAGES)
    with pytest.raises(SnapshotError, match="præcis 5 pointer"):
        set_key_messages(plan, actor=Actor.command_line(), texts=["a"] * 4)
    with pytest.raises(SnapshotError, match="Pointe 2: Teksten ser ud til at indeholde et CPR"):
        set_key_messages(
            plan, actor=Actor.command_line(), texts=["a", "cpr 010190-1234", "c", "d", "e"]
        )
