"""`manage.py backup` and `restore`, in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from models.core.db import create_db_engine
from models.core.settings import get_settings
from tests.models.operations.test_backup import target_url  # noqa: F401 - a fixture
from tests.test_manage import NOT_CREATED_LINE, ready, run, use_database  # noqa: F401


def test_backup_then_restore_into_an_empty_database(
    ready: str,  # noqa: F811
    target_url: str,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = run("backup", "--mappe", str(tmp_path / "b"))
    assert made.exit_code == 0, made.output
    assert "Backup skrevet:" in made.output
    assert "rækker i" in made.output
    backup = next(path for path in (tmp_path / "b").iterdir() if path.suffix != ".json")

    use_database(monkeypatch, target_url)
    restored = run("restore", str(backup))
    assert restored.exit_code == 0, restored.output
    assert "som manifestet siger" in restored.output
    engine = create_db_engine(target_url)
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM action")).scalar_one() == 87
    engine.dispose()

    again = run("restore", str(backup))  # into what is no longer empty
    assert again.exit_code == 1
    assert "Fejl: Måldatabasen har allerede appens tabeller" in again.output


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_backup_names_the_generated_cookie_key(
    ready: str,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from models.auth.signing_key import resolve_cookie_key
    from models.core.settings import get_settings

    monkeypatch.delenv("DASHBOARD_COOKIE_KEY")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    resolve_cookie_key()  # the app generates it on first start
    made = run("backup", "--mappe", str(tmp_path / "b"))
    assert made.exit_code == 0, made.output
    assert f"Gem også disse nøglefiler (ikke i git): {tmp_path / 'data' / 'cookie.key'}" in (
        made.output
    )


def test_backup_of_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    result = run("backup", "--mappe", str(tmp_path / "b"))
    assert result.exit_code == 1
    assert result.output == NOT_CREATED_LINE
    assert not (tmp_path / "b").exists()


def test_restore_of_a_missing_file(tmp_path: Path) -> None:
    result = run("restore", str(tmp_path / "nothing.sqlite3"))
    assert result.exit_code == 1
    assert "findes ikke" in result.output


def test_healthcheck_of_a_ready_database(ready: str) -> None:  # noqa: F811
    result = run("healthcheck")
    assert result.exit_code == 0, result.output
    assert "OK  skema: revision" in result.output


def test_healthcheck_without_a_database_says_why_and_fails(tmp_path: Path) -> None:
    result = run("healthcheck")
    assert result.exit_code == 1
    assert "FEJL database: SQLite-filen" in result.output
    assert result.output.endswith("Fejl: instansen er ikke sund.\n")


def test_healthcheck_with_postgresql_down(monkeypatch: pytest.MonkeyPatch) -> None:
    use_database(monkeypatch, "postgresql+psycopg://postgres@127.0.0.1:1/test")
    result = run("healthcheck")
    assert result.exit_code == 1
    assert "FEJL database: postgresql+psycopg://postgres@127.0.0.1:1/test svarer ikke" in (
        result.output
    )


def test_check_config_refuses_a_relative_sqlite_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:///dashboard.db")
    get_settings.cache_clear()
    result = run("check-config")
    assert result.exit_code == 1
    assert "peger på en relativ SQLite-sti" in result.output


def test_check_config_refuses_several_instances_with_a_generated_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DASHBOARD_MULTI_INSTANCE", "1")
    monkeypatch.delenv("DASHBOARD_COOKIE_KEY")
    get_settings.cache_clear()
    result = run("check-config")
    assert result.exit_code == 1
    assert "FEJL flere instanser: DASHBOARD_MULTI_INSTANCE er slået til, men cookie-nøglen" in (
        result.output
    )


def test_prune_logs_dry_run_names_the_tables(ready: str) -> None:  # noqa: F811
    result = run("prune-logs", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "login_event: 0 rækker ældre end 365 dage ville blive slettet.\n"
        "reminder_log: 0 rækker ældre end 365 dage ville blive slettet.\n"
    )
