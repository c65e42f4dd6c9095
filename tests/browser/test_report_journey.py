"""Status reports in a real browser: create a snapshot, compare with now after an edit, download."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from docx import Document
from openpyxl import load_workbook

from models.auth.users import Actor, Role
from models.core.db import session_scope
from models.core.formatting import date_long_da
from models.core.time import today_local
from models.reports.snapshots import create_snapshot
from tests.browser.conftest import ARTIFACTS, log_in, submit, wait_for_app
from tests.browser.test_auth_journeys import choose_option
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
    assert text.startswith(f"Bilag\nStatus pr. {date_long_da(today_local())}\n")
    assert "Tema E: 1 handling er afsluttet/implementeret (E.1.1)" in text
    assert document.core_properties.author == "Erik"  # the app user who made the file


def test_an_admin_deletes_a_report_by_typing_its_name_and_a_reason(
    page: Page, app_server: Server
) -> None:
    """No one-click delete: the admin types the report's name and why, and the deletion is
    listed with who and why."""
    name = "Prøve til sletning"
    engine = app_server.engine()
    try:
        with session_scope(engine, write=True) as session:
            create_snapshot(
                session,
                actor=Actor("erik", Role.editor),
                name=name,
                taken_on=today_local(),
                today=today_local(),
            )
    finally:
        engine.dispose()
    log_in(page, app_server.url, "hanna")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Statusrapporter").click()
    wait_for_app(page)
    choose_option(page, page.get_by_test_id("stSelectbox").first, name)
    wait_for_app(page)
    page.get_by_test_id("stExpander").get_by_text("Slet rapport", exact=True).click()
    form = page.get_by_test_id("stForm").filter(has_text="Slet rapporten endeligt")
    form.get_by_label(f"Skriv rapportens navn «{name}» for at bekræfte").fill("Prøve")
    form.get_by_label("Begrundelse (mindst 10 tegn; gemmes i loggen)").fill("Lavet for at øve")
    submit(page, form.get_by_role("button", name="Slet rapporten endeligt"))
    expect(
        page.get_by_text(f"Skriv rapportens navn «{name}» præcis for at bekræfte sletningen.")
    ).to_be_visible()

    form.get_by_label(f"Skriv rapportens navn «{name}» for at bekræfte").fill(name)
    submit(page, form.get_by_role("button", name="Slet rapporten endeligt"))
    expect(page.get_by_text(f"Statusrapporten «{name}» er slettet.")).to_be_visible()
    page.get_by_test_id("stExpander").filter(has_text="Slettede statusrapporter").click()
    deleted = page.get_by_test_id("stExpander").filter(has_text="Slettede statusrapporter")
    expect(deleted.get_by_test_id("stDataFrame")).to_be_visible()
    expect(deleted.get_by_text("Lavet for at øve")).to_be_attached()  # drawn on a canvas
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report_deleted.png"), full_page=True)
