"""The write path: saved, unchanged, conflict and invalid; one audit row per changed field."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Actor, PermissionDenied, Role, set_active
from models.plan.action_edits import (
    ActionEdit,
    EditsRejected,
    Outcome,
    eligible_owners,
    save_action_edits,
)
from models.plan.kinds import ActionKind
from models.plan.status import Status
from models.plan.tables import Action, ActionChange
from tests.factories import actor_for, make_user, seed_database

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
CPR_NOTE = "Familien med CPR 010190-1234 er kontaktet"


@pytest.fixture
def editor(engine: Engine, session: Session) -> Actor:
    seed_database(engine)
    return actor_for(make_user(session, "erik", Role.editor))


def action(session: Session, code: str) -> Action:
    session.expire_all()
    return session.exec(select(Action).where(Action.code == code)).one()


def save(session: Session, actor: Actor, *edits: ActionEdit, **kwargs):
    results = save_action_edits(session, actor=actor, edits=list(edits), now=NOW, **kwargs)
    session.commit()
    return results


def audit(session: Session) -> list[tuple[str, str, str | None, str | None]]:
    rows = session.exec(select(ActionChange).order_by(ActionChange.id)).all()
    return [(row.username, row.field, row.old_value, row.new_value) for row in rows]


def test_a_saved_change_bumps_the_version_and_audits_each_field(
    session: Session, editor: Actor
) -> None:
    a = action(session, "A.1.1")
    (result,) = save(
        session,
        editor,
        ActionEdit(a.id, 1, {"status": "I gang", "note": "Leverandør valgt", "responsible": ""}),
    )
    assert (result.outcome, result.changed_fields) == (Outcome.saved, ("status", "note"))
    saved = action(session, "A.1.1")
    assert (saved.status, saved.note, saved.version, saved.updated_by, saved.updated_at) == (
        Status.in_progress,
        "Leverandør valgt",
        2,
        "erik",
        NOW,
    )
    assert audit(session) == [
        ("erik", "status", "Kommende opgave", "I gang"),
        ("erik", "note", "", "Leverandør valgt"),
    ]


def test_saving_the_same_values_is_unchanged_and_writes_nothing(
    session: Session, editor: Actor
) -> None:
    a = action(session, "A.1.2")
    (result,) = save(session, editor, ActionEdit(a.id, 1, {"status": a.status.value}))
    assert result.outcome == Outcome.unchanged
    assert action(session, "A.1.2").version == 1
    assert audit(session) == []


def test_a_change_based_on_an_older_version_is_a_conflict_showing_the_other_value(
    session: Session, editor: Actor
) -> None:
    other = actor_for(make_user(session, "ida", Role.admin))
    a = action(session, "A.1.1")
    save(session, other, ActionEdit(a.id, 1, {"status": "Obs", "note": "Mangler svar"}))
    (result,) = save(session, editor, ActionEdit(a.id, 1, {"status": "I gang"}))
    assert result.outcome == Outcome.conflict
    assert (result.current["status"], result.last_changed_by, result.last_changed_at) == (
        Status.attention,
        "ida",
        NOW,
    )
    assert result.message == "A.1.1 er ændret af ida siden du hentede den."
    assert action(session, "A.1.1").status == Status.attention
    assert audit(session) == [
        ("ida", "status", "Kommende opgave", "Obs"),
        ("ida", "note", "", "Mangler svar"),
    ]


def test_two_editors_changing_different_actions_both_succeed(
    session: Session, editor: Actor
) -> None:
    other = actor_for(make_user(session, "ida", Role.editor))
    first, second = action(session, "A.1.1"), action(session, "A.1.2")
    assert save(session, editor, ActionEdit(first.id, 1, {"note": "x"}))[0].outcome == "saved"
    assert save(session, other, ActionEdit(second.id, 1, {"note": "y"}))[0].outcome == "saved"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"status": "Færdig"}, "Ukendt status 'Færdig'."),
        ({"note": "x" * 2001}, "Statusnote må højst være 2000 tegn (den er 2001)."),
        ({"note": CPR_NOTE}, "Teksten ser ud til at indeholde et CPR-nummer"),
        ({"responsible": "Sagsbehandler 0101901234"}, "Teksten ser ud til at indeholde et CPR"),
        ({"revised_end_date": "2026-13-01", "revised_reason": "x"}, "'2026-13-01' er ikke en"),
        ({"revised_end_date": "2026-09-30"}, "En revideret frist kræver en begrundelse."),
        ({"version": 7}, "Felterne version kan ikke redigeres."),
    ],
    ids=["status", "long-note", "cpr-note", "cpr-responsible", "bad-date", "no-reason", "field"],
)
def test_invalid_changes_are_refused_with_a_danish_reason(
    session: Session, editor: Actor, values: dict, message: str
) -> None:
    a = action(session, "A.1.1")
    (result,) = save(session, editor, ActionEdit(a.id, 1, values))
    assert result.outcome == Outcome.invalid
    assert result.message.startswith(message)
    assert action(session, "A.1.1").version == 1
    assert audit(session) == []


def test_a_cpr_number_is_not_stored_anywhere(
    engine: Engine, session: Session, editor: Actor
) -> None:
    a = action(session, "A.1.1")
    save(session, editor, ActionEdit(a.id, 1, {"note": CPR_NOTE, "status": "Obs"}))
    with engine.connect() as connection:
        for table in sa.inspect(engine).get_table_names():
            quoted = connection.dialect.identifier_preparer.quote(table)
            dump = repr(connection.exec_driver_sql(f"SELECT * FROM {quoted}").all())  # noqa: S608
            assert "010190" not in dump, table


def test_valid_edits_are_saved_beside_refused_ones(session: Session, editor: Actor) -> None:
    first, second = action(session, "A.1.1"), action(session, "A.1.2")
    results = save(
        session,
        editor,
        ActionEdit(first.id, 1, {"note": "ok"}),
        ActionEdit(second.id, 1, {"note": CPR_NOTE}),
    )
    assert [r.outcome for r in results] == [Outcome.saved, Outcome.invalid]
    assert action(session, "A.1.1").note == "ok"


def test_all_or_nothing_writes_nothing_when_one_edit_fails(engine: Engine, editor: Actor) -> None:
    from models.core.db import session_scope

    with Session(engine) as session:
        first, second = action(session, "A.1.1").id, action(session, "A.1.2").id
    edits = [ActionEdit(first, 1, {"note": "ok"}), ActionEdit(second, 9, {"note": "x"})]
    with pytest.raises(EditsRejected) as rejected, session_scope(engine, write=True) as session:
        save_action_edits(session, actor=editor, edits=edits, all_or_nothing=True)
    assert [r.outcome for r in rejected.value.results] == [Outcome.saved, Outcome.conflict]
    with Session(engine) as session:
        assert action(session, "A.1.1").note == ""
        assert audit(session) == []


def test_a_revised_deadline_keeps_the_plans_own_timeline(session: Session, editor: Actor) -> None:
    a = action(session, "A.1.1")
    values = {"revised_end_date": dt.date(2026, 9, 30), "revised_reason": "Leverandør forsinket"}
    save(session, editor, ActionEdit(a.id, 1, values))
    saved = action(session, "A.1.1")
    assert (saved.timeline, saved.end_date) == ("Udgangen af 1. kvartal 2025", dt.date(2025, 3, 31))
    assert (saved.revised_end_date, saved.revised_reason) == (
        dt.date(2026, 9, 30),
        "Leverandør forsinket",
    )
    assert audit(session)[0] == ("erik", "revised_end_date", None, "2026-09-30")


@pytest.mark.parametrize("role", [Role.viewer, Role.presenter])
def test_roles_that_may_not_edit_are_refused(session: Session, editor: Actor, role: Role) -> None:
    reader = actor_for(make_user(session, f"{role.value}-1", role))
    a = action(session, "A.1.1")
    with pytest.raises(PermissionDenied):
        save_action_edits(session, actor=reader, edits=[ActionEdit(a.id, 1, {"status": "Obs"})])


def test_kind_and_rhythm_are_edited_and_audited(engine: Engine, session: Session, editor) -> None:
    action = session.exec(select(Action).where(Action.code == "A.1.1")).one()
    (missing,) = save_action_edits(
        session,
        actor=editor,
        edits=[ActionEdit(action.id, action.version, {"kind": "Tilbagevendende"})],
    )
    assert (missing.outcome, missing.message) == (
        Outcome.invalid,
        "En tilbagevendende handling skal have en rytme (fx hver måned).",
    )
    (saved,) = save_action_edits(
        session,
        actor=editor,
        edits=[
            ActionEdit(
                action.id, action.version, {"kind": "Tilbagevendende", "rhythm": "hver måned"}
            )
        ],
    )
    assert saved.outcome == Outcome.saved
    assert (action.kind, action.rhythm) == (ActionKind.recurring, "P1M")
    (back,) = save_action_edits(
        session, actor=editor, edits=[ActionEdit(action.id, action.version, {"kind": "Frist"})]
    )
    assert back.changed_fields == ("kind", "rhythm")  # a deadline task has no rhythm
    audit = session.exec(
        select(ActionChange.field, ActionChange.old_value, ActionChange.new_value)
        .where(ActionChange.action_id == action.id)
        .order_by(ActionChange.id)
    ).all()
    assert list(audit) == [
        ("kind", "deadline", "recurring"),
        ("rhythm", None, "P1M"),
        ("kind", "recurring", "deadline"),
        ("rhythm", "P1M", None),
    ]


def test_setting_obs_needs_a_new_note_that_says_why(session: Session, editor: Actor) -> None:
    a = action(session, "A.1.1")
    (refused,) = save(session, editor, ActionEdit(a.id, 1, {"status": "Obs"}))
    assert (refused.outcome, refused.message) == (
        Outcome.invalid,
        "Når status sættes til Obs, skal statusnoten forklare hvorfor: skriv en ny note.",
    )
    (saved,) = save(session, editor, ActionEdit(a.id, 1, {"status": "Obs", "note": "Leverandør"}))
    assert saved.outcome == Outcome.saved
    (kept,) = save(session, editor, ActionEdit(a.id, 2, {"responsible": "Familiechef"}))
    assert kept.outcome == Outcome.saved  # already Obs: other fields need no new note


def test_an_owner_is_an_active_user_who_may_edit(session: Session, editor: Actor) -> None:
    make_user(session, "vera", Role.viewer)
    a = action(session, "A.1.1")
    (viewer,) = save(session, editor, ActionEdit(a.id, 1, {"owner": "vera"}))
    assert viewer.outcome == Outcome.invalid
    assert "skal være en aktiv bruger, der må redigere" in viewer.message
    (saved,) = save(session, editor, ActionEdit(a.id, 1, {"owner": " ERIK "}))
    assert (saved.outcome, action(session, "A.1.1").owner) == (Outcome.saved, "erik")
    (cleared,) = save(session, editor, ActionEdit(a.id, 2, {"owner": ""}))
    assert (cleared.outcome, action(session, "A.1.1").owner) == (Outcome.saved, None)


def test_the_possible_owners_are_the_active_editors_and_admins(
    session: Session, editor: Actor
) -> None:
    make_user(session, "vera", Role.viewer)
    make_user(session, "hanna", Role.admin)
    make_user(session, "ole", Role.editor)
    set_active(session, actor=Actor.command_line(), username="ole", active=False)
    session.commit()
    assert eligible_owners(session) == ["erik", "hanna"]
