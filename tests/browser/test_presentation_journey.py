"""The presenter steps through every slide; no page ever contains internal marker text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from sqlmodel import Session

from models.presentation.slides import SLIDE_TITLES
from tests.browser.conftest import ARTIFACTS, Server, log_in, script_run, wait_for_app
from tests.factories import MARKERS, plant_marker_text

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


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
    titles = SLIDE_TITLES
    next_button = page.get_by_role("button", name="Næste →")
    for number, title in enumerate(titles, start=1):
        expect(page.get_by_role("heading", name=title)).to_be_visible()
        expect(page.get_by_text(f"Faxe Kommune · {number} / 7")).to_be_visible()
        # A rerun shows the old slide beside the new one until the script ends: wait for the
        # end and for the old slide's button to go before reading the page or clicking.
        wait_for_app(page)
        expect(next_button).to_have_count(1)
        source = page.content()
        for marker in MARKERS:
            assert marker not in source, (number, marker)
        page.screenshot(path=str(ARTIFACTS / f"slide_{number}.png"))
        if number < len(titles):
            with script_run(page):
                next_button.click()
            expect(page.get_by_text(f"Faxe Kommune · {number + 1} / 7")).to_be_visible()
    expect(next_button).to_be_disabled()
    nav = page.get_by_test_id("stSidebarNav")
    # Borgermøde, Status i tal and the presenter's own profile page, nothing internal
    expect(nav.get_by_role("link")).to_have_text(
        [re.compile(r"Borgermøde$"), re.compile(r"Status i tal$"), re.compile(r"Min profil$")]
    )
