"""The presenter steps through every slide; no page ever contains internal marker text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from sqlmodel import Session

from models.presentation.slides import CONTINUED, SLIDE_TITLES
from tests.browser.conftest import (
    ARTIFACTS,
    Server,
    log_in,
    press_key,
    script_run,
    submit,
    wait_for_app,
)
from tests.factories import MARKERS, plant_marker_text

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def deck_total(server: Server) -> int:
    """How many slides the server's deck has today ("I sagde – vi gjorde" takes as many pages
    as the families' input needs)."""
    from models.core.time import today_local
    from models.presentation.aggregates import build_deck
    from models.presentation.slides import slides

    engine = server.engine()
    try:
        with Session(engine) as session:
            return len(slides(build_deck(session, today=today_local())))
    finally:
        engine.dispose()


def title_of(number: int) -> str:
    """Slide `number`'s title: the last title's pages after the first are continued."""
    if number <= len(SLIDE_TITLES):
        return SLIDE_TITLES[number - 1]
    return SLIDE_TITLES[-1] + CONTINUED


@pytest.fixture
def marked_server(app_server: Server) -> Server:
    """The shared server with demo cases and marker text in every internal place."""
    engine = app_server.engine()
    try:
        with Session(engine) as session:
            plant_marker_text(session, dt.date.today())
            session.commit()
    finally:
        engine.dispose()
    return app_server


def test_the_presenter_steps_through_every_slide(
    new_page: Callable[..., Page], marked_server: Server
) -> None:
    page = new_page(1920, 1080)
    log_in(page, marked_server.url, "pia")
    ARTIFACTS.mkdir(exist_ok=True)
    total = deck_total(marked_server)
    assert total > len(SLIDE_TITLES)  # 15 open items of the seeded panel: a continued page
    next_button = page.get_by_role("button", name="Næste →")
    for number in range(1, total + 1):
        expect(page.get_by_role("heading", name=title_of(number), exact=True)).to_be_visible()
        expect(page.get_by_text(f"Faxe Kommune · {number} / {total}")).to_be_visible()
        # A rerun shows the old slide beside the new one until the script ends: wait for the
        # end and for the old slide's button to go before reading the page or clicking.
        wait_for_app(page)
        expect(next_button).to_have_count(1)
        source = page.content()
        for marker in MARKERS:
            assert marker not in source, (number, marker)
        page.screenshot(path=str(ARTIFACTS / f"slide_{number}.png"))
        if number < total:
            with script_run(page):
                next_button.click()
            expect(page.get_by_text(f"Faxe Kommune · {number + 1} / {total}")).to_be_visible()
    expect(next_button).to_be_disabled()
    nav = page.get_by_test_id("stSidebarNav")
    # Borgermøde, Status i tal and the presenter's own profile page, nothing internal
    expect(nav.get_by_role("link")).to_have_text(
        [re.compile(r"Borgermøde$"), re.compile(r"Status i tal$"), re.compile(r"Min profil$")]
    )


# Streamlit scrolls the main area, not the document: both must fit the window.
_OVERFLOW = """() => {
  const main = document.querySelector("[data-testid='stMain']");
  const root = document.scrollingElement;
  return [main.scrollHeight - main.clientHeight, root.scrollHeight - window.innerHeight];
}"""
_CHART_HEIGHT = """(height) => [...document.querySelectorAll(
  ".st-key-deck_chart canvas, .st-key-deck_chart svg")].some(
  (chart) => Math.abs(chart.getBoundingClientRect().height - height) <= 1)"""
_BACKGROUND = """() => {
  const slide = document.querySelector(".slide");
  const style = getComputedStyle(slide);
  const main = getComputedStyle(document.querySelector("[data-testid='stMain']"));
  return [style.backgroundColor, style.color, main.backgroundColor];
}"""


def _assert_only_the_slide(page: Page, number: int, total: int) -> None:
    """Slide `number` fills the window alone: it fits, and no menu, login box or button shows."""
    expect(page.get_by_role("heading", name=title_of(number), exact=True)).to_be_visible()
    expect(page.get_by_text(f"Faxe Kommune · {number} / {total}")).to_be_visible()
    wait_for_app(page)
    assert page.evaluate(_OVERFLOW) == [0, 0], number
    for hidden in (
        page.get_by_test_id("stSidebar"),
        page.get_by_test_id("stHeader"),
        page.get_by_text("Logget ind som"),
        page.get_by_role("button"),
        page.get_by_text("Hent som PowerPoint"),
        page.get_by_text("Page not found"),
    ):
        assert not [item for item in hidden.all() if item.is_visible()], (number, hidden)
    # The exit link waits off-screen until it has keyboard focus.
    expect(page.get_by_role("link", name="Afslut præsentation (Esc)")).not_to_be_in_viewport()


def _press(page: Page, key: str, number: int, total: int) -> None:
    """Press `key` (nothing focused but the page) and wait for slide `number`."""
    press_key(page, key)
    expect(page).to_have_url(re.compile(rf"/presentation\?slide={number}&mode=present$"))
    _assert_only_the_slide(page, number, total)


def test_the_presenter_presents_with_the_keyboard_only(
    new_page: Callable[..., Page], marked_server: Server
) -> None:
    """With demo cases, so slide 5 has its chart (the slide that did not fit 1366×768)."""
    page = new_page(1366, 768)
    total = deck_total(marked_server)
    log_in(page, marked_server.url, "pia")
    expect(page).to_have_url(re.compile(r"/presentation\?slide=1$"))
    # The landing on "/" goes on to the deck (a second run); a click while it settles is retried.
    submit(page, page.get_by_role("button", name="Præsentér i fuld skærm"))
    _assert_only_the_slide(page, 1, total)
    page.screenshot(path=str(ARTIFACTS / "present_1366_1.png"))
    # Forward with every key a clicker or keyboard sends, one slide per press.
    for number, key in enumerate(
        ["ArrowRight", "PageDown", "Space", "ArrowDown", "ArrowRight", "PageDown"], start=2
    ):
        _press(page, key, number, total)
        page.screenshot(path=str(ARTIFACTS / f"present_1366_{number}.png"))
    _press(page, "End", total, total)
    _press(page, "PageDown", total, total)  # the last slide stays the last
    for number, key in [(total - 1, "ArrowLeft"), (total - 2, "PageUp"), (total - 3, "ArrowUp")]:
        _press(page, key, number, total)
    _press(page, "Home", 1, total)
    _press(page, "End", total, total)
    # Tab reaches the exit link (after the main area itself), which then shows; Esc leaves
    # presenter mode on the same slide.
    exit_link = page.get_by_role("link", name="Afslut præsentation (Esc)")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(exit_link).to_be_focused()
    expect(exit_link).to_be_in_viewport()
    press_key(page, "Escape")
    expect(page).to_have_url(re.compile(rf"/presentation\?slide={total}$"))
    expect(page.get_by_text("Logget ind som")).to_be_visible()
    expect(page.get_by_role("button", name="Hent som PowerPoint")).to_be_visible()
    # In the normal view the keys still move the slide.
    press_key(page, "ArrowLeft")
    expect(page).to_have_url(re.compile(rf"/presentation\?slide={total - 1}$"))
    # A key typed into a text field is the field's: Home there moves no slide, so ArrowLeft
    # outside it goes back one more (had Home counted, the deck would be on slide 1 and stay
    # there). The deck has no text field of its own; the test adds one to the page.
    page.evaluate(
        """() => { const field = document.createElement("input");
        field.id = "typed"; document.body.prepend(field); field.focus(); }"""
    )
    page.keyboard.press("Home")
    page.evaluate("() => document.getElementById('typed').remove()")
    press_key(page, "ArrowLeft")
    wait_for_app(page)
    expect(page).to_have_url(re.compile(rf"/presentation\?slide={total - 2}$"))
    expect(page.get_by_text(f"Faxe Kommune · {total - 2} / {total}")).to_be_visible()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_every_slide_fits_the_projector_in_the_dark_variant(
    new_page: Callable[..., Page], marked_server: Server, width: int, height: int
) -> None:
    page = new_page(width, height)
    log_in(page, marked_server.url, "pia")
    submit(page, page.get_by_text("Mørkt tema til lys projektor"))
    expect(page).to_have_url(re.compile(r"/presentation\?slide=1&theme=dark$"))
    from components.slides_view import PRESENT_RESTORATION_HEIGHT, PRESENT_THEMES_HEIGHT

    chart_heights = {3: PRESENT_THEMES_HEIGHT, 5: PRESENT_RESTORATION_HEIGHT}
    total = deck_total(marked_server)
    for number in range(1, total + 1):
        page.goto(f"{marked_server.url}/presentation?slide={number}&mode=present&theme=dark")
        if number in chart_heights:  # the chart has grown with the window (a second run)
            grown = round(chart_heights[number] * height / 768)
            page.wait_for_function(_CHART_HEIGHT, arg=grown)
        _assert_only_the_slide(page, number, total)
        # White text on black, the page around the slide black as well
        assert page.evaluate(_BACKGROUND) == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(0, 0, 0)"]
        page.screenshot(path=str(ARTIFACTS / f"present_dark_{width}_{number}.png"))


@pytest.mark.parametrize("username", ["hanna", "erik", "vera", "pia"])
def test_every_presenting_role_opens_a_slide_by_its_url(
    new_page: Callable[..., Page], app_server: Server, username: str
) -> None:
    page = new_page(1366, 768)
    log_in(page, app_server.url, username)
    for number in (1, 5, 7):
        page.goto(f"{app_server.url}/presentation?slide={number}")
        expect(page.get_by_role("heading", name=SLIDE_TITLES[number - 1])).to_be_visible()
        wait_for_app(page)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page).to_have_url(re.compile(rf"/presentation\?slide={number}$"))
    page.goto(f"{app_server.url}/presentation?slide=3&mode=present")
    _assert_only_the_slide(page, 3, deck_total(app_server))


def test_a_page_the_presenter_does_not_have_says_so_in_danish(
    new_page: Callable[..., Page], app_server: Server
) -> None:
    page = new_page(1366, 768)
    log_in(page, app_server.url, "pia")
    for name in ("overview", "users", "tema_a", "my_actions"):
        page.goto(f"{app_server.url}/{name}")
        expect(page.get_by_text("hører ikke til din rolle")).to_be_visible()
        wait_for_app(page)
        expect(page.get_by_text("Page not found")).to_have_count(0)


def test_a_slide_url_opened_before_the_login_shows_that_slide_after_it(
    new_page: Callable[..., Page], app_server: Server
) -> None:
    from tests.factories import PASSWORD

    page = new_page(1366, 768)
    page.goto(f"{app_server.url}/presentation?slide=4")
    page.get_by_label("Brugernavn").fill("vera")
    wait_for_app(page)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", name="5 pointer")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/presentation\?slide=4$"))
