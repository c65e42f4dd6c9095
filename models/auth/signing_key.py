"""The secret that signs login cookies: configured, or generated once and kept in data/."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from models.core.settings import ENV_NAMES, get_settings

COOKIE_KEY_ENV = ENV_NAMES["cookie_key"]
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


def resolve_cookie_key(key_file: Path | None = None) -> str:
    """The configured key (secrets.toml or the environment), else the key file in data_dir.

    A missing key file is created with a random 32-byte key, readable by the owner only.
    """
    settings = get_settings()
    if settings.cookie_key is not None and settings.cookie_key.get_secret_value():
        return check_key(
            settings.cookie_key.get_secret_value(),
            f".streamlit/secrets.toml (cookie_key) eller miljøvariablen {COOKIE_KEY_ENV}",
        )
    key_file = key_file or settings.cookie_key_file
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
