"""Password login under the throttle: back-off by username and address, known addresses,
unlock, a new password, and every event audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.login import (
    LoginEvent,
    LoginOutcome,
    attempt_login,
    record_logout,
    sso_login,
    unlock,
)
from models.auth.throttle import backoff, current_blocks
from models.auth.users import (
    Actor,
    PermissionDenied,
    Role,
    UserError,
    get_user,
    reset_password,
    set_active,
)
from tests.factories import PASSWORD, actor_for, make_user

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
WRONG = "forkert-adgangskode"
DESK = "10.20.0.7"  # hanna's own computer
ATTACKER = "203.0.113.66"


def minutes(n: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=n)


def attempt(
    session: Session,
    password: str,
    at: dt.datetime,
    username: str = "hanna",
    client: str | None = DESK,
):
    result = attempt_login(session, username=username, password=password, client=client, now=at)
    session.commit()
    return result


def outcomes(session: Session) -> list[tuple[str, str]]:
    events = session.exec(select(LoginEvent).order_by(LoginEvent.id)).all()
    return [(event.username, event.outcome.value) for event in events]


@pytest.fixture
def hanna(session: Session) -> Session:
    make_user(session, "hanna", Role.admin)
    return session


@pytest.mark.parametrize(
    ("failures", "wait"),
    [(1, None), (4, None), (5, 1), (6, 2), (7, 4), (8, 8), (9, 16), (10, 32), (11, 60), (40, 60)],
)
def test_the_back_off_doubles_from_the_fifth_failure_up_to_an_hour(
    failures: int, wait: int | None
) -> None:
    expected = None if wait is None else dt.timedelta(minutes=wait)
    assert backoff(failures) == expected


def test_right_password_logs_in_and_is_audited_with_the_address(hanna: Session) -> None:
    result = attempt(hanna, PASSWORD, T0, username="HANNA")
    assert (result.ok, result.role, result.display_name) == (True, Role.admin, "Hanna")
    event = hanna.exec(select(LoginEvent)).one()
    assert (event.username, event.outcome, event.client) == ("hanna", "success", DESK)


def test_five_failures_start_a_back_off_that_grows(hanna: Session) -> None:
    for n in range(4):
        assert attempt(hanna, WRONG, minutes(n)).outcome == LoginOutcome.failure
    fifth = attempt(hanna, WRONG, minutes(4))
    assert (fifth.outcome, fifth.blocked_until) == (LoginOutcome.locked, minutes(5))
    assert fifth.message == (
        "For mange forkerte forsøg med dette brugernavn. "
        "Prøv igen om ca. 1 min., eller bed en administrator om at låse op."
    )
    refused = attempt(hanna, PASSWORD, minutes(4.5))  # the right password is not even checked
    assert (refused.ok, refused.outcome) == (False, LoginOutcome.refused_locked)
    sixth = attempt(hanna, WRONG, minutes(5))  # checked again after the minute: 2 more
    assert (sixth.outcome, sixth.blocked_until) == (LoginOutcome.locked, minutes(7))
    assert attempt(hanna, PASSWORD, minutes(7)).ok
    assert attempt(hanna, WRONG, minutes(8)).outcome == LoginOutcome.failure  # reset by success
    assert outcomes(hanna) == [("hanna", "failure")] * 4 + [
        ("hanna", "locked"),
        ("hanna", "refused_locked"),
        ("hanna", "locked"),
        ("hanna", "success"),
        ("hanna", "failure"),
    ]


def test_a_run_of_failures_is_forgotten_a_day_after_the_last(hanna: Session) -> None:
    for n in range(4):
        attempt(hanna, WRONG, minutes(n))
    assert attempt(hanna, WRONG, minutes(3 + 24 * 60)).outcome == LoginOutcome.failure
    assert current_blocks(hanna, minutes(3 + 24 * 60)) == []


def test_an_attacker_elsewhere_cannot_lock_the_admin_out_of_a_known_address(
    hanna: Session,
) -> None:
    assert attempt(hanna, PASSWORD, T0).ok  # hanna has logged in from her desk before
    for n in range(1, 30):  # a day of guessing from another address, whenever allowed
        attempt(hanna, WRONG, minutes(n * 50), client=ATTACKER)
    assert attempt(hanna, WRONG, minutes(1450), client=ATTACKER).outcome in {
        LoginOutcome.refused_locked,
        LoginOutcome.locked,
    }
    assert attempt(hanna, PASSWORD, minutes(1451)).ok  # from her desk: in at once


def test_guesses_from_many_addresses_meet_the_usernames_back_off(hanna: Session) -> None:
    attempt(hanna, PASSWORD, T0)
    for n in range(5):  # one guess each from five addresses: no pair counter blocks
        guess = attempt(hanna, WRONG, minutes(1 + n), client=f"198.51.100.{n}")
    assert (guess.outcome, guess.blocked_until) == (LoginOutcome.locked, minutes(6))
    other = attempt(hanna, PASSWORD, minutes(5.5), client="198.51.100.99")
    assert other.outcome == LoginOutcome.refused_locked  # an address hanna never used
    assert attempt(hanna, PASSWORD, minutes(5.5)).ok  # her desk is known


def test_failures_from_one_address_do_not_block_the_same_user_at_another_known_one(
    hanna: Session,
) -> None:
    attempt(hanna, PASSWORD, T0, client="10.0.0.1")
    attempt(hanna, PASSWORD, T0, client="10.0.0.2")
    for n in range(5):  # the 5th, at minute 5, blocks this address and the username to 6
        attempt(hanna, WRONG, minutes(1 + n), client="10.0.0.1")
    blocked = attempt(hanna, PASSWORD, minutes(5.5), client="10.0.0.1")
    assert blocked.outcome == LoginOutcome.refused_locked
    assert attempt(hanna, PASSWORD, minutes(5.5), client="10.0.0.2").ok


def test_unknown_usernames_get_the_same_answer_and_the_same_throttling(hanna: Session) -> None:
    known = attempt(hanna, WRONG, T0)
    unknown = attempt(hanna, WRONG, T0, username="ukendt")
    assert known.message == unknown.message == "Forkert brugernavn eller adgangskode."
    for n in range(1, 5):
        last = attempt(hanna, WRONG, minutes(n), username="ukendt")
    assert (last.outcome, last.blocked_until) == (LoginOutcome.locked, minutes(5))
    assert attempt(hanna, PASSWORD, minutes(4.5)).ok  # another username is not affected


def test_an_admin_unlocks_a_username_and_it_is_audited(hanna: Session) -> None:
    erik = make_user(hanna, "erik", Role.editor)
    admin = get_user(hanna, "hanna")
    for n in range(6):
        attempt(hanna, WRONG, minutes(n), username="erik")
    blocks = current_blocks(hanna, minutes(6))
    assert {(block.username, block.client) for block in blocks} == {
        ("erik", None),
        ("erik", DESK),
    }
    with pytest.raises(PermissionDenied):
        unlock(hanna, actor=actor_for(erik), username="erik", now=minutes(6))
    with pytest.raises(UserError, match=r"Brugeren 'nemo' findes ikke\."):
        unlock(hanna, actor=actor_for(admin), username="nemo", now=minutes(6))
    assert unlock(hanna, actor=actor_for(admin), username="ERIK", now=minutes(6)) == 2
    hanna.commit()
    assert current_blocks(hanna, minutes(6)) == []
    assert attempt(hanna, PASSWORD, minutes(6.1), username="erik").ok
    event = hanna.exec(select(LoginEvent).where(LoginEvent.outcome == "unlocked")).one()
    assert (event.username, event.actor) == ("erik", "hanna")


def test_a_new_password_lifts_the_block(hanna: Session) -> None:
    make_user(hanna, "erik", Role.editor)
    for n in range(5):
        attempt(hanna, WRONG, minutes(n), username="erik")
    new_password = "en-helt-ny-adgangskode"
    reset_password(hanna, actor=Actor.command_line(), username="erik", password=new_password)
    hanna.commit()
    assert attempt(hanna, new_password, minutes(4.5), username="erik").ok


def test_a_deactivated_user_cannot_log_in(hanna: Session) -> None:
    make_user(hanna, "bo")
    set_active(hanna, actor=Actor.command_line(), username="bo", active=False)
    assert attempt(hanna, PASSWORD, T0, username="bo").outcome == LoginOutcome.failure


def test_last_login_time_is_kept(hanna: Session) -> None:
    attempt(hanna, PASSWORD, T0)
    assert get_user(hanna, "hanna").last_login_at == T0


def test_no_password_is_stored_anywhere(engine: Engine, hanna: Session) -> None:
    attempt(hanna, WRONG, T0)
    attempt(hanna, PASSWORD, minutes(1))
    record_logout(hanna, username="hanna", now=minutes(2))
    hanna.commit()
    with engine.connect() as connection:
        for table in ("login_event", "login_throttle", "login_session", "user"):
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
