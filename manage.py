"""The command line: `python manage.py COMMAND`. Honours DATABASE_URL."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from models.db import get_engine, session_scope
from models.plan_export import plan_json
from models.plan_file import PlanFileError
from models.seed import init_db


def cmd_init_db(_args: argparse.Namespace) -> int:
    """Create the schema and load the plan (idempotent)."""
    report = init_db(get_engine())
    print(f"Databasen er klar: {report.created} nye rækker, {report.refreshed} opdaterede.")
    return 0


def cmd_export_plan(_args: argparse.Namespace) -> int:
    """Print the whole plan as JSON to stdout."""
    engine = get_engine()
    init_db(engine)
    with session_scope(engine) as session:
        sys.stdout.write(plan_json(session) + "\n")
    return 0


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {
    "init-db": (cmd_init_db, "opret databasen og indlæs planen (kan køres flere gange)"),
    "export-plan": (cmd_export_plan, "skriv hele planen som JSON til stdout"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="manage.py", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    for name, (handler, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text).set_defaults(handler=handler)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except PlanFileError as error:
        print(f"Fejl i planfilen: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
