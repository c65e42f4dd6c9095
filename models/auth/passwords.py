"""Password rules and bcrypt hashing (standard `$2b$` hashes, as earlier releases stored)."""

from __future__ import annotations

import functools

import bcrypt

from models.core.errors import DomainError
from models.core.settings import get_settings

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_BYTES = 72  # bcrypt's limit


class PasswordError(DomainError):
    """A password that breaks the rules; the message is Danish."""


def validate_password(password: str) -> None:
    """Raise PasswordError unless `password` is at least 12 characters and fits bcrypt."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordError(
            f"Adgangskoden skal være mindst {MIN_PASSWORD_LENGTH} tegn (den er {len(password)})."
        )
    if password != password.strip():
        raise PasswordError("Adgangskoden må ikke begynde eller slutte med mellemrum.")
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        raise PasswordError(f"Adgangskoden må højst fylde {MAX_PASSWORD_BYTES} bytes.")


def hash_password(password: str) -> str:
    """A bcrypt hash of a valid password."""
    validate_password(password)
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(_rounds())).decode()


def _rounds() -> int:
    return get_settings().bcrypt_rounds  # the test suite lowers it; production keeps 12


def verify_password(password: str, password_hash: str) -> bool:
    """True when `password` matches `password_hash`; False for anything malformed."""
    try:
        return bcrypt.checkpw(password.encode(), password_hash.encode())
    except ValueError:
        return False


@functools.cache
def dummy_hash() -> str:
    """A real bcrypt hash of nothing anyone knows, for constant-time checks of unknown users."""
    return bcrypt.hashpw(b"no user has this password", bcrypt.gensalt(_rounds())).decode()
