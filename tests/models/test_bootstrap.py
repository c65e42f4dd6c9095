"""Start-up: the schema through the migrations, then seeding: idempotent, and never
overwriting what users changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.bootstrap import SchemaStatus, init_db, schema_state, start_app_database
from models.core.db import create_db_engine
from models.indicators.tables import Indicator
from models.plan.plan_file import PlanFileError
from models.plan.seed import seed_plan
from models.plan.status import Status
from models.plan.tables import Action, Plan, Result, Theme, Track
from models.reports.snapshots import KeyMessage
from tests.factories import make_action, make_plan_seed, seed_database

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


def test_seeding_twice_changes_nothing_and_keeps_users_edits(engine: Engine) -> None:
    seed_database(engine)
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "A.1.1")).one()
        action.status = Status.attention
        action.note = "Afventer ny leverandør"
        action.responsible = "Familiechef"
        action.version = 2
        session.add(action)
        session.commit()
    before = row_counts(engine)

    seed_database(engine)

    assert row_counts(engine) == before
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "A.1.1")).one()
    assert (action.status, action.note, action.responsible, action.version) == (
        Status.attention,
        "Afventer ny leverandør",
        "Familiechef",
        2,
    )


def test_a_corrected_transcription_refreshes_plan_text_but_not_status(engine: Engine) -> None:
    seed_database(engine)
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "B.1.1")).one()
        action.status = Status.done
        session.add(action)
        session.commit()
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


def test_init_db_on_the_real_plan_is_idempotent(engine: Engine) -> None:
    first = init_db(engine)
    counts = row_counts(engine)
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "A.1.1")).one()
        action.status, action.note = Status.attention, "Forsinket"
        session.add(action)
        session.commit()

    second = init_db(engine)

    assert first.created == sum(counts.values())
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
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == "A.1.1")).one()
        action.note = "Skrevet før migreringerne"
        session.add(action)
        session.commit()
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
