"""Fixtures that build real databases from code: SQLite always, PostgreSQL when configured.

Creating the schema or loading the plan costs far more than copying a database, so each kind of
database is built once per test session (per xdist worker) as a template and copied for every
test that asks for one:

- SQLite: the template is a closed file with its WAL checkpointed away; a test gets a copy.
- PostgreSQL: the template is a database of its own (no connections allowed); a test gets a new
  database made by `CREATE DATABASE … TEMPLATE …`, dropped after the test. The
  TEST_DATABASE_URL database is only the one the fixtures connect to for that.

Kinds: `db_url` is empty (no tables at all), `engine` has the schema and no rows, and
`seeded_db_url` / `seeded_engine` / `seeded_session` have what `init_db` loads (the real plan,
the indicators and the key messages).
"""

from __future__ import annotations

import itertools
import os
import queue
import re
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.bootstrap import init_db
from models.core.db import create_db_engine, dispose_engines
from models.core.settings import get_settings
from models.schema import create_schema

TEST_COOKIE_KEY = "test-cookie-key-0123456789abcdefghijklmnop"
PG_SKIP_REASON = (
    "PostgreSQL tests need a server: set TEST_DATABASE_URL "
    "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/dashboard_test); .ci/run always does"
)
PG_CREATEDB_REASON = (
    "PostgreSQL tests make a database per test from a template: the TEST_DATABASE_URL user "
    "needs the CREATEDB privilege"
)


def skip_or_fail(reason: str) -> None:
    """Skip a test whose service is missing; in CI (REQUIRE_SERVICES=1) that is a failure."""
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"REQUIRE_SERVICES=1 but: {reason}")
    pytest.skip(reason)


def _postgres_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


# --- templates -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateKind:
    """How to build one kind of template: `build` runs on a copy of `base` (None: empty)."""

    build: Callable[[Engine], None]
    base: str | None = None


SCHEMA = "schema"
SEEDED = "seeded"
SPARES_PER_KIND = 2  # PostgreSQL databases made ahead per kind of template


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other backends and for :memory:)."""
    parts = sa.engine.make_url(url)
    if parts.get_backend_name() != "sqlite" or parts.database in (None, "", ":memory:"):
        return None
    return Path(parts.database)


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_sqlite_file(template: Path, target: Path) -> None:
    """Put a copy of a closed template file at `target` (any stale WAL there is removed first,
    or SQLite would replay it into the copy)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_sidecars(target)
    shutil.copyfile(template, target)


def _close_sqlite_template(path: Path) -> None:
    """Fold the WAL into the file and leave it in rollback-journal mode, so that the file alone
    is the whole database; the app's connections switch every copy back to WAL."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (mode,) = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
    finally:
        connection.close()
    assert mode == "delete", f"{path} is still open elsewhere (journal mode {mode})"
    assert not Path(f"{path}-wal").exists(), f"{path} kept its WAL"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _Postgres:
    """Template and per-test databases on the TEST_DATABASE_URL server.

    Background threads keep the next databases of each kind ready and drop used ones, so that
    a test rarely waits for CREATE DATABASE or DROP DATABASE (the server does that work on the
    other core meanwhile). They only run statements on the admin engine.
    """

    def __init__(self, url: str) -> None:
        self.url = sa.engine.make_url(url)
        base = re.sub(r"[^a-z0-9_]", "_", (self.url.database or "test").lower())[:30]
        self.prefix = f"{base}_p{os.getpid()}"
        self.admin = sa.create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.templates: dict[str, str] = {}
        self.kind_of: dict[str, str | None] = {}  # per-test database -> the template it copies
        self.counter = itertools.count(1)
        self._ready: dict[str | None, queue.Queue[str | BaseException]] = {}
        self._pending: dict[str | None, int] = {}
        self._spares: set[str] = set()  # made in the background, not yet given to a test
        self._threads: list[tuple[queue.Queue[Callable[[], None] | None], threading.Thread]] = []
        self._creates: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._drops: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._start(self._creates, "pg-create")
        self._start(self._drops, "pg-drop")
        self._drop_leftovers(base)

    def _drop_leftovers(self, base: str) -> None:
        """Drop what a killed session on this machine left behind (its pid no longer runs)."""
        if self.url.host not in (None, "", "localhost", "127.0.0.1", "::1"):
            return  # another machine's pids mean nothing here
        with self.admin.connect() as connection:
            names = connection.exec_driver_sql(
                "SELECT datname FROM pg_database WHERE datname LIKE %(like)s",
                {"like": f"{base}\\_p%"},
            ).scalars()
            for name in names:
                match = re.fullmatch(rf"{re.escape(base)}_p(\d+)_.+", name)
                if match and int(match[1]) != os.getpid() and not _running(int(match[1])):
                    self._drops.put(lambda name=name: self.drop(name))

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def execute(self, sql: str) -> None:
        with self.admin.connect() as connection:
            connection.exec_driver_sql(sql)

    def create(self, name: str, template: str | None) -> None:
        source = template or "template0"
        try:
            self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        except sa.exc.ProgrammingError as error:
            if "permission denied" in str(error):
                skip_or_fail(PG_CREATEDB_REASON)
            raise

    def drop(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    # the background threads

    def _start(self, jobs: queue.Queue[Callable[[], None] | None], name: str) -> None:
        def run() -> None:
            while (job := jobs.get()) is not None:
                job()

        thread = threading.Thread(target=run, name=name, daemon=True)
        thread.start()
        self._threads.append((jobs, thread))

    def _prepare(self, kind: str | None, template: str | None) -> None:
        """Start making another database of `kind` in the background."""
        name = f"{self.prefix}_{next(self.counter)}"
        ready = self._ready.setdefault(kind, queue.Queue())
        self._pending[kind] = self._pending.get(kind, 0) + 1
        self._spares.add(name)

        def make() -> None:
            try:
                self.create(name, template)
            except BaseException as error:  # handed to the test that takes it (skip included)
                ready.put(error)
            else:
                ready.put(name)

        self._creates.put(make)

    def take(self, kind: str | None, template: str | None) -> str:
        """A new database of `kind` (a copy of `template`, None: empty) for one test."""
        if self._pending.get(kind):
            self._pending[kind] -= 1
            made = self._ready[kind].get()
            if isinstance(made, BaseException):
                if not isinstance(made, Exception):  # pytest's skip or fail
                    raise made
                made = None  # any other error: try again here, where it reaches the test
        else:
            made = None
        if made is not None:
            name = made
            self._spares.discard(name)
        else:
            name = f"{self.prefix}_{next(self.counter)}"
            self.create(name, template)
        self.kind_of[name] = kind
        while self._pending.get(kind, 0) < SPARES_PER_KIND:
            self._prepare(kind, template)
        return name

    def release(self, name: str) -> None:
        """Drop a test's database, in the background (a DROP waits for the test's server
        processes to exit, which may take a moment after the test closed its connections)."""
        self.kind_of.pop(name, None)
        self._drops.put(lambda: self.drop(name))

    def close(self) -> None:
        for jobs, thread in self._threads:
            jobs.put(None)
            thread.join()
        for name in [*self._spares, *self.kind_of, *self.templates.values()]:
            self.drop(name)
        self.admin.dispose()


class DatabaseTemplates:
    """The templates of one test session, each built the first time a test needs it."""

    def __init__(self, root: Path, postgres_url: str | None) -> None:
        self.root = root
        self.kinds: dict[str, TemplateKind] = {
            SCHEMA: TemplateKind(create_schema),
            SEEDED: TemplateKind(init_db),
        }
        self._sqlite: dict[str, Path] = {}
        self._postgres_url = postgres_url
        self._postgres: _Postgres | None = None

    def define(self, name: str, build: Callable[[Engine], None], base: str | None = None) -> None:
        """Add a kind of template (e.g. the seeded plan plus some users); a name stands for one
        content, so defining it again keeps the first definition."""
        self.kinds.setdefault(name, TemplateKind(build, base))

    # SQLite

    def sqlite_template(self, name: str) -> Path:
        """The closed template file of kind `name`, built on first use."""
        if name not in self._sqlite:
            kind = self.kinds[name]
            path = self.root / f"{name}.db"
            if kind.base is not None:
                copy_sqlite_file(self.sqlite_template(kind.base), path)
            engine = create_db_engine(f"sqlite:///{path}")
            try:
                kind.build(engine)
            finally:
                engine.dispose()
            _close_sqlite_template(path)
            self._sqlite[name] = path
        return self._sqlite[name]

    def copy_sqlite(self, name: str, target: Path) -> None:
        copy_sqlite_file(self.sqlite_template(name), target)

    # PostgreSQL

    @property
    def postgres(self) -> _Postgres | None:
        if self._postgres is None and self._postgres_url is not None:
            self._postgres = _Postgres(self._postgres_url)
        return self._postgres

    def postgres_template(self, name: str) -> str:
        """The name of the template database of kind `name`, built on first use."""
        postgres = self.postgres
        assert postgres is not None
        if name not in postgres.templates:
            kind = self.kinds[name]
            database = f"{postgres.prefix}_tpl_{name}"[:63]
            postgres.drop(database)  # a leftover of an interrupted session with the same pid
            base = self.postgres_template(kind.base) if kind.base is not None else None
            postgres.create(database, base)
            postgres.templates[name] = database
            engine = create_db_engine(postgres.url_of(database))
            try:
                kind.build(engine)
            finally:
                engine.dispose()
            # CREATE DATABASE … TEMPLATE needs the template to have no connections: allow none.
            postgres.execute(f'ALTER DATABASE "{database}" WITH ALLOW_CONNECTIONS false')
        return postgres.templates[name]

    def new_postgres_database(self, kind: str | None) -> str:
        """A new database that is a copy of template `kind` (None: empty); returns its URL."""
        postgres = self.postgres
        assert postgres is not None
        template = self.postgres_template(kind) if kind is not None else None
        return postgres.url_of(postgres.take(kind, template))

    def drop_postgres_database(self, url: str) -> None:
        postgres = self.postgres
        assert postgres is not None
        postgres.release(sa.engine.make_url(url).database or "")

    def materialise(self, url: str, kind: str) -> None:
        """Make the (so far empty) database at `url` one of kind `kind`."""
        path = sqlite_path(url)
        if path is not None:
            if path.exists():
                raise RuntimeError(f"{path} is not empty: cannot copy template {kind!r} there")
            self.copy_sqlite(kind, path)
            return
        name = sa.engine.make_url(url).database or ""
        made = self.postgres.kind_of.get(name) if self.postgres else None
        if made == kind:
            return  # db_url already copied this template (see _kind_requested)
        if made is not None:
            raise RuntimeError(f"database {name} was made as {made!r}, not {kind!r}")
        # Asked for by request.getfixturevalue: build it in place, the slow way.
        chain = [kind]
        while (base := self.kinds[chain[-1]].base) is not None:
            chain.append(base)
        engine = create_db_engine(url)
        try:
            for step in reversed(chain):
                self.kinds[step].build(engine)
        finally:
            engine.dispose()
        if self.postgres:
            self.postgres.kind_of[name] = kind

    def close(self) -> None:
        if self._postgres is not None:
            self._postgres.close()


_session_templates: DatabaseTemplates | None = None


def database_templates_of_session() -> DatabaseTemplates:
    """The session's templates, for helpers that are called without fixtures."""
    assert _session_templates is not None, "the database_templates fixture has not started"
    return _session_templates


@pytest.fixture(scope="session", autouse=True)
def database_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseTemplates]:
    """Every template of this session (built lazily); PostgreSQL ones are dropped at the end."""
    global _session_templates
    templates = DatabaseTemplates(tmp_path_factory.mktemp("templates"), _postgres_url())
    _session_templates = templates
    try:
        yield templates
    finally:
        _session_templates = None
        templates.close()


# --- the fixtures the tests use ------------------------------------------------------------

# Fixtures that turn db_url's database into a template copy, and the template each wants.
_KIND_OF_FIXTURE = {"seeded_db_url": SEEDED, "engine": SCHEMA}


def _kind_requested(request: pytest.FixtureRequest) -> str | None:
    """Which template the test's fixtures will put into db_url's database (None: empty).

    On PostgreSQL, db_url creates the database straight from that template instead of creating
    an empty one that `engine` would have to fill."""
    kinds = {kind for name, kind in _KIND_OF_FIXTURE.items() if name in request.fixturenames}
    if len(kinds) > 1:
        raise pytest.UsageError(
            f"{request.node.nodeid} asks for both engine and seeded_engine: one database each"
        )
    return kinds.pop() if kinds else None


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, database_templates: DatabaseTemplates
) -> Iterator[str]:
    """A URL to an empty database of each backend: no tables at all."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    if database_templates.postgres is None:
        skip_or_fail(PG_SKIP_REASON)
    url = database_templates.new_postgres_database(_kind_requested(request))
    try:
        yield url
    finally:
        dispose_engines()  # the app's engines on this database, before it is dropped
        database_templates.drop_postgres_database(url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL to an empty SQLite file (for tests about SQLite itself or about processes)."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def engine(db_url: str, database_templates: DatabaseTemplates) -> Iterator[Engine]:
    """An engine on db_url's database, now with the schema created and no rows."""
    database_templates.materialise(db_url, SCHEMA)
    engine = create_db_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def seeded_db_url(db_url: str, database_templates: DatabaseTemplates) -> str:
    """db_url's database as `init_db` leaves it: the schema, the real plan, the indicators and
    the key messages (a copy of a template made once per session)."""
    database_templates.materialise(db_url, SEEDED)
    return db_url


@pytest.fixture
def seeded_engine(seeded_db_url: str) -> Iterator[Engine]:
    """An engine on a database as `init_db` leaves it (see seeded_db_url)."""
    engine = create_db_engine(seeded_db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def seeded_session(seeded_engine: Engine) -> Iterator[Session]:
    with Session(seeded_engine, expire_on_commit=False) as session:
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
