"""AppTest renders of the user page (Brugere)."""

from __future__ import annotations

import pytest

from tests.pages.apptest import assert_unreachable, rendered_text, run_app


@pytest.mark.parametrize("username", ["erik", "vera", "pia"])
def test_only_admins_reach_the_user_page(users: None, username: str) -> None:
    assert_unreachable("pages/users.py", username=username)


def test_an_admin_reaches_the_user_page(users: None) -> None:
    at = run_app("pages/users.py", username="hanna")
    assert at.title[0].value == "Brugere og roller"
    assert "hanna" in rendered_text(at)
    assert "Opret bruger" in [tab.label for tab in at.tabs]


def test_an_admin_sees_who_is_blocked_and_unlocks_them(users: None) -> None:
    from models.auth.login import attempt_login
    from models.auth.throttle import current_blocks
    from models.core.db import get_engine, session_scope
    from models.core.time import utcnow

    for _ in range(5):
        with session_scope(get_engine(), write=True) as session:
            attempt_login(session, username="erik", password="forkert-kodeord", client="10.9.9.9")
    at = run_app("pages/users.py", username="hanna")
    blocks = at.tabs[4]
    assert blocks.label == "Spærringer"
    table = blocks.dataframe[0].value
    assert sorted(zip(table["Brugernavn"], table["Adresse"], strict=True)) == [
        ("erik", "10.9.9.9"),
        ("erik", "alle ukendte adresser"),
    ]
    assert blocks.selectbox[0].options == ["erik"]
    blocks.button[0].click()
    at.run()
    assert [s.value for s in at.success] == ["Spærringen af erik er ophævet."]
    with session_scope(get_engine()) as session:
        assert current_blocks(session, utcnow()) == []
    log = at.tabs[5].dataframe[0].value
    assert list(log.iloc[0][["Brugernavn", "Hændelse", "Udført af"]]) == [
        "erik",
        "Spærring ophævet",
        "hanna",
    ]


def test_admins_see_who_owns_what_and_deactivating_an_owner_lists_their_actions(
    users: None,
) -> None:
    from sqlmodel import select

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        actions = session.exec(select(Action).where(Action.code.in_(["A.1.1", "B.1.1"]))).all()
        save_action_edits(
            session,
            actor=Actor.command_line(),
            edits=[ActionEdit(a.id, a.version, {"owner": "erik"}) for a in actions],
        )
    at = run_app("pages/users.py", username="hanna")
    table = at.dataframe[0].value
    owns = dict(zip(table["Brugernavn"], table["Ejer af"], strict=True))
    assert (owns["erik"], owns["vera"]) == ("A.1.1, B.1.1", "–")
    tab = at.tabs[3]
    tab.selectbox[0].select("erik")
    tab.button[0].click()  # Deaktiver
    at.run()
    assert [s.value for s in at.success] == [
        "erik er nu deaktiveret. erik ejer stadig 2 handlinger (A.1.1, B.1.1); giv dem en ny ejer."
    ]
