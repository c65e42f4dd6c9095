"""Revision 0012: the indexes for the pages' filters, on release 0's database (every row kept;
downgrading to 0011 gives back exactly the schema before)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from models import bootstrap, migrations
from models.core.db import create_db_engine
from tests.models.test_migrations import (  # noqa: F401  (fixtures)
    EXPECTED,
    count,
    databases,
    describe,
    release_url,
    upgrade_to,
    upgrade_to_revision_below,
)

ADDED = {
    "action_change": {
        ("ix_action_change_changed_at_id", ("changed_at", "id")),
        ("ix_action_change_action_id_changed_at_id", ("action_id", "changed_at", "id")),
        ("ix_action_change_username", ("username",)),
    },
    "missing_step": {
        ("ix_missing_step_due_on", ("due_on",)),
        ("ix_missing_step_done_on", ("done_on",)),
    },
    "restoration_case": {
        ("ix_restoration_case_track_code_restored_on", ("track_code", "restored_on")),
    },
}
REPLACED = {
    "action_change": {
        ("ix_action_change_changed_at", ("changed_at",)),
        ("ix_action_change_action_id", ("action_id",)),
    },
    "restoration_case": {("ix_restoration_case_track_code", ("track_code",))},
}


def indexes(engine: sa.Engine, table: str) -> set[tuple[str, tuple[str, ...]]]:
    return {
        (index["name"], tuple(index["column_names"]))
        for index in sa.inspect(engine).get_indexes(table)
    }


def test_revision_0012_adds_the_indexes_and_keeps_every_row(release_url: str) -> None:  # noqa: F811
    engine = create_db_engine(release_url)
    try:
        with bootstrap._migration_transaction(engine) as connection:
            command.stamp(migrations.alembic_config(connection), "0001")
            command.upgrade(migrations.alembic_config(connection), "0011")
        before = describe(engine)
        rows = {table: count(engine, table) for table in ADDED}

        upgrade_to(engine, "0012")

        for table, added in ADDED.items():
            found = indexes(engine, table)
            assert added <= found
            assert not REPLACED.get(table, set()) & found
            assert count(engine, table) == rows[table] == EXPECTED["row_counts"][table]

        upgrade_to_revision_below(engine, "0012")

        assert describe(engine) == before
        for table, replaced in REPLACED.items():
            assert replaced <= indexes(engine, table)
    finally:
        engine.dispose()
