"""AppTest renders of the overview page."""

from __future__ import annotations

import pytest

from models.auth.users import Role
from tests.pages.apptest import PLAN, rendered_text, run_app


@pytest.mark.parametrize("username", ["hanna", "erik", "vera"])
def test_internal_roles_see_the_overview(users: None, username: str) -> None:
    at = run_app(username=username)
    assert at.title[0].value == "Udviklings- og genopretningsplan på familieområdet 2024–2027"
    total = sum(len(track.actions) for theme in PLAN.themes for track in theme.tracks)
    text = rendered_text(at)
    assert f"Handlinger i alt: <b>{total}</b>" in text
    assert [metric.label for metric in at.metric] == [
        "Afsluttet/implementeret",
        "Overskredne",
        "Obs",
    ]
    assert [sub.value for sub in at.subheader] == [
        "Status pr. tema",
        "Kræver opmærksomhed",
        "Siden sidste gennemgang",
        "Tidslinje",
    ]
    assert "Ingen ændringer i perioden." in text
    assert "Logget ind som" in text


def test_the_overview_summarises_this_weeks_changes(users: None) -> None:
    from sqlmodel import select

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        target = session.exec(select(Action).where(Action.code == "A.4.1")).one()
        save_action_edits(
            session,
            actor=Actor("erik", Role.editor),
            edits=[ActionEdit(target.id, target.version, {"status": "Obs"})],
        )
    at = run_app(username="vera")
    text = rendered_text(at)
    assert "1 handling er gået fra Kommende opgave til Obs" in text
    assert "1 ny Obs på A.4" in text
    attention = at.dataframe[0].value
    row = attention[attention["Nr."] == "A.4.1"].iloc[0]
    assert (row["Status"], row["Hvorfor"].split(", ")[-1]) == ("Obs", "Obs")
