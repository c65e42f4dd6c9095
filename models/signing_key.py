"""The secret that signs login cookies: configured, or generated once and kept in data/."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from models.db import DATA_DIR

COOKIE_KEY_FILE = DATA_DIR / "cookie.key"
COOKIE_KEY_ENV = "DASHBOARD_COOKIE_KEY"
MIN_KEY_LENGTH = 32
# Sample values from streamlit-authenticator's documentation and other well-known defaults.
KNOWN_WEAK_KEYS = frozenset(
    {
        "some_key",
        "some_signature_key",
        "random_signature_key",
        "abcdef",
        "secret",
        "changeme",
        "change-me",
        "password",
        "key",
    }
)


class WeakKeyError(ValueError):
    """A configured cookie key that must not be used; the message is Danish."""


def check_key(key: str, source: str) -> str:
    """Return `key` if it is strong enough; otherwise raise WeakKeyError naming its source."""
    if key.strip().lower() in KNOWN_WEAK_KEYS:
        raise WeakKeyError(
            f"Cookie-nøglen fra {source} er en kendt eksempelværdi og kan ikke bruges. "
            "Slet den, så laver appen selv en tilfældig nøgle, eller sæt en lang tilfældig værdi."
        )
    if len(key) < MIN_KEY_LENGTH:
        raise WeakKeyError(
            f"Cookie-nøglen fra {source} er for kort ({len(key)} tegn); "
            f"den skal være mindst {MIN_KEY_LENGTH} tilfældige tegn."
        )
    return key


def resolve_cookie_key(configured: str | None = None, key_file: Path = COOKIE_KEY_FILE) -> str:
    """The key from secrets.toml (`configured`), else the environment, else the key file.

    A missing key file is created with a random 32-byte key, readable by the owner only.
    """
    if configured:
        return check_key(configured, ".streamlit/secrets.toml (cookie_key)")
    from_env = os.environ.get(COOKIE_KEY_ENV)
    if from_env:
        return check_key(from_env, f"miljøvariablen {COOKIE_KEY_ENV}")
    if key_file.exists():
        return check_key(key_file.read_text(encoding="utf-8").strip(), str(key_file))
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it a moment ago
        return check_key(key_file.read_text(encoding="utf-8").strip(), str(key_file))
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key
