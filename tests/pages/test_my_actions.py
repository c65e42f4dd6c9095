"""AppTest renders of Mine handlinger: an owner's actions in sections, the owner's start page."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from models.auth.users import Actor, Role
from models.core.db import get_engine, session_scope
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.tables import Action
from tests.pages.apptest import assert_unreachable, run_app


def own(username: str, *codes: str, by: Actor | None = None) -> None:
    """Make `username` the owner; the operator's change (`by` None) is nobody's update."""
    with session_scope(get_engine(), write=True) as session:
        actions = session.exec(select(Action).where(Action.code.in_(codes))).all()
        save_action_edits(
            session,
            actor=by or Actor.command_line(),
            edits=[ActionEdit(a.id, a.version, {"owner": username}) for a in actions],
        )


def test_an_editor_without_actions_starts_on_the_overview(users: None) -> None:
    at = run_app(username="erik")
    assert at.title[0].value.startswith("Udviklings- og genopretningsplan")
    at.switch_page("pages/my_actions.py")
    at.run()
    assert at.info[0].value.startswith("Du er ikke ejer af nogen handlinger.")


def test_an_owner_starts_on_their_actions_in_sections(
    users: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("models.core.time.today_local", lambda: dt.date(2026, 12, 6))
    own("erik", "A.1.1", "A.2.6")
    own("erik", "F.2.3", "E.4.3", by=Actor("erik", Role.editor))  # just updated: fresh
    at = run_app(username="erik")
    assert at.title[0].value == "Mine handlinger"
    assert [sub.value for sub in at.subheader] == [
        "Kræver handling (2)",  # A.1.1 overdue; A.2.6 recurring, not confirmed since the plan
        "Frist inden for 30 dage (1)",  # F.2.3: "2026", so by 31 December
        "Resten (1)",  # E.4.3: ongoing, and fresh
    ]


def test_viewers_and_presenters_have_no_own_actions_page(users: None) -> None:
    assert_unreachable("pages/my_actions.py", username="vera")
    assert_unreachable("pages/my_actions.py", username="pia")
