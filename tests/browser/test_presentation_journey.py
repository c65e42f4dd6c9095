"""The presenter steps through every slide; no page ever contains internal marker text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from sqlmodel import Session

from models.auth.users import Role
from models.presentation.slides import SLIDE_TITLES
from tests.browser.conftest import ARTIFACTS, Server, log_in, running_app, wait_for_app
from tests.factories import MARKERS, plant_marker_text

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def plant_markers(session: Session) -> None:
    plant_marker_text(session, dt.date.today())


@pytest.fixture(scope="module")
def marked_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_app(
        tmp_path_factory.mktemp("slides"), (("pia", Role.presenter),), plant_markers
    ) as server:
        yield server


def test_the_presenter_steps_through_every_slide(browser: Browser, marked_server: Server) -> None:
    page = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
    log_in(page, marked_server.url, "pia")
    ARTIFACTS.mkdir(exist_ok=True)
    titles = SLIDE_TITLES
    for number, title in enumerate(titles, start=1):
        expect(page.get_by_role("heading", name=title)).to_be_visible()
        expect(page.get_by_text(f"Faxe Kommune · {number} / 7")).to_be_visible()
        source = page.content()
        for marker in MARKERS:
            assert marker not in source, (number, marker)
        page.screenshot(path=str(ARTIFACTS / f"slide_{number}.png"))
        if number < len(titles):
            page.get_by_role("button", name="Næste →").click()
            wait_for_app(page)
    expect(page.get_by_role("button", name="Næste →")).to_be_disabled()
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_role("link")).to_have_count(2)  # Borgermøde and Status i tal only
