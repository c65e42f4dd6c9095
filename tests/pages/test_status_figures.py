"""AppTest renders of the presenter's aggregate status page (Status i tal)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.pages.apptest import rendered_text, run_app
from tests.pages.test_presentation import chart_payload, set_status

STATUSES = ["Kommende opgave", "I gang", "Obs", "Afsluttet/implementeret"]


def test_a_presenter_sees_aggregate_status_only(users: None) -> None:
    at = run_app("pages/status_figures.py", username="pia")
    assert at.title[0].value == "Status i tal"
    assert [m.label for m in at.metric] == STATUSES
    text = rendered_text(at)
    for leak in ("Spor ", "BLU 29.9.2025", "Handlinger i alt", "Brugere og roller"):
        assert leak not in text


def _shown(at: AppTest) -> tuple[list[str], object]:
    return [metric.value for metric in at.metric], chart_payload(at)


def test_counts_under_5_are_suppressed_in_the_figures_and_the_chart(users: None) -> None:
    at = run_app("pages/status_figures.py", username="pia")
    figures, (spec, datasets) = before = _shown(at)
    # Plan: upcoming 19, 9, 3, 12, 11, 13; in progress 5, 0, 2, 3, 5, 1; done 3, 0, 0, 0, 1, 0.
    assert figures == ["mindst 65", "mindst 13", "0", "mindst 2"]
    assert [metric.help for metric in at.metric][1].startswith("Tal under 5 vises ikke")
    rows = [row for _, rows in datasets for row in rows]
    assert sum(row["Antal handlinger"] == "under 5" for row in rows) == 6
    assert all(
        row["Antal handlinger"] == "under 5" or int(row["Antal handlinger"]) >= 5 for row in rows
    )
    for computed in ('"stack"', '"aggregate"', "sum(", "normalize", "andel"):
        assert computed not in spec

    set_status("C.1.2", "I gang")  # theme C: 2 upcoming and 3 in progress, both still under 5
    assert _shown(run_app("pages/status_figures.py", username="pia")) == before

    set_status("A.4.1", "I gang")  # theme A: 18 upcoming and 6 in progress, both shown
    figures, chart = _shown(run_app("pages/status_figures.py", username="pia"))
    assert figures == ["mindst 64", "mindst 14", "0", "mindst 2"]
    assert chart != before[1]
