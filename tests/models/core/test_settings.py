"""The one settings object: safe defaults, the order of sources, and Danish refusals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.core.settings import ENV_NAMES, Settings, SettingsError, get_settings


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No DASHBOARD_ variable and no secrets.toml unless the test sets them."""
    for name in ("DATABASE_URL", "DASHBOARD_COOKIE_KEY", "DASHBOARD_BCRYPT_ROUNDS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("models.core.settings.SECRETS_FILE", tmp_path / "secrets.toml")
    get_settings.cache_clear()
    return monkeypatch


def test_defaults_are_safe_for_a_first_start(env: pytest.MonkeyPatch) -> None:
    settings = get_settings()
    assert settings.sqlalchemy_url.startswith("sqlite:///")
    assert settings.sqlalchemy_url.endswith("/data/dashboard.db")
    assert settings.cookie_key is None  # generated in data/ on first start
    assert settings.cookie_key_file == settings.data_dir / "cookie.key"
    assert (settings.bcrypt_rounds, settings.max_upload_mb, settings.auto_migrate) == (
        12,
        30,
        False,
    )
    assert settings.max_upload_bytes == 30 * 1024 * 1024
    assert str(settings.zone) == "Europe/Copenhagen"


def test_read_once_until_cleared(env: pytest.MonkeyPatch) -> None:
    first = get_settings()
    env.setenv("DASHBOARD_MAX_UPLOAD_MB", "50")
    assert get_settings() is first
    get_settings.cache_clear()
    assert get_settings().max_upload_mb == 50


def test_the_data_dir_moves_the_database_and_the_key(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "state"))
    settings = get_settings()
    assert settings.sqlalchemy_url == f"sqlite:///{tmp_path / 'state' / 'dashboard.db'}"
    assert settings.cookie_key_file == tmp_path / "state" / "cookie.key"


def test_secrets_toml_wins_over_the_environment_for_login_settings(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "secrets.toml").write_text(
        'cookie_key = "from-secrets-0123456789abcdefghijkl"\ncookie_expiry_days = 2\n'
        'database_url = "sqlite:////ignored.db"\n[auth]\nclient_id = "x"\n'
    )
    env.setenv("DASHBOARD_COOKIE_KEY", "from-environment-0123456789abcdefgh")
    env.setenv("DASHBOARD_COOKIE_EXPIRY_DAYS", "5")
    settings = get_settings()
    assert settings.cookie_key is not None
    assert settings.cookie_key.get_secret_value() == "from-secrets-0123456789abcdefghijkl"
    assert settings.cookie_expiry_days == 2
    assert settings.database_url is None  # only the login settings are read from secrets.toml


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DASHBOARD_BCRYPT_ROUNDS", "3", "DASHBOARD_BCRYPT_ROUNDS (værdi: '3') skal være mellem 4"),
        (
            "DASHBOARD_BCRYPT_ROUNDS",
            "tolv",
            "DASHBOARD_BCRYPT_ROUNDS (værdi: 'tolv') skal være et helt",
        ),
        (
            "DASHBOARD_COOKIE_EXPIRY_DAYS",
            "0",
            "DASHBOARD_COOKIE_EXPIRY_DAYS (værdi: '0') skal være",
        ),
        ("DASHBOARD_MAX_UPLOAD_MB", "1000", "DASHBOARD_MAX_UPLOAD_MB (værdi: '1000') skal være"),
        ("DASHBOARD_TIME_ZONE", "Europe/Faxe", "er ikke en kendt tidszone"),
        (
            "DASHBOARD_AUTO_MIGRATE",
            "måske",
            "DASHBOARD_AUTO_MIGRATE (værdi: 'måske') skal være true",
        ),
        ("DATABASE_URL", "dashboard.db", "DATABASE_URL (værdi: 'dashboard.db') skal være en"),
        (
            "DATABASE_URL",
            "sqlite:///data/dashboard.db",
            "DATABASE_URL (værdi: 'sqlite:///data/dashboard.db') peger på en relativ SQLite-sti",
        ),
        (
            "DASHBOARD_BACKUP_KEEP_DAILY",
            "-1",
            "DASHBOARD_BACKUP_KEEP_DAILY (værdi: '-1') skal være mellem 0 og 1000",
        ),
        ("DASHBOARD_SMTP_PORT", "0", "DASHBOARD_SMTP_PORT (værdi: '0') skal være et portnummer"),
        ("DASHBOARD_SMTP_PORT", "smtp", "DASHBOARD_SMTP_PORT (værdi: 'smtp') skal være et helt"),
        (
            "DASHBOARD_SMTP_TLS",
            "tls",
            "DASHBOARD_SMTP_TLS (værdi: 'tls') skal være starttls, ssl eller none.",
        ),
        (
            "DASHBOARD_MAIL_FROM",
            "dashboard",
            "DASHBOARD_MAIL_FROM (værdi: 'dashboard') skal være en e-mailadresse",
        ),
        (
            "DASHBOARD_TRUSTED_PROXIES",
            "10.0.0.5,proxy.faxe.dk",
            "DASHBOARD_TRUSTED_PROXIES (værdi: '10.0.0.5,proxy.faxe.dk') skal være IP-adresser "
            "eller netværk adskilt af komma, fx 10.0.0.5,172.18.0.0/16 ('proxy.faxe.dk' er ingen "
            "af delene).",
        ),
        (
            "DASHBOARD_TRUSTED_PROXIES",
            "10.0.0.5/8",
            "indeholder 10.0.0.5/8, der ikke er et netværks første adresse; skriv netværket som "
            "10.0.0.0/8.",
        ),
        (
            "DASHBOARD_TRUSTED_PROXIES",
            "0.0.0.0/0",
            "DASHBOARD_TRUSTED_PROXIES (værdi: '0.0.0.0/0') stoler på alle adresser (0.0.0.0/0)",
        ),
        ("DASHBOARD_TRUSTED_PROXIES", "::/0", "stoler på alle adresser (::/0)"),
        (
            "DASHBOARD_PUBLIC_URL",
            "dashboard.faxe.dk",
            "DASHBOARD_PUBLIC_URL (værdi: 'dashboard.faxe.dk') skal være appens adresse med "
            "http:// eller https://",
        ),
    ],
)
def test_unusable_values_are_refused_in_danish(
    env: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    env.setenv(name, value)
    with pytest.raises(SettingsError, match=re.escape(message)):
        get_settings()


def test_mail_settings_default_to_no_server_and_starttls_on_587(env: pytest.MonkeyPatch) -> None:
    settings = get_settings()
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_tls) == (None, 587, "starttls")
    assert (settings.smtp_username, settings.smtp_password) == (None, None)
    assert (settings.mail_from, settings.public_url) == (None, None)


def test_mail_settings_are_read_from_the_environment(env: pytest.MonkeyPatch) -> None:
    env.setenv("DASHBOARD_SMTP_HOST", " smtp.faxe.dk ")
    env.setenv("DASHBOARD_SMTP_PORT", "465")
    env.setenv("DASHBOARD_SMTP_TLS", "SSL")
    env.setenv("DASHBOARD_SMTP_USERNAME", "dashboard")
    env.setenv("DASHBOARD_SMTP_PASSWORD", "hemmelig-smtp-kode")
    env.setenv("DASHBOARD_MAIL_FROM", "Genopretningsplanen <dashboard@faxe.dk>")
    env.setenv("DASHBOARD_PUBLIC_URL", "https://dashboard.faxe.dk/")
    settings = get_settings()
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_tls) == (
        "smtp.faxe.dk",
        465,
        "ssl",
    )
    assert settings.smtp_password is not None
    assert settings.smtp_password.get_secret_value() == "hemmelig-smtp-kode"
    assert "hemmelig-smtp-kode" not in repr(settings)
    assert settings.mail_from == "Genopretningsplanen <dashboard@faxe.dk>"
    assert settings.public_url == "https://dashboard.faxe.dk"  # no trailing slash


def test_the_smtp_password_is_never_shown_in_a_refusal(env: pytest.MonkeyPatch) -> None:
    env.setenv("DASHBOARD_SMTP_PASSWORD", "hemmelig-smtp-kode")
    env.setenv("DASHBOARD_SMTP_PORT", "99999")
    with pytest.raises(SettingsError) as refused:
        get_settings()
    assert "hemmelig-smtp-kode" not in str(refused.value)
    assert str(refused.value).startswith("Indstillingen DASHBOARD_SMTP_PORT (værdi: '99999')")


@pytest.mark.parametrize(
    "url",
    ["sqlite:////var/lib/dashboard/dashboard.db", "sqlite://", "sqlite:///:memory:"],
)
def test_absolute_and_in_memory_sqlite_urls_are_accepted(env: pytest.MonkeyPatch, url: str) -> None:
    env.setenv("DATABASE_URL", url)
    assert get_settings().sqlalchemy_url == url


def test_no_proxy_is_trusted_by_default(env: pytest.MonkeyPatch) -> None:
    assert get_settings().trusted_proxies == ()


def test_trusted_proxies_are_addresses_and_networks_separated_by_commas(
    env: pytest.MonkeyPatch,
) -> None:
    env.setenv("DASHBOARD_TRUSTED_PROXIES", " 10.0.0.5, 172.18.0.0/16,,fd00::/64 ")
    assert [str(network) for network in get_settings().trusted_proxies] == [
        "10.0.0.5/32",
        "172.18.0.0/16",
        "fd00::/64",
    ]


def test_every_setting_names_its_environment_variable() -> None:
    """ENV_NAMES is what messages and the README call each setting: none may be missing."""
    assert set(ENV_NAMES) == set(Settings.model_fields)
