"""Outages in a real browser: the database stops, the disk fills up.

Users meet a Danish message with an error id that the server's log holds (never Streamlit's
English traceback or its "Ask Google / Ask ChatGPT" links), nothing is half-saved, and what an
editor typed in the grid is not lost: it is saved once the database answers again, without a
server restart.

The database that stops is a PostgreSQL server of this module's own (tests/outage_postgres.py);
the disk that fills up is a small tmpfs holding a SQLite database (tests/outage_disk.py). Each
has its own app server.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pytest
from sqlmodel import Session, col, func, select

from components.texts import errors as t
from models.plan.tables import Action, ActionChange
from tests.browser.conftest import (
    BROWSER_TEMPLATE,
    browser_templates,
    log_in,
    submit,
    wait_for_app,
)
from tests.browser.outage_server import OutageServer, app_on, seed_browser_database
from tests.browser.test_editing_journeys import cell, edit_cell, open_editor, save
from tests.outage_disk import SmallDisk, small_disk
from tests.outage_postgres import StoppableCluster, stoppable_postgres

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

ERROR_ID = re.compile(r"Fejl-id: ([0-9a-f]{8})\.")
STREAMLIT_ERROR_PAGE = ("Traceback", "Ask Google", "Ask ChatGPT", "Error", "psycopg", "sqlite3")
NOTE = "Afventer svar fra leverandøren"


# --- what the user sees, and what the log holds --------------------------------------------


def alert_with_id(page: Page) -> Locator:
    return page.get_by_test_id("stAlert").filter(has_text="Fejl-id:")


def shown_error_id(page: Page, *messages: str) -> str:
    """The error id of the Danish message on the page, which says each of `messages`."""
    alert = alert_with_id(page)
    for message in messages:
        expect(alert).to_contain_text(message)
    shown = page.get_by_test_id("stMain").inner_text()
    for english in STREAMLIT_ERROR_PAGE:
        assert english not in shown, f"{english!r} on the page: {shown}"
    found = ERROR_ID.search(alert.inner_text())
    assert found, alert.inner_text()
    return found[1]


def logged_error(server: OutageServer, error_id: str) -> dict[str, Any]:
    """The server log's JSON line for the error with this id."""
    entries = [
        json.loads(line)
        for line in server.log().splitlines()
        if line.startswith("{") and f'"error_id": "{error_id}"' in line
    ]
    assert len(entries) == 1, f"error {error_id} is not logged once:\n{server.log()[-3000:]}"
    (entry,) = entries
    assert (entry["event"], entry["level"]) == ("error", "error")
    return entry


def stored_note(server: OutageServer, code: str) -> tuple[str, str | None, int]:
    """The action's note, who last updated it, and how many audit rows it has."""
    engine = server.engine()
    try:
        with Session(engine) as session:
            action = session.exec(select(Action).where(Action.code == code)).one()
            changes = session.exec(
                select(func.count()).where(col(ActionChange.action_id) == action.id)
            ).one()
    finally:
        engine.dispose()
    return action.note, action.updated_by, changes


def retry(page: Page) -> None:
    submit(page, page.get_by_role("button", name=t.RETRY))


# --- the database stops ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[StoppableCluster]:
    with stoppable_postgres() as made:
        seed_browser_database(made.url)
        yield made


@pytest.fixture(scope="module")
def pg_app(
    cluster: StoppableCluster, chromium_path: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[OutageServer]:
    with app_on(cluster.url, tmp_path_factory.mktemp("outage-pg")) as server:
        yield server


@contextmanager
def stopped(cluster: StoppableCluster) -> Iterator[None]:
    cluster.stop()
    try:
        yield
    finally:
        if not cluster.running():
            cluster.start()


def test_a_page_during_a_database_outage_is_the_danish_error_page_until_it_is_back(
    page: Page, pg_app: OutageServer, cluster: StoppableCluster
) -> None:
    log_in(page, pg_app.url, "vera")
    with stopped(cluster):
        page.goto(f"{pg_app.url}/tema_c")
        wait_for_app(page)
        error_id = shown_error_id(page, t.DATABASE_DOWN)
        assert logged_error(pg_app, error_id)["kind"] == "OperationalError"
    # The tab never showed a page: *Prøv igen* loads the address again (the same server).
    page.get_by_role("link", name=t.RETRY).click()
    wait_for_app(page)
    expect(alert_with_id(page)).to_have_count(0)
    expect(page.get_by_role("heading", name="Tema C: Berigtigelse")).to_be_visible()
    expect(page.get_by_text("Logget ind som")).to_be_visible()


def test_what_was_typed_is_saved_after_the_database_was_stopped_at_gem(
    page: Page, pg_app: OutageServer, cluster: StoppableCluster
) -> None:
    log_in(page, pg_app.url, "erik")
    grid = open_editor(page, pg_app, "c")  # type: ignore[arg-type]  # url is all it needs
    edit_cell(page, grid, 1, "Statusnote", NOTE)
    before = stored_note(pg_app, "C.1.2")
    with stopped(cluster):
        save(page)
        error_id = shown_error_id(page, t.DATABASE_DOWN, t.EDITS_KEPT)
        logged_error(pg_app, error_id)
        retry(page)  # still down: the same message, and still nothing lost
        assert shown_error_id(page, t.EDITS_KEPT) != error_id
    retry(page)
    grid = page.get_by_test_id("stDataFrame").first
    expect(cell(grid, 1, "Statusnote")).to_have_text(NOTE)
    expect(page.get_by_text(t.KEPT_ROW.format(code="C.1.2"))).to_be_visible()
    expect(page.get_by_text("1 ikke-gemt ændring i 1 handling (C.1.2)")).to_be_visible()
    assert stored_note(pg_app, "C.1.2") == before  # nothing was saved meanwhile
    save(page)
    expect(page.get_by_text("1 handling gemt: C.1.2.")).to_be_visible()
    note, updated_by, changes = stored_note(pg_app, "C.1.2")
    assert (note, updated_by, changes) == (NOTE, "erik", before[2] + 1)


# --- the disk fills up ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def disk() -> Iterator[SmallDisk]:
    with small_disk(64) as made:
        yield made


@pytest.fixture(scope="module")
def disk_app(
    disk: SmallDisk, chromium_path: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[OutageServer]:
    database = disk.path / "browser.db"
    browser_templates().copy_sqlite(BROWSER_TEMPLATE, database)
    with app_on(f"sqlite:///{database}", tmp_path_factory.mktemp("outage-disk")) as server:
        yield server


@contextmanager
def full(disk: SmallDisk) -> Iterator[None]:
    disk.fill()
    try:
        yield
    finally:
        disk.free()


def test_a_login_on_a_full_disk_says_so_in_danish(
    page: Page, disk_app: OutageServer, disk: SmallDisk
) -> None:
    page.goto(disk_app.url)
    wait_for_app(page)
    with full(disk):
        page.get_by_label("Brugernavn").fill("vera")
        page.get_by_label("Adgangskode").fill("forkert adgangskode")  # a failure is written too
        submit(page, page.get_by_role("button", name="Log ind"))
        error_id = shown_error_id(page, t.DISK_FULL)
        assert logged_error(disk_app, error_id)["kind"] == "OperationalError"
    retry(page)
    expect(page.get_by_role("button", name="Log ind")).to_be_visible()  # the form, as before
    log_in(page, disk_app.url, "vera", form=True)


def test_a_save_on_a_full_disk_saves_nothing_and_keeps_what_was_typed(
    page: Page, disk_app: OutageServer, disk: SmallDisk
) -> None:
    log_in(page, disk_app.url, "erik")
    grid = open_editor(page, disk_app, "c")  # type: ignore[arg-type]
    edit_cell(page, grid, 1, "Statusnote", NOTE)
    before = stored_note(disk_app, "C.1.2")
    with full(disk):
        save(page)
        error_id = shown_error_id(page, t.SAVE_DISK_FULL)
        logged_error(disk_app, error_id)
        expect(cell(grid, 1, "Statusnote")).to_have_text(NOTE)
        expect(page.get_by_text("1 ikke-gemt ændring i 1 handling (C.1.2)")).to_be_visible()
    assert stored_note(disk_app, "C.1.2") == before  # rolled back: no note, no audit row
    save(page)
    expect(page.get_by_text("1 handling gemt: C.1.2.")).to_be_visible()
    assert stored_note(disk_app, "C.1.2") == (NOTE, "erik", before[2] + 1)
