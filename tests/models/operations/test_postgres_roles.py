"""The PostgreSQL roles the README prescribes: an owner that migrates, an app role that only
reads and writes rows (deploy/postgresql/grants.sql, applied with psql as documented)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlmodel import Session, select

from models.auth.users import Actor, Role
from models.bootstrap import init_db, start_app_database
from models.core.db import create_db_engine
from models.core.settings import PROJECT_ROOT, get_settings
from models.operations.health import health_checks
from models.plan.action_edits import ActionEdit, Outcome, save_action_edits
from models.plan.tables import Action
from tests.conftest import PG_SKIP_REASON, skip_or_fail
from tests.factories import make_user

GRANTS = PROJECT_ROOT / "deploy" / "postgresql" / "grants.sql"


@dataclass(frozen=True)
class Roles:
    owner_url: URL
    app_url: URL


def _psql_url(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def roles() -> Iterator[Roles]:
    """A fresh database owned by a new owner role, and a new app role with no rights yet."""
    admin_url = os.environ.get("TEST_DATABASE_URL")
    if not admin_url:
        skip_or_fail(PG_SKIP_REASON)
    if shutil.which("psql") is None:
        skip_or_fail("psql is not installed (Debian: postgresql-client)")
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    suffix = f"p{os.getpid()}"
    owner, app, database = f"dash_owner_{suffix}", f"dash_app_{suffix}", f"dash_roles_{suffix}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE ROLE "{owner}" LOGIN'))
        connection.execute(sa.text(f'CREATE ROLE "{app}" LOGIN'))
        connection.execute(sa.text(f'CREATE DATABASE "{database}" OWNER "{owner}"'))
    base = sa.engine.make_url(admin_url).set(database=database)
    try:
        yield Roles(base.set(username=owner), base.set(username=app))
    finally:
        from models.core.db import dispose_engines

        dispose_engines()
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            connection.execute(sa.text(f'DROP ROLE IF EXISTS "{app}"'))
            connection.execute(sa.text(f'DROP ROLE IF EXISTS "{owner}"'))
        admin.dispose()


def _apply_grants(roles: Roles) -> None:
    subprocess.run(
        [
            "psql",
            _psql_url(roles.owner_url),
            "-v",
            f"app_role={roles.app_url.username}",
            "-v",
            "ON_ERROR_STOP=1",
            "-q",
            "-f",
            str(GRANTS),
        ],
        check=True,
        capture_output=True,
        text=True,
    )


def test_the_app_role_runs_the_app_but_cannot_change_the_schema(roles: Roles) -> None:
    owner = create_db_engine(roles.owner_url.render_as_string(hide_password=False))
    init_db(owner)  # the deploy step, as the owner
    _apply_grants(roles)
    app = create_db_engine(roles.app_url.render_as_string(hide_password=False))
    try:
        # The app's start-up (re-reads the plan file: rows only), a user and a save.
        start_app_database(app)
        with Session(app, expire_on_commit=False) as session:
            editor = make_user(session, "erik", Role.editor)
            action = session.exec(select(Action).where(Action.code == "A.1.1")).one()
            (result,) = save_action_edits(
                session,
                actor=Actor(username=editor.username, role=editor.role),
                edits=[ActionEdit(action.id or 0, action.version, {"note": "Rollen virker"})],
            )
            assert result.outcome is Outcome.saved
            session.commit()
        assert all(check.ok for check in health_checks(app, get_settings()))
        # No schema change with the app's role.
        refused = pytest.raises(sa.exc.ProgrammingError, match=r"must be owner|permission denied")
        with refused, app.begin() as connection:
            connection.execute(sa.text("DROP TABLE action_change"))
        refused = pytest.raises(sa.exc.ProgrammingError, match="permission denied")
        with refused, app.begin() as connection:
            connection.execute(sa.text("CREATE TABLE intruder (id int)"))
        # A table a later migration creates (as the owner) is the app's to use at once.
        with owner.begin() as connection:
            connection.execute(sa.text("CREATE TABLE later_migration (id serial PRIMARY KEY)"))
        with app.begin() as connection:
            connection.execute(sa.text("INSERT INTO later_migration DEFAULT VALUES"))
            assert connection.execute(sa.text("SELECT count(*) FROM later_migration")).scalar()
    finally:
        app.dispose()
        owner.dispose()


def test_without_the_grants_the_app_role_reads_nothing(roles: Roles) -> None:
    """The grants are what give the app its rights (the test above is not vacuous)."""
    owner = create_db_engine(roles.owner_url.render_as_string(hide_password=False))
    init_db(owner)
    app = create_db_engine(roles.app_url.render_as_string(hide_password=False))
    try:
        refused = pytest.raises(sa.exc.ProgrammingError, match="permission denied")
        with refused, app.connect() as connection:
            connection.execute(sa.text("SELECT count(*) FROM action"))
    finally:
        app.dispose()
        owner.dispose()
