"""The first request after a server start must still run inside app.py's shell.

Streamlit's legacy `pages/` mode would otherwise run pages/tema_c.py on its own, skipping
app.py (its page config and, later, its login gate). This module gets its own fresh server.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import wait_for_app

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def test_first_request_to_a_page_url_goes_through_the_app_shell(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/tema_c")
    wait_for_app(page)
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_text("Tema C: Berigtigelse af tabt arbejdsfortjeneste")).to_have_count(1)
    expect(nav.get_by_text("tema c", exact=True)).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tema C: Berigtigelse af tabt arbejdsfortjeneste"
    )
    expect(page.get_by_test_id("stMain")).to_contain_text("Spor C.1:")
