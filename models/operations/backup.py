"""Backups that restore: a consistent copy of the database, a manifest beside it, and rotation.

SQLite is copied through the online backup API (a plain `cp` while the app writes misses what
is still in the WAL file) and the copy is checked with `PRAGMA integrity_check`. PostgreSQL is
dumped with `pg_dump -Fc` inside an exported snapshot, so the row counts in the manifest are
those of the dump. A restore checks the file's checksum and the schema revision first: a
backup from a newer version of the app is refused, an older one is migrated after the restore.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine

from models import migrations
from models.bootstrap import SchemaStatus, UpgradeResult, schema_state, upgrade_schema
from models.core.applog import log_event
from models.core.errors import DomainError
from models.core.settings import PROJECT_ROOT, SECRETS_FILE, get_settings
from models.core.time import utcnow
from models.operations.rotation import backups_to_keep
from models.schema import metadata

PREFIX = "dashboard-"
SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".dump"}
MANIFEST_SUFFIX = ".manifest.json"
MANIFEST_FORMAT = 1
UNKNOWN_COMMIT = "ukendt"


class BackupError(DomainError):
    """A backup or restore that cannot be made; the message is Danish and names the file."""


@dataclass(frozen=True)
class Manifest:
    """What a backup holds, written beside it as JSON and checked on restore."""

    created_at: str
    """UTC, ISO 8601."""
    app_commit: str
    schema_revision: str
    dialect: str
    file: str
    sha256: str
    row_counts: dict[str, int] = field(default_factory=dict)
    format: int = MANIFEST_FORMAT

    @property
    def created(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.created_at)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    removed: tuple[Path, ...] = ()
    key_files: tuple[Path, ...] = ()


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    upgrade: UpgradeResult | None = None


# --- small parts ---------------------------------------------------------------------------


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def app_commit() -> str:
    """The app's version: the setting `app_commit` (set in an image), else git's HEAD."""
    configured = get_settings().app_commit
    if configured:
        return configured
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 - git from PATH, as an operator runs it
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN_COMMIT
    return result.stdout.strip() or UNKNOWN_COMMIT


def key_files() -> tuple[Path, ...]:
    """Files a restore also needs: the generated cookie key and Streamlit's secrets.toml."""
    settings = get_settings()
    files = []
    if settings.cookie_key is None:
        files.append(settings.cookie_key_file)
    files.append(SECRETS_FILE)
    return tuple(path for path in files if path.exists())


def table_names() -> list[str]:
    return sorted(metadata.tables)


def _count_rows(connection: sa.Connection, tables: list[str]) -> dict[str, int]:
    present = set(sa.inspect(connection).get_table_names())
    # Table names come from the app's own metadata, never from input.
    return {
        name: int(connection.execute(sa.text(f'SELECT count(*) FROM "{name}"')).scalar_one())  # noqa: S608
        for name in tables
        if name in present
    }


def _revision(connection: sa.Connection) -> str:
    try:
        value = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    except sa.exc.DBAPIError:
        value = None
    if not value:
        raise BackupError(
            "Databasen har ingen skemarevision (alembic_version); kør `python manage.py migrate`."
        )
    return str(value)


def _sqlite_file(engine: Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        raise BackupError("En SQLite-database i hukommelsen kan ikke tages backup af.")
    return Path(database)


def _libpq_env(url: URL) -> dict[str, str]:
    """The connection as libpq environment variables (a password never on a command line)."""
    env = dict(os.environ)
    values = {
        "PGHOST": url.host,
        "PGPORT": str(url.port) if url.port else None,
        "PGUSER": url.username,
        "PGPASSWORD": url.password,
        "PGDATABASE": url.database,
        "PGSSLMODE": url.query.get("sslmode"),
    }
    env.update({name: str(value) for name, value in values.items() if value})
    return env


def _run_pg_tool(arguments: list[str], url: URL) -> None:
    tool = arguments[0]
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} findes ikke på maskinen; installér PostgreSQL' klientværktøjer.")
    result = subprocess.run(  # noqa: S603 - PostgreSQL's own tools, arguments built here
        arguments, env=_libpq_env(url), capture_output=True, text=True
    )
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()[-1:] or [""]
        raise BackupError(f"{tool} mislykkedes (kode {result.returncode}): {detail[0]}")


@contextmanager
def _partial(path: Path) -> Iterator[Path]:
    """A temporary name beside `path`, renamed to it only when the block succeeds."""
    temporary = path.with_name(path.name + ".part")
    temporary.unlink(missing_ok=True)
    try:
        yield temporary
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


# --- backup --------------------------------------------------------------------------------


def _backup_sqlite(engine: Engine, target: Path) -> tuple[str, dict[str, int]]:
    source_file = _sqlite_file(engine)
    if not source_file.exists():
        raise BackupError(f"Databasefilen {source_file} findes ikke.")
    with closing(sqlite3.connect(source_file)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)  # one step: a consistent snapshot, writers may go on (WAL)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        check = copy.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            raise BackupError(f"Kopien af {source_file} er ikke hel (integrity_check: {check}).")
    copy_engine = sa.create_engine(f"sqlite:///{target}")
    try:
        with copy_engine.connect() as connection:
            return _revision(connection), _count_rows(connection, table_names())
    finally:
        copy_engine.dispose()


def _backup_postgres(engine: Engine, target: Path) -> tuple[str, dict[str, int]]:
    connect = engine.connect().execution_options(isolation_level="REPEATABLE READ")
    with connect as connection, connection.begin():
        snapshot = connection.execute(sa.text("SELECT pg_export_snapshot()")).scalar_one()
        revision = _revision(connection)
        counts = _count_rows(connection, table_names())
        # The dump sees exactly what this transaction sees while it stays open.
        _run_pg_tool(
            ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
            engine.url,
        )
    return revision, counts


def backup_database(
    engine: Engine, directory: Path, *, now: dt.datetime | None = None
) -> BackupResult:
    """Back `engine`'s database up into `directory`, write its manifest, then rotate."""
    dialect = engine.dialect.name
    if dialect not in SUFFIXES:
        raise BackupError(f"Backup af {dialect} understøttes ikke (kun SQLite og PostgreSQL).")
    now = now or utcnow()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{PREFIX}{now:%Y%m%dT%H%M%S}Z{SUFFIXES[dialect]}"
    if path.exists():
        raise BackupError(f"Backuppen {path} findes allerede.")
    with _partial(path) as temporary:
        make = _backup_sqlite if dialect == "sqlite" else _backup_postgres
        revision, counts = make(engine, temporary)
        manifest = Manifest(
            created_at=now.astimezone(dt.UTC).isoformat(),
            app_commit=app_commit(),
            schema_revision=revision,
            dialect=dialect,
            file=path.name,
            sha256=_sha256(temporary),
            row_counts=counts,
        )
    with _partial(manifest_path(path)) as temporary:
        temporary.write_text(json.dumps(asdict(manifest), indent=2, sort_keys=True) + "\n")
    removed = rotate(directory)
    log_event(
        "backup",
        file=path.name,
        revision=revision,
        count=sum(counts.values()),
        outcome=f"{len(removed)} rotated",
    )
    return BackupResult(path, manifest, removed, key_files())


def list_backups(directory: Path) -> list[tuple[Path, Manifest]]:
    """The backups in `directory` that have a readable manifest, newest first."""
    found = []
    for candidate in directory.glob(f"{PREFIX}*{MANIFEST_SUFFIX}"):
        backup = candidate.with_name(candidate.name.removesuffix(MANIFEST_SUFFIX))
        try:
            found.append((backup, read_manifest(backup)))
        except BackupError:
            continue
    return sorted(found, key=lambda pair: pair[1].created, reverse=True)


def rotate(directory: Path) -> tuple[Path, ...]:
    """Delete the backups the rotation settings do not keep; returns what was deleted."""
    settings = get_settings()
    backups = list_backups(directory)
    keep = backups_to_keep(
        [(path, manifest.created) for path, manifest in backups],
        daily=settings.backup_keep_daily,
        weekly=settings.backup_keep_weekly,
    )
    removed = []
    for path, _manifest in backups:
        if path not in keep:
            path.unlink(missing_ok=True)
            manifest_path(path).unlink(missing_ok=True)
            removed.append(path)
    return tuple(removed)


# --- restore -------------------------------------------------------------------------------


def read_manifest(backup: Path) -> Manifest:
    path = manifest_path(backup)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        manifest = Manifest(**data)
        manifest.created  # noqa: B018 - a readable time
    except FileNotFoundError:
        raise BackupError(
            f"Manifestet {path} mangler; uden det kan backuppen ikke tjekkes."
        ) from None
    except (ValueError, TypeError):
        raise BackupError(f"Manifestet {path} kan ikke læses.") from None
    if manifest.format != MANIFEST_FORMAT:
        raise BackupError(f"Manifestet {path} har et ukendt format ({manifest.format}).")
    return manifest


def _check_revision(manifest: Manifest, backup: Path) -> None:
    script = migrations.script_directory()
    try:
        known = script.get_revision(manifest.schema_revision)
    except Exception:  # alembic raises several kinds for an unknown id
        known = None
    if known is None:
        raise BackupError(
            f"Backuppen {backup.name} er fra en nyere version af appen (skemarevision "
            f"{manifest.schema_revision}); opdatér appen før du gendanner den."
        )


def _has_app_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(set(sa.inspect(connection).get_table_names()) & set(metadata.tables))


def _restore_sqlite(backup: Path, engine: Engine) -> None:
    target = _sqlite_file(engine)
    target.parent.mkdir(parents=True, exist_ok=True)
    engine.dispose()  # no pooled connection keeps the old pages
    with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as source:
        check = source.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            raise BackupError(f"Backuppen {backup} er ikke hel (integrity_check: {check}).")
        with closing(sqlite3.connect(target)) as destination:
            source.backup(destination)  # replaces every page in one step
            destination.execute("PRAGMA journal_mode=WAL")


def _restore_postgres(backup: Path, engine: Engine, replace: bool) -> None:
    engine.dispose()
    arguments = [
        "pg_restore",
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        f"--dbname={engine.url.database}",
    ]
    if replace:
        arguments += ["--clean", "--if-exists"]
    _run_pg_tool([*arguments, str(backup)], engine.url)


def restore_database(backup: Path, engine: Engine, *, replace: bool = False) -> RestoreResult:
    """Restore `backup` into `engine`'s database, check it against the manifest, migrate it.

    The target must hold none of the app's tables unless `replace` is given.
    """
    if not backup.is_file():
        raise BackupError(f"Backuppen {backup} findes ikke.")
    manifest = read_manifest(backup)
    if _sha256(backup) != manifest.sha256:
        raise BackupError(f"Backuppen {backup.name} passer ikke til sit manifest (tjeksum).")
    if manifest.dialect != engine.dialect.name:
        raise BackupError(
            f"Backuppen {backup.name} er fra {manifest.dialect}; databasen er "
            f"{engine.dialect.name}."
        )
    _check_revision(manifest, backup)
    if not replace and _has_app_tables(engine):
        raise BackupError(
            "Måldatabasen har allerede appens tabeller; gendan i en tom database eller brug "
            "--erstat for at overskrive den."
        )
    if manifest.dialect == "sqlite":
        _restore_sqlite(backup, engine)
    else:
        _restore_postgres(backup, engine, replace)
    with engine.connect() as connection:
        counts = _count_rows(connection, list(manifest.row_counts))
    different = sorted(
        name for name, count in manifest.row_counts.items() if counts.get(name) != count
    )
    if different:
        raise BackupError(
            "Den gendannede database passer ikke til manifestet (antal rækker i "
            f"{', '.join(different)})."
        )
    state = schema_state(engine)
    upgrade = upgrade_schema(engine) if state.status is SchemaStatus.behind else None
    log_event(
        "restore",
        file=backup.name,
        revision=manifest.schema_revision,
        count=sum(manifest.row_counts.values()),
    )
    return RestoreResult(manifest, upgrade)
