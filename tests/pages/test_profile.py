"""AppTest renders of Min profil: every role reaches it and switches its own reminders."""

from __future__ import annotations

import pytest

from models.auth.users import get_user
from models.core.db import get_engine, session_scope
from tests.factories import make_user
from tests.pages.apptest import USERS, rendered_text, run_app

TOGGLE = "Send mig ugentlige påmindelser pr. e-mail"


def reminders_on(username: str) -> bool:
    with session_scope(get_engine()) as session:
        user = get_user(session, username)
        assert user is not None
        return user.email_reminders


@pytest.mark.parametrize("username", [username for username, _ in USERS])
def test_every_role_reaches_min_profil(users: None, username: str) -> None:
    """run_app switches to the page: st.navigation registered it for this role."""
    at = run_app("pages/profile.py", username=username)
    assert at.title[0].value == "Min profil"
    assert at.toggle(key="profile_reminders").label == TOGGLE


def test_a_user_switches_their_reminders_off_and_on(users: None) -> None:
    at = run_app("pages/profile.py", username="vera")
    text = rendered_text(at)
    for shown in ("Vera", "vera", "Læser (styregruppe)"):
        assert shown in text
    toggle = at.toggle(key="profile_reminders")
    assert toggle.value is True

    toggle.set_value(False)
    at.run()
    assert [s.value for s in at.success] == ["Du får ikke længere påmindelser pr. e-mail."]
    assert at.toggle(key="profile_reminders").value is False
    assert not reminders_on("vera")
    assert reminders_on("erik")  # nobody else's

    at.toggle(key="profile_reminders").set_value(True)
    at.run()
    assert [s.value for s in at.success] == ["Du får nu ugentlige påmindelser pr. e-mail."]
    assert reminders_on("vera")


def test_the_page_says_when_there_is_no_address_to_send_to(users: None) -> None:
    with session_scope(get_engine(), write=True) as session:
        make_user(session, "eva", email="eva@faxe.dk")
    without = run_app("pages/profile.py", username="erik")
    assert [i.value for i in without.info] == [
        "Der er ingen e-mailadresse på din bruger, så du får ingen påmindelser. Bed en "
        "administrator om at tilføje den."
    ]
    with_address = run_app("pages/profile.py", username="eva")
    assert not with_address.info
    shown = [m.value.replace("\u2060", "") for m in with_address.markdown]
    assert "**E-mail:** eva@faxe.dk" in shown
    assert "**E-mail:** ingen" in [m.value for m in without.markdown]
