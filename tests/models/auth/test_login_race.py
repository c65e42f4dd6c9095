"""The throttle counts parallel attempts one at a time: 30 at once check at most 5 passwords."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth import login
from models.auth.login import LoginEvent, LoginOutcome, attempt_login
from models.auth.users import Role
from models.core.db import session_scope
from tests.factories import make_user

PARALLEL = 30


def test_thirty_parallel_wrong_passwords_check_at_most_five(
    engine: Engine, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user(session, "hanna", Role.admin)
    session.commit()
    checked: list[str] = []
    verify = login.verify_password

    def slow_verify(password: str, hashed: str) -> bool:
        checked.append(password)
        time.sleep(0.02)  # widen the window in which a racing attempt could slip through
        return verify(password, hashed)

    monkeypatch.setattr(login, "verify_password", slow_verify)
    start = threading.Barrier(PARALLEL)
    errors: list[BaseException] = []

    def guess(n: int) -> None:
        try:
            start.wait()
            with session_scope(engine, write=True) as own:
                attempt_login(own, username="hanna", password=f"gæt-{n:02d}-forkert", client="x")
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(checked) == 5
    events = session.exec(select(LoginEvent.outcome)).all()
    assert sorted(events) == sorted(
        [LoginOutcome.failure] * 4 + [LoginOutcome.locked] + [LoginOutcome.refused_locked] * 25
    )
