"""Fixtures that build real databases from code: SQLite always, PostgreSQL when configured."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from models.core.db import create_db_engine, dispose_engines
from models.core.settings import get_settings
from models.schema import create_schema

TEST_COOKIE_KEY = "test-cookie-key-0123456789abcdefghijklmnop"
PG_SKIP_REASON = (
    "PostgreSQL tests need a server: set TEST_DATABASE_URL "
    "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/dashboard_test); .ci/run always does"
)


def skip_or_fail(reason: str) -> None:
    """Skip a test whose service is missing; in CI (REQUIRE_SERVICES=1) that is a failure."""
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"REQUIRE_SERVICES=1 but: {reason}")
    pytest.skip(reason)


def _postgres_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    url = _postgres_url()
    if url is None:
        skip_or_fail(PG_SKIP_REASON)
    engine = create_db_engine(url)
    SQLModel.metadata.drop_all(engine)
    engine.dispose()
    yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL to an empty SQLite file (for tests about SQLite itself or about processes)."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on an empty database with the schema created."""
    engine = create_db_engine(db_url)
    create_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture(autouse=True)
def _isolated_database_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No test ever touches the developer's data/ database."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("DASHBOARD_BCRYPT_ROUNDS", "4")  # fast hashes; the format is the same
    monkeypatch.setenv("DASHBOARD_COOKIE_KEY", TEST_COOKIE_KEY)  # never data/cookie.key
    monkeypatch.setattr("models.core.settings.SECRETS_FILE", tmp_path / "no-secrets.toml")
    get_settings.cache_clear()
    yield
    dispose_engines()
    get_settings.cache_clear()
