"""AppTest renders of the effect goals page (Effektmål)."""

from __future__ import annotations

from tests.pages.apptest import rendered_text, run_app


def test_the_indicator_page_shows_a_card_per_effect_goal(users: None) -> None:
    at = run_app("pages/indicators.py", username="erik")
    assert at.title[0].value == "Effektmål"
    text = rendered_text(at)
    for name in (
        "Sager pr. rådgiver",
        "Underretninger pr. år",
        "Anbragte børn og unge pr. 31.12.",
        "Andel underretninger om børn under 8 år",
        "Sygefravær",
    ):
        assert f"**{name}**" in text
    assert "Seneste: 1.023 antal (31. dec. 2017)" in text
    assert "Ikke på mål" in text
    assert "forældet" in text
    assert "Registrér eller ret måling" in [expander.label for expander in at.expander]


def test_a_viewer_sees_the_indicators_without_entry_forms(users: None) -> None:
    at = run_app("pages/indicators.py", username="vera")
    assert "Registrér eller ret måling" not in [expander.label for expander in at.expander]
    assert not at.get("form")
