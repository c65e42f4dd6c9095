"""AppTest renders of the citizen-meeting slides (Borgermøde)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from models.auth.users import PRESENT
from tests.pages.apptest import USERS, new_app, rendered_text, run_app

PRESENTERS = [username for username, role in USERS if role in PRESENT]


def total() -> int:
    """How many slides the deck has today: the seven, then "I sagde – vi gjorde" on as many
    pages as the families' input needs."""
    from models.core.db import get_engine, session_scope
    from models.core.time import today_local
    from models.presentation.aggregates import build_deck
    from models.presentation.slides import slides

    with session_scope(get_engine()) as session:
        return len(slides(build_deck(session, today=today_local())))


@pytest.mark.parametrize("slide", range(1, 9))
def test_a_presenter_opens_every_slide(users: None, slide: int) -> None:
    from models.presentation.slides import SLIDE_TITLES

    at = new_app("pia")
    at.query_params["slide"] = str(slide)
    at.run()
    at.run()
    assert not at.exception
    text = rendered_text(at)
    assert f"<h1>{SLIDE_TITLES[slide - 1]}</h1>" in text
    assert f"Faxe Kommune · {slide} / {total()}" in text
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


def _deck(username: str = "pia", **params: str) -> AppTest:
    at = new_app(username)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _buttons(at: AppTest) -> list[str]:
    return [button.label for button in at.main.button]


def _keys_component(at: AppTest) -> Any:
    (component,) = [node for node in at.get("bidi_component")]
    return component.proto


@pytest.mark.parametrize("username", PRESENTERS)
def test_every_presenting_role_opens_the_deck_by_its_own_url(users: None, username: str) -> None:
    """/presentation?slide=N is the same page for every role (no role has it at "/" only)."""
    at = new_app(username)
    at.run()
    at.switch_page("pages/presentation.py")
    at.query_params["slide"] = "6"
    at.run()
    assert not at.exception
    from models.presentation.slides import SLIDE_TITLES

    assert f"<h1>{SLIDE_TITLES[5]}</h1>" in rendered_text(at)


def test_the_presenter_starts_on_the_deck(users: None) -> None:
    at = _deck()
    assert at.query_params["slide"] == "1"
    assert "<h1>Status på udviklings- og genopretningsplanen</h1>" in rendered_text(at)


@pytest.mark.parametrize(
    ("asked", "shown"), [("99", "last"), ("0", "1"), ("abc", "1"), ("-3", "1"), ("4", "4")]
)
def test_the_slide_number_is_kept_within_the_deck(users: None, asked: str, shown: str) -> None:
    at = _deck(slide=asked, foo="bar")
    shown = str(total()) if shown == "last" else shown
    assert dict(at.query_params) == {"slide": shown}
    assert f"Faxe Kommune · {shown} / {total()}" in rendered_text(at)


def test_the_normal_view_has_the_controls_and_the_download(users: None) -> None:
    at = _deck(slide="2")
    assert _buttons(at) == ["← Forrige", "Næste →", "Præsentér i fuld skærm"]
    assert [button.label for button in at.get("download_button")] == ["Hent som PowerPoint"]
    assert [toggle.label for toggle in at.toggle] == ["Mørkt tema til lys projektor"]
    assert json.loads(_keys_component(at).json)["present"] is False  # keys, no exit link


def test_the_presenter_button_opens_presenter_mode_on_the_same_slide(users: None) -> None:
    at = _deck(slide="3")
    next(b for b in at.button if b.label == "Præsentér i fuld skærm").click().run()
    assert dict(at.query_params) == {"slide": "3", "mode": "present"}


def test_presenter_mode_shows_the_slide_alone(users: None) -> None:
    from components.slides_view import page_css

    at = _deck(slide="5", mode="present")
    text = rendered_text(at)
    assert "<h1>Genopretning af sager</h1>" in text
    assert f"Faxe Kommune · 5 / {total()}" in text
    assert _buttons(at) == []
    assert not at.get("download_button")
    assert not at.toggle
    css = page_css(present=True, dark=False)
    assert '[data-testid="stSidebar"]' in css
    assert '[data-testid="stHeader"]' in css
    assert any(html.proto.body.startswith(css) for html in at.get("html"))
    assert json.loads(_keys_component(at).json) == {
        "present": True,
        "exit_label": "Afslut præsentation (Esc)",
        "exit_href": "?slide=5",
        "viewport": None,  # until the browser reports the window's height
    }


def test_the_dark_toggle_keeps_the_slide_and_the_mode(users: None) -> None:
    at = _deck(slide="4")
    at.toggle[0].set_value(True).run()
    assert dict(at.query_params) == {"slide": "4", "theme": "dark"}
    assert at.toggle[0].value is True
    next(b for b in at.button if b.label == "Præsentér i fuld skærm").click().run()
    assert dict(at.query_params) == {"slide": "4", "mode": "present", "theme": "dark"}
    from components.slides_view import DARK, page_css

    assert any(
        html.proto.body.startswith(page_css(present=True, dark=True)) for html in at.get("html")
    )
    assert DARK.background == "#000000"


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_helper_knows_black_on_white() -> None:
    assert round(contrast("#000000", "#FFFFFF"), 1) == 21.0
    assert round(contrast("#777777", "#FFFFFF"), 2) == 4.48


@pytest.mark.parametrize("dark", [False, True])
def test_every_text_colour_of_both_looks_has_contrast_of_at_least_4_5(dark: bool) -> None:
    from components.slides_view import TEXT_COLOURS, palette

    colours = palette(dark)
    for name in TEXT_COLOURS:
        assert contrast(getattr(colours, name), colours.background) >= 4.5, name
    assert contrast(colours.accent, colours.background) >= 3  # the emphasis bar, not text


@pytest.mark.parametrize(("viewport", "height"), [(None, 310), (768, 310), (1080, 436), (400, 242)])
def test_a_chart_in_presenter_mode_grows_with_the_window(viewport: int | None, height: int) -> None:
    from components.slides_view import PRESENT_RESTORATION_HEIGHT, present_height

    assert present_height(PRESENT_RESTORATION_HEIGHT, viewport) == height
