"""AppTest renders of the effect goals page (Effektmål), at an injected today."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.apptest import rendered_text, run_app

NAMES = (
    "Sagsbehandlingstid",
    "Sager pr. rådgiver",
    "Sygefravær",
    "Fratrædelser",
    "Underretninger pr. år",
    "Anbragte børn og unge pr. 31.12.",
    "Andel underretninger om børn under 8 år",
)
"""The cards (the page shows them in two columns)."""
BADGE = '<span class="status-badge"'
HISTORY = (
    "Mål i Fælles om Forebyggelse (ca. 2019) for 2021: mindst 50 % · afløst af "
    "Udviklings- og genopretningsplanen 2024–2027 · historisk mål, vurderes ikke"
)


def at_today(monkeypatch: pytest.MonkeyPatch, day: dt.date, username: str = "erik") -> AppTest:
    monkeypatch.setattr("models.core.time.today_local", lambda: day)
    return run_app("pages/indicators.py", username=username)


def badges(at: AppTest) -> dict[str, str]:
    """Each card's badge line (status, forældet, offentlig), by the card's name (both in the
    order the page's two columns are walked)."""
    titles = [m.value for m in at.markdown if m.value.startswith("**")]
    found = [e.proto.body for e in at.get("html") if e.proto.body.startswith(BADGE)]
    by_name = {
        name: body
        for title, body in zip(titles, found, strict=True)
        for name in NAMES
        if title.startswith(f"**{name}**")
    }
    assert set(by_name) == set(NAMES)
    return by_name


def test_the_indicator_page_shows_a_card_per_effect_goal(
    users: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = at_today(monkeypatch, dt.date(2026, 11, 23))
    assert at.title[0].value == "Effektmål"
    text = rendered_text(at)
    for name in NAMES:
        assert f"**{name}**" in text
    assert "Seneste: 1.023 (2017)" in text  # the source gives the year
    assert "Seneste: 131 (31. december 2018)" in text  # the source gives the day
    assert "Seneste: ca. 55 (ca. 2019)" in text  # approximate year and value
    assert "Seneste: 36 % (2018)" in text
    assert "1. januar 2019" not in text
    assert "Registrér eller ret måling" in [expander.label for expander in at.expander]


def test_cards_say_ingen_data_or_foraeldet_as_the_measurements_are(
    users: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = badges(at_today(monkeypatch, dt.date(2026, 11, 23)))
    for empty in ("Sagsbehandlingstid", "Sygefravær", "Fratrædelser"):
        assert "Ingen data" in shown[empty]
        assert "forældet" not in shown[empty]
    for old in ("Sager pr. rådgiver", "Underretninger pr. år", "Anbragte børn og unge pr. 31.12."):
        assert "forældet" in shown[old]
    assert "Ingen måling i målets periode" in shown["Sager pr. rådgiver"]  # ca. 2019 vs 2024


def test_the_2019_strategys_goal_is_history_not_evaluated(
    users: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = at_today(monkeypatch, dt.date(2022, 1, 1))
    text = rendered_text(at)
    under8 = badges(at)["Andel underretninger om børn under 8 år"]
    assert HISTORY in text
    assert "Intet gældende mål" in under8
    for judged in ("På mål", "Tæt på", "Ikke på mål"):
        assert judged not in under8


def test_the_2019_strategys_goal_is_evaluated_while_it_applied(
    users: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = at_today(monkeypatch, dt.date(2021, 12, 31))
    assert "Ikke på mål" in badges(at)["Andel underretninger om børn under 8 år"]
    text = rendered_text(at)
    assert (
        "Mål i Fælles om Forebyggelse (ca. 2019): mindst 50 % · gælder til 31. december 2021"
    ) in text
    assert "Mål fra 14. november 2024: 20–25 · gælder endnu ikke, vurderes ikke" in text


def test_the_plans_target_says_its_document_and_period(
    users: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = rendered_text(at_today(monkeypatch, dt.date(2026, 11, 23)))
    assert (
        "Mål i Udviklings- og genopretningsplanen 2024–2027: 20–25 · "
        "gælder 14. november 2024 – 31. december 2027"
    ) in text
    assert "tilsynet beder om" not in text
    assert "Nyborg Kommune tilbød under sin genopretning" in text


def test_a_viewer_sees_the_indicators_without_entry_forms(users: None) -> None:
    at = run_app("pages/indicators.py", username="vera")
    assert "Registrér eller ret måling" not in [expander.label for expander in at.expander]
    assert not at.get("form")
