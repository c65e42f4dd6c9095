"""The app in a real browser: the overview and a theme page render with their content."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import ARTIFACTS, log_in, wait_for_app

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def test_overview_renders_the_plan_and_links_every_theme(page: Page, app_url: str) -> None:
    log_in(page, app_url, "vera")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Udviklings- og genopretningsplan på familieområdet"
    )
    nav = page.get_by_test_id("stSidebarNav")
    for code in "ABCDEF":
        expect(nav.get_by_text(f"Tema {code}:", exact=False)).to_have_count(1)
    expect(page.get_by_test_id("stMetric").first).to_contain_text("Afsluttet/implementeret")
    expect(page.get_by_text("Handlinger i alt:")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overview_1366x768.png"))


def test_overview_on_a_projector_sized_screen(new_page: Callable[..., Page], app_url: str) -> None:
    page = new_page(1920, 1080)
    log_in(page, app_url, "vera")
    for heading in (
        "Status pr. tema",
        "Kræver opmærksomhed",
        "Siden sidste gennemgang",
        "Tidslinje",
    ):
        expect(page.get_by_role("heading", name=heading)).to_be_attached()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overview_1920x1080.png"))
    page.get_by_role("heading", name="Tidslinje").scroll_into_view_if_needed()
    expect(page.locator("[data-testid='stVegaLiteChart']").last).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "overview_timeline_1920x1080.png"))


def test_theme_page_renders_tracks_actions_and_statuses(page: Page, app_url: str) -> None:
    log_in(page, app_url, "vera")
    page.goto(f"{app_url}/tema_a")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tema A: Ensartet, høj faglig kvalitet i sagsbehandlingen"
    )
    expect(main).to_contain_text("Spor A.1: Genopretning i alle sager; fagligt og administrativt")
    expect(main).to_contain_text("Spor A.7: Kvalitetsstandarder")
    expect(main).to_contain_text("Administrationen overfører gamle akter fra Sbsys til DUBU-sager.")
    expect(main.locator(".status-badge", has_text="Afsluttet/implementeret").first).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "theme_a.png"))


def test_navigation_from_the_sidebar_opens_a_theme(page: Page, app_url: str) -> None:
    log_in(page, app_url, "vera")
    page.get_by_test_id("stSidebarNav").get_by_text("Tema C:", exact=False).click()
    page.wait_for_url(f"{app_url}/tema_c")
    wait_for_app(page)
    expect(page.get_by_test_id("stMain")).to_contain_text("Spor C.1:")
