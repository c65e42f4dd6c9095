"""Case import in a real browser: a file with errors is refused line by line, a valid one counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from models.restoration.case_import import COLUMNS
from tests.browser.conftest import ARTIFACTS, log_in, wait_for_app

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

HEADER = ";".join(COLUMNS)
GOOD = [
    "S-0001;Børn og Unge;A.1;høj;ikke lovmedholdelig;01-10-2025;15-10-2025;20-10-2025;;;;"
    "børnesamtale;01-12-2026;",
    "S-0001;Børn og Unge;A.1;høj;ikke lovmedholdelig;01-10-2025;15-10-2025;20-10-2025;;;;"
    "partshøring;;05-11-2026",
    "S-0002;Handicap;A.1;lav;lovmedholdelig;01-11-2025;;;;;;afgørelse;;",
]
BAD = [
    GOOD[0],
    "S-0003;Ungeteamet;A.1;høj;;30-02-2025;;;;;;børnesamtale;;",
    "S-0004;Handicap;A.1;lav;;01-11-2025;;;;;;hjemmebesøg;;",
]


def upload(page: Page, name: str, rows: list[str]) -> None:
    content = "\n".join([HEADER, *rows]).encode("cp1252")  # as Windows Excel saves it
    page.get_by_text("Indlæs sager fra fagsystemet").click()
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}]
    )
    wait_for_app(page)


def test_an_editor_uploads_a_bad_file_then_a_good_one(page: Page, app_url: str) -> None:
    log_in(page, app_url, "erik")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Genopretning").click()
    wait_for_app(page)
    expect(page.get_by_text("Der er endnu ingen sager indlæst.")).to_be_visible()

    upload(page, "fejl.csv", BAD)
    expect(page.get_by_text("Filen er ikke indlæst: 3 fejl.")).to_be_visible()
    errors = page.locator("table.import-problems tbody tr")
    expect(errors).to_have_count(3)
    expect(errors.nth(0)).to_contain_text("3Teamukendt team 'Ungeteamet'")
    expect(errors.nth(1)).to_contain_text("3Gennemgået'30-02-2025' er ikke en gyldig dato")
    expect(errors.nth(2)).to_contain_text("4Sagsskridtukendt sagsskridt 'hjemmebesøg'")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "restoration_import_errors.png"))

    page.reload()
    wait_for_app(page)
    upload(page, "sager.csv", GOOD)
    expect(page.get_by_text("Filen er gyldig: 2 nye sager, 0 ændrede, 0 uændrede")).to_be_visible()
    page.get_by_role("button", name="Indlæs filen").click()
    wait_for_app(page)
    expect(page.get_by_text("Sagerne er indlæst: 2 nye, 0 ændrede, 0 uændrede.")).to_be_visible()
    cases = page.get_by_test_id("stMetric").filter(has_text="Sager i genopretning")
    expect(cases).to_contain_text("2")
    open_steps = page.get_by_test_id("stMetric").filter(has_text="Åbne sagsskridt")
    expect(open_steps).to_contain_text("2")
