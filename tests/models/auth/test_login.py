"""Password login: lock-out after 5 failures in 15 minutes, self-unlocking, fully audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.login import (
    LoginEvent,
    LoginOutcome,
    attempt_login,
    locked_until,
    record_logout,
    sso_login,
)
from models.auth.users import Actor, Role, set_active
from tests.factories import PASSWORD, make_user

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
WRONG = "forkert-adgangskode"


def minutes(n: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=n)


def attempt(session: Session, password: str, at: dt.datetime, username: str = "hanna"):
    result = attempt_login(session, username=username, password=password, now=at)
    session.commit()
    return result


def outcomes(session: Session) -> list[tuple[str, str]]:
    events = session.exec(select(LoginEvent).order_by(LoginEvent.id)).all()
    return [(event.username, event.outcome.value) for event in events]


@pytest.fixture
def hanna(session: Session) -> Session:
    make_user(session, "hanna", Role.admin)
    return session


def test_right_password_logs_in_and_is_audited(hanna: Session) -> None:
    result = attempt(hanna, PASSWORD, T0, username="HANNA")
    assert (result.ok, result.role, result.display_name) == (True, Role.admin, "Hanna")
    assert outcomes(hanna) == [("hanna", "success")]


def test_five_failures_lock_the_username_for_15_minutes(hanna: Session) -> None:
    for n in range(4):
        assert attempt(hanna, WRONG, minutes(n)).outcome == LoginOutcome.failure
    fifth = attempt(hanna, WRONG, minutes(4))
    assert fifth.outcome == LoginOutcome.locked
    assert fifth.locked_until == minutes(19)
    assert "spærret i 15 minutter" in fifth.message

    sixth = attempt(hanna, PASSWORD, minutes(5))  # the right password, still refused
    assert (sixth.ok, sixth.outcome) == (False, LoginOutcome.refused_locked)
    assert attempt(hanna, PASSWORD, minutes(18.9)).outcome == LoginOutcome.refused_locked

    assert attempt(hanna, PASSWORD, minutes(19)).ok  # unlocked by itself
    assert outcomes(hanna) == [("hanna", "failure")] * 4 + [
        ("hanna", "locked"),
        ("hanna", "refused_locked"),
        ("hanna", "refused_locked"),
        ("hanna", "success"),
    ]


def test_failures_spread_over_more_than_15_minutes_do_not_lock(hanna: Session) -> None:
    for n in (0, 4, 8, 12, 16, 20):
        assert attempt(hanna, WRONG, minutes(n)).outcome == LoginOutcome.failure
    assert locked_until(hanna, "hanna", minutes(20)) is None


def test_a_success_resets_the_failure_count(hanna: Session) -> None:
    for n in range(4):
        attempt(hanna, WRONG, minutes(n))
    assert attempt(hanna, PASSWORD, minutes(5)).ok
    assert attempt(hanna, WRONG, minutes(6)).outcome == LoginOutcome.failure


def test_after_a_lock_expires_it_takes_five_new_failures_to_lock_again(hanna: Session) -> None:
    for n in range(5):
        attempt(hanna, WRONG, minutes(n))
    for n in range(4):
        assert attempt(hanna, WRONG, minutes(20 + n)).outcome == LoginOutcome.failure
    assert attempt(hanna, WRONG, minutes(24)).outcome == LoginOutcome.locked


def test_unknown_usernames_get_the_same_answer_and_the_same_throttling(hanna: Session) -> None:
    known = attempt(hanna, WRONG, T0)
    unknown = attempt(hanna, WRONG, T0, username="ukendt")
    assert known.message == unknown.message == "Forkert brugernavn eller adgangskode."
    for n in range(1, 5):
        attempt(hanna, WRONG, minutes(n), username="ukendt")
    assert locked_until(hanna, "ukendt", minutes(5)) == minutes(19)
    assert locked_until(hanna, "hanna", minutes(5)) is None  # another username is not affected


def test_a_deactivated_user_cannot_log_in(hanna: Session) -> None:
    make_user(hanna, "bo")
    set_active(hanna, actor=Actor.command_line(), username="bo", active=False)
    assert attempt(hanna, PASSWORD, T0, username="bo").outcome == LoginOutcome.failure


def test_last_login_time_is_kept(hanna: Session) -> None:
    from models.auth.users import get_user

    attempt(hanna, PASSWORD, T0)
    assert get_user(hanna, "hanna").last_login_at == T0


def test_no_password_is_stored_anywhere(engine: Engine, hanna: Session) -> None:
    attempt(hanna, WRONG, T0)
    attempt(hanna, PASSWORD, minutes(1))
    record_logout(hanna, username="hanna", now=minutes(2))
    hanna.commit()
    with engine.connect() as connection:
        for table in ("login_event", "user"):
            quoted = connection.dialect.identifier_preparer.quote(table)
            rows = connection.exec_driver_sql(f"SELECT * FROM {quoted}").all()  # noqa: S608
            dump = repr(rows)
            assert WRONG not in dump
            assert PASSWORD not in dump
    assert outcomes(hanna)[-1] == ("hanna", "logout")


def test_single_sign_on_logins_are_audited(hanna: Session) -> None:
    make_user(hanna, "bo", email="bo@faxekommune.dk")
    assert sso_login(hanna, email="BO@faxekommune.dk", now=T0).username == "bo"
    assert sso_login(hanna, email="fremmed@example.com", now=T0) is None
    hanna.commit()
    assert outcomes(hanna) == [("bo", "sso_success"), ("fremmed@example.com", "sso_unknown")]
