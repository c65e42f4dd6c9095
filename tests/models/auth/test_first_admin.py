"""First run: only the holder of the server's one-time code can create the first admin."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from models.auth.first_admin import (
    SetupError,
    create_first_admin,
    get_or_create_setup_code,
    needs_setup,
)
from models.auth.users import Role, get_user
from tests.factories import PASSWORD, make_user


def test_the_code_is_made_once_and_stays_the_same_until_used(session: Session) -> None:
    code = get_or_create_setup_code(session)
    assert code is not None
    assert len(code) >= 12
    assert get_or_create_setup_code(session) == code


def test_the_right_code_creates_the_first_admin_and_is_used_up(session: Session) -> None:
    code = get_or_create_setup_code(session)
    admin = create_first_admin(
        session, setup_code=f" {code} ", username="Hanna", display_name="Hanna", password=PASSWORD
    )
    session.commit()
    assert (admin.username, admin.role) == ("hanna", Role.admin)
    assert not needs_setup(session)
    assert get_or_create_setup_code(session) is None
    with pytest.raises(SetupError, match="Der findes allerede brugere"):
        create_first_admin(
            session, setup_code=code, username="mallory", display_name="M", password=PASSWORD
        )


@pytest.mark.parametrize("wrong", ["", "gæt", "AAAAAAAAAAAA"])
def test_a_wrong_code_creates_nobody(session: Session, wrong: str) -> None:
    get_or_create_setup_code(session)
    with pytest.raises(SetupError, match="Opsætningskoden er forkert"):
        create_first_admin(
            session, setup_code=wrong, username="mallory", display_name="M", password=PASSWORD
        )
    assert get_user(session, "mallory") is None
    assert needs_setup(session)


def test_no_setup_once_users_exist(session: Session) -> None:
    make_user(session, "hanna", Role.admin)
    assert get_or_create_setup_code(session) is None
