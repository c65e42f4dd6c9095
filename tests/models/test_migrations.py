"""Schema migrations: release 0's database upgrades with every row, revision 0001 is the
release's schema, the models and the migrations agree, and start-up creates, refuses or
upgrades a database as its schema requires. Every database test runs on SQLite and PostgreSQL.

Nothing here assumes which revision is head: the head, the revisions and the messages that
name them are read from the migration scripts, so a new migration needs no change here.
"0001" is written out only where it means release 0's schema.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from sqlmodel.sql.sqltypes import AutoString

from models import bootstrap, migrations
from models.auth.login import LoginEvent, LoginOutcome, attempt_login
from models.auth.users import Actor, Role, User
from models.bootstrap import (
    SchemaOutOfDate,
    SchemaState,
    SchemaStatus,
    UnknownSchema,
    init_db,
    schema_state,
    start_app_database,
    upgrade_schema,
)
from models.core.db import create_db_engine, session_scope
from models.core.settings import get_settings
from models.families.panel import load_panel
from models.indicators.tables import Indicator
from models.migrations.__main__ import revision as new_revision
from models.plan.kinds import ActionKind
from models.plan.plan_file import load_plan_file
from models.plan.seed import CORRECTION_NOTE
from models.plan.status import Status
from models.plan.tables import Action, ActionChange, Plan, Theme
from models.reports.snapshots import KeyMessage, Snapshot
from models.restoration.tables import RestorationCase
from models.schema import create_schema, metadata
from tests.conftest import skip_or_fail
from tests.fixtures.release_0.make_fixture import facts

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RELEASE = PROJECT_ROOT / "tests" / "fixtures" / "release_0"
EXPECTED: dict[str, Any] = json.loads((RELEASE / "expected.json").read_text(encoding="utf-8"))
SCRIPTS = list(ScriptDirectory.from_config(migrations.alembic_config()).walk_revisions())
REVISIONS = tuple(reversed([script.revision for script in SCRIPTS]))
"""Every revision in `versions/`, oldest first: ("0001", "0002", …)."""
LABELS = tuple(reversed([Path(script.path).stem for script in SCRIPTS]))
"""Their file names without .py, as the messages name them: ("0001_initial", …)."""
HEAD = REVISIONS[-1]
AFTER_BASELINE = LABELS[REVISIONS.index("0001") + 1 :]
"""The revisions a database from release 0 is upgraded through after being stamped 0001."""
NEXT = f"{int(HEAD) + 1:04d}"
"""The revision after head: what the revision command writes, and the test probe's."""
RUN = "Kør `python manage.py migrate` (eller sæt DASHBOARD_AUTO_MIGRATE=1)."
CREATED = f"Databasen er oprettet (revision {HEAD})."
FAMILY_ROWS = sum(1 + len(meeting.items) for meeting in load_panel().meetings)
"""Rows the first seeding after revision 0010 adds: data/family_panel.yaml's meetings and items."""
RECOGNISED = "Eksisterende database genkendt og markeret som revision 0001."
RECOGNISED_AT_HEAD = f"Eksisterende database genkendt og markeret som revision {HEAD}."
"""A create_all database of today's models (at head 0001 it is recognised as 0001 itself)."""
# Release 0's enum CHECK constraints (the models' enums may have grown since).
RELEASE_0_ENUMS = {
    "action_status": ("Afsluttet/implementeret", "I gang", "Kommende opgave", "Obs"),
    "user_role": ("admin", "editor", "presenter", "viewer"),
    "login_outcome": (
        "failure",
        "locked",
        "logout",
        "refused_locked",
        "sso_success",
        "sso_unknown",
        "success",
    ),
}
LATER = dt.datetime(2025, 11, 24, 9, 0, tzinfo=dt.UTC)  # after vera's lock-out ran out


class Databases:
    """Empty databases of one backend: SQLite files, or PostgreSQL databases `mig_<random>` on
    the TEST_DATABASE_URL server, dropped at the end of the test."""

    def __init__(self, db_url: str, tmp_path: Path) -> None:
        self.server = sa.engine.make_url(db_url)
        self.tmp_path = tmp_path
        self.postgres = self.server.get_backend_name() == "postgresql"
        self.created: list[str] = []
        self.engines: list[Engine] = []

    def _admin(self, sql: str) -> None:
        admin = sa.create_engine(self.server, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.exec_driver_sql(sql)
        finally:
            admin.dispose()

    def new(self) -> str:
        name = f"mig_{uuid.uuid4().hex[:12]}"
        if not self.postgres:
            return f"sqlite:///{self.tmp_path / name}.db"
        self._admin(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return self.server.set(database=name).render_as_string(hide_password=False)

    def engine(self, url: str) -> Engine:
        engine = create_db_engine(url)
        self.engines.append(engine)
        return engine

    def close(self) -> None:
        for engine in self.engines:
            engine.dispose()
        for name in self.created:
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def databases(db_url: str, tmp_path: Path) -> Iterator[Databases]:
    made = Databases(db_url, tmp_path)
    yield made
    made.close()


@pytest.fixture
def empty(databases: Databases) -> Engine:
    """An engine on a new, empty database."""
    return databases.engine(databases.new())


def load_release(url: str) -> None:
    """Load release 0's dump into the empty database at `url`, as an operator would."""
    parts = sa.engine.make_url(url)
    if parts.get_backend_name() == "sqlite":
        connection = sqlite3.connect(str(parts.database))  # foreign keys off: name order
        connection.executescript((RELEASE / "sqlite.sql").read_text(encoding="utf-8"))
        connection.close()
        return
    psql = shutil.which("psql") or "/usr/bin/psql"
    if not Path(psql).is_file():
        skip_or_fail("loading the PostgreSQL dump needs psql (apt-get install postgresql-client)")
    libpq = parts.set(drivername="postgresql").render_as_string(hide_password=False)
    dump = str(RELEASE / "postgresql.sql")
    done = subprocess.run(
        [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-f", dump, libpq],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture
def release_url(databases: Databases) -> str:
    url = databases.new()
    load_release(url)
    return url


@pytest.fixture
def auto_migrate(monkeypatch: pytest.MonkeyPatch) -> Callable[[bool], None]:
    def switch(on: bool) -> None:
        monkeypatch.setenv("DASHBOARD_AUTO_MIGRATE", "1" if on else "0")
        get_settings.cache_clear()

    return switch


def count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text(f'SELECT COUNT(*) FROM "{table}"')).scalar_one()  # noqa: S608


def stamped(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            return []
        return list(
            connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalars()
        )


def describe(engine: Engine) -> dict[str, Any]:
    """Every table's columns (in order), keys, constraints and indexes, as reflected."""
    inspector = sa.inspect(engine)
    found: dict[str, Any] = {}
    for table in sorted(set(inspector.get_table_names()) - {"alembic_version"}):
        found[table] = {
            "columns": [
                (c["name"], repr(c["type"]), c["nullable"], c.get("default"))
                for c in inspector.get_columns(table)
            ],
            "primary_key": inspector.get_pk_constraint(table)["constrained_columns"],
            "foreign_keys": sorted(
                (
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    tuple(fk["referred_columns"]),
                    (fk.get("options") or {}).get("ondelete"),
                )
                for fk in inspector.get_foreign_keys(table)
            ),
            "unique": sorted(
                (u["name"] or "", tuple(u["column_names"]))
                for u in inspector.get_unique_constraints(table)
            ),
            "indexes": sorted(
                (i["name"] or "", tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
            ),
            # PostgreSQL re-spells a CHECK on restore; the name and the allowed values count.
            "checks": sorted(
                (c["name"] or "", tuple(sorted(re.findall(r"'([^']*)'", c["sqltext"]))))
                for c in inspector.get_check_constraints(table)
            ),
        }
    return found


def enum_checks_of_models() -> dict[str, tuple[str, ...]]:
    return {
        column.type.name: tuple(sorted(column.type.enums))
        for table in metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, sa.Enum) and column.type.create_constraint
    }


def enum_checks_of_database(engine: Engine) -> dict[str, tuple[str, ...]]:
    inspector = sa.inspect(engine)
    return {
        check["name"]: tuple(sorted(re.findall(r"'([^']*)'", check["sqltext"])))
        for table in inspector.get_table_names()
        for check in inspector.get_check_constraints(table)
    }


def drift(engine: Engine, target: sa.MetaData = metadata) -> list[Any]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts=migrations.CONTEXT_OPTIONS)
        return compare_metadata(context, target)


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run the migrations up to `revision` only (`upgrade_schema` always goes to head)."""
    with engine.begin() as connection:
        command.upgrade(migrations.alembic_config(connection), revision)


def recognised_then_upgraded(head: str, pending: tuple[str, ...]) -> str:
    """What upgrading release 0's database says: stamped 0001, then upgraded through `pending`
    (nothing more to say while 0001 is the head)."""
    if not pending:
        return RECOGNISED
    return f"{RECOGNISED} Derefter opdateret til revision {head} ({', '.join(pending)})."


def refused_before_migrations(pending: tuple[str, ...]) -> str:
    """Why start-up refuses release 0's database: it must be stamped 0001, then upgraded."""
    more = f" og opdateres (mangler: {', '.join(pending)})" if pending else ""
    return (
        "Databasens skema er ikke opdateret: databasen er fra før migreringerne og skal "
        f"markeres som revision 0001{more}. {RUN}"
    )


# --- revision 0001 is release 0 ------------------------------------------------------------


def test_revision_0001_builds_exactly_the_schema_of_the_release(
    databases: Databases, release_url: str
) -> None:
    migrated = databases.engine(databases.new())
    upgrade_to(migrated, "0001")

    assert stamped(migrated) == ["0001"]
    release = describe(databases.engine(release_url))
    assert describe(migrated) == release
    assert set(release) == set(EXPECTED["row_counts"])
    assert {table: {c[0] for c in d["columns"]} for table, d in release.items()} == (
        migrations.BASELINE_TABLES
    )
    assert migrations.BASELINE_REVISION == "0001"
    assert enum_checks_of_database(migrated) == RELEASE_0_ENUMS


def source_corrections(engine: Engine) -> list[tuple[str, str, str | None, str | None]]:
    """The audit rows seeding wrote for source-owned fields that nobody had edited."""
    with Session(engine) as session:
        rows = session.exec(
            select(Action.code, ActionChange.field, ActionChange.old_value, ActionChange.new_value)
            .join(Action, Action.id == ActionChange.action_id)
            .where(ActionChange.note == CORRECTION_NOTE, ActionChange.username == "system")
        ).all()
    return [tuple(row) for row in rows]


def expected_corrections() -> list[tuple[str, str]]:
    """What the plan file corrects in release 0's seeded actions: every kind and rhythm it now
    states, and A.1.4's status and note (the sources say the action is done)."""
    expected = [("A.1.4", "note"), ("A.1.4", "status")]
    for theme in load_plan_file().themes:
        for track in theme.tracks:
            for action in track.actions:
                if action.kind != ActionKind.deadline:
                    expected.append((action.code, "kind"))
                if action.rhythm:
                    expected.append((action.code, "rhythm"))
    return sorted(expected)


def test_the_release_database_is_upgraded_and_keeps_every_row(release_url: str) -> None:
    engine = create_db_engine(release_url)
    try:
        assert schema_state(engine) == SchemaState(
            SchemaStatus.unstamped, HEAD, revision="0001", pending=AFTER_BASELINE
        )

        first = init_db(engine)
        second = init_db(engine)

        assert (first.created, second.created, second.refreshed) == (FAMILY_ROWS, 0, 0)
        assert stamped(engine) == [HEAD]
        assert schema_state(engine).status is SchemaStatus.current
        found = facts(release_url)  # the generator's own read-back, after our upgrade + seed
        counts = found["row_counts"]
        assert counts.pop("alembic_version") == 1
        added = set(counts) - set(EXPECTED["row_counts"])  # tables of revisions after 0001
        assert added == set(metadata.tables) - set(migrations.BASELINE_TABLES)
        for table in added:
            del counts[table]
        corrected = source_corrections(engine)
        assert sorted((code, field) for code, field, *_ in corrected) == expected_corrections()
        by_action = found["action_change_by_action"]
        for code, field, old, new in corrected:  # the plan file's corrections, set apart
            counts["action_change"] -= 1
            found["action_change_rows"] -= 1
            by_action[code] -= 1
            if not by_action[code]:
                del by_action[code]
            if field == "status":
                found["actions_by_status"][old] += 1
                found["actions_by_status"][new] -= 1
        for code in {code for code, *_ in corrected} & set(found["actions"]):
            found["actions"][code]["version"] -= 1  # one new version per corrected action
        assert found == EXPECTED
        with Session(engine) as session:
            action = session.exec(select(Action).where(Action.code == "A.1.5")).one()
            olaf = session.exec(select(User).where(User.username == "olaf")).one()
            case = session.exec(
                select(RestorationCase).where(RestorationCase.reference == "T-0107")
            ).one()
            snapshot = session.exec(select(Snapshot)).one()
            plan = session.exec(select(Plan)).one()
            messages = {m.position: m.text for m in session.exec(select(KeyMessage))}
        assert (action.status, action.revised_end_date, action.version) == (
            Status.attention,
            dt.date(2026, 3, 31),
            2,
        )
        assert action.updated_at is not None
        assert action.updated_at.tzinfo is not None
        assert (olaf.role, olaf.active, olaf.display_name) == (
            Role.viewer,
            False,
            "Olaf Østergaard",
        )
        assert case.correction_dkk == Decimal("-1250.75")
        assert (snapshot.name, len(snapshot.key_messages)) == (EXPECTED["snapshot_names"][0], 5)
        assert plan.background
        for position, text in EXPECTED["key_messages_changed"].items():  # not re-seeded
            assert messages[int(position)] == text
    finally:
        engine.dispose()


def test_users_from_the_release_can_still_log_in(release_url: str) -> None:
    engine = create_db_engine(release_url)
    try:
        init_db(engine)
        password = EXPECTED["password"]
        with session_scope(engine, write=True) as session:
            hanna = attempt_login(session, username="Hanna", password=password, now=LATER)
            olaf = attempt_login(session, username="olaf", password=password, now=LATER)
            wrong = attempt_login(session, username="erik", password="forkert-kode-1", now=LATER)
        assert (hanna.outcome, olaf.outcome, wrong.outcome) == (
            LoginOutcome.success,
            LoginOutcome.failure,
            LoginOutcome.failure,
        )
        with Session(engine) as session:
            ids = list(session.exec(select(LoginEvent.id).order_by(LoginEvent.id)))
        # The new events got fresh ids after the release's (PostgreSQL: the sequence survived).
        assert ids == list(range(1, EXPECTED["row_counts"]["login_event"] + 4))
    finally:
        engine.dispose()


# --- the models and the migrations agree ---------------------------------------------------


def test_the_models_match_the_migrated_schema(empty: Engine) -> None:
    upgrade_schema(empty)

    assert drift(empty) == []
    assert enum_checks_of_database(empty) == enum_checks_of_models()


def test_the_drift_check_reports_what_the_migrations_lack(empty: Engine) -> None:
    upgrade_schema(empty)
    changed = sa.MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["action"].append_column(sa.Column("team_lead", AutoString(64), nullable=True))
    changed.tables["user"].c.display_name.type = AutoString(length=200)
    sa.Table("probe", changed, sa.Column("id", sa.Integer, primary_key=True))

    found = drift(empty, changed)

    summary = set()
    for difference in found:
        kind, *rest = difference[0] if isinstance(difference, list) else difference
        if kind == "add_table":
            summary.add((kind, rest[0].name))
        elif kind == "add_column":
            summary.add((kind, rest[1], rest[2].name))
        else:
            summary.add((kind, rest[1], rest[2], repr(rest[4]), repr(rest[5])))
    assert summary == {
        ("add_table", "probe"),
        ("add_column", "action", "team_lead"),
        ("modify_type", "user", "display_name", "VARCHAR(length=120)", "AutoString(length=200)"),
    }


# --- revision 0003: indicator targets' validity, measurements' date precision ---------------

MEASUREMENTS_SQL = (
    "SELECT i.code, m.measured_on, m.value, m.date_precision, m.value_approximate, m.entered_by"
    " FROM measurement m JOIN indicator i ON i.id = m.indicator_id ORDER BY i.code, m.measured_on"
)


def measurement_rows(engine: Engine) -> list[tuple[str, str, float, str, bool, str]]:
    with engine.connect() as connection:
        return [
            (code, str(day), value, precision, bool(approximate), by)
            for code, day, value, precision, approximate, by in connection.execute(
                sa.text(MEASUREMENTS_SQL)
            )
        ]


def test_revision_0003_keeps_every_measurement_and_the_seeding_dates_the_sources(
    release_url: str,
) -> None:
    """Release 0's measurements (the seeded ones, and users' values, one of them corrected)
    become day-precise and exact; loading indicators.yaml then gives the sources' values their
    precision ("ca. 2019") and the 2019 strategy's target its validity, and leaves users' rows."""
    engine = create_db_engine(release_url)
    try:
        with bootstrap._migration_transaction(engine) as connection:
            command.stamp(migrations.alembic_config(connection), "0001")
            command.upgrade(migrations.alembic_config(connection), "0003")

        rows = measurement_rows(engine)
        assert len(rows) == EXPECTED["row_counts"]["measurement"]
        assert {(precision, approximate) for _, _, _, precision, approximate, _ in rows} == {
            ("day", False)
        }
        users = [row for row in rows if row[5] != "kildedokument"]
        assert users == [
            ("sagsbehandlingstid", "2025-06-30", 62.0, "day", False, "erik"),
            ("sagsbehandlingstid", "2025-09-30", 57.0, "day", False, "erik"),
            ("sygefravaer", "2025-09-30", 8.4, "day", False, "erik"),
        ]
        assert ("sager-pr-raadgiver", "2019-01-01", 55.0, "day", False, "kildedokument") in rows
        with engine.connect() as connection:
            targets = connection.execute(
                sa.text(
                    "SELECT target_document, target_superseded_by, target_valid_from,"
                    " target_valid_to, target_for_year FROM indicator"
                )
            ).all()
        assert {tuple(row) for row in targets} == {("", "", None, None, None)}

        report = init_db(engine)

        assert (report.created, init_db(engine).refreshed) == (FAMILY_ROWS, 0)
        seeded = measurement_rows(engine)
        assert len(seeded) == len(rows)
        assert [row for row in seeded if row[5] != "kildedokument"] == users
        assert ("sager-pr-raadgiver", "2019-12-31", 55.0, "approx_year", True, "kildedokument") in (
            seeded
        )
        assert ("underretninger-pr-aar", "2017-12-31", 1023.0, "year", False, "kildedokument") in (
            seeded
        )
        with Session(engine) as session:
            under8 = session.exec(
                select(Indicator).where(Indicator.code == "underretninger-under-8-aar")
            ).one()
            texts = [i.description for i in session.exec(select(Indicator))]
        assert (under8.target_valid_to, under8.target_for_year) == (dt.date(2021, 12, 31), 2021)
        assert under8.target_superseded_by == "Udviklings- og genopretningsplanen 2024–2027"
        assert not [text for text in texts if "tilsynet beder om" in text]
    finally:
        engine.dispose()


def test_revision_0006_adds_an_empty_reminder_log_that_allows_one_email_a_day(
    release_url: str,
) -> None:
    """Release 0's database at 0005 (a user who opted out), upgraded to 0006: the users and
    their choice stay, the log starts empty, and it takes one row per user, kind and day."""
    engine = create_db_engine(release_url)
    try:
        with bootstrap._migration_transaction(engine) as connection:
            command.stamp(migrations.alembic_config(connection), "0001")
            command.upgrade(migrations.alembic_config(connection), "0005")
        with engine.begin() as connection:
            connection.execute(
                sa.text("UPDATE \"user\" SET email_reminders = false WHERE username = 'vera'")
            )
            users = connection.execute(
                sa.text('SELECT username, email_reminders FROM "user" ORDER BY username')
            ).all()
        assert "reminder_log" not in sa.inspect(engine).get_table_names()

        upgrade_to(engine, "0006")

        with engine.connect() as connection:
            after = connection.execute(
                sa.text('SELECT username, email_reminders FROM "user" ORDER BY username')
            ).all()
        assert after == users
        assert ("vera", False) in [tuple(row) for row in after]
        assert count(engine, "reminder_log") == 0
        row = (
            "INSERT INTO reminder_log (username, address, kind, sent_at, local_day, action_count)"
            " VALUES ('vera', 'vera@faxe.dk', :kind, CURRENT_TIMESTAMP, :day, 3)"
        )
        with engine.begin() as connection:
            connection.execute(sa.text(row), {"kind": "summary", "day": dt.date(2026, 12, 7)})
            connection.execute(sa.text(row), {"kind": "owner", "day": dt.date(2026, 12, 7)})
            connection.execute(sa.text(row), {"kind": "summary", "day": dt.date(2026, 12, 14)})
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
            connection.execute(sa.text(row), {"kind": "summary", "day": dt.date(2026, 12, 7)})
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
            connection.execute(sa.text(row), {"kind": "letter", "day": dt.date(2026, 12, 8)})
        assert count(engine, "reminder_log") == 3
    finally:
        engine.dispose()


# --- upgrading ------------------------------------------------------------------------------


# --- revision 0007: the weekly review -----------------------------------------------------------


def test_revision_0007_lets_a_release_database_hold_weekly_reviews(release_url: str) -> None:
    """After the upgrade, release 0's users run a review on release 0's actions; one review is
    open at a time; downgrading to 0006 removes the two tables and nothing else."""
    from models.reviews.service import close_review, review_items, start_review
    from models.reviews.tables import WeeklyReview

    engine = create_db_engine(release_url)
    try:
        init_db(engine)
        hanna = Actor("hanna", Role.admin)
        with session_scope(engine, write=True) as session:
            review = start_review(session, actor=hanna, now=LATER)
        with Session(engine) as session:
            session.add(
                WeeklyReview(
                    held_on=LATER.date(), started_by="x", changes_since=LATER, started_at=LATER
                )
            )
            with pytest.raises(sa.exc.IntegrityError):
                session.flush()
            session.rollback()
        with session_scope(engine, write=True) as session:
            close_review(session, actor=hanna, review_id=review.id, attendees="Hanna")
        with Session(engine) as session:
            items = review_items(session, review.id)
        assert items
        assert review.figures["obs"] == EXPECTED["actions_by_status"]["Obs"]  # release's edits
        with engine.begin() as connection:  # the later revisions first
            command.downgrade(migrations.alembic_config(connection), "0007")
        before = {table: d for table, d in describe(engine).items() if "review" not in table}

        upgrade_to_revision_below(engine, "0007")

        assert describe(engine) == before
    finally:
        engine.dispose()


# --- revision 0008: reports as records ------------------------------------------------------


def test_revision_0008_marks_back_dated_reports_as_reconstructions_and_keeps_deletion_reasons(
    release_url: str,
) -> None:
    """Release 0's report (dated the day it was made) stays a plain report; one dated a month
    before the day it was made becomes a reconstruction. Deleting then needs the name and a
    reason, which the audit keeps beside the release's events; downgrading to 0007 removes the
    new columns and nothing else."""
    from models.reports.snapshots import SnapshotEvent, delete_snapshot, load_report

    engine = create_db_engine(release_url)
    kept = EXPECTED["snapshot_names"][0]
    try:
        with bootstrap._migration_transaction(engine) as connection:
            command.stamp(migrations.alembic_config(connection), "0001")
            command.upgrade(migrations.alembic_config(connection), "0007")
        with engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO snapshot (name, taken_on, created_at, created_by, key_messages,"
                    " restoration, indicators) SELECT 'Bagud', :day, created_at, created_by,"
                    " key_messages, restoration, indicators FROM snapshot WHERE name = :kept"
                ),
                {"day": dt.date(2025, 10, 20), "kept": kept},
            )
        before = {t: d for t, d in describe(engine).items() if not t.startswith("snapshot")}
        events_before = count(engine, "snapshot_event")

        upgrade_to(engine, "0008")

        with Session(engine) as session:
            assert load_report(session, kept).reconstruction is False
            back_dated = load_report(session, "Bagud")
            assert (back_dated.reconstruction, back_dated.appendix_number) == (True, None)
            assert back_dated.reconstruction_label == (
                "Rekonstruktion: data fastfrosset 20. november 2025, dateret 20. oktober 2025"
            )
            reasons = {e.reason for e in session.exec(select(SnapshotEvent))}
            assert reasons == {None}
        upgrade_to(engine, "head")  # today's writer needs today's schema
        hanna = Actor("hanna", Role.admin)
        with session_scope(engine, write=True) as session:
            delete_snapshot(
                session, actor=hanna, name="Bagud", confirmation="Bagud", reason="Oprettet ved fejl"
            )
        with Session(engine) as session:
            last = session.exec(select(SnapshotEvent).order_by(SnapshotEvent.id.desc())).first()
        assert (last.username, last.event, last.name, last.reason) == (
            "hanna",
            "deleted",
            "Bagud",
            "Oprettet ved fejl",
        )
        assert count(engine, "snapshot_event") == events_before + 1

        upgrade_to_revision_below(engine, "0008")

        assert {t: d for t, d in describe(engine).items() if not t.startswith("snapshot")} == (
            before
        )
        assert "reconstruction" not in columns(engine, "snapshot")
        assert "reason" not in columns(engine, "snapshot_event")
    finally:
        engine.dispose()


def test_revision_0009_adds_content_revisions_that_writers_raise(release_url: str) -> None:
    """The three areas start at 0; a key-message edit raises its own; downgrading to 0008
    removes the table and nothing else."""
    from models.core.revisions import content_revisions
    from models.reports.snapshots import current_key_messages, set_key_messages

    engine = create_db_engine(release_url)
    try:
        with bootstrap._migration_transaction(engine) as connection:
            command.stamp(migrations.alembic_config(connection), "0001")
            command.upgrade(migrations.alembic_config(connection), "0008")
        before = describe(engine)

        upgrade_to(engine, "0009")

        with Session(engine) as session:
            assert content_revisions(session) == (("key_messages", 0), ("plan", 0), ("reports", 0))
            texts = current_key_messages(session)
        with session_scope(engine, write=True) as session:
            set_key_messages(
                session, actor=Actor("hanna", Role.admin), texts=[*texts[:4], "Ny pointe"]
            )
        with Session(engine) as session:
            assert dict(content_revisions(session))["key_messages"] == 1

        upgrade_to_revision_below(engine, "0009")

        assert describe(engine) == before
    finally:
        engine.dispose()


def test_revision_0010_adds_families_input_and_its_content_area(release_url: str) -> None:
    """Four new tables and the `families` content area at 0; seeding then loads the meeting of
    7 October 2025 with its 15 items; downgrading to 0009 removes exactly that."""
    from models.core.revisions import content_revisions
    from models.families.tables import FamilyInput, FamilyMeeting

    engine = create_db_engine(release_url)
    try:
        with bootstrap._migration_transaction(engine) as connection:
            command.stamp(migrations.alembic_config(connection), "0001")
            command.upgrade(migrations.alembic_config(connection), "0009")
        before = describe(engine)

        upgrade_to(engine, "0010")

        added = set(describe(engine)) - set(before)
        assert added == {"family_meeting", "family_input", "family_input_link", "family_change"}
        with Session(engine) as session:
            assert dict(content_revisions(session))["families"] == 0
        init_db(engine)
        with Session(engine) as session:
            assert len(session.exec(select(FamilyMeeting)).all()) == 1
            assert len(session.exec(select(FamilyInput)).all()) == 15
            assert dict(content_revisions(session))["families"] == 1

        upgrade_to_revision_below(engine, "0010")

        assert describe(engine) == before
        with Session(engine) as session:
            assert "families" not in dict(content_revisions(session))
    finally:
        engine.dispose()


def upgrade_to_revision_below(engine: Engine, revision: str) -> None:
    """Downgrade to the revision before `revision`."""
    with engine.begin() as connection:
        command.downgrade(migrations.alembic_config(connection), f"{revision}-1")


def test_an_empty_database_is_created_and_a_second_upgrade_does_nothing(empty: Engine) -> None:
    state = schema_state(empty)
    assert (state.status, state.pending) == (SchemaStatus.empty, LABELS)
    assert LABELS[0] == "0001_initial"

    first = upgrade_schema(empty)
    before = describe(empty)
    second = upgrade_schema(empty)

    assert (first.message, first.applied) == (CREATED, LABELS)
    assert (second.message, second.applied) == (
        f"Databasen er allerede opdateret (revision {HEAD}).",
        (),
    )
    assert describe(empty) == before
    assert stamped(empty) == [HEAD]
    assert schema_state(empty) == SchemaState(SchemaStatus.current, HEAD, revision=HEAD)


def test_a_create_all_database_is_stamped_not_recreated(empty: Engine) -> None:
    create_schema(empty)
    with session_scope(empty, write=True) as session:
        session.add(RestorationCase(reference="S-0001", team="Børn og Unge", track_code="A.1"))

    result = upgrade_schema(empty)

    assert (result.message, result.applied) == (RECOGNISED_AT_HEAD, ())
    assert stamped(empty) == [HEAD]
    with Session(empty) as session:
        case = session.exec(select(RestorationCase)).one()
    assert (case.id, case.reference, case.team) == (1, "S-0001", "Børn og Unge")
    assert drift(empty) == []


def test_a_stamp_left_without_tables_counts_as_empty(empty: Engine) -> None:
    upgrade_schema(empty)
    metadata.drop_all(empty)  # what the test fixtures do between tests; alembic_version stays

    assert schema_state(empty).status is SchemaStatus.empty
    assert upgrade_schema(empty).message == CREATED
    assert (stamped(empty), drift(empty)) == ([HEAD], [])


def test_an_unknown_revision_is_refused_and_nothing_changes(
    empty: Engine, auto_migrate: Callable[[bool], None]
) -> None:
    upgrade_schema(empty)
    with empty.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    auto_migrate(True)

    state = schema_state(empty)
    assert (state.status, state.revision) == (SchemaStatus.unknown, "0099")
    for attempt in (upgrade_schema, start_app_database):
        with pytest.raises(UnknownSchema, match="revision 0099, som denne version af appen"):
            attempt(empty)
    assert stamped(empty) == ["0099"]
    assert count(empty, "plan") == 0


def test_a_database_with_only_some_of_the_tables_is_not_recognised(empty: Engine) -> None:
    metadata.tables["user"].create(empty)
    metadata.tables["plan"].create(empty)

    state = schema_state(empty)

    assert state.status is SchemaStatus.unknown
    assert "kan ikke genkendes som revision 0001" in state.problem
    assert "tabellerne action, action_change" in state.problem
    with pytest.raises(UnknownSchema):
        upgrade_schema(empty)
    assert stamped(empty) == []
    assert set(sa.inspect(empty).get_table_names()) == {"user", "plan"}


CHILD = """
import sys, time
from pathlib import Path
from models.bootstrap import init_db
from models.core.db import create_db_engine
url, folder, name = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
engine = create_db_engine(url)
(folder / f"ready-{name}").touch()
while not (folder / "go").exists():
    time.sleep(0.005)
print(init_db(engine).created)
"""


def test_two_processes_initialising_one_fresh_database_take_turns(
    databases: Databases, tmp_path: Path
) -> None:
    url = databases.new()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, url, str(tmp_path), name],
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{n}").exists() for n in "ab"):
        assert time.monotonic() < deadline, "the child processes did not start"
        time.sleep(0.01)
    (tmp_path / "go").touch()  # both have imported everything: start together
    outputs = [child.communicate(timeout=120) for child in children]

    assert [child.returncode for child in children] == [0, 0], outputs
    created = sorted(int(out.strip()) for out, _err in outputs)
    assert created[0] == 0  # the second one found schema and plan in place
    assert created[1] > 0
    engine = databases.engine(url)
    assert (count(engine, "plan"), count(engine, "theme"), count(engine, "action")) == (1, 6, 87)
    assert stamped(engine) == [HEAD]


def test_offline_mode_writes_the_sql_of_every_migration(db_url: str) -> None:
    config = migrations.alembic_config(url=db_url)
    config.output_buffer = io.StringIO()

    command.upgrade(config, "head", sql=True)

    sql = config.output_buffer.getvalue()
    assert "CREATE TABLE action (" in sql
    assert "CONSTRAINT action_status CHECK" in sql
    assert "INSERT INTO alembic_version (version_num) VALUES ('0001')" in sql
    for older, newer in itertools.pairwise(REVISIONS):  # each later one moves the stamp on
        update = f"UPDATE alembic_version SET version_num='{newer}' WHERE"  # noqa: S608
        assert f"{update} alembic_version.version_num = '{older}'" in sql


# --- start-up ------------------------------------------------------------------------------


def test_start_app_database_creates_and_seeds_a_fresh_database(empty: Engine) -> None:
    first = start_app_database(empty)
    second = start_app_database(empty)

    assert first.upgrade is not None
    assert first.upgrade.message == CREATED
    assert first.seed.created > 0
    assert (second.upgrade, second.seed.created) == (None, 0)
    with Session(empty) as session:
        assert len(session.exec(select(Theme)).all()) == 6
    assert stamped(empty) == [HEAD]


def test_start_app_database_refuses_a_database_from_before_migrations_unless_auto_migrate(
    release_url: str, auto_migrate: Callable[[bool], None]
) -> None:
    engine = create_db_engine(release_url)
    try:
        auto_migrate(False)
        with pytest.raises(SchemaOutOfDate) as refused:
            start_app_database(engine)
        assert str(refused.value) == refused_before_migrations(AFTER_BASELINE)
        assert stamped(engine) == []

        auto_migrate(True)
        report = start_app_database(engine)

        assert report.upgrade is not None
        assert report.upgrade.message == recognised_then_upgraded(HEAD, AFTER_BASELINE)
        assert report.upgrade.applied == AFTER_BASELINE
        assert report.seed.created == FAMILY_ROWS
        assert stamped(engine) == [HEAD]
        kept = EXPECTED["row_counts"]["action_change"]
        assert count(engine, "action_change") == kept + len(expected_corrections())
    finally:
        engine.dispose()


# --- the revision after head (a throwaway NNNN_probe in a temporary directory) ---------------

PROBE = f"{NEXT}_probe"
PROBE_SCRIPT = '''"""Test probe: restoration_case.probe, added by copying the table on SQLite."""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    recreate = "always" if op.get_bind().dialect.name == "sqlite" else "auto"
    with op.batch_alter_table("restoration_case", recreate=recreate) as batch_op:
        batch_op.add_column(sa.Column("probe", sa.String(length=20), nullable=True))
    {failure}


def downgrade() -> None:
    with op.batch_alter_table("restoration_case") as batch_op:
        batch_op.drop_column("probe")
'''


@pytest.fixture
def add_probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., sa.MetaData]:
    """Make `NNNN_probe` (NNNN = head + 1) the head revision, and the models the ones that go
    with it: today's models with restoration_case.probe."""

    def add(*, fail: bool = False) -> sa.MetaData:
        versions = tmp_path / "probe_versions"
        versions.mkdir()
        failure = 'raise RuntimeError("probe failed")' if fail else "pass"
        script = PROBE_SCRIPT.format(revision=NEXT, down_revision=HEAD, failure=failure)
        (versions / f"{PROBE}.py").write_text(script)
        monkeypatch.setattr(migrations, "VERSION_DIRS", (migrations.VERSIONS_DIR, versions))
        models = sa.MetaData()
        for table in metadata.sorted_tables:
            table.to_metadata(models)
        models.tables["restoration_case"].append_column(sa.Column("probe", sa.String(20)))
        monkeypatch.setattr(bootstrap, "metadata", models)
        return models

    return add


def columns(engine: Engine, table: str) -> set[str]:
    return {column["name"] for column in sa.inspect(engine).get_columns(table)}


def test_a_database_behind_head_is_refused_then_upgraded_with_auto_migrate(
    release_url: str, add_probe: Callable[..., sa.MetaData], auto_migrate: Callable[[bool], None]
) -> None:
    engine = create_db_engine(release_url)
    try:
        upgrade_schema(engine)  # stamped at HEAD, which stays the head until the probe comes
        add_probe()
        assert schema_state(engine) == SchemaState(
            SchemaStatus.behind, NEXT, revision=HEAD, pending=(PROBE,)
        )

        auto_migrate(False)
        with pytest.raises(SchemaOutOfDate) as refused:
            start_app_database(engine)
        assert str(refused.value) == f"Databasens skema er ikke opdateret (mangler: {PROBE}). {RUN}"

        auto_migrate(True)
        report = start_app_database(engine)

        assert report.upgrade is not None
        assert report.upgrade.message == (
            f"Databasen er opdateret fra revision {HEAD} til {NEXT} ({PROBE})."
        )
        assert report.upgrade.applied == (PROBE,)
        assert stamped(engine) == [NEXT]
        assert "probe" in columns(engine, "restoration_case")
        # SQLite copied restoration_case; the cascade to missing_step must not have fired.
        for table in ("restoration_case", "missing_step", "action", "snapshot_action"):
            assert count(engine, table) == EXPECTED["row_counts"][table]
    finally:
        engine.dispose()


def test_a_release_database_is_stamped_at_0001_then_upgraded(
    release_url: str, add_probe: Callable[..., sa.MetaData]
) -> None:
    add_probe()
    engine = create_db_engine(release_url)
    try:
        pending = (*AFTER_BASELINE, PROBE)  # every revision after 0001
        state = schema_state(engine)
        assert (state.status, state.revision, state.pending) == (
            SchemaStatus.unstamped,
            "0001",
            pending,
        )
        assert state.out_of_date_message() == (
            "Databasens skema er ikke opdateret: databasen er fra før migreringerne og skal "
            f"markeres som revision 0001 og opdateres (mangler: {', '.join(pending)}). {RUN}"
        )

        result = upgrade_schema(engine)

        assert result.message == (
            f"{RECOGNISED} Derefter opdateret til revision {NEXT} ({', '.join(pending)})."
        )
        assert result.applied == pending
        assert stamped(engine) == [NEXT]
        assert count(engine, "missing_step") == EXPECTED["row_counts"]["missing_step"]
    finally:
        engine.dispose()


def test_a_create_all_database_of_the_newest_models_is_stamped_at_head(
    empty: Engine, add_probe: Callable[..., sa.MetaData]
) -> None:
    add_probe().create_all(empty)

    result = upgrade_schema(empty)

    assert (result.message, result.applied) == (
        f"Eksisterende database genkendt og markeret som revision {NEXT}.",
        (),
    )
    assert stamped(empty) == [NEXT]


def test_a_failing_migration_leaves_the_database_as_it_was(
    release_url: str, add_probe: Callable[..., sa.MetaData]
) -> None:
    engine = create_db_engine(release_url)
    try:
        upgrade_schema(engine)
        add_probe(fail=True)

        with pytest.raises(RuntimeError, match="probe failed"):
            upgrade_schema(engine)

        assert stamped(engine) == [HEAD]
        assert "probe" not in columns(engine, "restoration_case")
        assert count(engine, "missing_step") == EXPECTED["row_counts"]["missing_step"]
    finally:
        engine.dispose()


# --- writing a new migration ---------------------------------------------------------------


def test_the_revision_command_writes_the_next_migration_and_it_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty: Engine
) -> None:
    models = sa.MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(models)
    models.tables["restoration_case"].append_column(sa.Column("team_lead", AutoString(64)))
    monkeypatch.setattr("models.schema.metadata", models)  # what env.py compares with
    versions = tmp_path / "versions"
    versions.mkdir()

    path = new_revision("add team lead", directory=versions)

    assert path is not None
    assert path.name == f"{NEXT}_add_team_lead.py"
    text = path.read_text()
    assert f'revision: str = "{NEXT}"' in text
    assert f'down_revision: str | Sequence[str] | None = "{HEAD}"' in text
    assert 'batch_op.add_column(sa.Column("team_lead", sa.String(length=64)' in text
    assert "sqlmodel" not in text
    monkeypatch.setattr(migrations, "VERSION_DIRS", (migrations.VERSIONS_DIR, versions))
    monkeypatch.setattr(bootstrap, "metadata", models)
    assert upgrade_schema(empty).message == f"Databasen er oprettet (revision {NEXT})."
    assert "team_lead" in columns(empty, "restoration_case")
    assert drift(empty, models) == []


def test_the_revision_command_writes_nothing_when_the_models_did_not_change(
    tmp_path: Path,
) -> None:
    assert new_revision("nothing", directory=tmp_path) is None
    assert list(tmp_path.iterdir()) == []


def test_migration_files_are_plain_sqlalchemy_and_named_after_their_revision() -> None:
    script = migrations.script_directory()
    revisions = list(reversed(list(script.walk_revisions())))  # oldest first

    assert script.get_heads() == [HEAD]
    # One line of history: 0001, 0002, … each on top of the one before.
    assert [r.revision for r in revisions] == [f"{n:04d}" for n in range(1, len(revisions) + 1)]
    assert [r.down_revision for r in revisions] == [None, *REVISIONS[:-1]]
    assert tuple(r.revision for r in revisions) == REVISIONS
    for found in revisions:
        path = Path(found.path)
        assert path.parent == migrations.VERSIONS_DIR
        assert re.fullmatch(rf"{found.revision}_[a-z0-9_]+\.py", path.name)
        assert "sqlmodel" not in path.read_text()
