"""Backup and restore on SQLite and PostgreSQL: the drill an operator would run."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.auth.login import LoginEvent, LoginOutcome
from models.auth.sessions import open_session, redeem_handoff, session_for_cookie
from models.auth.users import Role
from models.bootstrap import SchemaStatus, schema_state
from models.core.db import create_db_engine, session_scope
from models.operations.backup import (
    BackupError,
    backup_database,
    list_backups,
    manifest_path,
    read_manifest,
    restore_database,
)
from tests.conftest import DatabaseTemplates, sqlite_path
from tests.factories import make_user


@pytest.fixture
def target_url(
    seeded_db_url: str, tmp_path: Path, database_templates: DatabaseTemplates
) -> Iterator[str]:
    """An empty database of the same backend as seeded_db_url, to restore into."""
    if sqlite_path(seeded_db_url) is not None:
        yield f"sqlite:///{tmp_path / 'restored' / 'dashboard.db'}"
        return
    url = database_templates.new_postgres_database(None)
    try:
        yield url
    finally:
        database_templates.drop_postgres_database(url)


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text(f'SELECT count(*) FROM "{table}"')).scalar_one()  # noqa: S608


def _write_until(engine: Engine, stop: threading.Event, written: list[int]) -> None:
    """A writer like the app: one committed login event per transaction, until told to stop."""
    try:
        while not stop.is_set():
            with session_scope(engine, write=True) as session:
                session.add(LoginEvent(username="skriver", outcome=LoginOutcome.failure))
            written.append(1)
    finally:
        stop.set()  # a writer that fails stops the drill instead of hanging it


def test_restore_drill(seeded_db_url: str, target_url: str, tmp_path: Path) -> None:
    source = create_db_engine(seeded_db_url)
    with Session(source, expire_on_commit=False) as session:
        make_user(session, "vera", Role.viewer)
        opened = open_session(session, username="vera")
        cookie = redeem_handoff(session, code=opened.handoff_code)
        session.commit()
    assert cookie is not None

    stop, written = threading.Event(), []
    writers = [
        threading.Thread(target=_write_until, args=(source, stop, written)) for _ in range(2)
    ]
    for writer in writers:
        writer.start()
    try:
        while len(written) < 20 and not stop.is_set():  # writing before the backup starts
            stop.wait(0.01)
        assert not stop.is_set(), "a writer failed"
        result = backup_database(source, tmp_path / "backups")
        assert not stop.is_set(), "a writer failed during the backup"
    finally:
        stop.set()
        for writer in writers:
            writer.join()
    after_backup = _count(source, "login_event")
    source.dispose()

    manifest = read_manifest(result.path)
    assert manifest.row_counts["login_event"] >= 20
    assert manifest.row_counts["login_event"] <= after_backup
    assert manifest.row_counts["action"] == 87
    assert manifest.schema_revision == schema_state(create_db_engine(seeded_db_url)).revision
    assert json.loads(manifest_path(result.path).read_text())["sha256"] == manifest.sha256

    target = create_db_engine(target_url)
    restored = restore_database(result.path, target)
    assert restored.upgrade is None
    for table, count in manifest.row_counts.items():
        assert _count(target, table) == count, table
    assert schema_state(target).status is SchemaStatus.current
    # The same cookie key (the test settings') and the restored session row: still logged in.
    with Session(target) as session:
        row = session_for_cookie(session, cookie.token)
        assert row is not None
        assert row.username == "vera"
    target.dispose()


def test_restore_refuses_a_database_that_is_not_empty(seeded_db_url: str, tmp_path: Path) -> None:
    engine = create_db_engine(seeded_db_url)
    result = backup_database(engine, tmp_path)
    with pytest.raises(BackupError, match="allerede appens tabeller"):
        restore_database(result.path, engine)
    restore_database(result.path, engine, replace=True)  # on purpose: allowed
    assert _count(engine, "action") == 87
    engine.dispose()


def test_restore_refuses_a_backup_from_a_newer_app(
    seeded_db_url: str, target_url: str, tmp_path: Path
) -> None:
    engine = create_db_engine(seeded_db_url)
    result = backup_database(engine, tmp_path)
    engine.dispose()
    path = manifest_path(result.path)
    data = json.loads(path.read_text())
    data["schema_revision"] = "9999_from_the_future"
    path.write_text(json.dumps(data))
    target = create_db_engine(target_url)
    with pytest.raises(BackupError, match="nyere version af appen"):
        restore_database(result.path, target)
    with target.connect() as connection:
        assert sa.inspect(connection).get_table_names() == []  # nothing was written
    target.dispose()


def test_restore_refuses_a_changed_file(
    seeded_db_url: str, target_url: str, tmp_path: Path
) -> None:
    engine = create_db_engine(seeded_db_url)
    result = backup_database(engine, tmp_path)
    engine.dispose()
    with result.path.open("ab") as handle:
        handle.write(b"x")
    with pytest.raises(BackupError, match="tjeksum"):
        restore_database(result.path, create_db_engine(target_url))


def test_restore_migrates_an_older_backup(
    seeded_db_url: str, target_url: str, tmp_path: Path
) -> None:
    """A backup taken before the newest migration is restored and then upgraded to head."""
    from alembic import command

    from models import migrations

    engine = create_db_engine(seeded_db_url)
    head = schema_state(engine).revision
    script = migrations.script_directory()
    previous = script.get_revision(head).down_revision
    with engine.begin() as connection:
        config = migrations.alembic_config(connection)
        command.downgrade(config, previous)
    result = backup_database(engine, tmp_path)
    engine.dispose()
    assert read_manifest(result.path).schema_revision == previous

    target = create_db_engine(target_url)
    restored = restore_database(result.path, target)
    assert restored.upgrade is not None
    assert schema_state(target).status is SchemaStatus.current
    target.dispose()


def test_rotation_after_each_backup(
    seeded_db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.core.settings import get_settings

    monkeypatch.setenv("DASHBOARD_BACKUP_KEEP_DAILY", "2")
    monkeypatch.setenv("DASHBOARD_BACKUP_KEEP_WEEKLY", "0")
    get_settings.cache_clear()
    engine = create_db_engine(seeded_db_url)
    start = dt.datetime(2026, 12, 1, 2, tzinfo=dt.UTC)
    removed = []
    for day in range(4):
        result = backup_database(engine, tmp_path, now=start + dt.timedelta(days=day))
        removed.extend(result.removed)
    engine.dispose()
    kept = [path.name for path, _ in list_backups(tmp_path)]
    assert len(kept) == 2
    assert "20261204" in kept[0]
    assert "20261203" in kept[1]
    assert len(removed) == 2
    assert not any(path.exists() for path in removed)
    assert not any(manifest_path(path).exists() for path in removed)
