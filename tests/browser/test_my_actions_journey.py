"""Mine handlinger in a real browser: an owner confirms one action, sets another to Obs
(refused without a note, saved with one), and both leave *Kræver handling*."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlmodel import select

from models.auth.users import Actor
from models.core.db import create_db_engine, session_scope
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.tables import Action
from tests.browser.conftest import ARTIFACTS, Server, log_in, wait_for_app
from tests.browser.test_editing_journeys import edit_cell, save, stored, tick

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

# Four actions without deadlines, none touched by a person: all four "ikke bekræftet".
OWNED = ("C.1.4", "C.1.5", "D.1.3", "D.1.4")


def own(server: Server) -> None:
    engine = create_db_engine(server.database_url)
    try:
        with session_scope(engine, write=True) as session:
            actions = session.exec(select(Action).where(Action.code.in_(OWNED))).all()
            save_action_edits(  # by the operator: nobody's update, so they stay unconfirmed
                session,
                actor=Actor.command_line(),
                edits=[ActionEdit(a.id or 0, a.version, {"owner": "erik"}) for a in actions],
            )
    finally:
        engine.dispose()


def section(page: Page, name: str):
    return page.get_by_role("heading", name=name)


def test_an_owner_confirms_one_action_and_puts_another_on_obs(
    page: Page, app_server: Server
) -> None:
    own(app_server)
    log_in(page, app_server.url, "erik")  # an owner starts on Mine handlinger
    expect(page.get_by_role("heading", name="Mine handlinger", level=1)).to_be_visible()
    expect(section(page, "Kræver handling (4)")).to_be_visible()
    grid = page.get_by_test_id("stDataFrame").first  # the first section's grid

    tick(page, grid, 0)  # C.1.4: status unchanged
    save(page)
    expect(page.get_by_text("1 handling bekræftet uændret: C.1.4.")).to_be_visible()
    confirmed = stored(app_server, "C.1.4")
    assert (confirmed.confirmed_by, confirmed.version) == ("erik", 2)  # 2: the owner was set
    page.reload()
    wait_for_app(page)
    expect(section(page, "Kræver handling (3)")).to_be_visible()

    grid = page.get_by_test_id("stDataFrame").first
    edit_cell(page, grid, 0, "Status", "Obs")  # C.1.5, without a new note
    save(page)
    expect(page.get_by_text("skal statusnoten forklare hvorfor", exact=False)).to_be_visible()
    assert stored(app_server, "C.1.5").status.value == "Kommende opgave"
    edit_cell(page, grid, 0, "Statusnote", "Familien er ikke orienteret endnu")
    save(page)
    expect(page.get_by_text("1 handling gemt: C.1.5.")).to_be_visible()
    assert stored(app_server, "C.1.5").status.value == "Obs"

    page.reload()
    wait_for_app(page)
    expect(section(page, "Kræver handling (2)")).to_be_visible()
    expect(section(page, "Resten (2)")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "my_actions.png"), full_page=True)
