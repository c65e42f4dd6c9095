"""The one settings object: safe defaults, the order of sources, and Danish refusals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.core.settings import SettingsError, get_settings


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
    ],
)
def test_unusable_values_are_refused_in_danish(
    env: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    env.setenv(name, value)
    with pytest.raises(SettingsError, match=re.escape(message)):
        get_settings()
