"""The command line: `python manage.py COMMAND`. Honours DATABASE_URL."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import getpass
import sys
from pathlib import Path

from sqlalchemy.engine import Engine

from models.auth.first_admin import get_or_create_setup_code
from models.auth.users import (
    Actor,
    PermissionDenied,
    Role,
    UserError,
    create_user,
    list_users,
    reset_password,
    set_active,
    set_role,
)
from models.bootstrap import init_db
from models.core.db import get_engine, session_scope
from models.core.errors import DomainError
from models.core.time import local_day_start, today_local
from models.plan.change_log import changes_csv, list_changes
from models.plan.export import plan_json
from models.plan.plan_file import PlanFileError
from models.plan.queries import get_plan
from models.presentation.aggregates import build_deck
from models.presentation.pptx import build_pptx
from models.presentation.slides import slides
from models.reports.compare import compare
from models.reports.document import appendix, build_docx, build_pdf
from models.reports.snapshots import (
    NOW_NAME,
    create_snapshot,
    delete_snapshot,
    list_snapshots,
    load_report,
    report_now,
)
from models.reports.xlsx import build_report_xlsx
from models.restoration.case_import import apply_import, parse_cases
from models.restoration.demo_cases import remove_demo, seed_demo

CLI = Actor.command_line()  # whoever runs the command line on the server acts as operator


def ready_engine() -> Engine:
    """The configured database, created and seeded if it is new."""
    engine = get_engine()
    init_db(engine)
    return engine


def cmd_init_db(_args: argparse.Namespace) -> int:
    """Create the schema and load the plan (idempotent)."""
    report = init_db(get_engine())
    print(f"Databasen er klar: {report.created} nye rækker, {report.refreshed} opdaterede.")
    return 0


def cmd_export_plan(_args: argparse.Namespace) -> int:
    """Print the whole plan as JSON to stdout."""
    with session_scope(ready_engine()) as session:
        sys.stdout.write(plan_json(session) + "\n")
    return 0


def read_password() -> str:
    """A new password from the terminal (asked twice) or the first line of stdin; never argv."""
    if sys.stdin.isatty():
        first = getpass.getpass("Adgangskode: ")
        if first != getpass.getpass("Gentag adgangskode: "):
            raise UserError("De to adgangskoder er ikke ens.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_setup_code(_args: argparse.Namespace) -> int:
    """Print the one-time code that creates the first admin in the app."""
    with session_scope(ready_engine(), write=True) as session:
        code = get_or_create_setup_code(session)
    if code is None:
        print("Der findes allerede brugere; opsætningskoden er brugt.", file=sys.stderr)
        return 1
    print(code)
    return 0


def cmd_add_user(args: argparse.Namespace) -> int:
    password = read_password()
    with session_scope(ready_engine(), write=True) as session:
        user = create_user(
            session,
            actor=CLI,
            username=args.username,
            display_name=args.name,
            role=Role(args.role),
            password=password,
            email=args.email,
        )
    print(f"Brugeren {user.username} ({user.role.value}) er oprettet.")
    return 0


def cmd_set_role(args: argparse.Namespace) -> int:
    with session_scope(ready_engine(), write=True) as session:
        user = set_role(session, actor=CLI, username=args.username, role=Role(args.role))
    print(f"{user.username} har nu rollen {user.role.value}.")
    return 0


def cmd_reset_password(args: argparse.Namespace) -> int:
    password = read_password()
    with session_scope(ready_engine(), write=True) as session:
        user = reset_password(session, actor=CLI, username=args.username, password=password)
    print(f"Adgangskoden for {user.username} er nulstillet.")
    return 0


def cmd_deactivate(args: argparse.Namespace) -> int:
    with session_scope(ready_engine(), write=True) as session:
        user = set_active(session, actor=CLI, username=args.username, active=False)
    print(f"{user.username} er deaktiveret.")
    return 0


def cmd_list_users(_args: argparse.Namespace) -> int:
    with session_scope(ready_engine()) as session:
        users = list_users(session)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["username", "name", "email", "role", "active", "last_login"])
    for user in users:
        last = user.last_login_at.isoformat() if user.last_login_at else ""
        writer.writerow(
            [user.username, user.display_name, user.email or "", user.role.value, user.active, last]
        )
    return 0


def cmd_export_changes(args: argparse.Namespace) -> int:
    """Print the change log since a date (Danish time) as CSV."""
    since = local_day_start(args.since)
    with session_scope(ready_engine()) as session:
        sys.stdout.write(changes_csv(list_changes(session, since=since)))
    return 0


def cmd_import_cases(args: argparse.Namespace) -> int:
    """Check a case file and, if it is valid in full, import it."""
    parsed = parse_cases(args.file.read_bytes(), args.file.name)
    if parsed.problems:
        for message in parsed.messages(limit=len(parsed.problems)):
            print(message, file=sys.stderr)
        print(f"Intet er indlæst: {len(parsed.problems)} fejl.", file=sys.stderr)
        return 1
    with session_scope(ready_engine(), write=True) as session:
        summary = apply_import(session, actor=CLI, parsed=parsed)
    print(
        f"Indlæst: {summary.new} nye, {summary.changed} ændrede, {summary.unchanged} uændrede "
        f"sager ({summary.steps} sagsskridt)."
    )
    return 0


def cmd_seed_demo(_args: argparse.Namespace) -> int:
    with session_scope(ready_engine(), write=True) as session:
        count = seed_demo(session, actor=CLI, today=today_local())
    print(f"{count} demosager er indlæst (reference DEMO-…). Fjern dem med remove-demo.")
    return 0


def cmd_remove_demo(_args: argparse.Namespace) -> int:
    with session_scope(ready_engine(), write=True) as session:
        count = remove_demo(session, actor=CLI)
    print(f"{count} demosager er fjernet.")
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    """Create, list or delete status reports (snapshots)."""
    with session_scope(ready_engine(), write=True) as session:
        if args.action == "create":
            taken_on = args.date or today_local()
            create_snapshot(
                session, actor=CLI, name=args.name, taken_on=taken_on, today=today_local()
            )
            print(f"Statusrapporten «{' '.join(args.name.split())}» er oprettet.")
        elif args.action == "delete":
            delete_snapshot(session, actor=CLI, name=args.name)
            print(f"Statusrapporten «{args.name}» er slettet.")
        else:
            for snapshot in list_snapshots(session):
                print(f"{snapshot.taken_on.isoformat()}\t{snapshot.name}")
    return 0


def cmd_export_report(args: argparse.Namespace) -> int:
    """Write a status report (a snapshot, or now) as xlsx, docx or pdf."""
    today = today_local()
    with session_scope(ready_engine()) as session:
        name = args.snapshot or NOW_NAME
        report = (
            report_now(session, today=today) if name == NOW_NAME else load_report(session, name)
        )
        comparison = None
        if args.compare:
            earlier = load_report(session, args.compare)
            comparison = compare(earlier, report)
        plan = get_plan(session)
    if args.format == "xlsx":
        data = build_report_xlsx(report, comparison)
    else:
        content = appendix(report, comparison, plan.municipality if plan else "")
        data = build_docx(content) if args.format == "docx" else build_pdf(content)
    args.out.write_bytes(data)
    print(f"{args.out} er skrevet ({len(data) // 1024} kB).")
    return 0


def cmd_export_slides(args: argparse.Namespace) -> int:
    """Write the citizen-meeting slides (aggregates only) as PowerPoint."""
    with session_scope(ready_engine()) as session:
        deck = build_deck(session, today=today_local())
    data = build_pptx(deck)
    args.out.write_bytes(data)
    print(f"{args.out} er skrevet ({len(data) // 1024} kB, {len(slides(deck))} dias).")
    return 0


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' er ikke en dato som ÅÅÅÅ-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="manage.py", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    simple = {
        "init-db": (cmd_init_db, "opret databasen og indlæs planen (kan køres flere gange)"),
        "export-plan": (cmd_export_plan, "skriv hele planen som JSON til stdout"),
        "setup-code": (cmd_setup_code, "vis engangskoden til første administrator"),
        "list-users": (cmd_list_users, "list brugere som CSV"),
        "seed-demo": (cmd_seed_demo, "indlæs syntetiske demosager (erstatter tidligere demodata)"),
        "remove-demo": (cmd_remove_demo, "fjern alle demosager"),
    }
    for name, (handler, help_text) in simple.items():
        sub.add_parser(name, help=help_text).set_defaults(handler=handler)
    roles = [role.value for role in Role]
    add = sub.add_parser("add-user", help="opret en bruger (adgangskode fra stdin eller prompt)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=roles)
    add.add_argument("--name", required=True)
    add.add_argument("--email")
    add.set_defaults(handler=cmd_add_user)
    role = sub.add_parser("set-role", help="skift en brugers rolle")
    role.add_argument("username")
    role.add_argument("role", choices=roles)
    role.set_defaults(handler=cmd_set_role)
    for name, handler, help_text in (
        ("reset-password", cmd_reset_password, "ny adgangskode (fra stdin eller prompt)"),
        ("deactivate", cmd_deactivate, "deaktiver en bruger"),
    ):
        command = sub.add_parser(name, help=help_text)
        command.add_argument("username")
        command.set_defaults(handler=handler)
    cases = sub.add_parser("import-cases", help="indlæs sager fra CSV eller Excel")
    cases.add_argument("file", type=Path)
    cases.set_defaults(handler=cmd_import_cases)
    snapshot = sub.add_parser("snapshot", help="statusrapporter: create NAVN | list | delete NAVN")
    snapshot.add_argument("action", choices=["create", "list", "delete"])
    snapshot.add_argument("name", nargs="?", default="")
    snapshot.add_argument("--date", type=iso_date, metavar="ÅÅÅÅ-MM-DD")
    snapshot.set_defaults(handler=cmd_snapshot)
    report = sub.add_parser("export-report", help="skriv en statusrapport som xlsx, docx eller pdf")
    report.add_argument("--snapshot", help="rapportens navn (udelades: status nu)")
    report.add_argument("--compare", help="sammenlign med denne tidligere rapport")
    report.add_argument("--format", required=True, choices=["xlsx", "docx", "pdf"])
    report.add_argument("--out", required=True, type=Path)
    report.set_defaults(handler=cmd_export_report)
    deck = sub.add_parser("export-slides", help="borgermødets dias som PowerPoint")
    deck.add_argument("--out", required=True, type=Path)
    deck.set_defaults(handler=cmd_export_slides)
    changes = sub.add_parser("export-changes", help="ændringsloggen som CSV")
    changes.add_argument("--since", required=True, type=iso_date, metavar="ÅÅÅÅ-MM-DD")
    changes.set_defaults(handler=cmd_export_changes)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except PlanFileError as error:
        print(f"Fejl i planfilen: {error}", file=sys.stderr)
        return 2
    except (DomainError, PermissionDenied) as error:
        print(f"Fejl: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
