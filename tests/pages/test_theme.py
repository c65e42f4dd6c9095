"""AppTest renders of the theme pages (tema_a.py … tema_f.py)."""

from __future__ import annotations

import json

import pytest

from models.plan.plan_file import ThemeSeed
from tests.pages.apptest import INTERNAL_PAGES, PLAN, rendered_text, run_app


@pytest.mark.parametrize("theme", PLAN.themes, ids=lambda theme: theme.code)
def test_theme_page_shows_each_track_of_its_theme(users: None, theme: ThemeSeed) -> None:
    at = run_app(f"pages/tema_{theme.code.lower()}.py", username="vera")
    assert at.title[0].value == f"Tema {theme.code}: {theme.title}"
    headings = [subheader.value for subheader in at.subheader]
    assert headings == [f"Spor {track.code}: {track.title}" for track in theme.tracks]
    html = rendered_text(at)
    for track in theme.tracks:
        for action in track.actions:
            assert action.code in html


@pytest.mark.parametrize("page", [*INTERNAL_PAGES])
def test_a_viewer_sees_no_edit_controls(users: None, page: str) -> None:
    at = run_app(page, username="vera")
    assert [button.label for button in at.button] == ["Log ud"]
    assert not at.text_input
    assert not at.selectbox
    assert not at.text_area


def test_an_editor_switches_a_theme_page_to_edit_mode(users: None) -> None:
    at = run_app("pages/tema_c.py", username="erik")
    assert [toggle.label for toggle in at.toggle] == ["Redigér statusser"]
    assert not at.dataframe
    at.toggle[0].set_value(True).run()
    assert not at.exception
    assert len(at.dataframe) == len(PLAN.themes[2].tracks)
    save = next(button for button in at.button if button.label == "Gem ændringer")
    assert save.disabled  # nothing edited yet


def test_an_editor_gives_a_track_an_owner(users: None) -> None:
    from models.core.db import get_engine, session_scope
    from models.plan.queries import get_themes

    at = run_app("pages/tema_c.py", username="erik")
    at.toggle[0].set_value(True).run()
    owner = at.selectbox(key="track_owner_C.1")
    assert owner.label == "Ejer af sporet"
    assert owner.options == ["(ingen ejer)", "erik", "hanna"]  # editors and admins only
    owner.select("erik").run()
    assert [s.value for s in at.success] == ["C.1 har nu ejer: erik."]
    with session_scope(get_engine()) as session:
        assert get_themes(session, ["C"])[0].tracks[0].owner == "erik"


def test_the_edit_grid_offers_owner_and_confirmation_and_shows_empty_cells_as_a_dash(
    users: None,
) -> None:
    at = run_app("pages/tema_c.py", username="erik")
    at.toggle[0].set_value(True).run()
    grid = at.data_editor[0]
    assert list(grid.value.columns[:6]) == [
        "Handling",
        "Status",
        "Statusnote",
        "Senest opdateret/bekræftet",
        "Bekræft uændret",
        "Ejer",
    ]
    assert grid.proto.placeholder == "–"  # an empty revised deadline shows "–", not "None"
    owner = json.loads(grid.proto.columns)["Ejer"]
    assert owner["type_config"]["options"] == ["", "erik", "hanna"]
