"""AppTest renders of the app shell: the overview and every theme page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from models.plan_file import ThemeSeed, load_plan_file

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PLAN = load_plan_file()


def run_app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_overview_shows_the_plan_and_every_theme() -> None:
    at = run_app()
    assert at.title[0].value == "Udviklings- og genopretningsplan på familieområdet 2024–2027"
    metrics = {m.label: m.value for m in at.metric}
    total = sum(len(track.actions) for theme in PLAN.themes for track in theme.tracks)
    assert metrics["Handlinger i alt"] == str(total)
    html = " ".join(str(element.proto) for element in at.get("html"))
    for theme in PLAN.themes:
        assert f"<b>{theme.code}</b>: " in html


@pytest.mark.parametrize("theme", PLAN.themes, ids=lambda theme: theme.code)
def test_theme_page_shows_each_track_of_its_theme(theme: ThemeSeed) -> None:
    at = run_app(f"pages/tema_{theme.code.lower()}.py")
    assert at.title[0].value == f"Tema {theme.code}: {theme.title}"
    headings = [subheader.value for subheader in at.subheader]
    assert headings == [f"Spor {track.code}: {track.title}" for track in theme.tracks]
    html = " ".join(str(element.proto) for element in at.get("html"))
    for track in theme.tracks:
        for action in track.actions:
            assert action.code in html
