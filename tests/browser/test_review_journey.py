"""The weekly review in a real browser: a viewer starts it, marks two items *drøftet* with a
decision in the agenda's grids, saves it with the attendees and downloads the minutes; after
an editor changes one action, the next review lists only that change as changed."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from docx import Document
from sqlmodel import Session, select

from models.auth.users import Actor, Role
from models.plan.action_edits import ActionEdit, Outcome, save_action_edits
from models.plan.tables import Action
from models.reviews.service import open_review, review_items
from models.reviews.tables import ReviewSection
from tests.browser.conftest import ARTIFACTS, Server, log_in, script_run, wait_for_app
from tests.browser.test_inert_text import grid_shows

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

# Glide grid geometry (Streamlit's defaults) and the agenda grid's column widths
# (components/review_agenda.py): Nr. 50, Handling 225, Status 145, Hvorfor 200, Drøftet 80.
HEADER_PX = 35
ROW_PX = 35
BEFORE_DISCUSSED_PX = 50 + 225 + 145 + 200
CENTRE_PX = {"Drøftet": BEFORE_DISCUSSED_PX + 40, "Beslutning": BEFORE_DISCUSSED_PX + 80 + 60}


def write_as_erik(server: Server, code: str, values: dict[str, str]) -> None:
    """An editor's change through the real write function, in the server's database."""
    engine = server.engine()
    try:
        with Session(engine) as session:
            action = session.exec(select(Action).where(Action.code == code)).one()
            (result,) = save_action_edits(
                session,
                actor=Actor("erik", Role.editor),
                edits=[ActionEdit(action.id, action.version, values)],
            )
            assert result.outcome == Outcome.saved
            session.commit()
    finally:
        engine.dispose()


def agenda(server: Server) -> dict[ReviewSection, list[tuple[str, bool, str]]]:
    """The open review's items by section: (code, drøftet, decision)."""
    engine = server.engine()
    try:
        with Session(engine) as session:
            review = open_review(session)
            assert review is not None
            items = review_items(session, review.id)
    finally:
        engine.dispose()
    return {
        section: [(i.code, i.discussed, i.decision) for i in items if i.section == section]
        for section in ReviewSection
    }


def section(page: Page, name: ReviewSection) -> Locator:
    """One agenda section: its heading, help, grid and save button."""
    return page.locator(f".st-key-review_section_{name.name}")


def section_grid(page: Page, name: ReviewSection) -> Locator:
    return section(page, name).get_by_test_id("stDataFrame")


def mark(page: Page, grid: Locator, row: int, decision: str) -> None:
    """Tick *Drøftet* in `row` and type the decision (each edit reruns the page)."""
    wait_for_app(page)
    expect(grid).to_be_visible()
    grid.scroll_into_view_if_needed()
    for column in ("Drøftet", "Beslutning"):
        wait_for_app(page)  # a run still going would re-render the grid under the pointer
        box = grid.bounding_box()
        assert box is not None
        x = box["x"] + CENTRE_PX[column]
        y = box["y"] + HEADER_PX + ROW_PX * row + ROW_PX / 2
        grid.hover()  # after a rerun the grid takes input only once the pointer moved over it
        page.mouse.move(x, y, steps=5)
        with script_run(page):
            if column == "Drøftet":
                page.mouse.click(x, y)
            else:
                page.mouse.dblclick(x, y)
                editor = page.locator("textarea.gdg-input")
                editor.fill(decision)
                editor.press("Enter")


def test_a_viewer_runs_a_weekly_review_and_the_next_shows_only_what_changed(
    page: Page, app_server: Server
) -> None:
    write_as_erik(app_server, "A.4.1", {"status": "Obs", "note": "Venter på leverandør"})
    log_in(page, app_server.url, "vera")
    with script_run(page):
        page.get_by_test_id("stSidebarNav").get_by_text("Ugentlig gennemgang").click()
    with script_run(page):
        page.get_by_role("button", name="Start ugentlig gennemgang").click()
    expect(page.get_by_text("Gennemgangen er startet")).to_be_visible()
    expect(page.get_by_test_id("stMetric").filter(has_text="Obs")).to_contain_text("1")
    first = agenda(app_server)
    assert [code for code, *_ in first[ReviewSection.new_obs]] == ["A.4.1"]
    overdue = first[ReviewSection.overdue][0][0]

    new_obs = section_grid(page, ReviewSection.new_obs)
    grid_shows(new_obs, "A.4.1", "Venter på leverandør")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "weekly_review.png"))  # 1366 × 768, as it opens
    mark(page, new_obs, 0, "Leverandøren rykkes")
    page.screenshot(path=str(ARTIFACTS / "weekly_review_agenda.png"))
    expect(page.get_by_text("1 punkt med ændringer, der ikke er gemt endnu.")).to_be_visible()
    with script_run(page):
        section(page, ReviewSection.new_obs).get_by_role("button", name="Gem drøftelser").click()
    expect(page.get_by_text("1 punkt gemt.")).to_be_visible()
    mark(page, section_grid(page, ReviewSection.overdue), 0, "Ny frist foreslås")
    page.screenshot(path=str(ARTIFACTS / "weekly_review_marked.png"))
    page.get_by_role("textbox", name="Deltagere").fill("Vera (styregruppen)\nErik")
    with script_run(page):  # saves the unsaved mark in the grid too
        page.get_by_role("button", name="Afslut og gem gennemgangen").click()
    expect(page.get_by_text("Gennemgangen er gemt. Hent referatet herunder.")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Hent referat (Word)").click()
    assert download.value.suggested_filename.startswith("referat-ugentlig-gennemgang-")
    minutes = Document(io.BytesIO(download.value.path().read_bytes()))
    text = [paragraph.text for paragraph in minutes.paragraphs]
    assert text[0].startswith("Referat: Ugentlig gennemgang ")
    assert text[text.index("Deltagere") + 1 :][:2] == ["Vera (styregruppen)", "Erik"]
    assert "Obs 1" in text
    decided = [
        (row.cells[0].text, row.cells[4].text)
        for table in minutes.tables
        for row in table.rows
        if row.cells[4].text.startswith("Drøftet:")
    ]
    assert decided == [
        ("A.4.1", "Drøftet: Leverandøren rykkes"),
        (overdue, "Drøftet: Ny frist foreslås"),
    ]

    write_as_erik(app_server, "C.1.2", {"status": "I gang"})
    with script_run(page):
        page.get_by_role("button", name="Start ugentlig gennemgang").click()
    expect(page.get_by_role("heading", name="5. Ændret siden sidste gennemgang")).to_contain_text(
        "(1 punkt, 0 drøftet)"
    )
    expect(page.get_by_role("heading", name="1. Nye Obs siden sidste gennemgang")).to_contain_text(
        "(0 punkter, 0 drøftet)"
    )
    changed = section_grid(page, ReviewSection.changed)
    grid_shows(changed, "C.1.2", "Status: Kommende opgave → I gang (erik)")
    expect(page.get_by_test_id("stMetric").filter(has_text="Obs")).to_contain_text("±0")
    page.screenshot(path=str(ARTIFACTS / "weekly_review_next.png"))
    second = agenda(app_server)
    assert second[ReviewSection.changed] == [("C.1.2", False, "")]
    assert second[ReviewSection.new_obs] == []
