"""AppTest renders of Planbeslutninger: editors record a decision, everyone internal reads it."""

from __future__ import annotations

import datetime as dt

from tests.pages.apptest import assert_unreachable, rendered_text, run_app


def test_an_editor_records_a_decision_that_moves_a_deadline_and_the_target(users: None) -> None:
    at = run_app("pages/decisions.py", username="erik")
    assert at.title[0].value == "Planbeslutninger"
    at.date_input(key="decision_on_0").set_value(dt.date(2026, 11, 24))
    at.text_input(key="decision_reference_0").set_value("punkt 140")
    at.text_area(key="decision_text_0").set_value("C.1.2 og genopretningen får nye frister.")
    at.checkbox(key="decision_restoration_0").check()
    at.multiselect(key="decision_actions_0").set_value(["C.1.2"])
    at.run()
    labels = [field.label for field in at.date_input]
    assert "Ny frist for C.1.2 (nu 31. marts 2025)" in labels
    at.button[0].click()
    at.run()
    assert [error.value for error in at.error] == ["Angiv en ny frist for C.1.2."]
    at.date_input(key="decision_deadline_C.1.2_0").set_value(dt.date(2027, 3, 31))
    at.date_input(key="decision_restoration_date_0").set_value(dt.date(2027, 6, 30))
    at.button[0].click()
    at.run()
    assert [s.value for s in at.success] == [
        "Beslutningen er registreret: Børn \\& Læringsudvalget 24. november 2026 (punkt 140)."
    ]
    text = rendered_text(at)
    assert "C.1.2: – → 31. marts 2027" in text
    assert "Ny frist for genopretning: 30. juni 2027" in text
    assert not at.multiselect(key="decision_actions_1").value  # new, empty widgets
    assert at.text_input(key="decision_reference_1").value == ""


def test_a_viewer_reads_decisions_without_a_form(users: None) -> None:
    at = run_app("pages/decisions.py", username="vera")
    assert not at.text_area
    assert at.info[0].value.startswith("Der er endnu ikke registreret")


def test_a_presenter_cannot_open_decisions(users: None) -> None:
    assert_unreachable("pages/decisions.py", username="pia")
