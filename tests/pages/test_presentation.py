"""AppTest renders of the citizen-meeting slides (Borgermøde)."""

from __future__ import annotations

import pytest

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
