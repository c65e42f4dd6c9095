"""Start-up: a fresh database is made by itself; an out-of-date schema stops the app in Danish."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from streamlit.testing.v1 import AppTest

from models.core.db import get_engine
from models.core.settings import get_settings
from models.migrations import BASELINE_REVISION, alembic_config

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _run() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_fresh_database_is_created_and_the_first_run_asks_for_setup() -> None:
    at = _run()
    assert not at.error
    assert [box.label for box in at.text_input][:1] == ["Opsætningskode"]


def release_0_database() -> list[str]:
    """The first release's schema without a migration stamp (it had none); returns the
    migrations that it lacks."""
    engine = get_engine()
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), BASELINE_REVISION)
        connection.exec_driver_sql("DROP TABLE alembic_version")
    return [
        f"{script.revision}_{Path(script.path).stem.split('_', 1)[1]}"
        for script in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))
        if script.revision != BASELINE_REVISION
    ]


def test_a_database_from_before_migrations_stops_the_app_and_names_the_command() -> None:
    pending = release_0_database()
    shown = ", ".join(pending).replace("_", "\\_")  # as markdown-escaped by inert()
    at = _run()
    assert [error.value for error in at.error] == [
        "Databasens skema er ikke opdateret: databasen er fra før migreringerne og skal "
        f"markeres som revision 0001 og opdateres (mangler: {shown}). Kør "
        "\\`python manage.py migrate\\` (eller sæt DASHBOARD\\_AUTO\\_MIGRATE=1)."
    ]
    assert not at.text_input  # nothing else of the app runs


def test_auto_migrate_upgrades_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    release_0_database()
    monkeypatch.setenv("DASHBOARD_AUTO_MIGRATE", "1")
    get_settings.cache_clear()
    at = _run()
    assert not at.error
    assert [box.label for box in at.text_input][:1] == ["Opsætningskode"]
