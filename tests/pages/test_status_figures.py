"""AppTest renders of the presenter's aggregate status page (Status i tal)."""

from __future__ import annotations

from tests.pages.apptest import rendered_text, run_app


def test_a_presenter_sees_aggregate_status_only(users: None) -> None:
    at = run_app("pages/status_figures.py", username="pia")
    assert at.title[0].value == "Status i tal"
    assert [m.label for m in at.metric] == [
        "Kommende opgave",
        "I gang",
        "Obs",
        "Afsluttet/implementeret",
    ]
    text = rendered_text(at)
    for leak in ("Spor ", "BLU 29.9.2025", "Handlinger i alt", "Brugere og roller"):
        assert leak not in text
