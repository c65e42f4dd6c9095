"""The published status page in Chromium, opened from the file system as a citizen would get
it: axe-core finds no serious or critical WCAG 2.1 AA violation, the keyboard's first stop is
the skip link, and the print view on A4 hides the navigation and keeps every table's header.
Screenshots (1366 × 768 and the print view) and the A4 PDF go to artifacts/ to be looked at."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.auth.users import Actor
from models.presentation.public_site import (
    MANIFEST,
    publish_to_directory,
    read_site,
    render_site,
)
from tests.browser.conftest import ARTIFACTS, log_in, submit, wait_for_app
from tests.browser.test_accessibility import AXE_OPTIONS, _serious, describe
from tests.factories import plant_marker_text

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect
axe_playwright = pytest.importorskip(
    "axe_playwright_python.sync_playwright", reason="needs axe-playwright-python (dev deps)"
)
pypdf = pytest.importorskip("pypdf")

TODAY = dt.date(2026, 12, 6)
NOW = dt.datetime(2026, 12, 6, 13, 5, tzinfo=dt.UTC)
A4_POINTS = (595, 842)  # 210 × 297 mm


@pytest.fixture
def site(seeded_engine: Engine, tmp_path: Path) -> Path:
    """The site published from a database with demo cases and internal text in every place
    that has it (so the charts are drawn and leaks would show)."""
    out = tmp_path / "statusside"
    with Session(seeded_engine) as session:
        plant_marker_text(session, TODAY)
        session.commit()
        files = render_site(read_site(session, today=TODAY, now=NOW))
        publish_to_directory(
            session, actor=Actor.command_line(), files=files, out=out, status_date=TODAY
        )
        session.commit()
    return out


def axe_problems(page: Page, where: str) -> list[str]:
    results = axe_playwright.Axe().run(page, options=AXE_OPTIONS).response
    return describe(where, _serious(results))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_published_site_is_accessible_and_prints_on_a4(
    site: Path, new_page: Callable[..., Page]
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pages = sorted(site.glob("*.html"))
    assert [p.name for p in pages] == ["index.html"]
    page = new_page(1366, 768)
    problems: list[str] = []
    for html in pages:
        page.goto(html.as_uri())
        expect(page).to_have_title("Status på udviklings- og genopretningsplanen – Faxe Kommune")
        assert page.evaluate("document.documentElement.lang") == "da"
        problems += axe_problems(page, html.name)
    assert problems == []

    page.goto((site / "index.html").as_uri())
    page.screenshot(path=str(ARTIFACTS / "public_site.png"))
    page.screenshot(path=str(ARTIFACTS / "public_site_full.png"), full_page=True)

    # The keyboard: the skip link comes first, is shown when focused, and leads to the content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Gå til indholdet")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # Landmarks and the section links.
    expect(page.get_by_role("navigation", name="Indhold på siden")).to_be_visible()
    expect(page.get_by_role("main")).to_have_count(1)
    expect(
        page.get_by_role("img", name="Søjlediagram: handlinger pr. tema og status")
    ).to_be_visible()
    page.get_by_role("link", name="Effektmål").click()
    expect(page.get_by_role("heading", name="Effektmål", level=2)).to_be_in_viewport()

    # Print: no navigation or skip link, black on white, headers repeat, A4 pages.
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation")).to_be_hidden()
    expect(skip).to_be_hidden()
    assert page.evaluate(
        "[...document.querySelectorAll('thead')].every("
        "  t => getComputedStyle(t).display === 'table-header-group')"
    )
    assert page.evaluate("getComputedStyle(document.querySelector('header')).color") == (
        "rgb(0, 0, 0)"
    )
    problems = axe_problems(page, "index.html (print)")
    assert problems == []
    page.screenshot(path=str(ARTIFACTS / "public_site_print.png"), full_page=True)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (ARTIFACTS / "public_site_a4.pdf").write_bytes(pdf)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert 1 < len(reader.pages) <= 6
    for sheet in reader.pages:
        assert (
            round(float(sheet.mediabox.width)),
            round(float(sheet.mediabox.height)),
        ) == A4_POINTS
    text = " ".join(sheet.extract_text() for sheet in reader.pages)
    assert "Status pr. 6. december 2026" in text
    assert "Gå til indholdet" not in text


def test_an_editor_previews_publishes_and_downloads_the_site(page: Page, app_url: str) -> None:
    log_in(page, app_url, "erik")
    page.get_by_test_id("stSidebarNav").get_by_text("Offentlig statusside").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Offentlig statusside", level=1)).to_be_visible()
    frame = page.frame_locator("iframe[title='Forhåndsvisning af den offentlige statusside']")
    expect(frame.get_by_role("heading", level=1)).to_have_text(
        "Status på udviklings- og genopretningsplanen"
    )
    page.screenshot(path=str(ARTIFACTS / "public_site_app.png"))

    submit(page, page.get_by_role("button", name="Udgiv"))
    message = page.get_by_text("Statussiden er udgivet")
    expect(message).to_be_visible()
    digest = message.inner_text().rsplit(" ", 1)[-1]
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent den udgivne statusside (zip)").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        names = sorted(archive.namelist())
        sums = archive.read(MANIFEST)
    assert names == [MANIFEST, "index.html", "style.css"]
    assert hashlib.sha256(sums).hexdigest() == digest
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()  # the earlier publications
