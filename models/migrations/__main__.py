"""Developer commands for migrations (the operator's command is `python manage.py migrate`).

    python -m models.migrations revision -m "add team lead to cases"
    python -m models.migrations check

`revision` autogenerates the next migration (`versions/NNNN_slug.py`, revision id `NNNN`) by
comparing the models with a database at head: by default a throwaway SQLite file migrated to
head, or `--url` (a database already at head, e.g. PostgreSQL). A model change that makes no
schema change writes nothing, unless `--empty` (for a data-only migration). Always read and
tidy the file it writes. `check` exits with 1 and lists the differences if the models and the
migrations disagree.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations.ops import MigrationScript
from alembic.script import ScriptDirectory

from models.core.db import create_db_engine
from models.migrations import CONTEXT_OPTIONS, VERSION_DIRS, VERSIONS_DIR, alembic_config
from models.schema import metadata


def next_revision_id(script: ScriptDirectory) -> str:
    """The next four-digit revision id: `0002` after `0001`."""
    numbers = [int(s.revision) for s in script.walk_revisions() if s.revision.isdigit()]
    return f"{max(numbers, default=0) + 1:04d}"


@contextmanager
def _head_connection(url: str | None, dirs: Sequence[Path]) -> Iterator[sa.Connection]:
    """A connection to `url`, or to a throwaway SQLite file migrated to head."""
    with tempfile.TemporaryDirectory() as scratch:
        if url is None:
            url = f"sqlite:///{Path(scratch) / 'head.db'}"
            engine = create_db_engine(url)
            with engine.begin() as connection:
                command.upgrade(alembic_config(connection, version_dirs=dirs), "head")
        else:
            engine = create_db_engine(url)
        try:
            with engine.connect() as connection:
                yield connection
        finally:
            engine.dispose()


def revision(
    message: str,
    *,
    url: str | None = None,
    empty: bool = False,
    directory: Path = VERSIONS_DIR,
) -> Path | None:
    """Autogenerate the next migration into `directory`; None if there is nothing to migrate."""
    dirs = tuple(dict.fromkeys([*VERSION_DIRS, directory]))
    script = ScriptDirectory.from_config(alembic_config(version_dirs=dirs))

    def skip_empty(_context: Any, _revision: Any, directives: list[MigrationScript]) -> None:
        if not empty and all(ops.is_empty() for ops in directives[0].upgrade_ops_list):
            directives[:] = []

    with _head_connection(url, dirs) as connection:
        config = alembic_config(connection, version_dirs=dirs)
        ruff = Path(sys.executable).with_name("ruff")
        if ruff.is_file():  # the file comes out in the project's format
            config.set_section_option("post_write_hooks", "hooks", "ruff")
            config.set_section_option("post_write_hooks", "ruff.type", "exec")
            config.set_section_option("post_write_hooks", "ruff.executable", str(ruff))
            config.set_section_option(
                "post_write_hooks", "ruff.options", "format REVISION_SCRIPT_FILENAME"
            )
        written = command.revision(
            config,
            message=message,
            autogenerate=True,
            rev_id=next_revision_id(script),
            version_path=str(directory),
            process_revision_directives=skip_empty,
        )
    if not written or isinstance(written, list):
        return None
    return Path(written.path)


def differences(url: str | None = None) -> list[Any]:
    """What autogenerate sees between the models and a database at head ([] = no drift)."""
    with _head_connection(url, VERSION_DIRS) as connection:
        context = MigrationContext.configure(connection, opts=CONTEXT_OPTIONS)
        return compare_metadata(context, metadata)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models.migrations", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("revision", help="autogenerate the next migration")
    new.add_argument("-m", "--message", required=True, help="what it does, e.g. 'add team lead'")
    new.add_argument("--url", help="compare against this database (at head) instead of SQLite")
    new.add_argument("--empty", action="store_true", help="write it even without schema changes")
    new.add_argument("--dir", type=Path, default=VERSIONS_DIR, help=argparse.SUPPRESS)
    check = commands.add_parser("check", help="exit 1 if the models and migrations disagree")
    check.add_argument("--url", help="check this database (at head) instead of SQLite")
    args = parser.parse_args(argv)

    if args.command == "revision":
        path = revision(args.message, url=args.url, empty=args.empty, directory=args.dir)
        if path is None:
            print("No schema changes between the models and the migrations; nothing written.")
            return 0
        print(f"Wrote {path}. Read it and tidy it, then run tests/models/test_migrations.py.")
        return 0
    found = differences(args.url)
    for difference in found:
        print(difference)
    print("The models and the migrations agree." if not found else f"{len(found)} differences.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
