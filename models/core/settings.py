"""One settings object for the whole app, read once from the environment and secrets.toml.

Every module asks `get_settings()`; nothing else reads `os.environ`. A value that would make
the app unsafe or wrong (a known sample key, too few bcrypt rounds, an unknown time zone) is
refused with a Danish message that names the setting, as the operator typed it.

Sources, strongest first: `.streamlit/secrets.toml` (only `cookie_key` and
`cookie_expiry_days`), then environment variables (`DATABASE_URL`, `DASHBOARD_…`), then the
defaults below, which are safe for a first start on a laptop.
"""

from __future__ import annotations

import enum
import functools
import ipaddress
import zoneinfo
from email.utils import parseaddr
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from models.core.errors import DomainError

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = PROJECT_ROOT / "data"  # the files the app ships with: plan.yaml and friends
SECRETS_FILE = PROJECT_ROOT / ".streamlit" / "secrets.toml"
ENV_PREFIX = "DASHBOARD_"

# The environment variable an operator sets for each field (for messages and the README).
ENV_NAMES = {
    "database_url": "DATABASE_URL",
    "data_dir": "DASHBOARD_DATA_DIR",
    "cookie_key": "DASHBOARD_COOKIE_KEY",
    "cookie_expiry_days": "DASHBOARD_COOKIE_EXPIRY_DAYS",
    "cookie_secure": "DASHBOARD_COOKIE_SECURE",
    "trusted_proxies": "DASHBOARD_TRUSTED_PROXIES",
    "bcrypt_rounds": "DASHBOARD_BCRYPT_ROUNDS",
    "max_upload_mb": "DASHBOARD_MAX_UPLOAD_MB",
    "time_zone": "DASHBOARD_TIME_ZONE",
    "auto_migrate": "DASHBOARD_AUTO_MIGRATE",
    "freshness_days": "DASHBOARD_FRESHNESS_DAYS",
    "smtp_host": "DASHBOARD_SMTP_HOST",
    "smtp_port": "DASHBOARD_SMTP_PORT",
    "smtp_tls": "DASHBOARD_SMTP_TLS",
    "smtp_username": "DASHBOARD_SMTP_USERNAME",
    "smtp_password": "DASHBOARD_SMTP_PASSWORD",
    "mail_from": "DASHBOARD_MAIL_FROM",
    "public_url": "DASHBOARD_PUBLIC_URL",
    "backup_dir": "DASHBOARD_BACKUP_DIR",
    "backup_keep_daily": "DASHBOARD_BACKUP_KEEP_DAILY",
    "backup_keep_weekly": "DASHBOARD_BACKUP_KEEP_WEEKLY",
    "app_commit": "DASHBOARD_APP_COMMIT",
    "multi_instance": "DASHBOARD_MULTI_INSTANCE",
    "log_retention_days": "DASHBOARD_LOG_RETENTION_DAYS",
}
SECRET_FIELDS = frozenset({"cookie_key", "smtp_password"})
"""Fields whose value is never shown, not even in an error message."""


TYPE_REASONS = {
    "int_parsing": "skal være et helt tal",
    "float_parsing": "skal være et tal",
    "bool_parsing": "skal være true eller false",
}


class SettingsError(DomainError):
    """A setting that cannot be used; the message names it and says why, in Danish."""


class SmtpTls(enum.StrEnum):
    """How the connection to the SMTP server is encrypted."""

    starttls = "starttls"  # plain connection, upgraded with STARTTLS (port 587)
    ssl = "ssl"  # TLS from the first byte (SMTPS, port 465)
    none = "none"  # unencrypted (only for a relay on the same machine or network)


class _SecretsToml(TomlConfigSettingsSource):
    """The two login settings that may live in Streamlit's secrets.toml, beside `[auth]`."""

    KEYS = ("cookie_key", "cookie_expiry_days")

    def __call__(self) -> dict[str, Any]:
        return {key: value for key, value in super().__call__().items() if key in self.KEYS}


def _sqlite_path_is_absolute(url: str) -> bool:
    """True for a SQLite URL with an absolute file path, a file: URI or an in-memory database."""
    rest = url.split("://", 1)[1]
    if rest == "" or rest.startswith("?"):
        return True  # sqlite:// is an in-memory database
    if not rest.startswith("/"):
        return False  # sqlite://host/… is not a file
    path = rest[1:].split("?", 1)[0]
    return path in ("", ":memory:") or path.startswith("/") or "uri=true" in url


def _loose_network(text: str) -> str | None:
    """`10.0.0.5/8` read as the network it lies in (`10.0.0.0/8`), else None."""
    try:
        return str(ipaddress.ip_network(text, strict=False))
    except ValueError:
        return None


class Settings(BaseSettings):
    """Everything an operator may configure. Immutable once read."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, extra="ignore", frozen=True, validate_default=True
    )

    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "database_url")
    )
    """SQLAlchemy URL; empty means a SQLite file in `data_dir`."""
    data_dir: Path = CONTENT_DIR
    """Where the app keeps what it makes at run time: the SQLite file and the cookie key."""
    cookie_key: SecretStr | None = None
    """The key that signs login cookies; empty means generate one in `data_dir`."""
    cookie_expiry_days: float = 1.0
    cookie_secure: bool = False
    """Mark the login cookie Secure even when the app itself sees plain HTTP (behind a proxy
    that terminates TLS). A request that arrives over HTTPS, or through a trusted proxy that
    says `X-Forwarded-Proto: https`, always gets a Secure cookie."""
    trusted_proxies: Annotated[
        tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...], NoDecode
    ] = ()
    """The reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed
    (addresses or networks, comma-separated). Empty: none but a proxy on the same host, which
    Streamlit's server (uvicorn) already resolves for 127.0.0.1 and ::1."""
    bcrypt_rounds: int = 12
    max_upload_mb: int = 30
    time_zone: str = "Europe/Copenhagen"
    freshness_days: int = 30
    """An action is *ikke bekræftet* when nobody has updated or confirmed it for this many days
    (recurring work: its own rhythm)."""
    auto_migrate: bool = False
    """Upgrade the schema when the app starts (else it refuses an out-of-date schema)."""
    multi_instance: bool = False
    """Several app processes share the database (behind a proxy): every secret they must share
    has to be configured, none generated (the app refuses to start otherwise)."""
    smtp_host: str | None = None
    """The SMTP server for the reminder e-mails; empty means none (send-reminders refuses)."""
    smtp_port: int = 587
    smtp_tls: SmtpTls = SmtpTls.starttls
    smtp_username: str | None = None
    """Log in to the SMTP server as this user (empty: no login)."""
    smtp_password: SecretStr | None = None
    mail_from: str | None = None
    """The sender of the reminder e-mails, e.g. `Genopretningsplanen <dashboard@faxe.dk>`."""
    public_url: str | None = None
    """The app's address as users open it, for links in e-mails (e.g. https://dashboard.faxe.dk)."""
    backup_dir: Path | None = None
    """Where `manage.py backup` writes; empty means `backups/` in `data_dir`."""
    backup_keep_daily: int = 7
    """Rotation: keep the newest backup of each of this many most recent days …"""
    backup_keep_weekly: int = 8
    """… and of this many most recent ISO weeks (the newest backup is always kept)."""
    log_retention_days: int = 365
    """`manage.py prune-logs` deletes login events and reminder logs older than this."""
    app_commit: str | None = None
    """The app's version for backup manifests (set when building an image; else git's HEAD)."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        secrets = _SecretsToml(settings_cls, toml_file=SECRETS_FILE)
        return (init_settings, secrets, env_settings)

    @field_validator("database_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        value = (value or "").strip()
        if not value:
            return None
        if "://" not in value:
            raise ValueError(
                "skal være en SQLAlchemy-URL, fx postgresql+psycopg://bruger@vært/database "
                "eller sqlite:////sti/til/dashboard.db"
            )
        if value.startswith("sqlite") and not _sqlite_path_is_absolute(value):
            raise ValueError(
                "peger på en relativ SQLite-sti, der afhænger af mappen, appen startes fra (en "
                "anden mappe giver stille en ny, tom database); brug en absolut sti med fire "
                "skråstreger, fx sqlite:////var/lib/dashboard/dashboard.db"
            )
        return value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxies(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        networks = []
        for item in (part.strip() for part in value.split(",")):
            if not item:
                continue
            try:
                network = ipaddress.ip_network(item)
            except ValueError:
                loose = _loose_network(item)
                if loose is not None:
                    raise ValueError(
                        f"indeholder {item}, der ikke er et netværks første adresse; skriv "
                        f"netværket som {loose}"
                    ) from None
                raise ValueError(
                    f"skal være IP-adresser eller netværk adskilt af komma, fx "
                    f"10.0.0.5,172.18.0.0/16 ({item!r} er ingen af delene)"
                ) from None
            if network.prefixlen == 0:
                raise ValueError(
                    f"stoler på alle adresser ({item}), så enhver klient kunne vælge sin egen "
                    "adresse; angiv kun proxyernes adresser"
                )
            networks.append(network)
        return tuple(networks)

    @field_validator("cookie_expiry_days")
    @classmethod
    def _days(cls, value: float) -> float:
        if not 0 < value <= 30:
            raise ValueError("skal være mellem 0 og 30 dage")
        return value

    @field_validator("bcrypt_rounds")
    @classmethod
    def _rounds(cls, value: int) -> int:
        # 4 is bcrypt's minimum (the test suite uses it); production keeps the default 12.
        if not 4 <= value <= 16:
            raise ValueError("skal være mellem 4 og 16 (standard 12)")
        return value

    @field_validator("freshness_days")
    @classmethod
    def _freshness(cls, value: int) -> int:
        if not 1 <= value <= 365:
            raise ValueError("skal være mellem 1 og 365 dage")
        return value

    @field_validator("log_retention_days")
    @classmethod
    def _retention(cls, value: int) -> int:
        if not 30 <= value <= 3650:
            raise ValueError("skal være mellem 30 og 3650 dage")
        return value

    @field_validator("backup_keep_daily", "backup_keep_weekly")
    @classmethod
    def _keep(cls, value: int) -> int:
        if not 0 <= value <= 1000:
            raise ValueError("skal være mellem 0 og 1000")
        return value

    @field_validator("smtp_host", "smtp_username", "app_commit", mode="before")
    @classmethod
    def _optional_text(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip() or None
        return value

    @field_validator("smtp_password", mode="before")
    @classmethod
    def _optional_secret(cls, value: object) -> object:
        return None if isinstance(value, str) and not value else value

    @field_validator("smtp_port")
    @classmethod
    def _port(cls, value: int) -> int:
        if not 1 <= value <= 65535:
            raise ValueError("skal være et portnummer mellem 1 og 65535 (standard 587)")
        return value

    @field_validator("smtp_tls", mode="before")
    @classmethod
    def _tls(cls, value: object) -> object:
        text = str(value).strip().casefold()
        if text not in {choice.value for choice in SmtpTls}:
            raise ValueError("skal være starttls, ssl eller none")
        return text

    @field_validator("mail_from", mode="before")
    @classmethod
    def _sender(cls, value: object) -> object:
        if value is None:
            return None
        text = str(value).strip()
        if not text:
            return None
        _name, address = parseaddr(text)
        local, _, domain = address.rpartition("@")
        if not local or "." not in domain or any(c.isspace() for c in address):
            raise ValueError(
                "skal være en e-mailadresse, fx dashboard@faxe.dk eller "
                "Genopretningsplanen <dashboard@faxe.dk>"
            )
        return text

    @field_validator("public_url", mode="before")
    @classmethod
    def _public_url(cls, value: object) -> object:
        if value is None:
            return None
        text = str(value).strip().rstrip("/")
        if not text:
            return None
        scheme, _, rest = text.partition("://")
        if (
            scheme.casefold() not in ("http", "https")
            or not rest
            or any(c.isspace() or c in '"<>?#' for c in rest)
        ):
            raise ValueError(
                "skal være appens adresse med http:// eller https://, fx https://dashboard.faxe.dk"
            )
        return text

    @field_validator("max_upload_mb")
    @classmethod
    def _upload(cls, value: int) -> int:
        if not 1 <= value <= 200:
            raise ValueError("skal være mellem 1 og 200 MB")
        return value

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError("er ikke en kendt tidszone (fx Europe/Copenhagen)") from None
        return value

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL in force: the configured one, else the SQLite file in data_dir."""
        return self.database_url or f"sqlite:///{self.data_dir / 'dashboard.db'}"

    @property
    def backup_directory(self) -> Path:
        return self.backup_dir or self.data_dir / "backups"

    @property
    def cookie_key_file(self) -> Path:
        return self.data_dir / "cookie.key"

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


def content_path(name: str) -> Path:
    """A file the app ships with in `data/` (plan.yaml, indicators.yaml, …)."""
    return CONTENT_DIR / name


def _danish(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "?"
        name = ENV_NAMES.get(field, field)
        reason = (
            item["ctx"]["error"]
            if "error" in item.get("ctx", {})
            else TYPE_REASONS.get(item["type"], "kan ikke læses")
        )
        value = item.get("input")
        shown = "" if field in SECRET_FIELDS else f" (værdi: {value!r})"
        lines.append(f"Indstillingen {name}{shown} {reason}.")
    return " ".join(lines)


@functools.cache
def get_settings() -> Settings:
    """The settings, read once per process (`get_settings.cache_clear()` re-reads them)."""
    try:
        return Settings()
    except ValidationError as error:
        raise SettingsError(_danish(error)) from None
