"""Start-up: bring the schema to the newest revision through the migrations, then load what the
app ships with (plan, indicators, key messages, the family panel). Idempotent; it never
touches users' edits.

- `upgrade_schema(engine)`: migrate to head (`python manage.py migrate`). A database from
  before migrations (release 0's create_all: the tables, no `alembic_version`) is recognised
  and stamped with the revision it matches, never re-created.
- `schema_state(engine)`: empty, current, behind, unstamped or unknown; read-only.
- `start_app_database(engine)`: what the app runs at start-up. A fresh database is created
  and seeded; a current one is seeded; an out-of-date one is upgraded only with the setting
  `auto_migrate` (DASHBOARD_AUTO_MIGRATE=1), else `SchemaOutOfDate` says what to run.
- `init_db(engine)`: `manage.py init-db` and the tests: upgrade, then seed.

Concurrency: on PostgreSQL the upgrade and the seeding each run in one transaction that first
takes a transaction-level advisory lock, so two processes starting on the same fresh database
take turns and the second one finds the work done. On SQLite the same transactions start with
BEGIN IMMEDIATE, which serialises writers. Within one process a thread lock serialises
upgrades, since Alembic keeps its running context in module globals.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from models import migrations
from models.core.db import get_engine, session_scope
from models.core.errors import DomainError
from models.core.settings import ENV_NAMES, get_settings
from models.families.seed import seed_family_panel
from models.indicators.service import seed_indicators
from models.plan.plan_file import DEFAULT_PLAN_PATH, PlanSeed, load_plan_file
from models.plan.seed import SeedReport, seed_plan
from models.reports.snapshots import seed_key_messages
from models.schema import metadata

MIGRATE_COMMAND = "python manage.py migrate"
VERSION_TABLE = "alembic_version"
# pg_advisory_xact_lock key for "schema and seed of this database" (the bytes of "faxedash").
SCHEMA_LOCK_KEY = 0x6661_7865_6461_7368
# Alembic runs with its context in module globals (`alembic.context`, `alembic.op`): one
# migration at a time per process (Streamlit runs sessions in threads).
_ALEMBIC_LOCK = threading.Lock()


class SchemaError(DomainError):
    """The database's schema does not fit this version of the app; the message is Danish."""


class SchemaOutOfDate(SchemaError):
    """The schema is older than the code: run the migrations (or allow them at start-up)."""


class UnknownSchema(SchemaError):
    """The schema is newer than the code, or not one the app made: nothing is changed."""


class SchemaStatus(enum.StrEnum):
    empty = "empty"  # none of the app's tables: a fresh install
    current = "current"  # stamped at head
    behind = "behind"  # stamped at an older revision
    unstamped = "unstamped"  # the app's tables without alembic_version (made by create_all)
    unknown = "unknown"  # a revision this code does not know, or tables it cannot place


@dataclass(frozen=True)
class SchemaState:
    """Where a database stands against the migration scripts."""

    status: SchemaStatus
    head: str
    revision: str | None = None
    """The revision stamped in the database (for `unstamped`: the one it was recognised as)."""
    pending: tuple[str, ...] = ()
    """The revisions an upgrade would apply, as file names without .py (`0002_add_x`)."""
    problem: str = ""
    """For `unknown`: why, in Danish."""

    @property
    def needs_upgrade(self) -> bool:
        return self.status in (SchemaStatus.empty, SchemaStatus.behind, SchemaStatus.unstamped)

    def out_of_date_message(self) -> str:
        """What an operator reads when the app refuses to start on this database."""
        env = ENV_NAMES["auto_migrate"]
        run = f"Kør `{MIGRATE_COMMAND}` (eller sæt {env}=1)."
        if self.status is SchemaStatus.unstamped:
            more = f" og opdateres (mangler: {', '.join(self.pending)})" if self.pending else ""
            return (
                "Databasens skema er ikke opdateret: databasen er fra før migreringerne og skal "
                f"markeres som revision {self.revision}{more}. {run}"
            )
        return f"Databasens skema er ikke opdateret (mangler: {', '.join(self.pending)}). {run}"


@dataclass(frozen=True)
class UpgradeResult:
    """What `upgrade_schema` did; `message` is the Danish sentence `manage.py migrate` prints."""

    before: SchemaState
    revision: str
    applied: tuple[str, ...]
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class StartupReport:
    """What `start_app_database` did: the upgrade (None if the schema was current) and seed."""

    upgrade: UpgradeResult | None
    seed: SeedReport = field(default_factory=SeedReport)


# --- reading the state ---------------------------------------------------------------------


def _script() -> ScriptDirectory:
    return migrations.script_directory()


def _path(script: ScriptDirectory, lower: str | None, head: str) -> tuple[str, ...]:
    """Labels of the revisions after `lower` (None: from the start) up to `head`, oldest first."""
    steps = script.iterate_revisions(head, lower or "base")
    return tuple(migrations.revision_label(script, s.revision) for s in reversed(list(steps)))


def _missing_baseline(inspector: sa.Inspector, tables: set[str]) -> list[str]:
    """What a database lacks to be revision 0001 (tables, or columns of tables), in Danish."""
    missing = sorted(set(migrations.BASELINE_TABLES) - tables)
    problems = [f"tabellerne {', '.join(missing)}"] if missing else []
    for name, columns in sorted(migrations.BASELINE_TABLES.items()):
        if name in tables:
            found = {column["name"] for column in inspector.get_columns(name)}
            if lacking := sorted(columns - found):
                problems.append(f"kolonnerne {', '.join(lacking)} i tabellen {name}")
    return problems


def _matches_models(connection: sa.Connection) -> bool:
    """True if the tables are exactly what the models (and so the head revision) describe."""
    context = MigrationContext.configure(connection, opts=migrations.CONTEXT_OPTIONS)
    return not compare_metadata(context, metadata)


def _state(connection: sa.Connection) -> SchemaState:
    script = _script()
    head = script.get_current_head() or ""
    known = {s.revision for s in script.walk_revisions()}
    inspector = sa.inspect(connection)
    tables = set(inspector.get_table_names())
    ours = tables & (set(metadata.tables) | set(migrations.BASELINE_TABLES))
    stamped = MigrationContext.configure(connection).get_current_heads()

    if len(stamped) > 1 or any(rev not in known for rev in stamped):
        return SchemaState(
            SchemaStatus.unknown,
            head,
            revision=", ".join(stamped),
            problem=(
                f"Databasen er på revision {', '.join(stamped)}, som denne version af appen "
                "ikke kender (er den opdateret af en nyere version?). Appen ændrer ikke "
                "databasen; opdatér appen, eller gendan databasen fra en sikkerhedskopi."
            ),
        )
    if not ours:
        return SchemaState(SchemaStatus.empty, head, pending=_path(script, None, head))
    if stamped:
        revision = stamped[0]
        status = SchemaStatus.current if revision == head else SchemaStatus.behind
        return SchemaState(status, head, revision=revision, pending=_path(script, revision, head))
    # The app's tables without a stamp: release 0's create_all (or create_schema in tests).
    if head != migrations.BASELINE_REVISION and _matches_models(connection):
        return SchemaState(SchemaStatus.unstamped, head, revision=head)
    if problems := _missing_baseline(inspector, tables):
        return SchemaState(
            SchemaStatus.unknown,
            head,
            problem=(
                "Databasen har nogle af appens tabeller, men ingen revision, og den kan ikke "
                f"genkendes som revision {migrations.BASELINE_REVISION} (mangler: "
                f"{'; '.join(problems)}). Appen ændrer ikke databasen; brug en tom database, "
                "eller gendan databasen fra en sikkerhedskopi."
            ),
        )
    baseline = migrations.BASELINE_REVISION
    return SchemaState(
        SchemaStatus.unstamped, head, revision=baseline, pending=_path(script, baseline, head)
    )


def schema_state(engine: Engine | None = None) -> SchemaState:
    """Where the database stands (read-only): empty, current, behind, unstamped or unknown."""
    engine = engine or get_engine()
    with engine.connect() as connection:
        return _state(connection)


# --- changing it ---------------------------------------------------------------------------


def _lock(connection: sa.Connection) -> None:
    """On PostgreSQL, wait for other processes' schema and seed transactions on this database."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(SCHEMA_LOCK_KEY)))


def _sqlite_foreign_keys(connection: sa.Connection, on: bool) -> None:
    # A PRAGMA that only works outside a transaction, so straight on the driver connection.
    connection.connection.driver_connection.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _check_foreign_keys(connection: sa.Connection) -> None:
    rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if rows:
        tables = ", ".join(sorted({str(row[0]) for row in rows}))
        raise SchemaError(
            "Migreringen er afbrudt og rullet tilbage: den ville efterlade ugyldige "
            f"fremmednøgler i {tables}."
        )


@contextmanager
def _migration_transaction(engine: Engine) -> Iterator[sa.Connection]:
    """One locked transaction for the whole upgrade (PostgreSQL and SQLite have transactional
    DDL, so a failed migration leaves the database as it was).

    SQLite runs without foreign keys meanwhile: batch migrations copy a table and drop the old
    one, and a DROP with foreign keys on would cascade into the rows that refer to it. The
    foreign keys are checked before the commit instead.
    """
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _sqlite_foreign_keys(connection, on=False)
            connection.execution_options(sqlite_begin="IMMEDIATE")
        try:
            with connection.begin():
                _lock(connection)
                yield connection
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite and not connection.invalidated:
                _sqlite_foreign_keys(connection, on=True)


def upgrade_schema(engine: Engine | None = None) -> UpgradeResult:
    """Bring the schema to the newest revision and say in Danish what happened.

    Empty database: every migration runs. The app's tables without `alembic_version` (release
    0's create_all): recognised, stamped, then upgraded; no table is re-created. Raises
    `UnknownSchema` (and changes nothing) for a revision this code does not know.
    """
    engine = engine or get_engine()
    with _ALEMBIC_LOCK, _migration_transaction(engine) as connection:
        before = _state(connection)
        head = before.head
        config = migrations.alembic_config(connection)
        if before.status is SchemaStatus.unknown:
            raise UnknownSchema(before.problem)
        if before.status is SchemaStatus.current:
            message = f"Databasen er allerede opdateret (revision {head})."
            return UpgradeResult(before, head, (), message)
        if before.status is SchemaStatus.empty:
            if sa.inspect(connection).has_table(VERSION_TABLE):
                # A stamp left behind with no tables (e.g. after dropping them): start over.
                connection.execute(sa.text(f"DELETE FROM {VERSION_TABLE}"))  # noqa: S608
            command.upgrade(config, "head")
            message = f"Databasen er oprettet (revision {head})."
        elif before.status is SchemaStatus.unstamped:
            command.stamp(config, before.revision or "")
            command.upgrade(config, "head")
            message = f"Eksisterende database genkendt og markeret som revision {before.revision}."
            if before.pending:
                message += f" Derefter opdateret til revision {head} ({', '.join(before.pending)})."
        else:
            command.upgrade(config, "head")
            message = (
                f"Databasen er opdateret fra revision {before.revision} til {head} "
                f"({', '.join(before.pending)})."
            )
        return UpgradeResult(before, head, before.pending, message)


def _seed(engine: Engine, plan_seed: PlanSeed) -> SeedReport:
    with session_scope(engine, write=True) as session:
        _lock(session.connection())
        report = seed_plan(session, plan_seed)
        indicators = seed_indicators(session)
        report.created += indicators.created
        report.refreshed += indicators.refreshed
        report.created += seed_key_messages(session)
        families = seed_family_panel(session)
        report.created += families.created
        report.refreshed += families.refreshed
        return report


def init_db(engine: Engine | None = None, plan_path: Path = DEFAULT_PLAN_PATH) -> SeedReport:
    """Upgrade the schema to head, then load the plan; safe to run any number of times."""
    engine = engine or get_engine()
    plan_seed = load_plan_file(plan_path)  # a malformed plan file stops us before any change
    upgrade_schema(engine)
    return _seed(engine, plan_seed)


def start_app_database(
    engine: Engine | None = None, plan_path: Path = DEFAULT_PLAN_PATH
) -> StartupReport:
    """The app's start-up: a fresh database is created and seeded, a current one seeded.

    An out-of-date schema (behind, or a database from before migrations) is upgraded only when
    the setting `auto_migrate` is on; otherwise `SchemaOutOfDate` names the command to run.
    An unknown schema raises `UnknownSchema`, whatever the setting.
    """
    engine = engine or get_engine()
    plan_seed = load_plan_file(plan_path)
    state = schema_state(engine)
    if state.status is SchemaStatus.unknown:
        raise UnknownSchema(state.problem)
    upgrade = None
    if state.status is SchemaStatus.empty or (state.needs_upgrade and get_settings().auto_migrate):
        # Another process may have done it meanwhile; upgrade_schema looks again under the lock.
        upgrade = upgrade_schema(engine)
    elif state.needs_upgrade:
        raise SchemaOutOfDate(state.out_of_date_message())
    return StartupReport(upgrade, _seed(engine, plan_seed))
