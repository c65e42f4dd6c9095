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


def test_counts_of_actions_are_exact_in_the_figures_and_the_chart(users: None) -> None:
    at = run_app("pages/status_figures.py", username="pia")
    figures, (spec, datasets) = before = _shown(at)
    # Plan: upcoming 19, 9, 3, 12, 11, 13; in progress 5, 0, 2, 3, 5, 1; done 3, 0, 0, 0, 1, 0.
    assert figures == ["67", "16", "0", "4"]
    rows = [row for _, rows in datasets for row in rows]
    assert [
        (row["Status"], row["Antal handlinger"]) for row in rows if row["Tema"].startswith("C:")
    ] == [("Kommende opgave", "3"), ("I gang", "2")]  # actions are about no one: 3 is 3
    assert "under 5" not in spec + repr(datasets)
    for computed in ('"stack"', '"aggregate"', "sum(", "normalize", "andel"):
        assert computed not in spec
    assert (
        "Tema C: Berigtigelse af tabt arbejdsfortjeneste – 0 afsluttet, 2 i gang, 0 obs, "
        "3 kommende." in rendered_text(at)
    )  # the chart's text alternative

    set_status("C.1.2", "I gang")  # theme C: 2 upcoming and 3 in progress
    figures, (_, datasets) = _shown(run_app("pages/status_figures.py", username="pia"))
    assert figures == ["66", "17", "0", "4"]
    rows = [row for _, rows in datasets for row in rows]
    assert [
        (row["Status"], row["Antal handlinger"]) for row in rows if row["Tema"].startswith("C:")
    ] == [("Kommende opgave", "2"), ("I gang", "3")]
    assert (figures, datasets) != before
