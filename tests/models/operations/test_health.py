"""healthcheck and check-config: what an operator's tools read, in Danish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy.engine import Engine

from manage import cli
from models.core.db import create_db_engine, dispose_engines
from models.core.settings import get_settings
from models.operations.health import (
    check_cookie_key,
    check_data_dir,
    check_database,
    check_font,
    check_schema,
    config_checks,
    health_checks,
)
from tests.outage_postgres import StoppableCluster, stoppable_postgres


@pytest.fixture(scope="module")
def cluster() -> Iterator[StoppableCluster]:
    """A PostgreSQL server of this module's own, which the tests stop and start."""
    with stoppable_postgres() as made:
        yield made


def test_a_current_database_is_healthy(seeded_db_url: str, tmp_path: Path) -> None:
    engine = create_db_engine(seeded_db_url)
    checks = health_checks(engine, get_settings())
    engine.dispose()
    assert [(check.name, check.ok) for check in checks] == [
        ("database", True),
        ("skema", True),
        ("datamappe", True),
    ]


def test_a_schema_that_is_not_at_head_is_not(engine: Engine, tmp_path: Path) -> None:
    check = check_schema(engine)  # the fixture's tables come from create_all, without a stamp
    assert not check.ok
    assert "python manage.py migrate" in check.detail
    empty = create_db_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert check_schema(empty).detail == "databasen er tom; kør `python manage.py init-db`"
    empty.dispose()


def test_a_database_that_does_not_answer(tmp_path: Path) -> None:
    missing = create_db_engine(f"sqlite:///{tmp_path / 'none.db'}")
    check = check_database(missing)
    assert (check.ok, check.detail) == (False, f"SQLite-filen {tmp_path / 'none.db'} findes ikke")
    assert not (tmp_path / "none.db").exists()  # the check did not create it
    server = create_db_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    check = check_database(server)
    assert not check.ok
    assert check.detail.startswith("postgresql+psycopg://nobody@127.0.0.1:1/none svarer ikke: ")


def test_a_data_dir_that_cannot_be_written(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    check = check_data_dir(blocked / "data")
    assert not check.ok
    assert check.detail.startswith(f"{blocked / 'data'} kan ikke skrives")
    assert check_data_dir(tmp_path / "data").ok


def test_check_config_explains_a_missing_font_and_a_weak_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert not check_font(tmp_path / "DejaVuSans.ttf").ok
    monkeypatch.delenv("DASHBOARD_COOKIE_KEY")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    assert check_cookie_key(get_settings()).ok  # none yet: made at the first start
    (tmp_path / "cookie.key").write_text("some_key")
    check = check_cookie_key(get_settings())
    assert not check.ok
    assert "kendt eksempelværdi" in check.detail
    names = [check.name for check in config_checks(get_settings(), font=tmp_path / "x.ttf")]
    assert names == ["DATABASE_URL", "cookie-nøgle", "skrifttype"]


@pytest.mark.parametrize(
    ("env", "secret_set", "problems"),
    [
        ({}, False, []),  # one instance: nothing must be shared
        (
            {"DASHBOARD_MULTI_INSTANCE": "1"},
            False,
            ["cookie-nøglen er ikke sat", "kræver PostgreSQL", "server.cookieSecret er ikke sat"],
        ),
        (
            {
                "DASHBOARD_MULTI_INSTANCE": "1",
                "DATABASE_URL": "postgresql+psycopg://app@db/dashboard",
            },
            True,
            [],
        ),
    ],
)
def test_several_instances_need_every_shared_secret_configured(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], secret_set: bool, problems: list[str]
) -> None:
    from models.operations.health import shared_secret_problems

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()  # the test settings set DASHBOARD_COOKIE_KEY
    if problems:
        monkeypatch.delenv("DASHBOARD_COOKIE_KEY")
        get_settings.cache_clear()
    found = shared_secret_problems(get_settings(), streamlit_secret_set=secret_set)
    assert len(found) == len(problems)
    for message, expected in zip(found, problems, strict=True):
        assert expected in message


def _healthcheck(monkeypatch: pytest.MonkeyPatch, url: str, data_dir: Path) -> Result:
    """`manage.py healthcheck` in this process, as a container's HEALTHCHECK runs it."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    get_settings.cache_clear()
    return CliRunner().invoke(cli, ["healthcheck"], catch_exceptions=False)


def test_healthcheck_fails_in_danish_while_postgresql_is_stopped(
    cluster: StoppableCluster, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", cluster.url)
    get_settings.cache_clear()
    assert CliRunner().invoke(cli, ["init-db"], catch_exceptions=False).exit_code == 0
    up = _healthcheck(monkeypatch, cluster.url, tmp_path)
    assert up.exit_code == 0, up.output
    shown = cluster.url.removeprefix("postgresql+psycopg://")
    assert f"OK  database: postgresql+psycopg://{shown} svarer" in up.output

    cluster.stop()
    try:
        down = _healthcheck(monkeypatch, cluster.url, tmp_path)  # the same engine, pool and all
    finally:
        cluster.start()
    assert down.exit_code == 1
    lines = down.output.splitlines()
    assert lines[0].startswith(f"FEJL database: postgresql+psycopg://{shown} svarer ikke: ")
    assert "skema" not in down.output  # not asked of a database that does not answer
    assert lines[-1] == "Fejl: instansen er ikke sund."

    again = _healthcheck(monkeypatch, cluster.url, tmp_path)  # back without a restart
    assert again.exit_code == 0, again.output
    dispose_engines()
