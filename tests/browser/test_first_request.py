"""The first request after a server start must still go through app.py's login gate.

Streamlit's legacy `pages/` mode would otherwise run pages/tema_c.py on its own, skipping
app.py and its gate. The first test therefore needs a server that has not run a page yet (the
fixture `pristine_app_url`; such tests run before the other browser tests).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import log_in, wait_for_app

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def test_first_request_to_a_page_url_meets_the_login_gate(
    page: Page, pristine_app_url: str
) -> None:
    page.goto(f"{pristine_app_url}/tema_c")
    wait_for_app(page)
    expect(page.get_by_role("button", name="Log ind")).to_be_visible()
    main = page.get_by_test_id("stMain")
    expect(main).not_to_contain_text("Spor C.1")
    expect(main).not_to_contain_text("tabt arbejdsfortjeneste")
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)


def test_after_login_the_theme_url_opens_the_theme(page: Page, app_url: str) -> None:
    log_in(page, app_url, "vera")
    page.goto(f"{app_url}/tema_c")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tema C: Berigtigelse af tabt arbejdsfortjeneste"
    )
