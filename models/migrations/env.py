"""Alembic's entry point, run by every Alembic command (upgrade, stamp, revision, check).

`target_metadata` is every table of the app (`models.schema.metadata`). The caller normally
hands over a connection (`alembic_config(connection=…)`), and the migrations then run inside
the caller's transaction; otherwise env.py opens an engine on the configured URL (or the app's
database URL). `--sql` (offline mode) prints the SQL instead of running it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from models.core.db import create_db_engine, database_url
from models.migrations import CONTEXT_OPTIONS
from models.schema import metadata

config = context.config


def _run(connection: sa.Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, **CONTEXT_OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url") or database_url()
    context.configure(
        url=url,
        target_metadata=metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        **CONTEXT_OPTIONS,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_db_engine(config.get_main_option("sqlalchemy.url") or database_url())
    try:
        with engine.connect() as own_connection:
            _run(own_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
