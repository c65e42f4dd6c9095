"""Start-up: the schema through the migrations, then seeding: idempotent, and never
overwriting what users changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Role, get_user
from models.bootstrap import SchemaStatus, init_db, schema_state, start_app_database
from models.core.db import create_db_engine
from models.families.panel import load_panel
from models.indicators.tables import Indicator
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.kinds import ActionKind
from models.plan.plan_file import PlanFileError
from models.plan.seed import CORRECTION_NOTE, seed_plan
from models.plan.status import Status
from models.plan.tables import Action, ActionChange, Plan, Result, Theme, Track
from models.reports.snapshots import KeyMessage
from tests.factories import actor_for, make_action, make_plan_seed, make_user, seed_database

TABLES = (Plan, Theme, Track, Result, Action, Indicator, KeyMessage)


def row_counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            table.__name__: session.exec(select(sa.func.count()).select_from(table)).one()
            for table in TABLES
        }


def test_seed_creates_every_row_with_parsed_periods(engine: Engine) -> None:
    seed_database(engine)
    assert row_counts(engine) == {
        "Plan": 1,
        "Theme": 2,
        "Track": 3,
        "Result": 3,
        "Action": 4,
        "Indicator": 0,
        "KeyMessage": 0,
    }
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "A.1.1")).one()
    assert (action.timeline, action.start_date, action.end_date) == (
        "Udgangen af 1. kvartal 2025",
        None,
        dt.date(2025, 3, 31),
    )
    assert (action.status, action.version, action.responsible) == (Status.upcoming, 1, "")


def test_seed_status_comes_with_its_source_in_the_note(engine: Engine) -> None:
    seed_database(engine)
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "A.1.2")).one()
    assert (action.status, action.note) == (Status.done, "Test 1.1.2025")


def edit(engine: Engine, code: str, **values: object) -> None:
    """Change an action as a person does: through the one write path, as an editor."""
    with Session(engine) as session:
        editor = get_user(session, "redaktoer") or make_user(session, "redaktoer", Role.editor)
        action = session.exec(select(Action).where(Action.code == code)).one()
        (result,) = save_action_edits(
            session,
            actor=actor_for(editor),
            edits=[ActionEdit(action.id, action.version, dict(values))],
        )
        assert result.outcome == "saved", result.message
        session.commit()


def test_seeding_twice_changes_nothing_and_keeps_users_edits(engine: Engine) -> None:
    seed_database(engine)
    edit(
        engine,
        "A.1.1",
        status="Obs",
        note="Afventer ny leverandør",
        responsible="Familiechef",
        kind="ongoing",
    )
    before = row_counts(engine)

    seed_database(engine)

    assert row_counts(engine) == before
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "A.1.1")).one()
    assert (action.status, action.note, action.responsible, action.kind, action.version) == (
        Status.attention,
        "Afventer ny leverandør",
        "Familiechef",
        ActionKind.ongoing,
        2,
    )


def test_a_corrected_transcription_refreshes_plan_text_but_not_a_persons_status(
    engine: Engine,
) -> None:
    seed_database(engine)
    edit(engine, "B.1.1", status="Afsluttet/implementeret")
    corrected = make_plan_seed(
        {"B": {"B.1": [make_action("B.1.1", "Primo 2026", text="Rettet tekst")]}}
    )
    with Session(engine) as session:
        report = seed_plan(session, corrected)
        session.commit()
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "B.1.1")).one()
    assert report.created == 0
    assert (action.text, action.timeline, action.end_date, action.status) == (
        "Rettet tekst",
        "Primo 2026",
        dt.date(2026, 3, 31),
        Status.done,
    )


def test_a_corrected_source_reading_reaches_the_actions_nobody_edited(engine: Engine) -> None:
    seed_database(engine)  # A.1.1 and A.2.1: Kommende opgave, deadlines
    edit(engine, "A.2.1", note="Vores egen note")
    corrected = make_plan_seed(
        {
            "A": {
                "A.1": [
                    replace(make_action("A.1.1", status=Status.done), status_source="BLU: gjort"),
                    make_action("A.1.2", "Primo 2025", status=Status.done),
                ],
                "A.2": [
                    replace(
                        make_action("A.2.1", "Løbende", status=Status.in_progress),
                        kind=ActionKind.recurring,
                        rhythm="P1M",
                    )
                ],
            },
            "B": {"B.1": [make_action("B.1.1", "2025", status=Status.attention)]},
        }
    )
    with Session(engine) as session:
        report = seed_plan(session, corrected)
        session.commit()
        again = seed_plan(session, corrected)
        session.commit()
        first = session.exec(select(Action).where(Action.code == "A.1.1")).one()
        edited = session.exec(select(Action).where(Action.code == "A.2.1")).one()
        audit = session.exec(
            select(ActionChange.field, ActionChange.new_value, ActionChange.username)
            .where(ActionChange.note == CORRECTION_NOTE)
            .order_by(ActionChange.id)
        ).all()
    assert (report.refreshed, again.refreshed) == (2, 0)
    assert (first.status, first.note, first.version, first.updated_by) == (
        Status.done,
        "BLU: gjort",
        2,
        "system",
    )
    # A person wrote A.2.1's note: its status and note stay; its kind and rhythm follow.
    assert (edited.status, edited.note) == (Status.upcoming, "Vores egen note")
    assert (edited.kind, edited.rhythm, edited.updated_by) == (
        ActionKind.recurring,
        "P1M",
        "redaktoer",
    )
    assert list(audit) == [
        ("status", "Afsluttet/implementeret", "system"),
        ("note", "BLU: gjort", "system"),
        ("kind", "recurring", "system"),
        ("rhythm", "P1M", "system"),
    ]


def test_init_db_on_the_real_plan_is_idempotent(engine: Engine) -> None:
    first = init_db(engine)
    counts = row_counts(engine)
    edit(engine, "A.1.1", status="Obs", note="Forsinket")

    second = init_db(engine)

    family_rows = sum(1 + len(meeting.items) for meeting in load_panel().meetings)
    assert first.created == sum(counts.values()) + family_rows
    assert (second.created, second.refreshed) == (0, 0)
    assert row_counts(engine) == counts
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "A.1.1")).one()
    assert (action.status, action.note) == (Status.attention, "Forsinket")
    assert counts["Theme"] == 6
    assert counts["Track"] == 25
    assert counts["Indicator"] == 7
    assert counts["KeyMessage"] == 5


def test_init_db_builds_an_empty_database_through_the_migrations(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        init_db(engine)

        state = schema_state(engine)
        assert (state.status, state.revision) == (SchemaStatus.current, state.head)
        assert row_counts(engine)["Action"] == 87
    finally:
        engine.dispose()


def test_init_db_stamps_a_database_made_by_create_all_and_keeps_its_rows(engine: Engine) -> None:
    seed_database(engine)
    edit(engine, "A.1.1", note="Skrevet før migreringerne")
    assert schema_state(engine).status is SchemaStatus.unstamped

    init_db(engine)

    assert schema_state(engine).status is SchemaStatus.current
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "A.1.1")).one()
    assert action.note == "Skrevet før migreringerne"


@pytest.mark.parametrize("start", [init_db, start_app_database], ids=["init_db", "start_app"])
def test_a_malformed_plan_file_stops_start_up_before_the_schema_is_touched(
    db_url: str, tmp_path: Path, start: Callable[..., object]
) -> None:
    broken = tmp_path / "plan.yaml"
    broken.write_text("themes: [\n", encoding="utf-8")
    engine = create_db_engine(db_url)
    try:
        with pytest.raises(PlanFileError):
            start(engine, plan_path=broken)

        assert schema_state(engine).status is SchemaStatus.empty
    finally:
        engine.dispose()
