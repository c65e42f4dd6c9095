"""The cookie-signing key: configured, or generated once with owner-only permissions."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from models.auth.signing_key import COOKIE_KEY_ENV, WeakKeyError, resolve_cookie_key
from models.core.settings import get_settings

STRONG = "x7Rk2vQp9LmN4wYs8TbZ3cHf6JdG1aEu"


def test_a_missing_key_is_generated_once_owner_only_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(COOKIE_KEY_ENV, raising=False)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    key_file = tmp_path / "data" / "cookie.key"
    first = resolve_cookie_key()
    assert len(bytes.fromhex(first)) == 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert resolve_cookie_key() == first


def test_secrets_win_over_the_environment_and_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'cookie_key = "{STRONG}"\n[auth]\nclient_id = "x"\n')
    monkeypatch.setattr("models.core.settings.SECRETS_FILE", secrets)
    monkeypatch.setenv(COOKIE_KEY_ENV, "e" * 40)
    get_settings.cache_clear()
    assert resolve_cookie_key(tmp_path / "cookie.key") == STRONG
    secrets.write_text("")
    get_settings.cache_clear()
    assert resolve_cookie_key(tmp_path / "cookie.key") == "e" * 40
    assert not (tmp_path / "cookie.key").exists()


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("some_key", "er en kendt eksempelværdi"),
        ("SOME_SIGNATURE_KEY", "er en kendt eksempelværdi"),
        ("abcdef", "er en kendt eksempelværdi"),
        ("kort-men-ikke-kendt", "er for kort (19 tegn)"),
    ],
)
def test_weak_keys_are_refused_with_a_clear_message(
    key: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(COOKIE_KEY_ENV, key)
    get_settings.cache_clear()
    with pytest.raises(WeakKeyError, match=re.escape(message)):
        resolve_cookie_key(Path("/nonexistent/cookie.key"))


def test_a_weak_key_in_the_key_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(COOKIE_KEY_ENV, raising=False)
    key_file = tmp_path / "cookie.key"
    key_file.write_text("some_key")
    with pytest.raises(WeakKeyError, match=str(key_file)):
        resolve_cookie_key(key_file)
