"""Server-side login sessions: the one-time code, the cookie, and everything that ends them."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable

import jwt
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.sessions import (
    LoginSession,
    SessionEnd,
    end_session,
    handoff_pending,
    live_session,
    open_session,
    redeem_handoff,
    session_for_cookie,
)
from models.auth.users import Actor, Role, reset_password, set_active, set_role
from tests.conftest import TEST_COOKIE_KEY
from tests.factories import make_user

T0 = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


@pytest.fixture
def vera(session: Session) -> Session:
    make_user(session, "hanna", Role.admin)
    make_user(session, "vera", Role.viewer)
    return session


def claims_of(token: str) -> dict[str, object]:
    return jwt.decode(token, TEST_COOKIE_KEY, algorithms=["HS256"], options={"verify_exp": False})


def logged_in(session: Session, username: str = "vera") -> tuple[int, str]:
    """Open a session and exchange its code for the cookie, as the login and the browser do."""
    opened = open_session(session, username=username, client="10.0.0.9", now=T0)
    issued = redeem_handoff(session, code=opened.handoff_code, now=at(0.1))
    assert issued is not None
    return opened.id, issued.token


def test_the_one_time_code_gives_a_cookie_once(vera: Session) -> None:
    opened = open_session(vera, username="vera", now=T0)
    assert handoff_pending(vera, session_id=opened.id, now=T0)
    issued = redeem_handoff(vera, code=opened.handoff_code, now=at(1))
    assert issued is not None
    assert issued.expires_at == T0 + dt.timedelta(days=1)  # the setting's default
    assert not handoff_pending(vera, session_id=opened.id, now=at(1))
    assert redeem_handoff(vera, code=opened.handoff_code, now=at(1)) is None
    assert session_for_cookie(vera, issued.token, now=at(2)).id == opened.id


def test_a_late_or_unknown_code_gives_no_cookie(vera: Session) -> None:
    opened = open_session(vera, username="vera", now=T0)
    assert redeem_handoff(vera, code="gættet-kode", now=at(1)) is None
    assert redeem_handoff(vera, code=opened.handoff_code, now=at(2.1)) is None


def test_only_hashes_of_the_secrets_are_stored(engine: Engine, vera: Session) -> None:
    opened = open_session(vera, username="vera", now=T0)
    issued = redeem_handoff(vera, code=opened.handoff_code, now=at(0.1))
    vera.commit()
    sid = claims_of(issued.token)["sid"]
    with engine.connect() as connection:
        dump = repr(connection.exec_driver_sql("SELECT * FROM login_session").all())
    assert sid not in dump
    assert opened.handoff_code not in dump


def _forged(claims: dict[str, object], header: dict[str, object] | None = None) -> str:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part(header or {'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


CookieChange = Callable[[str, dict[str, object]], str]

REFUSED: dict[str, CookieChange] = {
    "another-key": lambda _, c: jwt.encode(c, "en-anden-noegle-der-er-lang-nok-0123456789"),
    "alg-none": lambda _, c: _forged(c),
    "hs512": lambda _, c: jwt.encode(c, TEST_COOKIE_KEY, algorithm="HS512"),
    "tampered": lambda token, _: token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"),
    "other-user": lambda _, c: jwt.encode({**c, "sub": "hanna"}, TEST_COOKIE_KEY),
    "unknown-sid": lambda _, c: jwt.encode({**c, "sid": "x" * 43}, TEST_COOKIE_KEY),
    "no-sid": lambda _, c: jwt.encode({k: v for k, v in c.items() if k != "sid"}, TEST_COOKIE_KEY),
    "expired": lambda _, c: jwt.encode({**c, "exp": T0 - dt.timedelta(days=1)}, TEST_COOKIE_KEY),
    "old-library-format": lambda _, c: jwt.encode(
        {"username": "vera", "exp_date": (T0 + dt.timedelta(days=1)).timestamp()},
        TEST_COOKIE_KEY,
    ),
    "garbage": lambda _, __: "ikke-en-token",
    "empty": lambda _, __: "",
}


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")  # HS512's
@pytest.mark.parametrize("change", REFUSED.values(), ids=REFUSED.keys())
def test_a_cookie_that_is_not_ours_exactly_is_refused(vera: Session, change: CookieChange) -> None:
    _, token = logged_in(vera)
    assert session_for_cookie(vera, token, now=at(1)) is not None  # the cookie as issued
    claims = claims_of(token)
    assert session_for_cookie(vera, change(token, claims), now=at(1)) is None


def test_logout_ends_the_session_and_its_cookie(vera: Session) -> None:
    session_id, token = logged_in(vera)
    assert end_session(vera, session_id=session_id, now=at(5)) == "vera"
    assert end_session(vera, session_id=session_id, now=at(6)) is None  # already ended
    assert session_for_cookie(vera, token, now=at(7)) is None
    assert live_session(vera, session_id=session_id, now=at(7)) is None
    row = vera.get(LoginSession, session_id)
    assert (row.ended_at, row.end_reason) == (at(5), SessionEnd.logout)


def test_a_session_expires_with_the_cookie_lifetime(vera: Session) -> None:
    session_id, _ = logged_in(vera)
    assert live_session(vera, session_id=session_id, now=at(24 * 60 - 1)) is not None
    assert live_session(vera, session_id=session_id, now=at(24 * 60)) is None


ADMIN = Actor.command_line()
ENDINGS: dict[str, tuple[Callable[[Session], object], SessionEnd]] = {
    "reset-password": (
        lambda s: reset_password(s, actor=ADMIN, username="vera", password="ny-adgangskode-123"),
        SessionEnd.password_reset,
    ),
    "role-change": (
        lambda s: set_role(s, actor=ADMIN, username="vera", role=Role.editor),
        SessionEnd.role_change,
    ),
    "deactivation": (
        lambda s: set_active(s, actor=ADMIN, username="vera", active=False),
        SessionEnd.deactivated,
    ),
}


@pytest.mark.parametrize(("command", "reason"), ENDINGS.values(), ids=ENDINGS.keys())
def test_user_changes_end_every_session_of_the_user(
    vera: Session, command: Callable[[Session], object], reason: SessionEnd
) -> None:
    first, first_token = logged_in(vera)
    second, second_token = logged_in(vera)
    hannas, hannas_token = logged_in(vera, "hanna")
    command(vera)
    vera.commit()
    for session_id, token in ((first, first_token), (second, second_token)):
        assert session_for_cookie(vera, token, now=at(1)) is None
        assert vera.get(LoginSession, session_id).end_reason == reason
    assert session_for_cookie(vera, hannas_token, now=at(1)).id == hannas  # others keep theirs


def test_setting_the_same_role_again_ends_nothing(vera: Session) -> None:
    session_id, token = logged_in(vera)
    set_role(vera, actor=ADMIN, username="vera", role=Role.viewer)
    assert session_for_cookie(vera, token, now=at(1)).id == session_id


def test_ended_sessions_are_removed_a_month_after_they_expired(vera: Session) -> None:
    logged_in(vera)
    later = T0 + dt.timedelta(days=31, minutes=1)
    open_session(vera, username="vera", now=later)
    vera.commit()
    assert [row.created_at for row in vera.exec(select(LoginSession))] == [later]
