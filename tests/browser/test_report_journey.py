"""Status reports in a real browser: create a snapshot, compare with now after an edit, download."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.browser.conftest import ARTIFACTS, log_in, wait_for_app
from tests.browser.test_editing_journeys import edit_cell, open_editor, save

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Server

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def test_snapshot_compare_and_download(page: Page, app_server: Server) -> None:
    log_in(page, app_server.url, "erik")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Statusrapporter").click()
    wait_for_app(page)
    page.get_by_label("Navn (fx «Status BLU 29.9.2025»)").fill("Status BLU 29.9.2025")
    page.get_by_role("button", name="Frys status nu").click()
    expect(page.get_by_text("Statusrapporten «Status BLU 29.9.2025» er oprettet.")).to_be_visible()

    grid = open_editor(page, app_server, "e")
    edit_cell(page, grid, 0, "Status", "Afsluttet/implementeret")
    expect(page.get_by_text("1 ikke-gemt ændring")).to_be_visible()
    save(page)
    expect(page.get_by_text("1 handling gemt: E.1.1.")).to_be_visible()

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Statusrapporter").click()
    wait_for_app(page)
    expect(page.get_by_text("Siden «Status BLU 29.9.2025»")).to_be_visible()
    expect(
        page.get_by_text("Tema E: 1 handling er afsluttet/implementeret (E.1.1)")
    ).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "reports.png"), full_page=True)

    with page.expect_download() as xlsx_download:
        page.get_by_role("button", name="Excel (.xlsx)").click()
    workbook = load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes()))
    comparison = list(workbook["Sammenligning"].iter_rows(min_row=2, values_only=True))
    assert [(row[1], row[3], row[4]) for row in comparison] == [
        ("E.1.1", "I gang", "Afsluttet/implementeret")
    ]
    with page.expect_download() as docx_download:
        page.get_by_role("button", name="Word-bilag (.docx)").click()
    document = Document(io.BytesIO(docx_download.value.path().read_bytes()))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Bilag: Status nu" in text
    assert "Tema E: 1 handling er afsluttet/implementeret (E.1.1)" in text
