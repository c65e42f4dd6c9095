"""Brute-force protection for password logins, by username and by client address.

Two counters are kept per attempt, each a `login_throttle` row:

- the **pair** (username, client address): failures from one address against one username;
- the **username** alone: failures against it from any address.

From the 5th failure in a row a counter blocks for an exponential back-off (1, 2, 4, 8, …
minutes, at most 60); a failure while blocked is not checked at all. A counter starts again
24 hours after its last failure, and a correct password resets both.

The username's counter does **not** apply to an address the user has logged in from
successfully within the last 90 days (a *known* address). An attacker elsewhere therefore
cannot lock the admin out of their own desk, but still meets both counters: the pair's for
each address, and the username's for every address the user never used.

The rows are read under a row lock (`SELECT … FOR UPDATE` on PostgreSQL; SQLite's writers
queue on `BEGIN IMMEDIATE`), so parallel attempts are counted one at a time: at most 5 of
any number of simultaneous wrong passwords are ever checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Field, Session, SQLModel, select

FREE_FAILURES = 4
"""Failures in a row that cost nothing; the next one starts the back-off."""
FIRST_BACKOFF = dt.timedelta(minutes=1)
MAX_BACKOFF = dt.timedelta(minutes=60)
RESET_AFTER = dt.timedelta(hours=24)
KNOWN_ADDRESS_DAYS = 90
UNKNOWN_CLIENT = "ukendt"
CLIENT_MAX_LENGTH = 64


class LoginThrottle(SQLModel, table=True):
    """Failures in a row for one username, or for one username from one address."""

    __tablename__ = "login_throttle"

    key: str = Field(primary_key=True, max_length=330)
    username: str = Field(max_length=254, index=True)
    client: str | None = Field(default=None, max_length=CLIENT_MAX_LENGTH)
    """The address of a pair counter; None for the username's own counter."""
    failures: int = 0
    last_failure_at: dt.datetime | None = None
    blocked_until: dt.datetime | None = None


@dataclass(frozen=True)
class Counters:
    """The two locked rows that one login attempt reads and updates."""

    username: LoginThrottle
    pair: LoginThrottle


def client_label(client: str | None) -> str:
    """The address as stored: trimmed, or "ukendt" when the server could not tell."""
    client = (client or "").strip()[:CLIENT_MAX_LENGTH]
    return client or UNKNOWN_CLIENT


def backoff(failures: int) -> dt.timedelta | None:
    """How long a counter with this many failures in a row blocks (None: not at all)."""
    if failures <= FREE_FAILURES:
        return None
    return min(FIRST_BACKOFF * 2 ** (failures - FREE_FAILURES - 1), MAX_BACKOFF)


def _insert_missing(session: Session, rows: list[dict[str, object]]) -> None:
    dialect = session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(dialect)
    if insert is None:  # pragma: no cover - the app supports SQLite and PostgreSQL only
        raise NotImplementedError(dialect)
    session.exec(insert(LoginThrottle).values(rows).on_conflict_do_nothing())  # type: ignore[call-overload]


def lock_counters(session: Session, username: str, client: str) -> Counters:
    """The username's and the pair's counters, created if missing, locked until commit."""
    user_key, pair_key = f"bruger:{username}", f"par:{username}|{client}"
    _insert_missing(
        session,
        [
            {"key": user_key, "username": username, "client": None, "failures": 0},
            {"key": pair_key, "username": username, "client": client, "failures": 0},
        ],
    )
    rows = session.exec(
        select(LoginThrottle)
        .where(LoginThrottle.key.in_([user_key, pair_key]))  # type: ignore[attr-defined]
        .order_by(LoginThrottle.key)  # one lock order for everyone: no deadlocks
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    by_key = {row.key: row for row in rows}
    return Counters(username=by_key[user_key], pair=by_key[pair_key])


def _current(row: LoginThrottle, now: dt.datetime) -> LoginThrottle:
    """Forget a run of failures whose last one is older than RESET_AFTER."""
    if row.last_failure_at is not None and now - row.last_failure_at >= RESET_AFTER:
        row.failures, row.last_failure_at, row.blocked_until = 0, None, None
    return row


def blocked_until(
    counters: Counters, *, known_address: bool, now: dt.datetime
) -> dt.datetime | None:
    """When this attempt may be checked again, or None if it may be checked now."""
    rows = [counters.pair] if known_address else [counters.pair, counters.username]
    ends = [
        row.blocked_until
        for row in rows
        if _current(row, now).blocked_until is not None and row.blocked_until > now  # type: ignore[operator]
    ]
    return max(ends) if ends else None


def register_failure(counters: Counters, now: dt.datetime) -> None:
    """Count a wrong password on both counters, blocking each from its 5th failure on."""
    for row in (counters.username, counters.pair):
        _current(row, now)
        row.failures += 1
        row.last_failure_at = now
        wait = backoff(row.failures)
        row.blocked_until = now + wait if wait is not None else None


def register_success(counters: Counters) -> None:
    for row in (counters.username, counters.pair):
        row.failures, row.last_failure_at, row.blocked_until = 0, None, None


def clear_counters(session: Session, username: str) -> int:
    """Remove every counter of `username` (unlock, new password); returns how many counted
    failures."""
    failing = session.exec(
        select(sa.func.count())
        .select_from(LoginThrottle)
        .where(LoginThrottle.username == username, LoginThrottle.failures > 0)
    ).one()
    session.exec(  # type: ignore[call-overload]
        sa.delete(LoginThrottle).where(LoginThrottle.username == username)
    )
    return failing


@dataclass(frozen=True)
class Block:
    """A counter that blocks right now, for the admins' list."""

    username: str
    client: str | None
    failures: int
    until: dt.datetime


def current_blocks(session: Session, now: dt.datetime) -> list[Block]:
    rows = session.exec(
        select(LoginThrottle)
        .where(LoginThrottle.blocked_until > now)  # type: ignore[operator]
        .order_by(LoginThrottle.username, LoginThrottle.key)
    ).all()
    return [Block(row.username, row.client, row.failures, row.blocked_until) for row in rows]  # type: ignore[arg-type]
