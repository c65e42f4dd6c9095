"""Editing journeys in a real browser: the grid, two editors at once, and the Excel round-trip."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook
from sqlmodel import Session, select

from models.auth.users import Actor, Role
from models.core.db import create_db_engine, session_scope
from models.core.formatting import date_table_da
from models.core.time import today_local
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.status_workbook import COLUMNS, SHEET
from models.plan.tables import Action
from tests.browser.conftest import ARTIFACTS, Server, log_in, script_run, wait_for_app

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

# Glide grid geometry: Streamlit's header, and the editor's row height and column widths
# (components/action_editor.py: ROW_HEIGHT_PX, _column_config).
HEADER_PX = 35
ROW_PX = 78
WIDTHS = {
    "Nr.": 56,
    "Handling": 153,
    "Status": 150,
    "Statusnote": 153,
    "Senest opdateret/bekræftet": 178,
    "Bekræft uændret": 134,
    "Ejer": 80,
}
COLUMN_CENTRE_PX = {
    name: sum(list(WIDTHS.values())[:index]) + WIDTHS[name] // 2
    for index, name in enumerate(WIDTHS)
}
SELECTS = ("Status", "Ejer")


def stored(server: Server, code: str) -> Action:
    engine = create_db_engine(server.database_url)
    with Session(engine) as session:
        action = session.exec(select(Action).where(Action.code == code)).one()
    engine.dispose()
    return action


def open_editor(page: Page, server: Server, theme: str) -> Locator:
    page.goto(f"{server.url}/tema_{theme}")
    wait_for_app(page)
    with script_run(page):  # the grid takes input only once this run has ended
        page.get_by_text("Redigér statusser").click()
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    return grid


def point_at(page: Page, grid: Locator, row: int, column: str) -> tuple[float, float]:
    """Move the pointer to the centre of a cell; returns where that is."""
    wait_for_app(page)  # a run still going would re-render the grid under the pointer
    grid.evaluate("grid => grid.scrollIntoView({block: 'center'})")  # its rows in the viewport
    box = grid.bounding_box()
    assert box is not None
    x = box["x"] + COLUMN_CENTRE_PX[column]
    y = box["y"] + HEADER_PX + ROW_PX * row + ROW_PX / 2
    assert y < page.viewport_size["height"], f"row {row} is below the viewport"  # type: ignore[index]
    page.bring_to_front()
    grid.hover()  # after a rerun the grid takes input only once the pointer has moved over it
    page.mouse.move(x, y, steps=5)
    return x, y


def cell(grid: Locator, row: int, column: str) -> Locator:
    """A visible cell as the grid's accessibility table holds it."""
    return grid.get_by_test_id(f"glide-cell-{list(WIDTHS).index(column)}-{row}")


def edit_cell(page: Page, grid: Locator, row: int, column: str, value: str) -> None:
    x, y = point_at(page, grid, row, column)
    page.mouse.dblclick(x, y)
    with script_run(page):  # each edit reruns the page; the next edit waits for its end
        if column in SELECTS:
            option = page.get_by_role("option", name=value, exact=True)
            for _ in range(3):  # on a busy machine a click may land before the list takes it
                option.click()
                try:
                    expect(option).to_be_hidden(timeout=5_000)  # the choice closes the list
                    break
                except AssertionError:
                    continue
        else:
            editor = page.locator("textarea.gdg-input")
            editor.fill(value)
            editor.press("Enter")


def tick(page: Page, grid: Locator, row: int) -> None:
    """Tick *Bekræft uændret* in a row (a click on the checkbox toggles it)."""
    x, y = point_at(page, grid, row, "Bekræft uændret")
    with script_run(page):
        page.mouse.click(x, y)


def save(page: Page) -> None:
    with script_run(page):
        page.get_by_role("button", name="Gem ændringer").first.click()


def test_an_editor_changes_status_and_note_in_the_grid(page: Page, app_server: Server) -> None:
    log_in(page, app_server.url, "erik")
    grid = open_editor(page, app_server, "c")
    edit_cell(page, grid, 1, "Status", "Obs")
    expect(page.get_by_text("1 ikke-gemt ændring i 1 handling (C.1.2)")).to_be_visible()
    edit_cell(page, grid, 1, "Statusnote", "Afventer leverandør")
    expect(page.get_by_text("2 ikke-gemte ændringer i 1 handling (C.1.2)")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "theme_edit_mode.png"))
    save(page)
    expect(page.get_by_text("1 handling gemt: C.1.2.")).to_be_visible()
    saved = stored(app_server, "C.1.2")
    assert (saved.status.value, saved.note, saved.updated_by) == (
        "Obs",
        "Afventer leverandør",
        "erik",
    )

    page.reload()
    wait_for_app(page)
    row = page.locator("table.plan-actions tr", has_text="C.1.2")
    expect(row).to_contain_text("! Obs")
    expect(row).to_contain_text("Afventer leverandør")

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Overblik").click()
    wait_for_app(page)
    obs = page.get_by_test_id("stMetric").filter(has_text="Obs")
    expect(obs).to_contain_text("1")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Ændringslog").click()
    wait_for_app(page)
    expect(page.get_by_text("2 ændringer i perioden.")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "change_log.png"))


def test_a_refused_save_keeps_what_was_typed_and_a_ticked_row_is_confirmed(
    page: Page, app_server: Server
) -> None:
    log_in(page, app_server.url, "erik")
    grid = open_editor(page, app_server, "c")
    before = stored(app_server, "C.1.2").note
    edit_cell(page, grid, 1, "Statusnote", "Ringet til 010190-1234")
    save(page)
    refused = page.get_by_text("C.1.2 blev ikke gemt: Teksten ser ud til at indeholde et CPR")
    expect(refused).to_be_visible()
    expect(cell(grid, 1, "Statusnote")).to_have_text("Ringet til 010190-1234")
    expect(page.get_by_text("1 ikke-gemt ændring i 1 handling (C.1.2)")).to_be_visible()
    assert stored(app_server, "C.1.2").note == before
    page.screenshot(path=str(ARTIFACTS / "refused_save.png"))

    edit_cell(page, grid, 1, "Statusnote", "Ringet til familien")
    expect(refused).to_be_hidden()  # corrected: the reason goes with it
    tick(page, grid, 0)
    expect(page.get_by_text("1 handling bekræftes uændret (C.1.1)")).to_be_visible()
    save(page)
    expect(page.get_by_text("1 handling gemt: C.1.2.")).to_be_visible()
    expect(page.get_by_text("1 handling bekræftet uændret: C.1.1.")).to_be_visible()
    today = date_table_da(today_local())
    expect(cell(grid, 0, "Senest opdateret/bekræftet")).to_have_text(f"{today}, erik")
    assert stored(app_server, "C.1.2").note == "Ringet til familien"
    confirmed = stored(app_server, "C.1.1")
    assert (confirmed.confirmed_by, confirmed.version) == ("erik", 1)

    with script_run(page):
        page.get_by_text("Redigér statusser").click()  # back to the read-only page
    row = page.locator("table.plan-actions tr", has_text="C.1.1")
    expect(row).to_contain_text(f"Senest opdateret/bekræftet: {today}, erik")


def test_two_editors_on_the_same_action_the_second_gets_the_conflict(
    new_page: Callable[..., Page], app_server: Server
) -> None:
    first = new_page(1366, 900)
    second = new_page(1366, 900)
    log_in(first, app_server.url, "erik")
    log_in(second, app_server.url, "hanna")
    first_grid = open_editor(first, app_server, "b")
    second_grid = open_editor(second, app_server, "b")
    edit_cell(first, first_grid, 0, "Status", "I gang")
    edit_cell(second, second_grid, 0, "Status", "Obs")
    expect(first.get_by_text("1 ikke-gemt ændring")).to_be_visible()
    expect(second.get_by_text("1 ikke-gemt ændring")).to_be_visible()
    save(first)
    expect(first.get_by_text("1 handling gemt: B.1.1.")).to_be_visible()
    save(second)
    conflict = second.get_by_text("B.1.1 blev ikke gemt: erik ændrede handlingen")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("Status er nu «I gang» (din værdi: «Obs»)")
    assert stored(app_server, "B.1.1").status.value == "I gang"
    second.screenshot(path=str(ARTIFACTS / "conflict.png"))


def change_in_app(server: Server, code: str, values: dict[str, str], username: str) -> None:
    """Someone else saves a change in the app (through the one write path)."""
    engine = create_db_engine(server.database_url)
    try:
        with session_scope(engine, write=True) as session:
            action = session.exec(select(Action).where(Action.code == code)).one()
            save_action_edits(
                session,
                actor=Actor(username, Role.admin),
                edits=[ActionEdit(action.id, action.version, values)],
            )
    finally:
        engine.dispose()


def edited_file(data: bytes, changes: dict[str, dict[str, str]]) -> bytes:
    workbook = load_workbook(io.BytesIO(data))
    for row in workbook[SHEET].iter_rows(min_row=2):
        for column, value in changes.get(row[0].value, {}).items():
            row[COLUMNS.index(column)].value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(page: Page, data: bytes) -> None:
    with script_run(page):
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            files=[
                {"name": "statusser.xlsx", "mimeType": "application/octet-stream", "buffer": data}
            ]
        )


def test_excel_round_trip_is_blocked_only_by_a_row_changed_in_the_file_and_in_the_app(
    page: Page, app_server: Server
) -> None:
    log_in(page, app_server.url, "erik")
    page.get_by_test_id("stSidebarNav").get_by_text("Excel-opdatering").click()
    wait_for_app(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Hent Excel-fil").click()
    downloaded = download_info.value.path().read_bytes()
    change_in_app(app_server, "B.1.1", {"status": "I gang", "note": "Startet"}, "hanna")

    offline = {"D.1.1": {"Status": "Afsluttet/implementeret"}}
    upload(page, edited_file(downloaded, {**offline, "B.1.1": {"Status": "Obs"}}))
    expect(page.get_by_text("1 ændring · 85 uændrede · 0 fejl · 1 konflikt")).to_be_visible()
    conflict = page.get_by_text("B.1.1 (linje 29) er ændret både i filen og i dashboardet")
    expect(conflict).to_contain_text("Status er «I gang» i dashboardet og «Obs» i filen")
    expect(page.get_by_role("button", name="Gem 1 ændring")).to_be_disabled()
    page.screenshot(path=str(ARTIFACTS / "excel_conflict.png"))

    with script_run(page):
        page.get_by_role("button", name="Fjern statusser.xlsx").click()
    upload(page, edited_file(downloaded, offline))
    expect(page.get_by_text("1 ændring · 86 uændrede · 0 fejl · 0 konflikter")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "excel_preview.png"))
    page.get_by_role("button", name="Gem 1 ændring").click()
    wait_for_app(page)
    expect(page.get_by_text("1 handling er opdateret fra Excel.")).to_be_visible()
    assert stored(app_server, "D.1.1").status.value == "Afsluttet/implementeret"
    assert stored(app_server, "B.1.1").status.value == "I gang"
