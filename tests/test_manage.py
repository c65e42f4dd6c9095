"""The command line, run in-process with Click's CliRunner (one subprocess test for the script).

Database tests run on SQLite and PostgreSQL: `database` (empty, conftest's `db_url`) and
`ready` (as init-db leaves it, conftest's `seeded_db_url`), each set as DATABASE_URL.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

import manage
from manage import NOT_CREATED, cli
from models.auth.users import Actor, Role
from models.core.db import create_db_engine, dispose_engines
from models.core.settings import get_settings
from models.migrations import script_directory
from models.plan.plan_file import PlanFileError, load_plan_file
from models.schema import create_schema
from tests.models.plan.test_plan_file import EXPECTED_TRACKS
from tests.models.reminders.smtp_server import (
    PUBLIC_URL,
    SMTP_PASSWORD,
    configure_mail,
    smtp_server,
)

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "korrekt-hest-batteri\n"
NOT_CREATED_LINE = f"Fejl: {NOT_CREATED}\n"
USERS_HEADER = "brugernavn,navn,e-mail,rolle,aktiv,seneste_login"
# What `list-users` must not import (it needs none of it; the benchmark times the rest).
HEAVY_MODULES = frozenset(
    {"pandas", "openpyxl", "docx", "fpdf", "pptx", "vl_convert", "altair", "streamlit", "babel"}
    | {"alembic"}  # the schema check runs only when a read fails
)


def run(*args: str, input: str | None = None) -> Result:
    """`python manage.py ARGS` in this process; a bug raises here instead of hiding in output."""
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def add_user(username: str, role: str = "admin", password: str = PASSWORD) -> Result:
    return run("add-user", username, "--role", role, "--name", username.title(), input=password)


def use_database(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    dispose_engines()


@pytest.fixture
def database(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty database of each backend (no tables), as DATABASE_URL for the commands."""
    use_database(monkeypatch, db_url)
    return db_url


@pytest.fixture
def ready(seeded_db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database of each backend as `init-db` leaves it, as DATABASE_URL for the commands."""
    use_database(monkeypatch, seeded_db_url)
    return seeded_db_url


# For what does not depend on the backend (the files): only the SQLite one of `ready`.
only_sqlite = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def sqlite_path(url: str) -> Path | None:
    return Path(sa.engine.make_url(url).database or "") if url.startswith("sqlite") else None


def table_names(url: str) -> set[str]:
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            return set(sa.inspect(connection).get_table_names())
    finally:
        engine.dispose()


def contents(url: str) -> dict[str, list[str]]:
    """Every row of every table as text: the same before and after means nothing was written."""
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            return {
                name: sorted(
                    repr(tuple(row))
                    for row in connection.execute(sa.text(f'SELECT * FROM "{name}"'))  # noqa: S608
                )
                for name in sa.inspect(connection).get_table_names()
            }
    finally:
        engine.dispose()


def execute(url: str, *statements: str) -> None:
    engine = create_db_engine(url)
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(sa.text(statement))
    engine.dispose()


def head_revision() -> str:
    return script_directory().get_current_head() or ""


# --- help --------------------------------------------------------------------------------

# Every command, with the first line of its Danish help (also the README's list).
COMMANDS = [
    ("init-db", "Opret eller opdatér databasen og indlæs planen (kan gentages)."),
    ("migrate", "Opdatér databasens skema til den nyeste version."),
    ("export-plan", "Skriv hele planen som JSON til stdout."),
    ("setup-code", "Vis engangskoden til første administrator."),
    ("add-user", "Opret en bruger (adgangskode fra stdin eller prompt)."),
    ("set-role", "Skift en brugers rolle."),
    ("reset-password", "Giv en bruger en ny adgangskode (fra stdin eller prompt)."),
    ("unlock", "Ophæv spærringen efter forkerte adgangskoder for en bruger."),
    ("deactivate", "Deaktivér en bruger."),
    ("list-users", "List brugere som CSV."),
    ("export-changes", "Skriv ændringsloggen som CSV til stdout."),
    ("import-cases", "Indlæs sager fra CSV eller Excel (alt eller intet)."),
    ("seed-demo", "Indlæs syntetiske demosager."),
    ("remove-demo", "Fjern alle demosager."),
    ("snapshot", "Statusrapporter: opret, list og slet."),
    ("snapshot create", "Opret en statusrapport med planens status nu."),
    ("snapshot list", "List statusrapporterne: dato og navn, nyeste først."),
    ("snapshot delete", "Slet en statusrapport."),
    ("export-report", "Skriv en statusrapport som xlsx, docx eller pdf."),
    ("export-slides", "Skriv borgermødets dias som PowerPoint."),
    ("publish", "Udgiv den offentlige statusside som statiske filer (HTML og CSS) i en mappe."),
    ("send-reminders", "Send de ugentlige påmindelser pr. e-mail."),
    ("backup", "Tag en backup af databasen med et manifest ved siden af, og ryd op i de gamle."),
    ("restore", "Gendan en backup i den konfigurerede database og tjek den mod manifestet."),
    ("healthcheck", "Tjek at denne instans kan køre: databasen svarer, skemaet er nyeste version,"),
    ("prune-logs", "Slet login-hændelser og påmindelseslog, der er ældre end"),
    ("check-config", "Forklar indstillinger, der ikke vil virke: databasens URL, cookie-nøglen og"),
]


def command_paths(group: click.Group, prefix: str = "") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        paths.append(prefix + name)
        if isinstance(command, click.Group):
            paths += command_paths(command, f"{prefix}{name} ")
    return paths


def test_every_command_is_in_the_table() -> None:
    assert sorted(command_paths(cli)) == sorted(path for path, _ in COMMANDS)


@pytest.mark.parametrize(("path", "first_line"), COMMANDS, ids=[path for path, _ in COMMANDS])
def test_help_is_danish_for_every_command_and_option(path: str, first_line: str) -> None:
    result = run(*path.split(), "--help")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Brug: manage.py {path} [TILVALG]")
    assert lines[2] == f"  {first_line}"
    assert "Tilvalg:" in lines
    assert "Vis denne hjælp og afslut." in result.stdout
    command = cli
    for name in path.split():
        command = command.commands[name]  # type: ignore[attr-defined]
    for param in command.params:
        assert param.help, f"{path}: {param.name} has no help text"  # type: ignore[attr-defined]
    for english in ("Usage:", "Options:", "Show this message", "[required]"):
        assert english not in result.stdout


# --- errors that need no database --------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("export-changes", "--since", "29-09-2025"),
            "'29-09-2025' er ikke en dato som ÅÅÅÅ-MM-DD",
        ),
        (("snapshot", "create", "X", "--date", "2025-02-30"), "'2025-02-30' er ikke en dato som"),
        (("set-role", "bo", "chef"), "'chef' er ikke en rolle (vælg mellem admin, editor, viewer"),
        (
            ("export-report", "--format", "odt", "--out", "x.odt"),
            "Fejl: Ugyldig værdi for '--format': 'odt' er ikke en af 'xlsx', 'docx', 'pdf'.",
        ),
        (("snapshot", "create"), "Fejl: Mangler argumentet 'NAVN'."),
        (("nope",), "Fejl: Kommandoen 'nope' findes ikke."),
        (("snapshot", "nope"), "Fejl: Kommandoen 'nope' findes ikke."),
        (("list-users", "--bogus"), "Fejl: Tilvalget '--bogus' findes ikke."),
        (("set-role", "bo", "admin", "mere"), "Fejl: Uventet ekstra argument (mere)"),
        (("export-changes", "--since"), "Fejl: Tilvalget '--since' skal have en værdi."),
        (("export-changes",), "Fejl: Mangler tilvalget '--since'."),
    ],
    ids=[
        "since",
        "date",
        "role",
        "format",
        "snapshot-name",
        "command",
        "subcommand",
        "option",
        "extra",
        "option-value",
        "required-option",
    ],
)
def test_bad_arguments_are_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert english_words(result.stderr) == []


# Click's own English (usage, headings, errors) that must never reach an operator.
CLI_ENGLISH = re.compile(
    r"\b(Usage|Options|Commands|Arguments|Show this message|Error|Try|Missing|Invalid|"
    r"No such|required|default|is not one of|Got unexpected|requires|Did you mean|Aborted)\b"
)


def english_words(text: str) -> list[str]:
    return CLI_ENGLISH.findall(text)


def test_the_cli_word_scan_finds_click_english() -> None:
    assert english_words("Usage: x\nError: No such command 'y'. Try 'x --help'") == [
        "Usage",
        "Error",
        "No such",
        "Try",
    ]


@pytest.mark.parametrize("path", ["", *[path for path, _ in COMMANDS]])
def test_no_help_page_has_english_words(path: str) -> None:
    result = run(*path.split(), "--help")
    assert result.exit_code == 0
    assert english_words(result.stdout) == []


@pytest.mark.parametrize("command", ["add-user", "reset-password"])
def test_a_password_is_never_taken_from_the_arguments(command: str, tmp_path: Path) -> None:
    args = ("x", "--role", "viewer", "--name", "X") if command == "add-user" else ("x",)
    result = run(command, *args, "--password", "hemmelig-kode-123")
    assert result.exit_code == 2
    assert "Tilvalget '--password' findes ikke." in result.stderr
    assert "--password" not in run(command, "--help").stdout
    assert not (tmp_path / "app.db").exists()  # refused before anything ran


# (setting, value, message): a bad setting is one Danish line, never a traceback.
BAD_SETTINGS = [
    (
        "DASHBOARD_BCRYPT_ROUNDS",
        "abc",
        "Indstillingen DASHBOARD_BCRYPT_ROUNDS (værdi: 'abc') skal være et helt tal.",
    ),
    (
        "DASHBOARD_TIME_ZONE",
        "Europe/Faxe",
        "Indstillingen DASHBOARD_TIME_ZONE (værdi: 'Europe/Faxe') er ikke en kendt tidszone "
        "(fx Europe/Copenhagen).",
    ),
    (
        "DATABASE_URL",
        "dashboard.db",
        "Indstillingen DATABASE_URL (værdi: 'dashboard.db') skal være en SQLAlchemy-URL, fx "
        "postgresql+psycopg://bruger@vært/database eller sqlite:////sti/til/dashboard.db.",
    ),
]


@pytest.mark.parametrize("command", ["list-users", "init-db"])
@pytest.mark.parametrize(
    ("setting", "value", "message"), BAD_SETTINGS, ids=[s for s, _, _ in BAD_SETTINGS]
)
def test_a_bad_setting_is_refused_in_danish(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
    setting: str,
    value: str,
    message: str,
) -> None:
    monkeypatch.setenv(setting, value)
    get_settings.cache_clear()
    result = run(command)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Fejl: {message}\n")
    assert not (tmp_path / "app.db").exists()


@pytest.mark.parametrize("command", ["list-users", "set-role hanna viewer", "init-db", "migrate"])
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_database_that_cannot_be_opened_is_one_danish_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str, command: str
) -> None:
    (tmp_path / "fil").write_text("")  # a file where the database's folder should be
    url = {
        "sqlite": f"sqlite:///{tmp_path / 'fil' / 'dashboard.db'}",
        "postgresql": "postgresql+psycopg://ingen:hemmelig@127.0.0.1:1/dashboard",  # no server
    }[backend]
    use_database(monkeypatch, url)
    result = run(*command.split())
    assert result.exit_code == 1
    if backend == "sqlite" and command == "list-users":  # a reader never gets that far
        assert result.stderr == NOT_CREATED_LINE
        return
    shown = url.replace(":hemmelig@", ":***@")
    assert result.stderr.startswith(f"Fejl: Databasen {shown} kan ikke åbnes: ")
    assert len(result.stderr.splitlines()) == 1
    assert "hemmelig" not in result.stderr


# --- reading commands never write --------------------------------------------------------

READING_COMMANDS = [
    ("list-users",),
    ("export-plan",),
    ("export-changes", "--since", "2025-01-01"),
    ("snapshot", "list"),
    ("export-report", "--format", "xlsx", "--out", "{out}"),
    ("export-slides", "--out", "{out}"),
    ("send-reminders", "--dry-run"),
]
READING_IDS = [" ".join(args[:2]).split(" --")[0] for args in READING_COMMANDS]


def with_public_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """The setting that `send-reminders --dry-run` needs for the links in the e-mails."""
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", PUBLIC_URL)
    get_settings.cache_clear()


def with_out(args: tuple[str, ...], out: Path) -> list[str]:
    return [str(out) if arg == "{out}" else arg for arg in args]


def test_list_users_on_a_missing_sqlite_file_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ny"
    use_database(monkeypatch, f"sqlite:///{folder / 'dashboard.db'}")
    result = run("list-users")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", NOT_CREATED_LINE)
    assert not folder.exists()  # neither the file nor its folder


def test_reading_commands_refuse_a_database_that_is_not_created(
    database: str, tmp_path: Path, subtests: pytest.Subtests, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_public_url(monkeypatch)
    path = sqlite_path(database)
    tables = set() if path else table_names(database)
    out = tmp_path / "ud.bin"
    for case, args in zip(READING_IDS, READING_COMMANDS, strict=True):
        with subtests.test(case):
            result = run(*with_out(args, out))
            assert (result.exit_code, result.stdout, result.stderr) == (1, "", NOT_CREATED_LINE)
            assert not out.exists()
            if path:
                assert not path.exists()
            else:
                assert table_names(database) == tables


def test_reading_commands_leave_the_database_as_it_was(
    ready: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_public_url(monkeypatch)
    assert add_user("hanna").exit_code == 0
    assert (
        run(
            "snapshot", "create", "Status BLU 29.9.2025", "--date", "2025-09-29", "--rekonstruktion"
        ).exit_code
        == 0
    )
    dispose_engines()  # every connection closed: SQLite has checkpointed its WAL
    path = sqlite_path(ready)
    watcher = sqlite3.connect(f"file:{path}?mode=ro", uri=True) if path else None
    before = contents(ready)
    seen = watcher.execute("PRAGMA data_version").fetchone() if watcher else None
    for args in READING_COMMANDS:
        result = run(*with_out(args, tmp_path / "ud.bin"))
        assert result.exit_code == 0, (args, result.stderr)
    dispose_engines()
    assert contents(ready) == before
    if watcher:  # SQLite counts commits by other connections: there were none
        assert watcher.execute("PRAGMA data_version").fetchone() == seen
        watcher.close()


UNKNOWN_REVISION = (
    "Fejl: Databasen er på revision 9999, som denne version af appen ikke kender (er den "
    "opdateret af en nyere version?). Appen ændrer ikke databasen; opdatér appen, eller "
    "gendan databasen fra en sikkerhedskopi.\n"
)


def test_a_reading_command_explains_a_schema_it_cannot_read(ready: str) -> None:
    execute(ready, "ALTER TABLE snapshot DROP COLUMN key_messages")
    # With the schema stamped current, a failing query is a bug: it is not dressed up.
    with pytest.raises((sa.exc.OperationalError, sa.exc.ProgrammingError)):
        run("snapshot", "list")
    execute(ready, "UPDATE alembic_version SET version_num = '9999'")
    result = run("snapshot", "list")
    assert (result.exit_code, result.stderr) == (1, UNKNOWN_REVISION)
    execute(ready, f"UPDATE alembic_version SET version_num = '{head_revision()}'")  # noqa: S608
    execute(ready, "DROP TABLE snapshot_action", "DROP TABLE snapshot")
    result = run("snapshot", "list")
    assert (result.exit_code, result.stderr) == (
        1,
        "Fejl: Databasen mangler tabellerne snapshot.\n",
    )


# --- the schema --------------------------------------------------------------------------


def test_init_db_twice_keeps_row_counts(database: str) -> None:
    first = run("init-db")
    dispose_engines()
    after_first = contents(database)
    second = run("init-db")
    dispose_engines()
    assert contents(database) == after_first
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert first.stdout.startswith("Databasen er klar: ")
    assert second.stdout == "Databasen er klar: 0 nye rækker, 0 opdaterede.\n"


def test_a_broken_plan_file_stops_init_db_with_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_path: Path) -> None:
        raise PlanFileError("plan.yaml, linje 3, kolonne 1: ugyldig YAML (mangler ':')")

    monkeypatch.setattr("models.bootstrap.load_plan_file", broken)
    result = run("init-db")
    assert (result.exit_code, result.stderr) == (
        2,
        "Fejl i planfilen: plan.yaml, linje 3, kolonne 1: ugyldig YAML (mangler ':')\n",
    )
    assert not (tmp_path / "app.db").exists()  # read before anything is changed


def test_migrate_creates_then_finds_the_schema_current(database: str) -> None:
    head = head_revision()
    assert run("migrate").stdout == f"Databasen er oprettet (revision {head}).\n"
    assert run("migrate").stdout == f"Databasen er allerede opdateret (revision {head}).\n"
    assert run("list-users").stdout == USERS_HEADER + "\n"


def test_a_database_from_before_migrations_is_read_but_written_only_after_migrate(
    database: str,
) -> None:
    engine = create_db_engine(database)
    create_schema(engine)  # what release 0 did: the tables, no alembic_version
    engine.dispose()
    assert run("list-users").stdout == USERS_HEADER + "\n"
    refused = add_user("hanna")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Fejl: Databasens skema er ikke opdateret: databasen er fra")
    assert refused.stderr.endswith(
        "Kør `python manage.py migrate` (eller sæt DASHBOARD_AUTO_MIGRATE=1).\n"
    )
    migrated = run("migrate")
    assert migrated.stdout.startswith("Eksisterende database genkendt og markeret som revision")
    assert add_user("hanna").stdout == "Brugeren hanna (admin) er oprettet.\n"


def test_export_plan(ready: str) -> None:
    result = run("export-plan")
    assert result.exit_code == 0
    exported = json.loads(result.stdout)
    assert [theme["code"] for theme in exported["themes"]] == list("ABCDEF")
    tracks = {t["code"]: t for theme in exported["themes"] for t in theme["tracks"]}
    assert {code: track["title"] for code, track in tracks.items()} == EXPECTED_TRACKS
    assert all(track["actions"] for track in tracks.values())
    plan = load_plan_file()
    expected = {
        a.code: (a.text, a.timeline)
        for theme in plan.themes
        for track in theme.tracks
        for a in track.actions
    }
    exported_actions = {
        a["code"]: (a["text"], a["timeline"]) for t in tracks.values() for a in t["actions"]
    }
    assert exported_actions == expected
    assert exported["plan"]["restoration_deadline"] == "2026-06-30"
    assert exported["plan"]["municipality"] == "Faxe Kommune"


# --- users -------------------------------------------------------------------------------


def test_user_management_from_the_command_line(database: str) -> None:
    code = run("setup-code")
    assert code.exit_code == 0
    assert len(code.stdout.strip()) >= 12
    assert run("setup-code").stdout == code.stdout  # the same until used

    added = run("add-user", "Hanna", "--role", "admin", "--name", "Hanna Levy", input=PASSWORD)
    assert (added.exit_code, added.stdout) == (0, "Brugeren hanna (admin) er oprettet.\n")
    assert run("add-user", "bo", "--role", "viewer", "--name", "Bo", input=PASSWORD).exit_code == 0
    assert run("set-role", "BO", "editor").stdout == "bo har nu rollen editor.\n"
    reset = run("reset-password", "bo", input="et-helt-nyt-kodeord\n")
    assert (reset.exit_code, reset.stdout) == (
        0,
        "Adgangskoden for bo er nulstillet; brugerens logins er afsluttet, "
        "og en eventuel spærring er ophævet.\n",
    )
    from sqlmodel import select

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        owned = session.exec(select(Action).where(Action.code.in_(["A.1.1", "C.1.2"]))).all()
        save_action_edits(
            session,
            actor=Actor.command_line(),
            edits=[ActionEdit(a.id, a.version, {"owner": "bo"}) for a in owned],
        )
    assert run("deactivate", "bo").stdout == (
        "bo er deaktiveret.\nbo ejer stadig 2 handlinger (A.1.1, C.1.2); giv dem en ny ejer.\n"
    )

    listing = run("list-users").stdout.splitlines()
    assert listing[0] == USERS_HEADER
    assert listing[1:] == ["bo,Bo,,editor,nej,", "hanna,Hanna Levy,,admin,ja,"]

    used = run("setup-code")
    assert used.exit_code == 1
    assert "opsætningskoden er brugt" in used.stderr


def test_unlock_lifts_the_throttle_and_is_audited(ready: str) -> None:
    from sqlmodel import select

    from models.auth.login import LoginEvent, LoginOutcome, attempt_login
    from models.core.db import get_engine, session_scope

    assert add_user("bo", "editor").exit_code == 0
    assert run("unlock", "bo").stdout == "bo var ikke spærret.\n"
    for _ in range(5):
        with session_scope(get_engine(), write=True) as session:
            attempt_login(session, username="bo", password="forkert-kodeord", client="10.1.1.1")
    with session_scope(get_engine(), write=True) as session:
        refused = attempt_login(
            session, username="bo", password=PASSWORD.strip(), client="10.1.1.1"
        )
    assert refused.outcome == LoginOutcome.refused_locked
    assert run("unlock", "BO").stdout == "Spærringen af bo er ophævet.\n"
    with session_scope(get_engine(), write=True) as session:
        assert attempt_login(
            session, username="bo", password=PASSWORD.strip(), client="10.1.1.1"
        ).ok
        unlocked = session.exec(
            select(LoginEvent).where(LoginEvent.outcome == LoginOutcome.unlocked)
        ).all()
    assert [(e.username, e.actor) for e in unlocked] == [("bo", "system"), ("bo", "system")]
    missing = run("unlock", "nemo")
    assert (missing.exit_code, missing.stderr) == (1, "Fejl: Brugeren 'nemo' findes ikke.\n")


# (case, command, stdin, acting user or None for the operator, the one line on stderr)
REFUSALS = [
    (
        "short-password",
        ("add-user", "x1", "--role", "viewer", "--name", "X"),
        "kort\n",
        None,
        "Fejl: Adgangskoden skal være mindst 12 tegn (den er 4).",
    ),
    (
        "last-admin",
        ("deactivate", "hanna"),
        "",
        None,
        "Fejl: Den sidste aktive administrator kan ikke deaktiveres.",
    ),
    (
        "last-admin-role",
        ("set-role", "hanna", "viewer"),
        "",
        None,
        "Fejl: Den sidste aktive administrator kan ikke få en anden rolle.",
    ),
    (
        "unknown-user",
        ("set-role", "ukendt", "viewer"),
        "",
        None,
        "Fejl: Brugeren 'ukendt' findes ikke.",
    ),
    (
        "name-taken",
        ("add-user", "HANNA", "--role", "viewer", "--name", "H"),
        PASSWORD,
        None,
        "Fejl: Brugernavnet 'hanna' er allerede i brug.",
    ),
    (
        "no-such-snapshot",
        ("snapshot", "delete", "Findes ikke", "--grund", "Oprettet ved en fejl"),
        "",
        None,
        "Fejl: Statusrapporten 'Findes ikke' findes ikke.",
    ),
    (
        "permission-denied",
        ("remove-demo",),
        "",
        Actor("vera", Role.viewer),
        "Fejl: Du har ikke adgang til at gøre dette (rolle: Læser (styregruppe)).",
    ),
]


def test_refused_commands_say_why_in_danish(
    ready: str, monkeypatch: pytest.MonkeyPatch, subtests: pytest.Subtests
) -> None:
    """Each refusal is one Danish line on stderr and exit code 1, and changes nothing.

    One database for the whole table (a refusal leaves it as it was, which is checked too)."""
    assert add_user("hanna").exit_code == 0
    assert add_user("vera", role="viewer").exit_code == 0
    dispose_engines()
    before = contents(ready)
    for case, args, stdin, actor, message in REFUSALS:
        with subtests.test(case), monkeypatch.context() as patch:
            if actor is not None:
                patch.setattr(manage, "operator", lambda actor=actor: actor)
            result = run(*args, input=stdin)
            assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")
    dispose_engines()
    assert contents(ready) == before


TYPED = "korrekt-hest-batteri"


@pytest.mark.parametrize(
    ("typed", "exit_code", "stdout", "last_line"),
    [
        ((TYPED, TYPED), 0, "Brugeren eva (viewer) er oprettet.\n", "Gentag adgangskode: "),
        ((TYPED, TYPED + "!"), 1, "", "Fejl: De to adgangskoder er ikke ens."),
    ],
    ids=["the-same-twice", "two-different"],
)
@only_sqlite
def test_a_password_from_the_terminal_is_asked_twice_and_not_shown(
    ready: str,
    monkeypatch: pytest.MonkeyPatch,
    typed: tuple[str, str],
    exit_code: int,
    stdout: str,
    last_line: str,
) -> None:
    monkeypatch.setattr(manage, "stdin_is_terminal", lambda: True)
    result = run("add-user", "eva", "--role", "viewer", "--name", "Eva", input="\n".join(typed))
    assert (result.exit_code, result.stdout) == (exit_code, stdout)
    assert result.stderr.startswith("Adgangskode: ")
    assert result.stderr.rstrip("\n").splitlines()[-1].endswith(last_line)
    assert TYPED not in result.output


# --- cases -------------------------------------------------------------------------------


def test_case_import_and_demo_data_from_the_command_line(ready: str, tmp_path: Path) -> None:
    bad = tmp_path / "fejl.csv"
    bad.write_bytes(
        "Sagsreference;Team;Spor;Gennemgået\nS-1;Ungeteamet;A.1;30-02-2025\n".encode("cp1252")
    )
    refused = run("import-cases", str(bad))
    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        "fejl.csv, linje 2, kolonne Team: ukendt team 'Ungeteamet' "
        "(tilladt: Børn og Unge, Handicap, Modtagelsen)",
        "fejl.csv, linje 2, kolonne Gennemgået: '30-02-2025' er ikke en gyldig dato "
        "(brug dd-mm-åååå, dd.mm.åååå eller åååå-mm-dd)",
        "Intet er indlæst: 2 fejl.",
    ]
    good = tmp_path / "sager.csv"
    good.write_text("Sagsreference;Team;Spor\nS-1;Handicap;C.1\n", encoding="utf-8-sig")
    assert run("import-cases", str(good)).stdout == (
        "Indlæst: 1 nye, 0 ændrede, 0 uændrede sager (0 sagsskridt).\n"
    )
    assert run("seed-demo").stdout.startswith("400 demosager er indlæst")
    assert run("remove-demo").stdout == "400 demosager er fjernet.\n"
    missing = run("import-cases", str(tmp_path / "findes-ikke.csv"))
    assert (missing.exit_code, missing.stderr) == (
        1,
        f"Fejl: Filen {tmp_path / 'findes-ikke.csv'} findes ikke.\n",
    )


# --- status reports and slides -----------------------------------------------------------


def test_status_reports_from_the_command_line(ready: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    created = run(
        "snapshot", "create", "Status  BLU 29.9.2025", "--date", "2025-09-29", "--rekonstruktion"
    )
    assert created.stdout == "Statusrapporten «Status BLU 29.9.2025» er oprettet.\n"
    assert run("snapshot", "list").stdout == "29-09-2025\tStatus BLU 29.9.2025\n"
    out = tmp_path / "bilag.xlsx"
    result = run("export-report", *REPORT, "--format", "xlsx", "--out", str(out))
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Sammenligning" in load_workbook(out).sheetnames
    missing = run("export-report", "--snapshot", "Findes ikke", "--format", "pdf", "--out", "x.pdf")
    assert (missing.exit_code, missing.stderr) == (
        1,
        "Fejl: Statusrapporten 'Findes ikke' findes ikke.\n",
    )
    deleted = run("snapshot", "delete", "Status BLU 29.9.2025", "--grund", "Prøvekørsel")
    assert (deleted.exit_code, deleted.stdout) == (
        0,
        "Statusrapporten «Status BLU 29.9.2025» er slettet.\n",
    )
    assert run("snapshot", "list").stdout == ""


REPORT = ("--snapshot", "Status BLU 29.9.2025", "--compare", "Status BLU 29.9.2025")


@only_sqlite
def test_report_files_from_the_command_line(ready: str, tmp_path: Path) -> None:
    """Every format once; the files do not depend on the backend (both are read above)."""
    from docx import Document
    from openpyxl import load_workbook

    assert (
        run(
            "snapshot", "create", "Status BLU 29.9.2025", "--date", "2025-09-29", "--rekonstruktion"
        ).exit_code
        == 0
    )
    for fmt in ("xlsx", "docx", "pdf"):
        out = tmp_path / f"bilag.{fmt}"
        result = run("export-report", *REPORT, "--format", fmt, "--out", str(out))
        assert (result.exit_code, result.stderr) == (0, "")
        assert result.stdout.startswith(f"{out} er skrevet (")
    assert "Sammenligning" in load_workbook(tmp_path / "bilag.xlsx").sheetnames
    paragraphs = Document(str(tmp_path / "bilag.docx")).paragraphs
    assert [p.text for p in paragraphs[:2]] == ["Bilag", "Status BLU 29.9.2025"]
    assert (tmp_path / "bilag.pdf").read_bytes().startswith(b"%PDF")


@only_sqlite
def test_export_slides_from_the_command_line(ready: str, tmp_path: Path) -> None:
    """The slides once (on PostgreSQL, export-slides runs in the test that nothing is written)."""
    from pptx import Presentation

    out = tmp_path / "borgermoede.pptx"
    result = run("export-slides", "--out", str(out))
    assert (result.exit_code, result.stderr) == (0, "")
    count = len(Presentation(str(out)).slides)  # 7, and continuations of long text slides
    assert count >= 7
    assert result.stdout.endswith(f"{count} dias).\n")


# --- reminder e-mails -----------------------------------------------------------------------


def own_actions(username: str, *codes: str) -> None:
    """Make `username` the owner of `codes`, through the real write path, as an editor."""
    from sqlmodel import select

    from models.core.db import get_engine, session_scope
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        actions = session.exec(select(Action).where(Action.code.in_(codes))).all()  # type: ignore[attr-defined]
        edits = [ActionEdit(a.id or 0, a.version, {"owner": username}) for a in actions]
        save_action_edits(session, actor=Actor(username, Role.editor), edits=edits)


def attention_count() -> int:
    """How many actions need attention today (what the steering group's summary lists)."""
    from models.core.db import get_engine, session_scope
    from models.core.time import today_local
    from models.plan.overview import needs_attention
    from models.plan.queries import get_themes

    with session_scope(get_engine()) as session:
        return len(needs_attention(get_themes(session), today_local()))


def add_people() -> None:
    for username, role in (("erik", "editor"), ("vera", "viewer")):
        args = ("add-user", username, "--role", role, "--name", username.title())
        assert run(*args, "--email", f"{username}@faxe.dk", input=PASSWORD).exit_code == 0
    own_actions("erik", "A.1.1", "A.1.2")  # overdue since 2024


def test_send_reminders_from_the_command_line(
    ready: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dry run sends and logs nothing; a run sends one e-mail of each kind to each person
    (through STARTTLS with a login) and logs it; a second run that day sends nothing. The
    SMTP password appears in no output."""
    add_people()
    summary = f"styregruppens overblik ({attention_count()} handlinger)"
    with smtp_server(tmp_path, tls="starttls", login=True) as (server, ca_file):
        configure_mail(monkeypatch, server, ca_file)
        dispose_engines()
        before = contents(ready)

        dry = run("send-reminders", "--dry-run")
        dispose_engines()
        assert contents(ready) == before
        assert len(server.inbox) == 0
        sent = run("send-reminders")
        again = run("send-reminders")

    assert (dry.exit_code, dry.stderr) == (0, "")
    assert dry.stdout.splitlines() == [
        "Ville sende til erik <erik@faxe.dk>: påmindelse om egne handlinger (2 handlinger).",
        f"Ville sende til vera <vera@faxe.dk>: {summary}.",
        "Prøvekørsel: 2 e-mails ville blive sendt; intet er sendt eller logget.",
    ]
    assert (sent.exit_code, sent.stderr) == (0, "")
    assert sent.stdout.splitlines() == [
        "Sendt til erik <erik@faxe.dk>: påmindelse om egne handlinger (2 handlinger).",
        f"Sendt til vera <vera@faxe.dk>: {summary}.",
        "2 e-mails sendt, 0 allerede sendt i dag.",
    ]
    assert sorted(rcpt for mail in server.inbox.received for rcpt in mail.rcpt_tos) == [
        "erik@faxe.dk",
        "vera@faxe.dk",
    ]
    assert again.stdout.splitlines() == [
        "Allerede sendt i dag til erik <erik@faxe.dk>: påmindelse om egne handlinger; "
        "sendes ikke igen.",
        "Allerede sendt i dag til vera <vera@faxe.dk>: styregruppens overblik; sendes ikke igen.",
        "0 e-mails sendt, 2 allerede sendt i dag.",
    ]
    assert len(server.inbox) == 2
    logged = contents(ready)["reminder_log"]
    assert len(logged) == 2
    for result in (dry, sent, again):
        assert SMTP_PASSWORD not in result.output


# (case, extra settings, the one line on stderr): refused before the database is touched.
REMINDER_REFUSALS = [
    (
        "no-server",
        {"DASHBOARD_PUBLIC_URL": PUBLIC_URL},
        "Fejl: Indstillingen DASHBOARD_SMTP_HOST er ikke sat: der er ingen SMTP-server at sende "
        "påmindelserne med. Sæt den (og DASHBOARD_MAIL_FROM), eller se hvad der ville blive "
        "sendt, med --dry-run.",
    ),
    (
        "no-sender",
        {"DASHBOARD_SMTP_HOST": "smtp.faxe.dk", "DASHBOARD_PUBLIC_URL": PUBLIC_URL},
        "Fejl: Indstillingen DASHBOARD_MAIL_FROM er ikke sat: påmindelserne skal have en "
        "afsender, fx Genopretningsplanen <dashboard@faxe.dk>.",
    ),
    (
        "no-public-url",
        {
            "DASHBOARD_SMTP_HOST": "smtp.faxe.dk",
            "DASHBOARD_MAIL_FROM": "dashboard@faxe.dk",
            "DASHBOARD_SMTP_USERNAME": "dashboard",
        },
        "Fejl: Indstillingen DASHBOARD_PUBLIC_URL er ikke sat: e-mailene linker til "
        "dashboardet, så appens adresse skal angives (fx https://dashboard.faxe.dk).",
    ),
    (
        "password-in-the-clear",
        {
            "DASHBOARD_SMTP_HOST": "smtp.faxe.dk",
            "DASHBOARD_MAIL_FROM": "dashboard@faxe.dk",
            "DASHBOARD_SMTP_TLS": "none",
            "DASHBOARD_SMTP_USERNAME": "dashboard",
        },
        "Fejl: Indstillingen DASHBOARD_SMTP_TLS er none, men DASHBOARD_SMTP_USERNAME er sat: "
        "adgangskoden sendes aldrig ukrypteret. Brug starttls eller ssl.",
    ),
    (
        "password-without-user",
        {"DASHBOARD_SMTP_HOST": "smtp.faxe.dk", "DASHBOARD_MAIL_FROM": "dashboard@faxe.dk"},
        "Fejl: Indstillingen DASHBOARD_SMTP_USERNAME er ikke sat, men DASHBOARD_SMTP_PASSWORD er.",
    ),
]


@pytest.mark.parametrize(
    ("case", "settings", "message"), REMINDER_REFUSALS, ids=[c for c, _, _ in REMINDER_REFUSALS]
)
def test_send_reminders_refuses_settings_that_cannot_send(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    settings: dict[str, str],
    message: str,
) -> None:
    monkeypatch.setenv("DASHBOARD_SMTP_PASSWORD", SMTP_PASSWORD)
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    result = run("send-reminders")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")
    assert SMTP_PASSWORD not in result.output
    assert not (tmp_path / "app.db").exists()  # refused before the database was created


@only_sqlite
def test_a_dry_run_needs_no_smtp_server(ready: str, monkeypatch: pytest.MonkeyPatch) -> None:
    add_people()
    with_public_url(monkeypatch)
    result = run("send-reminders", "--dry-run")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-1] == (
        "Prøvekørsel: 2 e-mails ville blive sendt; intet er sendt eller logget."
    )


# --- the real entry point ----------------------------------------------------------------


def imported(importtime: str) -> set[str]:
    """The top-level packages named in `python -X importtime` output."""
    names = (line.rsplit("|", 1)[-1].strip() for line in importtime.splitlines() if "|" in line)
    return {name.split(".")[0] for name in names}


@only_sqlite
def test_manage_runs_as_a_script_and_honours_database_url(ready: str) -> None:
    """The one subprocess test: the script starts, speaks Danish, reads DATABASE_URL (the user
    it lists exists only there) and keeps heavy libraries out of a quick command."""
    assert add_user("skriptet").exit_code == 0

    def script(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-X", "importtime", "manage.py", *args],
            cwd=PROJECT_ROOT,
            env={**os.environ},
            capture_output=True,
            text=True,
            check=True,
        )

    shown = script("--help")
    assert shown.stdout.startswith("Brug: manage.py [TILVALG] KOMMANDO [ARGUMENTER]...\n")
    assert "  list-users      List brugere som CSV.\n" in shown.stdout
    assert "models" not in imported(shown.stderr)
    listed = script("list-users")
    assert listed.stdout == f"{USERS_HEADER}\nskriptet,Skriptet,,admin,ja,\n"
    assert imported(listed.stderr).isdisjoint(HEAVY_MODULES)
