"""AppTest renders of the citizen-meeting slides (Borgermøde)."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.apptest import new_app, rendered_text, run_app


@pytest.mark.parametrize("slide", range(1, 8))
def test_a_presenter_opens_every_slide(users: None, slide: int) -> None:
    from models.presentation.slides import SLIDE_TITLES

    at = new_app("pia")
    at.query_params["slide"] = str(slide)
    at.run()
    at.run()
    assert not at.exception
    text = rendered_text(at)
    assert f"<h1>{SLIDE_TITLES[slide - 1]}</h1>" in text
    assert f"Faxe Kommune · {slide} / 7" in text
    for leak in ("BLU 29.9.2025:", "Planen, nov. 2024"):  # internal status notes
        assert leak not in text


def test_the_next_button_moves_to_the_next_slide(users: None) -> None:
    at = run_app("pages/presentation.py", username="pia")
    next_button = next(button for button in at.button if button.label == "Næste →")
    next_button.click().run()
    assert at.query_params["slide"] == "2"
    assert "<h1>Baggrunden</h1>" in rendered_text(at)


def chart_payload(at: AppTest) -> tuple[str, list[tuple[str, list[dict[str, Any]]]]]:
    """What the browser gets for the page's one chart: its spec and every dataset's rows."""
    import pyarrow as pa

    (chart,) = at.get("vega_lite_chart")
    proto = chart.proto
    buffers = [("", proto.data.data)] if proto.data.data else []
    buffers += [(dataset.name, dataset.data.data) for dataset in proto.datasets]
    return proto.spec, [
        (name, pa.ipc.open_stream(buffer).read_all().to_pylist()) for name, buffer in buffers
    ]


def set_status(code: str, status: str) -> None:
    """An editor sets one action's status in the app's database."""
    from sqlmodel import select

    from models.auth.users import Actor, Role
    from models.core.db import get_engine, session_scope
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        action = session.exec(select(Action).where(Action.code == code)).one()
        save_action_edits(
            session,
            actor=Actor("erik", Role.editor),
            edits=[ActionEdit(action.id, action.version, {"status": status})],
        )


def _slide(number: int) -> AppTest:
    at = new_app("pia")
    at.query_params["slide"] = str(number)
    at.run()
    at.run()
    assert not at.exception
    return at


def test_slide_3_sends_exact_counts_of_actions_to_the_browser(users: None) -> None:
    spec, datasets = chart_payload(_slide(3))
    rows = [row for _, rows in datasets for row in rows]
    assert [
        (row["Status"], row["Antal handlinger"]) for row in rows if row["Tema"].startswith("C:")
    ] == [("Kommende opgave", "3"), ("I gang", "2")]  # actions, not people: exact
    assert [(row["start"], row["slut"]) for row in rows if row["Tema"].startswith("C:")] == [
        (0, 3),
        (3, 5),
    ]  # to scale
    for computed in ('"stack"', '"aggregate"', "sum(", "normalize", "andel"):
        assert computed not in spec
