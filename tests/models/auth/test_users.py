"""Users and roles: unique case-insensitive names, password rules, the last admin, permissions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import Session

from models.auth.passwords import PasswordError, verify_password
from models.auth.users import (
    Actor,
    PermissionDenied,
    Role,
    UserError,
    create_user,
    get_user,
    reset_password,
    set_active,
    set_email_reminders,
    set_role,
    user_for_email,
)
from tests.factories import PASSWORD, actor_for, make_user


def test_usernames_are_unique_regardless_of_case(session: Session) -> None:
    make_user(session, "hanna", Role.admin)
    with pytest.raises(UserError, match="Brugernavnet 'hanna' er allerede i brug"):
        make_user(session, "HANNA")
    assert get_user(session, " Hanna ").username == "hanna"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kort-kode", "Adgangskoden skal være mindst 12 tegn (den er 9)."),
        (" mellemrum-foran", "Adgangskoden må ikke begynde eller slutte med mellemrum."),
        ("æ" * 40, "Adgangskoden må højst fylde 72 bytes."),
    ],
    ids=["too-short", "leading-space", "too-long-for-bcrypt"],
)
def test_password_rules(session: Session, password: str, message: str) -> None:
    with pytest.raises(PasswordError) as error:
        make_user(session, "ny", password=password)
    assert str(error.value) == message
    assert get_user(session, "ny") is None


def test_passwords_are_stored_as_standard_bcrypt_hashes(session: Session) -> None:
    import bcrypt

    user = make_user(session, "hanna", Role.admin)
    assert PASSWORD not in user.password_hash
    assert user.password_hash.startswith("$2b$04$")  # the suite's cost; production uses 12
    assert bcrypt.checkpw(PASSWORD.encode(), user.password_hash.encode())
    # A hash made elsewhere (streamlit-authenticator's Hasher made these until release 1).
    assert verify_password(PASSWORD, bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode())


@pytest.mark.parametrize("name", ["", "a", "has space", "æble", "-dash"])
def test_bad_usernames_are_refused(session: Session, name: str) -> None:
    with pytest.raises(UserError, match="Brugernavnet skal være 2–64 tegn"):
        make_user(session, name)


def test_admin_changes_role_resets_password_and_deactivates(session: Session) -> None:
    admin = actor_for(make_user(session, "hanna", Role.admin))
    make_user(session, "bo", Role.viewer)
    set_role(session, actor=admin, username="BO", role=Role.editor)
    reset_password(session, actor=admin, username="bo", password="et-helt-nyt-kodeord")
    set_active(session, actor=admin, username="bo", active=False)
    session.commit()
    bo = get_user(session, "bo")
    assert (bo.role, bo.active) == (Role.editor, False)
    assert verify_password("et-helt-nyt-kodeord", bo.password_hash)


def test_the_last_active_admin_can_be_neither_demoted_nor_deactivated(session: Session) -> None:
    admin = actor_for(make_user(session, "hanna", Role.admin))
    with pytest.raises(UserError, match="Den sidste aktive administrator kan ikke få en anden"):
        set_role(session, actor=admin, username="hanna", role=Role.viewer)
    with pytest.raises(UserError, match="Den sidste aktive administrator kan ikke deaktiveres"):
        set_active(session, actor=admin, username="hanna", active=False)
    make_user(session, "ida", Role.admin)
    set_role(session, actor=admin, username="hanna", role=Role.viewer)
    session.commit()
    assert get_user(session, "hanna").role == Role.viewer


WRITE_FUNCTIONS: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
    "create_user": (
        create_user,
        {"username": "ny", "display_name": "Ny", "role": Role.viewer, "password": PASSWORD},
    ),
    "set_role": (set_role, {"username": "bo", "role": Role.admin}),
    "reset_password": (reset_password, {"username": "bo", "password": "et-helt-nyt-kodeord"}),
    "set_active": (set_active, {"username": "bo", "active": False}),
    "set_email_reminders": (set_email_reminders, {"username": "bo", "enabled": False}),
}


@pytest.mark.parametrize("role", [Role.viewer, Role.editor, Role.presenter])
@pytest.mark.parametrize("function", WRITE_FUNCTIONS, ids=str)
def test_user_write_functions_refuse_roles_other_than_admin(
    session: Session, role: Role, function: str
) -> None:
    make_user(session, "hanna", Role.admin)
    make_user(session, "bo", Role.viewer)
    actor = actor_for(make_user(session, f"{role.value}-user", role))
    command, kwargs = WRITE_FUNCTIONS[function]
    with pytest.raises(PermissionDenied, match="Du har ikke adgang til at gøre dette"):
        command(session, actor=actor, **kwargs)


def test_the_role_in_the_database_wins_over_the_role_the_session_remembers(
    session: Session,
) -> None:
    make_user(session, "hanna", Role.admin)
    former_admin = actor_for(make_user(session, "ida", Role.admin))
    set_role(session, actor=Actor.command_line(), username="ida", role=Role.viewer)
    session.commit()
    assert former_admin.role == Role.admin  # what a stale session would still hold
    with pytest.raises(PermissionDenied):
        set_role(session, actor=former_admin, username="hanna", role=Role.viewer)


def test_a_deactivated_admin_can_no_longer_act(session: Session) -> None:
    admin = actor_for(make_user(session, "hanna", Role.admin))
    make_user(session, "ida", Role.admin)
    set_active(session, actor=admin, username="ida", active=False)
    session.commit()
    with pytest.raises(PermissionDenied):
        set_role(session, actor=Actor("ida", Role.admin), username="hanna", role=Role.viewer)


def test_single_sign_on_maps_email_to_an_active_user_only(session: Session) -> None:
    make_user(session, "hanna", Role.admin, email="Hanna@Faxekommune.dk")
    make_user(session, "bo", Role.viewer, email="bo@faxekommune.dk")
    set_active(session, actor=Actor.command_line(), username="bo", active=False)
    session.commit()
    assert user_for_email(session, "hanna@FAXEKOMMUNE.dk").username == "hanna"
    assert user_for_email(session, "bo@faxekommune.dk") is None
    assert user_for_email(session, "ukendt@faxekommune.dk") is None
    assert user_for_email(session, None) is None


# --- the user's own reminder setting ---------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_every_user_may_switch_their_own_reminders_off_and_on(session: Session, role: Role) -> None:
    me = actor_for(make_user(session, "ida", role, email="ida@faxe.dk"))
    assert get_user(session, "ida").email_reminders  # on by default
    set_email_reminders(session, actor=me, username="IDA", enabled=False)
    session.commit()
    assert not get_user(session, "ida").email_reminders
    set_email_reminders(session, actor=me, username="ida", enabled=True)
    session.commit()
    assert get_user(session, "ida").email_reminders


def test_admins_and_the_operator_switch_someone_elses_reminders(session: Session) -> None:
    """(Other roles may not: test_user_write_functions_refuse_roles_other_than_admin.)"""
    make_user(session, "bo", Role.editor)
    admin = actor_for(make_user(session, "hanna", Role.admin))
    set_email_reminders(session, actor=admin, username="bo", enabled=False)
    set_email_reminders(session, actor=Actor.command_line(), username="hanna", enabled=False)
    session.commit()
    assert not get_user(session, "bo").email_reminders
    assert not get_user(session, "hanna").email_reminders
    with pytest.raises(UserError, match=r"^Brugeren 'nemo' findes ikke\.$"):
        set_email_reminders(session, actor=admin, username="nemo", enabled=False)


def test_a_deactivated_user_can_no_longer_switch_their_reminders(session: Session) -> None:
    make_user(session, "hanna", Role.admin)
    me = actor_for(make_user(session, "ida", Role.editor))
    set_active(session, actor=Actor.command_line(), username="ida", active=False)
    session.commit()
    with pytest.raises(PermissionDenied):
        set_email_reminders(session, actor=me, username="ida", enabled=False)
    assert get_user(session, "ida").email_reminders
