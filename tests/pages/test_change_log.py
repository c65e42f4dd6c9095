"""AppTest renders of the change log page (Ændringslog)."""

from __future__ import annotations

from models.auth.users import Role
from tests.pages.apptest import run_app


def test_the_change_log_shows_the_last_weeks_changes(users: None) -> None:
    from sqlmodel import select

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        action = session.exec(select(Action).where(Action.code == "B.1.1")).one()
        save_action_edits(
            session,
            actor=Actor("erik", Role.editor),
            edits=[ActionEdit(action.id, action.version, {"status": "I gang"})],
        )
    at = run_app("pages/change_log.py", username="vera")
    assert at.title[0].value == "Ændringslog"
    assert at.caption[0].value == "1 ændring i perioden."
    table = at.dataframe[0].value
    assert table.iloc[0].to_dict() | {"Tidspunkt": "…"} == {
        "Tidspunkt": "…",
        "Bruger": "erik",
        "Handling": f"B.1.1 {action.text}",
        "Felt": "Status",
        "Fra": "Kommende opgave",
        "Til": "I gang",
        "Note": "",
    }
