"""Reminder tests: a real SMTP server, the settings pointed at it, and a seeded plan whose
actions have owners (set through the real write path) and users with addresses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select

from models.auth.users import Actor, Role, set_active, set_email_reminders, set_role
from models.plan.action_edits import ActionEdit, Outcome, save_action_edits
from models.plan.status import Status
from models.plan.tables import Action
from tests.factories import actor_for, make_user
from tests.models.reminders.smtp_server import SmtpServer, configure_mail, smtp_server

TODAY = dt.date(2026, 12, 7)  # a Monday; every deadline below has passed by then
ERIKS_NOTE = "ERIKS-EGEN-NOTE-4411"
ELLAS_NOTE = "ELLAS-EGEN-NOTE-7302"
# Who owns what. Overdue on TODAY (README, "Kinds of work"): A.1.1, A.1.2, B.1.1, C.1.1, D.1.2,
# F.1.1, F.1.3. A.1.4 is done and E.4.3 is ongoing work: once touched, neither needs attention.
# A.1.5 has no deadline; ella sets it to Obs.
OWNED = {
    "erik": ["A.1.1", "A.1.2", "A.1.4", "E.4.3"],
    "ella": ["D.1.2", "A.1.5"],
    "otto": ["F.1.1"],  # opts out
    "nina": ["F.1.3"],  # has no address
    "ulla": ["C.1.1"],  # deactivated
    "bo": ["B.1.1"],  # an editor who becomes a viewer: owner and steering group at once
}
NEEDING_ATTENTION = {
    "erik": {"A.1.1", "A.1.2"},
    "ella": {"A.1.5", "D.1.2"},
    "otto": {"F.1.1"},
    "nina": {"F.1.3"},
    "ulla": {"C.1.1"},
    "bo": {"B.1.1"},
}


def address(username: str) -> str:
    return f"{username}@faxe.dk"


@pytest.fixture
def mail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SmtpServer]:
    """A real SMTP server (plain, no login) that the settings point at."""
    with smtp_server(tmp_path) as (server, _ca_file):
        configure_mail(monkeypatch, server)
        yield server


def _action(session: Session, code: str) -> Action:
    return session.exec(
        select(Action).where(Action.code == code).execution_options(populate_existing=True)
    ).one()


def save(session: Session, actor: Actor, code: str, values: dict[str, object]) -> None:
    action = _action(session, code)
    (result,) = save_action_edits(
        session, actor=actor, edits=[ActionEdit(action.id or 0, action.version, values)]
    )
    assert result.outcome == Outcome.saved, result.message
    session.commit()


@pytest.fixture
def people(seeded_session: Session) -> Session:
    """The seeded plan with users of every kind and owners set through `save_action_edits`."""
    session = seeded_session
    users = {
        "erik": make_user(session, "erik", Role.editor, email=address("erik")),
        "ella": make_user(session, "ella", Role.editor, email=address("ella")),
        "otto": make_user(session, "otto", Role.editor, email=address("otto")),
        "nina": make_user(session, "nina", Role.editor),
        "ulla": make_user(session, "ulla", Role.editor, email=address("ulla")),
        "bo": make_user(session, "bo", Role.editor, email=address("bo")),
    }
    make_user(session, "vera", Role.viewer, email=address("vera"))
    make_user(session, "vibeke", Role.viewer, email=address("vibeke"))  # opts out
    make_user(session, "viggo", Role.viewer)  # no address
    make_user(session, "hanna", Role.admin, email=address("hanna"))
    make_user(session, "pia", Role.presenter, email=address("pia"))
    editor = actor_for(users["erik"])
    for owner, codes in OWNED.items():
        for code in codes:
            if code == "A.1.5":
                continue
            values: dict[str, object] = {"owner": owner}
            if code == "A.1.1":
                values["note"] = ERIKS_NOTE
            if code == "A.1.4":
                values["status"] = Status.done.value
            save(session, editor, code, values)
    save(
        session,
        actor_for(users["ella"]),
        "A.1.5",
        {"owner": "ella", "status": Status.attention.value, "note": ELLAS_NOTE},
    )
    cli = Actor.command_line()
    for username in ("otto", "vibeke"):
        me = Actor(username, Role.editor if username == "otto" else Role.viewer)
        set_email_reminders(session, actor=me, username=username, enabled=False)
    set_active(session, actor=cli, username="ulla", active=False)
    set_role(session, actor=cli, username="bo", role=Role.viewer)
    session.commit()
    return session
