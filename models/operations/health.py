"""Health and configuration checks for operators: `manage.py healthcheck` and `check-config`.

`healthcheck` is what a container HEALTHCHECK or a systemd unit runs: the database answers,
its schema is at the newest revision, the data directory is writable. `check-config` explains
a setting that will not work (a relative or unknown database URL, a cookie key that cannot be
read, a missing font for the PDF reports) before users meet it. Every message is Danish.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from models.auth.signing_key import WeakKeyError, check_key
from models.bootstrap import SchemaStatus, schema_state
from models.core.settings import SECRETS_FILE, Settings

PDF_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class Check:
    """One check: its name, whether it holds, and a Danish sentence saying what was found."""

    name: str
    ok: bool
    detail: str

    @property
    def line(self) -> str:
        return f"{'OK ' if self.ok else 'FEJL'} {self.name}: {self.detail}"


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def check_database(engine: Engine) -> Check:
    database = engine.url.database
    on_disk = engine.dialect.name == "sqlite" and database and database != ":memory:"
    if on_disk and not Path(database).is_file():  # connecting would create an empty file
        return Check("database", False, f"SQLite-filen {database} findes ikke")
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except sa.exc.DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
        return Check("database", False, f"{_where(engine)} svarer ikke: {reason}")
    return Check("database", True, f"{_where(engine)} svarer")


def check_schema(engine: Engine) -> Check:
    try:
        state = schema_state(engine)
    except sa.exc.DBAPIError:
        return Check("skema", False, "kan ikke læses, fordi databasen ikke svarer")
    if state.status is SchemaStatus.current:
        return Check("skema", True, f"revision {state.revision} (den nyeste)")
    if state.status is SchemaStatus.empty:
        return Check("skema", False, "databasen er tom; kør `python manage.py init-db`")
    if state.status is SchemaStatus.unknown:
        return Check("skema", False, state.problem)
    return Check("skema", False, state.out_of_date_message())


def check_data_dir(directory: Path) -> Check:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".health-") as handle:
            handle.write(b"ok")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        return Check("datamappe", False, f"{directory} kan ikke skrives ({error.strerror})")
    return Check("datamappe", True, f"{directory} kan skrives")


def health_checks(engine: Engine, settings: Settings) -> list[Check]:
    """What a running instance needs; the schema is only asked when the database answers."""
    database = check_database(engine)
    checks = [database]
    if database.ok:
        checks.append(check_schema(engine))
    checks.append(check_data_dir(settings.data_dir))
    return checks


def check_database_url(settings: Settings) -> Check:
    url = settings.sqlalchemy_url
    try:
        parsed = sa.engine.make_url(url)
        parsed.get_dialect()
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as error:
        return Check("DATABASE_URL", False, f"kan ikke bruges: {error}")
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite":
        return Check(
            "DATABASE_URL",
            True,
            f"SQLite-filen {parsed.database} (kun én server, lokal disk; aldrig et netværksdrev)",
        )
    if parsed.get_backend_name() != "postgresql":
        return Check("DATABASE_URL", False, f"{shown}: kun SQLite og PostgreSQL understøttes")
    return Check("DATABASE_URL", True, shown)


def check_cookie_key(settings: Settings) -> Check:
    if settings.cookie_key is not None and settings.cookie_key.get_secret_value():
        try:
            check_key(settings.cookie_key.get_secret_value(), "indstillingen")
        except WeakKeyError as error:
            return Check("cookie-nøgle", False, str(error))
        return Check("cookie-nøgle", True, "sat i indstillingerne (delt af alle instanser)")
    key_file = settings.cookie_key_file
    if key_file.exists():
        try:
            check_key(key_file.read_text(encoding="utf-8").strip(), str(key_file))
        except OSError as error:
            return Check("cookie-nøgle", False, f"{key_file} kan ikke læses ({error.strerror})")
        except WeakKeyError as error:
            return Check("cookie-nøgle", False, str(error))
        return Check(
            "cookie-nøgle", True, f"{key_file} (genereret; gælder kun denne server, tag backup)"
        )
    return Check(
        "cookie-nøgle",
        True,
        f"ingen endnu; appen laver {key_file} ved første start (kun til én server)",
    )


def check_font(font: Path = PDF_FONT) -> Check:
    if font.exists():
        return Check("skrifttype", True, f"{font} (danske tegn i PDF-rapporter)")
    return Check(
        "skrifttype",
        False,
        f"{font} mangler; PDF-rapporter kan ikke vise alle tegn. Installér fonts-dejavu-core.",
    )


def shared_secret_problems(settings: Settings, *, streamlit_secret_set: bool) -> list[str]:
    """With several instances, what is not shared (Danish); empty when all is configured.

    `streamlit_secret_set`: whether Streamlit's `server.cookieSecret` was set by the operator
    (else each process makes its own, and a session cannot move between instances)."""
    if not settings.multi_instance:
        return []
    problems = []
    if settings.cookie_key is None or not settings.cookie_key.get_secret_value():
        problems.append(
            "DASHBOARD_MULTI_INSTANCE er slået til, men cookie-nøglen er ikke sat: sæt "
            "DASHBOARD_COOKIE_KEY (samme værdi på alle instanser); en genereret nøgle gælder "
            "kun én server."
        )
    if not settings.sqlalchemy_url.startswith("postgresql"):
        problems.append(
            "DASHBOARD_MULTI_INSTANCE kræver PostgreSQL (DATABASE_URL); SQLite er til én server."
        )
    if not streamlit_secret_set:
        problems.append(
            "DASHBOARD_MULTI_INSTANCE er slået til, men Streamlits server.cookieSecret er ikke "
            "sat: sæt STREAMLIT_SERVER_COOKIE_SECRET (samme værdi på alle instanser)."
        )
    return problems


def config_checks(
    settings: Settings, *, font: Path = PDF_FONT, streamlit_secret_set: bool = False
) -> list[Check]:
    """Settings that will not work, explained (the database is not opened)."""
    checks = [check_database_url(settings), check_cookie_key(settings), check_font(font)]
    checks += [
        Check("flere instanser", False, problem)
        for problem in shared_secret_problems(settings, streamlit_secret_set=streamlit_secret_set)
    ]
    if SECRETS_FILE.exists() and not os.access(SECRETS_FILE, os.R_OK):
        checks.append(Check("secrets.toml", False, f"{SECRETS_FILE} kan ikke læses"))
    return checks
