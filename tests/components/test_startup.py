"""Start-up: a fresh database is made by itself; an out-of-date schema stops the app in Danish."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from models import migrations
from models.core.db import get_engine
from models.core.settings import get_settings
from models.schema import create_schema

APP = str(Path(__file__).resolve().parents[2] / "app.py")
HEAD = migrations.script_directory().get_current_head()


def _run() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_fresh_database_is_created_and_the_first_run_asks_for_setup() -> None:
    at = _run()
    assert not at.error
    assert [box.label for box in at.text_input][:1] == ["Opsætningskode"]


def test_a_database_from_before_migrations_stops_the_app_and_names_the_command() -> None:
    create_schema(get_engine())  # today's tables, but no migration stamp: recognised as head
    at = _run()
    assert [error.value for error in at.error] == [
        "Databasens skema er ikke opdateret: databasen er fra før migreringerne og skal "
        f"markeres som revision {HEAD}. Kør "
        "\\`python manage.py migrate\\` (eller sæt DASHBOARD\\_AUTO\\_MIGRATE=1)."
    ]
    assert not at.text_input  # nothing else of the app runs


def test_auto_migrate_upgrades_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    create_schema(get_engine())
    monkeypatch.setenv("DASHBOARD_AUTO_MIGRATE", "1")
    get_settings.cache_clear()
    at = _run()
    assert not at.error
    assert [box.label for box in at.text_input][:1] == ["Opsætningskode"]
