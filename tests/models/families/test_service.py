"""Writing families' input: roles re-checked, names, case references and CPR-like text refused
and stored nowhere, one audit row per changed field, no silent overwrite."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Actor, PermissionDenied, Role, set_active
from models.core.cpr import CONTROL_MESSAGE, CPR_MESSAGE
from models.families.queries import family_history, inputs_by_track, list_meetings, meeting_inputs
from models.families.service import (
    LINK_NEEDED,
    RESPONSE_NEEDED,
    FamilyConflict,
    FamilyInputError,
    add_input,
    add_inputs,
    create_meeting,
    update_input,
    update_meeting,
)
from models.families.tables import FamilyChange, FamilyInput, MeetingKind, ResponseStatus
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.status import Status
from models.plan.tables import Action
from models.restoration.case_import import apply_import, parse_cases
from models.schema import metadata
from tests.factories import actor_for, make_user

TODAY = dt.date(2026, 12, 6)
PANEL_MEETING = dt.date(2026, 11, 12)


def meeting(session: Session, actor: Actor) -> int:
    made = create_meeting(
        session,
        actor=actor,
        held_on=PANEL_MEETING,
        kind=MeetingKind.family_panel,
        title="Familiepanelets møde i november",
        participants=7,
        questions=["Hvad skal vi blive bedre til?", "Hvad virker?"],
        today=TODAY,
    )
    session.commit()
    return made.id


def set_status(session: Session, code: str, status: Status) -> None:
    action = session.exec(select(Action).where(Action.code == code)).one()
    save_action_edits(
        session,
        actor=Actor.command_line(),
        edits=[ActionEdit(action.id, action.version, {"status": status})],
    )
    session.commit()


def test_an_editor_records_a_meeting_with_items_linked_to_the_plan(
    seeded_session: Session, editor: Actor
) -> None:
    meeting_id = meeting(seeded_session, editor)
    phone = add_input(
        seeded_session,
        actor=editor,
        meeting_id=meeting_id,
        text="Familier savner at blive ringet op, når der er nyt",
        theme="Kommunikation & inddragelse – og genopbygge tillid",
        question="1",
        status="Besvaret med handling",
        response="Vi gennemgår skabeloner og tekster med familiernes øjne.",
        internal_note="Drøftet i styregruppen",
        actions=["E.5.2"],
    )
    track = add_input(
        seeded_session,
        actor=editor,
        meeting_id=meeting_id,
        text="Flere fora, hvor familier bliver hørt",
        tracks=["E.5"],
        status="Under behandling",
    )
    add_input(
        seeded_session, actor=editor, meeting_id=meeting_id, text="Mere om tabt arbejdsfortjeneste"
    )
    seeded_session.commit()
    set_status(seeded_session, "E.5.2", Status.in_progress)

    (listed, _seeded) = list_meetings(seeded_session)
    assert (listed.kind, listed.participants, listed.items, listed.open_items) == (
        MeetingKind.family_panel,
        7,
        3,
        2,
    )
    items = meeting_inputs(seeded_session, meeting_id)
    assert [item.text for item in items] == [
        "Familier savner at blive ringet op, når der er nyt",
        "Flere fora, hvor familier bliver hørt",
        "Mere om tabt arbejdsfortjeneste",
    ]
    first = items[0]
    assert (first.theme, first.question_text, first.status) == (
        "kommunikation",
        "Hvad skal vi blive bedre til?",
        ResponseStatus.answered,
    )
    # "we did" is the action's status now, not what it was when linked
    assert [(a.code, a.status) for a in first.actions] == [("E.5.2", Status.in_progress)]
    assert [t.code for t in items[1].tracks] == ["E.5"]
    assert items[2].theme_title == "Uden tema"
    by_track = inputs_by_track(seeded_session)
    assert [(i.text, i.via) for i in by_track["E.5"]] == [
        ("Familier savner at blive ringet op, når der er nyt", ("E.5.2",)),
        ("Flere fora, hvor familier bliver hørt", ("E.5",)),
    ]
    audit = seeded_session.exec(
        select(FamilyChange.field, FamilyChange.new_value, FamilyChange.username).where(
            FamilyChange.input_id == phone.id
        )
    ).all()
    assert sorted(audit) == sorted(
        [
            ("text", "Familier savner at blive ringet op, når der er nyt", "erik"),
            ("theme", "kommunikation", "erik"),
            ("question", "1", "erik"),
            ("status", "Besvaret med handling", "erik"),
            ("response", "Vi gennemgår skabeloner og tekster med familiernes øjne.", "erik"),
            ("internal_note", "Drøftet i styregruppen", "erik"),
            ("actions", "E.5.2", "erik"),
        ]
    )
    assert track.version == 1


def test_a_change_writes_one_audit_row_per_changed_field(
    seeded_session: Session, editor: Actor
) -> None:
    item = seeded_session.exec(select(FamilyInput).where(FamilyInput.seed_key == "fokus-3")).one()
    before = len(seeded_session.exec(select(FamilyChange)).all())
    update_input(
        seeded_session,
        actor=editor,
        input_id=item.id,
        base_version=1,
        values={
            "text": item.text,  # unchanged: no row
            "status": "Besvaret med handling",
            "actions": "A.3.1, e.5.2",
            "theme": "sagsbehandling",
        },
    )
    seeded_session.commit()
    rows = seeded_session.exec(
        select(FamilyChange.field, FamilyChange.old_value, FamilyChange.new_value)
        .where(FamilyChange.input_id == item.id)
        .order_by(FamilyChange.field)
    ).all()
    assert rows == [
        ("actions", "", "A.3.1; E.5.2"),
        ("status", "Modtaget", "Besvaret med handling"),
        ("theme", None, "sagsbehandling"),
    ]
    assert len(seeded_session.exec(select(FamilyChange)).all()) == before + 3
    assert seeded_session.get(FamilyInput, item.id).version == 2
    history = family_history(seeded_session, item.meeting_id)
    assert {(row.field, row.username) for row in history} == {
        ("actions", "erik"),
        ("status", "erik"),
        ("theme", "erik"),
    }
    # The same values again: nothing changes, no row, no new version.
    update_input(
        seeded_session,
        actor=editor,
        input_id=item.id,
        base_version=2,
        values={"status": "Besvaret med handling", "actions": ["E.5.2", "A.3.1"]},
    )
    assert seeded_session.get(FamilyInput, item.id).version == 2


def test_a_stale_version_is_a_conflict_in_danish_and_saves_nothing(
    seeded_session: Session, editor: Actor, admin: Actor
) -> None:
    item = seeded_session.exec(select(FamilyInput).where(FamilyInput.seed_key == "fokus-1")).one()
    update_input(
        seeded_session,
        actor=admin,
        input_id=item.id,
        base_version=1,
        values={"status": "Under behandling"},
    )
    seeded_session.commit()
    with pytest.raises(FamilyConflict, match=r"^Inputtet er ændret af hanna .*ikke gemt"):
        update_input(
            seeded_session,
            actor=editor,
            input_id=item.id,
            base_version=1,
            values={"response": "Vi svarer snart"},
        )
    seeded_session.rollback()
    stored = seeded_session.get(FamilyInput, item.id)
    assert (stored.status, stored.response, stored.updated_by) == (
        ResponseStatus.in_progress,
        "",
        "hanna",
    )


def test_the_response_status_has_its_rules(seeded_session: Session, editor: Actor) -> None:
    item = seeded_session.exec(select(FamilyInput).where(FamilyInput.seed_key == "fokus-2")).one()
    for values, message in [
        ({"status": "Ikke muligt – begrundet"}, RESPONSE_NEEDED),
        ({"status": "Besvaret med handling"}, LINK_NEEDED),
        ({"status": "Færdig"}, "Ukendt svarstatus «Færdig»"),
        ({"theme": "Økonomi"}, "Ukendt tema «Økonomi»"),
        ({"question": "7"}, "Spørgsmål «7» findes ikke på mødet (vælg 1–6)."),
        ({"actions": ["Z.9.9"]}, "Planen har ingen handling Z.9.9."),
        ({"text": "  "}, "Input må ikke være tom."),
        ({"text": "x" * 501}, "Input må højst være 500 tegn"),
    ]:
        with pytest.raises(FamilyInputError, match=re.escape(message)):
            update_input(
                seeded_session, actor=editor, input_id=item.id, base_version=1, values=values
            )
    update_input(
        seeded_session,
        actor=editor,
        input_id=item.id,
        base_version=1,
        values={"status": "ikke muligt - begrundet", "response": "Loven tillader det ikke."},
    )
    assert seeded_session.get(FamilyInput, item.id).status is ResponseStatus.not_possible


def test_a_meeting_cannot_lie_ahead(seeded_session: Session, editor: Actor) -> None:
    with pytest.raises(FamilyInputError, match="ligger i fremtiden"):
        create_meeting(
            seeded_session,
            actor=editor,
            held_on=TODAY + dt.timedelta(days=1),
            kind="Borgermøde",
            today=TODAY,
        )


# --- nothing personal is stored anywhere ----------------------------------------------------


def _dump(engine: Engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {
            name: [tuple(row) for row in connection.execute(sa.select(table))]
            for name, table in metadata.tables.items()
        }


def _writes(editor: Actor) -> dict[str, Callable[[Session, str], object]]:
    def item(session: Session) -> FamilyInput:
        return session.exec(select(FamilyInput).where(FamilyInput.seed_key == "fokus-4")).one()

    return {
        "add-text": lambda s, bad: add_input(
            s, actor=editor, meeting_id=item(s).meeting_id, text=f"Vi hørte {bad} i dag"
        ),
        "add-response": lambda s, bad: add_input(
            s,
            actor=editor,
            meeting_id=item(s).meeting_id,
            text="Et input",
            status="Ikke muligt – begrundet",
            response=f"Se {bad}",
        ),
        "update-note": lambda s, bad: update_input(
            s,
            actor=editor,
            input_id=item(s).id,
            base_version=1,
            values={"internal_note": f"Ring til {bad}"},
        ),
        "update-text": lambda s, bad: update_input(
            s, actor=editor, input_id=item(s).id, base_version=1, values={"text": bad}
        ),
        "import": lambda s, bad: add_inputs(
            s,
            actor=editor,
            meeting_id=item(s).meeting_id,
            rows=[{"text": "Et fint input"}, {"text": f"{bad} savnede svar"}],
        ),
        "meeting-title": lambda s, bad: create_meeting(
            s, actor=editor, held_on=PANEL_MEETING, kind="Familiepanel", title=bad, today=TODAY
        ),
        "meeting-question": lambda s, bad: update_meeting(
            s,
            actor=editor,
            meeting_id=item(s).meeting_id,
            base_version=1,
            values={"questions": ["Hvad virker?", f"Hvad sagde {bad}?"]},
        ),
    }


BAD = {
    "name": ("Mette Hansen", "ligner et navn («Mette»)"),
    "surname": ("familien Sørensen", "ligner et navn («Sørensen»)"),
    "reference": ("XQZ-LEAK-7731", "ligner en sagsreference («XQZ-LEAK-7731»)"),
    "case-shape": ("S-0412", "ligner en sagsreference («S-0412»)"),
    "cpr": ("010190-1234", CPR_MESSAGE),
    "nul": ("a\x00b", CONTROL_MESSAGE),
}


@pytest.mark.parametrize("bad", BAD)
@pytest.mark.parametrize(
    "write",
    [
        "add-text",
        "add-response",
        "update-note",
        "update-text",
        "import",
        "meeting-title",
        "meeting-question",
    ],
)
def test_personal_text_is_refused_and_stored_nowhere(
    seeded_engine: Engine, seeded_session: Session, editor: Actor, write: str, bad: str
) -> None:
    text, message = BAD[bad]
    rows = "Sagsreference;Team;Spor\nXQZ-LEAK-7731;Handicap;A.1"
    apply_import(
        seeded_session, actor=Actor.command_line(), parsed=parse_cases(rows.encode(), "s.csv")
    )
    seeded_session.commit()
    before = _dump(seeded_engine)
    with pytest.raises(FamilyInputError, match=re.escape(message[:40])):
        _writes(editor)[write](seeded_session, text)
    seeded_session.commit()  # whatever the call left pending would be written now
    after = _dump(seeded_engine)
    assert after == before
    if bad != "reference":  # the case itself is stored, as a case
        assert text not in repr(after)


# --- roles ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.viewer, Role.presenter])
def test_only_editors_and_admins_write(seeded_session: Session, role: Role) -> None:
    actor = actor_for(make_user(seeded_session, "nogen", role))
    item = seeded_session.exec(select(FamilyInput)).first()
    for call in (
        lambda: create_meeting(
            seeded_session, actor=actor, held_on=TODAY, kind="Borgermøde", today=TODAY
        ),
        lambda: add_input(seeded_session, actor=actor, meeting_id=item.meeting_id, text="Et input"),
        lambda: update_input(
            seeded_session,
            actor=actor,
            input_id=item.id,
            base_version=1,
            values={"status": "Under behandling"},
        ),
    ):
        with pytest.raises(PermissionDenied, match="Du har ikke adgang"):
            call()


def test_the_role_is_read_from_the_database_not_the_session(
    seeded_session: Session, editor: Actor, admin: Actor
) -> None:
    set_active(seeded_session, actor=admin, username="erik", active=False)
    seeded_session.commit()
    item = seeded_session.exec(select(FamilyInput)).first()
    with pytest.raises(PermissionDenied):
        update_input(
            seeded_session,
            actor=editor,  # still says editor
            input_id=item.id,
            base_version=1,
            values={"status": "Under behandling"},
        )
