"""Re-baselining in a real browser: an editor records a committee decision that moves C.1.2's
deadline; the grid, the theme page and the Word appendix show both deadlines, and the change
log names the decision."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from docx import Document

from tests.browser.conftest import ARTIFACTS, Server, log_in, script_run, submit, wait_for_app
from tests.browser.test_editing_journeys import stored
from tests.browser.test_inert_text import grid_shows

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

DECISION = "Beslutning: Børn & Læringsudvalget"


def open_page(page: Page, name: str) -> None:
    with script_run(page):
        page.get_by_test_id("stSidebarNav").get_by_text(name, exact=True).click()
    wait_for_app(page)


def test_a_decision_moves_c_1_2_and_every_view_shows_both_deadlines(
    page: Page, app_server: Server
) -> None:
    log_in(page, app_server.url, "erik")
    open_page(page, "Planbeslutninger")
    choices = page.get_by_test_id("stMultiSelect")
    choices.click()  # opens the list; no rerun
    choices.locator("input").fill("C.1.2")  # the list is long: filter it
    with script_run(page):
        page.get_by_role("option", name="C.1.2", exact=False).first.click()
    page.keyboard.press("Escape")
    # A date field of day, month and year segments: typing fills them in turn.
    page.get_by_role("spinbutton", name="dag, Ny frist for C.1.2 (nu 31. marts 2025)").click()
    page.keyboard.type("31032027")
    with script_run(page):  # the date counts once the field is left
        page.keyboard.press("Escape")
        page.get_by_text("Ny frist for C.1.2 (nu 31. marts 2025)").click()
    page.get_by_label("Reference (fx punkt og mødedato i referatet)").fill("punkt 140")
    page.get_by_label("Beslutningen", exact=True).fill(
        "Fristen for undervisning i TAF-reglerne flyttes."
    )
    submit(page, page.get_by_role("button", name="Registrér beslutningen"))
    expect(page.get_by_text("Beslutningen er registreret")).to_be_visible()
    expect(page.get_by_text("C.1.2: – → 31. marts 2027")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "decision.png"), full_page=True)
    moved = stored(app_server, "C.1.2")
    assert (str(moved.revised_end_date), str(moved.end_date)) == ("2027-03-31", "2025-03-31")

    page.goto(f"{app_server.url}/tema_c")
    wait_for_app(page)
    row = page.locator("table.plan-actions tr", has_text="C.1.2")
    expect(row).to_contain_text("31-03-2027")
    expect(row).to_contain_text("Planens frist: 31-03-2025")
    expect(row).not_to_contain_text("Overskredet")
    with script_run(page):  # the grid takes input only once this run has ended
        page.get_by_text("Redigér statusser").click()
    grid = page.get_by_test_id("stDataFrame").first
    # The plan's deadline (read-only), the revised deadline and why, right of the columns for
    # the weekly round (the accessible table gives dates as ISO; the canvas shows 31-03-2027).
    grid_shows(grid, "31-03-2025", "2027-03-31", DECISION, scroll_right=True)
    page.screenshot(path=str(ARTIFACTS / "decision_grid.png"))

    open_page(page, "Ændringslog")
    log = page.get_by_test_id("stDataFrame").first
    grid_shows(log, "C.1.2", "Revideret frist")
    grid_shows(log, DECISION, scroll_right=True)  # the note column names the decision

    open_page(page, "Statusrapporter")
    page.get_by_label("Navn (fx «Status BLU 29.9.2025»)").fill("Status BLU december 2026")
    submit(page, page.get_by_role("button", name="Frys status nu"))
    expect(page.get_by_text("er oprettet")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Word-bilag (.docx)").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "31-03-2027 (opr. 31-03-2025)" in cells
