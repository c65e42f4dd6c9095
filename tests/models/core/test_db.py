"""Database setup: one engine per URL, SQLite tuned, statuses constrained on every backend."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from models.core.db import database_url, get_engine, session_scope
from models.core.settings import get_settings
from tests.factories import seed_database


def test_default_url_is_a_sqlite_file_under_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL")
    get_settings.cache_clear()
    assert database_url().startswith("sqlite:///")
    assert database_url().endswith("/data/dashboard.db")


def test_database_url_selects_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@h/db")
    get_settings.cache_clear()
    assert database_url() == "postgresql+psycopg://u@h/db"


def test_one_engine_per_process_and_url(sqlite_url: str) -> None:
    assert get_engine(sqlite_url) is get_engine(sqlite_url)


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(sqlite_url: str) -> None:
    engine = get_engine(sqlite_url)
    with engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout")
        }
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 30000}


def test_status_outside_the_four_is_refused_by_the_database(engine: Engine) -> None:
    seed_database(engine)
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql("UPDATE action SET status = 'Færdig'")


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO result (track_id, position, text) VALUES (999, 1, 'x')"
        )


def test_session_scope_rolls_back_on_error(engine: Engine) -> None:
    seed_database(engine)

    def failing_write() -> None:
        with session_scope(engine, write=True) as session:
            session.exec(sa.text("UPDATE action SET note = 'ikke gemt'"))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        failing_write()
    with engine.connect() as connection:
        notes = connection.exec_driver_sql("SELECT DISTINCT note FROM action").scalars().all()
    assert "ikke gemt" not in notes
