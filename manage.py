"""The command line: `python manage.py COMMAND`. Honours DATABASE_URL.

A Click group with one function per command (in the style of datasette's cli.py). The help
texts and every message are Danish; refusals (`DomainError`, `PermissionDenied`, a bad
setting) are one line on stderr and exit code 1, a broken plan file exit code 2.

Reading commands (list-users, export-plan, export-changes, snapshot list, export-report,
export-slides, send-reminders --dry-run) never create or change the database: on a database
that does not exist yet they say so and stop. Writing commands use a current database as it
is; a new one they create and load with the plan (as the app's first start does), an
out-of-date one they refuse until `migrate` (or `init-db`) has been run. Only `init-db`
refreshes the plan from plan.yaml.

The models and every heavy library are imported inside the commands that need them, so that a
quick command such as `list-users` starts quickly (`benchmarks/cli_startup.py` measures it).
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from models.auth.users import Actor, Role
    from models.operations.health import Check

NOT_CREATED = "Databasen er ikke oprettet endnu. Kør `python manage.py init-db` først."
HELP_OPTION = "Vis denne hjælp og afslut."
REPORT_FORMATS = ("xlsx", "docx", "pdf")
# list-users' columns (the role is the value `--role` takes; times as in tables: 30-11-2024 14:05)
USERS_CSV_HEADER = ("brugernavn", "navn", "e-mail", "rolle", "aktiv", "seneste_login")


# --- Danish help and errors -----------------------------------------------------------------


# Click marks its own texts for translation (gettext's `_` and `ngettext`, bound in each of its
# modules); these are their Danish versions, installed on Click's modules when this file is
# imported. A text Click adds in an upgrade stays English until it is added here:
# tests/test_manage.py scans every help page and the usual errors for English words, and
# tests/test_streamlit_workarounds.py checks that Click still translates through these names.
CLICK_DANISH: dict[str, str] = {
    "Usage:": "Brug:",
    "Options": "Tilvalg",
    "Positional arguments": "Argumenter",
    "Commands": "Kommandoer",
    "Show this message and exit.": HELP_OPTION,
    "Aborted!": "Afbrudt!",
    "Error: {message}": "Fejl: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' for at få hjælp.",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Missing argument": "Mangler argumentet",
    "Missing option": "Mangler tilvalget",
    "Missing parameter": "Mangler parameteren",
    "Missing {param_type}": "Mangler {param_type}",
    "Missing parameter: {param_name}": "Mangler parameteren {param_name}",
    "Missing command.": "Mangler en kommando.",
    "No such option {name!r}.": "Tilvalget {name!r} findes ikke.",
    "No such command {name!r}.": "Kommandoen {name!r} findes ikke.",
    "Did you mean {possibility}?": "Mente du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mente du en af: {possibilities}?)",
    "Got unexpected extra argument ({args})": "Uventet ekstra argument ({args})",
    "Got unexpected extra arguments ({args})": "Uventede ekstra argumenter ({args})",
    "Option {name!r} requires an argument.": "Tilvalget {name!r} skal have en værdi.",
    "Option {name!r} requires {nargs} arguments.": "Tilvalget {name!r} skal have {nargs} værdier.",
    "Option {name!r} does not take a value.": "Tilvalget {name!r} tager ingen værdi.",
    "Argument {name!r} takes {nargs} values.": "Argumentet {name!r} tager {nargs} værdier.",
    "{value!r} is not {choice}.": "{value!r} er ikke {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} er ikke en af {choices}.",
    "Choose from:\n\t{choices}": "Vælg mellem:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} er ikke et gyldigt tal.",
    "{value} is not in the range {range}.": "{value} er uden for intervallet {range}.",
    "file": "filen",
    "directory": "mappen",
    "path": "stien",
    "{name} {filename!r} does not exist.": "{name} {filename!r} findes ikke.",
    "{name} {filename!r} is a file.": "{name} {filename!r} er en fil.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} er en mappe.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan ikke læses.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan ikke skrives.",
    "Could not open file {filename!r}: {message}": "Filen {filename!r} kan ikke åbnes: {message}",
    "Repeat for confirmation": "Gentag for at bekræfte",
    "Error: The two entered values do not match.": "Fejl: De to indtastninger er ikke ens.",
    "Error: invalid input": "Fejl: ugyldig indtastning",
    "Do you want to continue?": "Vil du fortsætte?",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljøvariabel: {var}",
    "(dynamic)": "(dynamisk)",
    "required": "skal angives",
    "deprecated": "forældet",
    "unknown error": "ukendt fejl",
}
CLICK_MODULES = ("core", "exceptions", "parser", "types", "formatting", "decorators", "termui")


def danish_gettext(message: str) -> str:
    return CLICK_DANISH.get(message, message)


def danish_ngettext(singular: str, plural: str, count: int) -> str:
    return danish_gettext(singular if count == 1 else plural)


def install_danish_click() -> None:
    """Let Click's own texts (usage, errors, prompts) speak Danish, in this process."""
    import importlib

    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = danish_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = danish_ngettext  # type: ignore[attr-defined]


install_danish_click()


class DanishCommand(click.Command):
    """A command whose help is Danish."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[TILVALG]")
        super().__init__(*args, **kwargs)


class CommandFailed(click.ClickException):
    """A refusal: its Danish message on stderr as it stands, and exit code 1."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.format_message(), file=file, err=file is None)


class PlanFileBroken(CommandFailed):
    """`data/plan.yaml` cannot be read: exit code 2, as before."""

    exit_code = 2


def danish_refusal(error: Exception) -> CommandFailed | None:
    """The one-line Danish message for an error meant for the operator; None for a bug."""
    # Imported here, on the error path only: catching must not cost a quick command its start.
    from models.core.errors import DomainError

    if isinstance(error, DomainError):  # SettingsError is one too
        from models.plan.plan_file import PlanFileError

        if isinstance(error, PlanFileError):
            return PlanFileBroken(f"Fejl i planfilen: {error}")
        return CommandFailed(f"Fejl: {error}")
    if isinstance(error, PermissionError):
        from models.auth.users import PermissionDenied

        if isinstance(error, PermissionDenied):
            return CommandFailed(f"Fejl: {error}")
    return None


class DanishGroup(click.Group):
    """A group of Danish commands that turns refusals into one Danish line and exit code 1."""

    command_class = DanishCommand
    group_class = type  # subgroups are DanishGroups too

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[TILVALG]")
        kwargs.setdefault("subcommand_metavar", "KOMMANDO [ARGUMENTER]...")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException:
            raise
        except Exception as error:
            refusal = danish_refusal(error)
            if refusal is None:
                raise
            raise refusal from error


class IsoDate(click.ParamType):
    """A date written as ÅÅÅÅ-MM-DD."""

    name = "dato"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "ÅÅÅÅ-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"'{value}' er ikke en dato som ÅÅÅÅ-MM-DD", param, ctx)


class RoleType(click.ParamType):
    """One of the roles of `models.auth.users.Role`, imported only when a command needs it."""

    name = "rolle"

    @staticmethod
    def values() -> list[str]:
        from models.auth.users import Role

        return [role.value for role in Role]

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "[" + "|".join(self.values()) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from models.auth.users import Role

        try:
            return Role(value)
        except ValueError:
            roles = ", ".join(self.values())
            self.fail(f"'{value}' er ikke en rolle (vælg mellem {roles})", param, ctx)


# --- the database ---------------------------------------------------------------------------


def operator() -> Actor:
    """Whoever runs the command line on the server acts as the operator."""
    from models.auth.users import Actor

    return Actor.command_line()


def _sqlite_file_missing(url: str) -> bool:
    """True for a SQLite URL whose file does not exist yet (or is empty, or in memory)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.query.get("uri"):
        return False  # a server database, or a file: URI that SQLite itself resolves
    if not parsed.database or parsed.database == ":memory:":
        return True  # a new, empty database on every connection
    path = Path(parsed.database)
    return not path.is_file() or path.stat().st_size == 0


def _schema_problem(engine: Engine) -> str | None:
    """Why the schema cannot serve a reading command (Danish), or None if it is current."""
    import sqlalchemy as sa

    from models.bootstrap import SchemaStatus, schema_state

    try:
        state = schema_state(engine)
    except sa.exc.DBAPIError:
        return None  # the database cannot be asked either: the first error says more
    if state.status is SchemaStatus.empty:
        return NOT_CREATED
    if state.status is SchemaStatus.unknown:
        return state.problem
    if state.needs_upgrade:
        return state.out_of_date_message()
    return None


@contextmanager
def reachable(url: str) -> Iterator[None]:
    """Turn a database that cannot be opened at all (a wrong host, database name, password or
    folder) into one Danish line with the reason, instead of a traceback."""
    import sqlalchemy as sa

    from models.core.errors import DomainError

    where = sa.engine.make_url(url).render_as_string(hide_password=True)
    try:
        yield
    except sa.exc.OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DomainError(f"Databasen {where} kan ikke åbnes: {reason}") from None
    except OSError as error:  # SQLite: the folder for the file cannot be made
        raise DomainError(f"Databasen {where} kan ikke åbnes: {error}") from None


def open_engine() -> Engine:
    """The configured database for a command that may create or change it; a server database
    that cannot be opened says so in Danish. (A SQLite file is not opened here: that would
    create it before init-db has read the plan file.)"""
    from models.core.db import database_url, get_engine

    url = database_url()
    with reachable(url):
        engine = get_engine(url)  # makes the SQLite file's folder
        if engine.dialect.name != "sqlite":
            engine.connect().close()
    return engine


@contextmanager
def reading_session(*tables: str) -> Iterator[Session]:
    """A session on the configured database for a command that only reads.

    Never creates the database or a table: a missing SQLite file or missing `tables` stop the
    command with a Danish message, and so does a database error when the schema is out of date.
    The full schema check (`schema_state`) costs an import of Alembic, so it runs only then.
    """
    import sqlalchemy as sa

    from models.core.db import database_url, get_engine, session_scope
    from models.core.errors import DomainError

    url = database_url()
    if _sqlite_file_missing(url):
        raise DomainError(NOT_CREATED)
    with reachable(url):
        engine = get_engine(url)
        with engine.connect() as connection:
            present = set(sa.inspect(connection).get_table_names())
    if missing := sorted(set(tables) - present):  # NOT_CREATED if the database is empty
        problem = _schema_problem(engine)
        raise DomainError(problem or f"Databasen mangler tabellerne {', '.join(missing)}.")
    try:
        with session_scope(engine) as session:
            yield session
    except (sa.exc.OperationalError, sa.exc.ProgrammingError):
        problem = _schema_problem(engine)
        if problem is None:
            raise
        raise DomainError(problem) from None


def writing_engine() -> Engine:
    """The configured database for a command that writes.

    A current schema is used as it is. A new (empty) database is created and loaded with the
    plan, as at the app's first start; an out-of-date schema is refused until `migrate` has run
    (unless the setting auto_migrate allows the upgrade), and an unknown one always is.
    """
    from models.bootstrap import SchemaStatus, schema_state, start_app_database

    engine = open_engine()
    if schema_state(engine).status is not SchemaStatus.current:
        start_app_database(engine)  # raises SchemaOutOfDate / UnknownSchema (Danish)
    return engine


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def read_password() -> str:
    """A new password from the terminal (asked twice, not shown) or the first line of stdin;
    never from the arguments."""
    if stdin_is_terminal():
        first = click.prompt("Adgangskode", hide_input=True, err=True)
        if first != click.prompt("Gentag adgangskode", hide_input=True, err=True):
            from models.auth.users import UserError

            raise UserError("De to adgangskoder er ikke ens.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def write_file(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise CommandFailed(f"Fejl: Filen {path} kan ikke skrives ({error.strerror}).") from None


# --- the commands ---------------------------------------------------------------------------


@click.group(
    "manage.py",
    cls=DanishGroup,
    help="Kommandolinjen til statusdashboardet for genopretningsplanen. Bruger DATABASE_URL.",
    epilog="Adgangskoder læses fra terminalen (to gange) eller første linje af stdin, "
    "aldrig fra argumenterne.",
)
def cli() -> None:
    """The command line (the Danish help above is what operators read)."""
    from models.core import applog

    applog.configure()  # events (backups, imports …) as JSON lines on stderr; not for --help


@cli.command("init-db", help="Opret eller opdatér databasen og indlæs planen (kan gentages).")
def init_db_command() -> None:
    """Upgrade the schema to the newest migration and load the plan (idempotent)."""
    from models.bootstrap import init_db

    report = init_db(open_engine())
    click.echo(f"Databasen er klar: {report.created} nye rækker, {report.refreshed} opdaterede.")


@cli.command("migrate", help="Opdatér databasens skema til den nyeste version.")
def migrate_command() -> None:
    """Run the migrations up to head (creates the tables of a new database, loads no plan)."""
    from models.bootstrap import upgrade_schema

    click.echo(upgrade_schema(open_engine()).message)


@cli.command("export-plan", help="Skriv hele planen som JSON til stdout.")
def export_plan_command() -> None:
    """Print the whole plan as JSON (reads only)."""
    from models.plan.export import plan_json
    from models.plan.tables import Action, Plan, Result, Theme, Track

    tables = (Plan, Theme, Track, Result, Action)
    with reading_session(*(table.__tablename__ for table in tables)) as session:
        click.echo(plan_json(session))


@cli.command("setup-code", help="Vis engangskoden til første administrator.")
def setup_code_command() -> None:
    """Print the one-time code that creates the first admin in the app (made on first call)."""
    from models.auth.first_admin import get_or_create_setup_code
    from models.core.db import session_scope

    with session_scope(writing_engine(), write=True) as session:
        code = get_or_create_setup_code(session)
    if code is None:
        raise CommandFailed("Der findes allerede brugere; opsætningskoden er brugt.")
    click.echo(code)


@cli.command("add-user", help="Opret en bruger (adgangskode fra stdin eller prompt).")
@click.argument(
    "username", metavar="BRUGERNAVN", help="brugernavnet (store og små bogstaver er ens)"
)
@click.option("--role", required=True, type=RoleType(), help="brugerens rolle")
@click.option("--name", required=True, metavar="NAVN", help="brugerens fulde navn")
@click.option("--email", metavar="E-MAIL", help="e-mailadressen til single sign-on")
def add_user_command(username: str, role: Role, name: str, email: str | None) -> None:
    """Add a user; the password comes from the terminal or stdin, never from argv."""
    from models.auth.users import create_user
    from models.core.db import session_scope

    password = read_password()
    with session_scope(writing_engine(), write=True) as session:
        user = create_user(
            session,
            actor=operator(),
            username=username,
            display_name=name,
            role=role,
            password=password,
            email=email,
        )
    click.echo(f"Brugeren {user.username} ({user.role.value}) er oprettet.")


@cli.command("set-role", help="Skift en brugers rolle.")
@click.argument("username", metavar="BRUGERNAVN", help="brugerens brugernavn")
@click.argument("role", metavar="ROLLE", type=RoleType(), help="den nye rolle")
def set_role_command(username: str, role: Role) -> None:
    """Change a user's role (the last active admin stays admin)."""
    from models.auth.users import set_role
    from models.core.db import session_scope

    with session_scope(writing_engine(), write=True) as session:
        user = set_role(session, actor=operator(), username=username, role=role)
    click.echo(f"{user.username} har nu rollen {user.role.value}.")


@cli.command("reset-password", help="Giv en bruger en ny adgangskode (fra stdin eller prompt).")
@click.argument("username", metavar="BRUGERNAVN", help="brugerens brugernavn")
def reset_password_command(username: str) -> None:
    """Set a new password, read like add-user's."""
    from models.auth.users import reset_password
    from models.core.db import session_scope

    password = read_password()
    with session_scope(writing_engine(), write=True) as session:
        user = reset_password(session, actor=operator(), username=username, password=password)
    click.echo(
        f"Adgangskoden for {user.username} er nulstillet; brugerens logins er afsluttet, "
        "og en eventuel spærring er ophævet."
    )


@cli.command(
    "unlock",
    help="Ophæv spærringen efter forkerte adgangskoder for en bruger.\n\n"
    "Spærringen gælder brugernavnet og de adresser, forsøgene kom fra; den registreres i "
    "loginloggen.",
)
@click.argument("username", metavar="BRUGERNAVN", help="brugerens brugernavn")
def unlock_command(username: str) -> None:
    """Lift the login throttle on a username (audited)."""
    from models.auth.login import unlock
    from models.core.db import session_scope

    with session_scope(writing_engine(), write=True) as session:
        cleared = unlock(session, actor=operator(), username=username)
    name = username.strip().casefold()
    if cleared:
        click.echo(f"Spærringen af {name} er ophævet.")
    else:
        click.echo(f"{name} var ikke spærret.")


@cli.command(
    "deactivate",
    help="Deaktivér en bruger.\n\nDen sidste aktive administrator kan ikke deaktiveres.",
)
@click.argument("username", metavar="BRUGERNAVN", help="brugerens brugernavn")
def deactivate_command(username: str) -> None:
    """Deactivate a user (never the last active admin)."""
    from models.auth.users import set_active
    from models.core.db import session_scope
    from models.core.formatting import count_da
    from models.plan.owners import owned_codes

    with session_scope(writing_engine(), write=True) as session:
        user = set_active(session, actor=operator(), username=username, active=False)
        owned = owned_codes(session).get(user.username, [])
    click.echo(f"{user.username} er deaktiveret.")
    if owned:
        actions = count_da(len(owned), "handling", "handlinger")
        click.echo(
            f"{user.username} ejer stadig {actions} ({', '.join(owned)}); giv dem en ny ejer."
        )


@cli.command("list-users", help="List brugere som CSV.")
def list_users_command() -> None:
    """Print the users as CSV (reads only; the quick command that the benchmark times)."""
    from models.auth.users import User, list_users

    with reading_session(User.__tablename__) as session:
        users = list_users(session)
    from models.core.formatting import datetime_table_da

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(USERS_CSV_HEADER)
    for user in users:
        last = datetime_table_da(user.last_login_at) if user.last_login_at else ""
        active = "ja" if user.active else "nej"
        writer.writerow(
            [user.username, user.display_name, user.email or "", user.role.value, active, last]
        )
    click.echo(out.getvalue(), nl=False)


@cli.command("export-changes", help="Skriv ændringsloggen som CSV til stdout.")
@click.option("--since", required=True, type=IsoDate(), help="fra og med denne dag (dansk tid)")
def export_changes_command(since: dt.date) -> None:
    """Print the change log since a day (local time) as CSV (reads only)."""
    from models.core.time import local_day_start
    from models.plan.change_log import changes_csv, list_changes
    from models.plan.tables import Action, ActionChange, Theme, Track

    tables = (ActionChange, Action, Track, Theme)
    with reading_session(*(table.__tablename__ for table in tables)) as session:
        rows = list_changes(session, since=local_day_start(since))
    click.echo(changes_csv(rows), nl=False)


@cli.command("import-cases", help="Indlæs sager fra CSV eller Excel (alt eller intet).")
@click.argument(
    "file",
    metavar="FIL",
    type=click.Path(dir_okay=False, path_type=Path),
    help="sagsfilen (.csv eller .xlsx)",
)
def import_cases_command(file: Path) -> None:
    """Check a case file and, only if all of it is valid, import it."""
    from models.core.db import session_scope
    from models.restoration.case_import import apply_import, parse_cases

    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise CommandFailed(f"Fejl: Filen {file} findes ikke.") from None
    except OSError as error:
        raise CommandFailed(f"Fejl: Filen {file} kan ikke læses ({error.strerror}).") from None
    parsed = parse_cases(data, file.name)
    if parsed.problems:
        for message in parsed.messages(limit=len(parsed.problems)):
            click.echo(message, err=True)
        raise CommandFailed(f"Intet er indlæst: {len(parsed.problems)} fejl.")
    with session_scope(writing_engine(), write=True) as session:
        summary = apply_import(session, actor=operator(), parsed=parsed)
    click.echo(
        f"Indlæst: {summary.new} nye, {summary.changed} ændrede, {summary.unchanged} uændrede "
        f"sager ({summary.steps} sagsskridt)."
    )


@cli.command(
    "seed-demo",
    help="Indlæs syntetiske demosager.\n\nErstatter tidligere demodata; fjern dem med remove-demo.",
)
def seed_demo_command() -> None:
    """Replace the demo cases with a fresh synthetic set."""
    from models.core.db import session_scope
    from models.core.time import today_local
    from models.restoration.demo_cases import seed_demo

    with session_scope(writing_engine(), write=True) as session:
        count = seed_demo(session, actor=operator(), today=today_local())
    click.echo(f"{count} demosager er indlæst (reference DEMO-…). Fjern dem med remove-demo.")


@cli.command("remove-demo", help="Fjern alle demosager.")
def remove_demo_command() -> None:
    """Delete every demo case."""
    from models.core.db import session_scope
    from models.restoration.demo_cases import remove_demo

    with session_scope(writing_engine(), write=True) as session:
        count = remove_demo(session, actor=operator())
    click.echo(f"{count} demosager er fjernet.")


@cli.group(
    "snapshot",
    help="Statusrapporter: opret, list og slet.\n\n"
    "En statusrapport er et fastfrosset billede af planens status til udvalget.",
)
def snapshot_group() -> None:
    """The status reports (snapshots) for the committee."""


@snapshot_group.command("create", help="Opret en statusrapport med planens status nu.")
@click.argument("name", metavar="NAVN", help='rapportens navn, fx "Status BLU 29.9.2025"')
@click.option("--date", "taken_on", type=IsoDate(), help="rapportens dato (udelades: i dag)")
@click.option(
    "--rekonstruktion",
    "reconstruction",
    is_flag=True,
    help="rapporten dateres før i dag (--date), men fryser dagens data",
)
def snapshot_create_command(name: str, taken_on: dt.date | None, reconstruction: bool) -> None:
    """Freeze the current state under a name."""
    from models.core.db import session_scope
    from models.core.time import today_local
    from models.reports.snapshots import create_snapshot

    today = today_local()
    with session_scope(writing_engine(), write=True) as session:
        snapshot = create_snapshot(
            session,
            actor=operator(),
            name=name,
            taken_on=taken_on or today,
            today=today,
            reconstruction=reconstruction,
        )
    click.echo(f"Statusrapporten «{snapshot.name}» er oprettet.")


@snapshot_group.command("list", help="List statusrapporterne: dato og navn, nyeste først.")
def snapshot_list_command() -> None:
    """Print the snapshots, newest first (reads only)."""
    from models.core.formatting import date_table_da
    from models.reports.snapshots import Snapshot, list_snapshots

    with reading_session(Snapshot.__tablename__) as session:
        snapshots = list_snapshots(session)
    for snapshot in snapshots:
        click.echo(f"{date_table_da(snapshot.taken_on)}\t{snapshot.name}")


@snapshot_group.command("delete", help="Slet en statusrapport.")
@click.argument("name", metavar="NAVN", help="rapportens navn")
@click.option(
    "--grund", "reason", required=True, help="hvorfor rapporten slettes (gemmes i loggen)"
)
def snapshot_delete_command(name: str, reason: str) -> None:
    """Delete a snapshot (audited)."""
    from models.core.db import session_scope
    from models.reports.snapshots import delete_snapshot

    with session_scope(writing_engine(), write=True) as session:
        delete_snapshot(session, actor=operator(), name=name, confirmation=name, reason=reason)
    click.echo(f"Statusrapporten «{name}» er slettet.")


@cli.command("export-report", help="Skriv en statusrapport som xlsx, docx eller pdf.")
@click.option("--snapshot", metavar="NAVN", help="rapportens navn (udelades: status nu)")
@click.option("--compare", metavar="NAVN", help="sammenlign med denne tidligere rapport")
@click.option(
    "--format", "fmt", required=True, type=click.Choice(REPORT_FORMATS), help="filformatet"
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FIL",
    help="filen der skrives",
)
def export_report_command(snapshot: str | None, compare: str | None, fmt: str, out: Path) -> None:
    """Write a status report (a snapshot, or now) as xlsx, docx or pdf (reads only)."""
    from models.core.time import today_local
    from models.plan.queries import get_plan
    from models.reports.compare import compare as compare_reports
    from models.reports.snapshots import NOW_NAME, load_report, report_now
    from models.schema import metadata

    with reading_session(*metadata.tables) as session:
        if (snapshot or NOW_NAME) == NOW_NAME:
            report = report_now(session, today=today_local())
        else:
            report = load_report(session, snapshot)
        comparison = compare_reports(load_report(session, compare), report) if compare else None
        plan = get_plan(session)
    if fmt == "xlsx":
        from models.reports.xlsx import build_report_xlsx

        data = build_report_xlsx(report, comparison)
    else:
        from models.reports.document import appendix, build_docx, build_pdf

        content = appendix(
            report,
            comparison,
            plan.municipality if plan else "",
            plan_title=plan.title if plan else "",
        )
        data = build_docx(content) if fmt == "docx" else build_pdf(content)
    write_file(out, data)
    click.echo(f"{out} er skrevet ({len(data) // 1024} kB).")


@cli.command(
    "export-slides",
    help="Skriv borgermødets dias som PowerPoint.\n\nDiasene viser kun samlede tal.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FIL",
    help="filen der skrives (.pptx)",
)
def export_slides_command(out: Path) -> None:
    """Write the citizen-meeting slides, aggregates only (reads only)."""
    from models.core.time import today_local
    from models.presentation.aggregates import build_deck
    from models.schema import metadata

    with reading_session(*metadata.tables) as session:
        deck = build_deck(session, today=today_local())
    from models.presentation.pptx import build_pptx, slide_count  # PowerPoint: only now

    data = build_pptx(deck)
    write_file(out, data)
    click.echo(f"{out} er skrevet ({len(data) // 1024} kB, {slide_count(data)} dias).")


@cli.command(
    "publish",
    help="Udgiv den offentlige statusside som statiske filer (HTML og CSS) i en mappe.\n\n"
    "Siden viser kun samlede tal, som borgermødets dias. MAPPE må ikke findes, skal være tom "
    "eller være en tidligere udgivelse (præcis de filer, dens SHA256SUMS nævner); så erstattes "
    "den helt. Alt skrives først i en skjult mappe ved siden af og flyttes på plads til sidst, "
    "så en fejl efterlader intet halvt skrevet. Udgivelsen logges: hvem, hvornår, mappen og "
    "SHA-256 af SHA256SUMS.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    metavar="MAPPE",
    help="mappen, siden skrives til",
)
def publish_command(out: Path) -> None:
    """Write the public status page to a directory, audited."""
    from models.core.db import session_scope
    from models.core.time import today_local, utcnow
    from models.presentation.public_site import publish_to_directory, read_site, render_site

    engine = writing_engine()
    today = today_local()
    with session_scope(engine) as session:
        files = render_site(read_site(session, today=today, now=utcnow()))
    with session_scope(engine, write=True) as session:
        publication = publish_to_directory(
            session, actor=operator(), files=files, out=out, status_date=today
        )
    click.echo(
        f"Statussiden er udgivet i {publication.destination} ({publication.file_count} filer "
        "og SHA256SUMS)."
    )
    click.echo(f"SHA-256 af SHA256SUMS: {publication.manifest_sha256}")


@cli.command(
    "send-reminders",
    help="Send de ugentlige påmindelser pr. e-mail.\n\n"
    "Hver ejer får én e-mail med sine handlinger, der kræver opmærksomhed, og styregruppen "
    "(rollen viewer) får et overblik før gennemgangen. Ingen får samme slags e-mail to gange "
    "samme dag. Kør den ugentligt fra cron eller en systemd-timer.",
)
@click.option(
    "--dry-run", is_flag=True, help="vis hvad der ville blive sendt; intet sendes eller logges"
)
def send_reminders_command(dry_run: bool) -> None:
    """Send (or, with --dry-run, only list) today's reminder e-mails; prints no e-mail bodies."""
    from models.auth.users import User
    from models.core.formatting import count_da, number_da
    from models.core.settings import get_settings
    from models.core.time import today_local
    from models.plan.tables import Action, Theme, Track
    from models.reminders.log import ReminderLog
    from models.reminders.service import (
        Outcome,
        check_smtp_settings,
        links_from,
        preview_reminders,
        send_reminders,
    )

    settings = get_settings()
    today = today_local()
    if dry_run:
        tables = (User, Theme, Track, Action, ReminderLog)
        with reading_session(*(table.__tablename__ for table in tables)) as session:
            results = preview_reminders(session, today=today)  # needs the public URL too
    else:
        check_smtp_settings(settings)  # before the database is opened (or created)
        links_from(settings)
        results = send_reminders(writing_engine(), actor=operator(), today=today)
    for result in results:
        click.echo(result.line)
    counts = {outcome: sum(r.outcome == outcome for r in results) for outcome in Outcome}
    mails = ("e-mail", "e-mails")
    if dry_run:
        click.echo(
            f"Prøvekørsel: {count_da(counts[Outcome.would_send], *mails)} ville blive sendt; "
            "intet er sendt eller logget."
        )
    else:
        click.echo(
            f"{count_da(counts[Outcome.sent], *mails)} sendt, "
            f"{number_da(counts[Outcome.already_sent])} allerede sendt i dag."
        )
    if counts[Outcome.failed]:
        raise CommandFailed(
            f"Fejl: {count_da(counts[Outcome.failed], *mails)} kunne ikke dannes eller sendes."
        )


@cli.command(
    "backup",
    help="Tag en backup af databasen med et manifest ved siden af, og ryd op i de gamle.\n\n"
    "SQLite kopieres med SQLites backup-funktion (sikkert mens appen skriver), PostgreSQL med "
    "pg_dump -Fc. Gem også de nøglefiler, kommandoen nævner: uden login-nøglen kan ingen "
    "bruge deres gemte login efter en gendannelse.",
)
@click.option(
    "--mappe",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="hvor backuppen skrives (udelades: indstillingen DASHBOARD_BACKUP_DIR)",
)
def backup_command(directory: Path | None) -> None:
    """Back the configured database up, write the manifest, rotate old backups."""
    from models.core.db import database_url
    from models.core.errors import DomainError
    from models.core.settings import get_settings
    from models.operations.backup import backup_database

    if _sqlite_file_missing(database_url()):
        raise DomainError(NOT_CREATED)
    result = backup_database(open_engine(), directory or get_settings().backup_directory)
    rows = sum(result.manifest.row_counts.values())
    click.echo(
        f"Backup skrevet: {result.path} (skemarevision {result.manifest.schema_revision}, "
        f"{rows} rækker i {len(result.manifest.row_counts)} tabeller)."
    )
    click.echo(f"Manifest: {result.path.name}.manifest.json")
    for removed in result.removed:
        click.echo(f"Slettet efter rotation: {removed.name}")
    if result.key_files:
        click.echo(
            "Gem også disse nøglefiler (ikke i git): " + ", ".join(map(str, result.key_files))
        )


@cli.command(
    "restore",
    help="Gendan en backup i den konfigurerede database og tjek den mod manifestet.\n\n"
    "En backup fra en nyere version af appen afvises; en ældre opdateres bagefter med "
    "migreringerne. Databasen skal være tom, medmindre --erstat gives.",
)
@click.argument(
    "backup",
    metavar="FIL",
    type=click.Path(dir_okay=False, path_type=Path),
    help="backupfilen (.sqlite3 eller .dump; manifestet ligger ved siden af)",
)
@click.option("--erstat", "replace", is_flag=True, help="overskriv en database, der ikke er tom")
def restore_command(backup: Path, replace: bool) -> None:
    """Restore a backup made by `backup` into the configured database."""
    from models.operations.backup import restore_database

    result = restore_database(backup, open_engine(), replace=replace)
    rows = sum(result.manifest.row_counts.values())
    click.echo(
        f"Gendannet: {backup.name} fra {result.manifest.created_at} "
        f"({rows} rækker, som manifestet siger)."
    )
    if result.upgrade is not None:
        click.echo(result.upgrade.message)


def report_checks(checks: list[Check], failure: str) -> None:
    """One line per check; exit 1 with `failure` if any check fails."""
    for check in checks:
        click.echo(check.line)
    if not all(check.ok for check in checks):
        raise CommandFailed(failure)


@cli.command(
    "healthcheck",
    help="Tjek at denne instans kan køre: databasen svarer, skemaet er nyeste version, og "
    "datamappen kan skrives. Slutter med kode 1 og grunden, hvis noget fejler (til en "
    "containers HEALTHCHECK eller systemd).",
)
def healthcheck_command() -> None:
    """Exit 0 when the instance can serve, else 1 with the Danish reasons."""
    from models.core.db import database_url, get_engine
    from models.core.settings import get_settings
    from models.operations.health import health_checks

    report_checks(
        health_checks(get_engine(database_url()), get_settings()), "Fejl: instansen er ikke sund."
    )


@cli.command(
    "check-config",
    help="Forklar indstillinger, der ikke vil virke: databasens URL, cookie-nøglen og "
    "skrifttypen til PDF-rapporter. Åbner ikke databasen.",
)
def check_config_command() -> None:
    """Explain every setting that will not work (settings errors themselves are one line)."""
    from components.streamlit_options import cookie_secret_set
    from models.core.settings import get_settings
    from models.operations.health import config_checks

    report_checks(
        config_checks(get_settings(), streamlit_secret_set=cookie_secret_set()),
        "Fejl: indstillingerne skal rettes.",
    )


@cli.command(
    "prune-logs",
    help="Slet login-hændelser og påmindelseslog, der er ældre end "
    "DASHBOARD_LOG_RETENTION_DAYS (standard 365 dage).\n\n"
    "Ændringsloggen, rapporternes og planbeslutningernes historik slettes aldrig.",
)
@click.option("--dry-run", is_flag=True, help="tæl kun; intet slettes")
def prune_logs_command(dry_run: bool) -> None:
    """Delete (or count) the log rows older than the retention setting."""
    from models.core.db import session_scope
    from models.core.formatting import number_da
    from models.core.settings import get_settings
    from models.operations.retention import prune_logs

    days = get_settings().log_retention_days
    with session_scope(writing_engine(), write=True) as session:
        counts = prune_logs(session, actor=operator(), days=days, dry_run=dry_run)
    verb = "ville blive slettet" if dry_run else "slettet"
    for table, count in counts.items():
        click.echo(f"{table}: {number_da(count)} rækker ældre end {days} dage {verb}.")


def main() -> None:
    """The script: run one command (Click ends it with SystemExit), then leave quickly."""
    try:
        cli(prog_name="manage.py")
    finally:
        db = sys.modules.get("models.core.db")
        if db is not None:
            db.dispose_engines()  # close every connection now (SQLite checkpoints its WAL)
        # The interpreter's last garbage collection would visit every object of SQLAlchemy,
        # pydantic & co. just before the process ends: about 0.1 s of a quick command. Files,
        # streams and atexit handlers are still closed, flushed and run as usual.
        gc.freeze()


if __name__ == "__main__":
    main()
