"""The change log's CSV in a real browser: built when the button is clicked (a deferred
download), with the change just saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlmodel import select

from models.auth.users import Actor, Role
from models.core.db import session_scope
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.tables import Action
from tests.browser.conftest import log_in, wait_for_app

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Server

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def test_the_change_log_csv_downloads_with_the_saved_change(page: Page, app_server: Server) -> None:
    engine = app_server.engine()
    try:
        with session_scope(engine, write=True) as session:
            action = session.exec(select(Action).where(Action.code == "B.1.1")).one()
            save_action_edits(
                session,
                actor=Actor("erik", Role.editor),
                edits=[ActionEdit(action.id, action.version, {"note": "CSV-NOTE-3141"})],
            )
    finally:
        engine.dispose()
    log_in(page, app_server.url, "vera")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Ændringslog").click()
    wait_for_app(page)
    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").get_by_role("button", name="Hent som CSV").click()
    assert download.value.suggested_filename.startswith("aendringslog-")
    lines = download.value.path().read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # the header and the one change
    assert lines[0] == "tidspunkt,bruger,tema,spor,handling,felt,fra,til,note"
    assert ",erik,B," in lines[1]
    assert ",B.1.1,note," in lines[1]
    assert "CSV-NOTE-3141" in lines[1]
