"""The Danish error page: a message a user can act on, an id the log holds, and typed changes
that a failed run took off the page brought back."""

from __future__ import annotations

import errno
import io
import json
import sqlite3

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select
from streamlit.testing.v1 import AppTest

from components.errors import is_outage, save_failed, user_message
from components.texts import errors as t
from models.auth.users import Actor, Role
from models.core import applog
from models.core.db import create_db_engine, session_scope
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.tables import Action, ActionChange
from tests.factories import make_user

SQLITE_FULL = "database or disk is full"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (sa.exc.OperationalError("SELECT 1", {}, sqlite3.OperationalError("no")), t.DATABASE_DOWN),
        (OSError(errno.ENOSPC, "No space left on device"), t.DISK_FULL),
        (
            sa.exc.OperationalError("INSERT", {}, sqlite3.OperationalError(SQLITE_FULL)),
            t.DISK_FULL,
        ),
        (RuntimeError("boom"), t.UNEXPECTED),
        (KeyError("x"), t.UNEXPECTED),
    ],
)
def test_the_message_fits_the_failure(error: Exception, message: str) -> None:
    assert user_message(error) == message


def _failing_page() -> None:
    from components.errors import on_script_error

    try:
        raise RuntimeError("hemmelig note om et barn")
    except RuntimeError as error:
        on_script_error(error)


def test_the_page_shows_an_id_that_the_log_holds_and_no_detail() -> None:
    stream = io.StringIO()
    applog.configure(stream)
    at = AppTest.from_function(_failing_page).run()
    (shown,) = [error.value for error in at.error]
    (entry,) = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert entry["event"] == "error"
    assert entry["kind"] == "RuntimeError"
    assert shown == f"{t.UNEXPECTED} {t.ERROR_ID.format(error_id=entry['error_id'])}"
    assert "hemmelig" not in shown + stream.getvalue()


def test_postgresql_out_of_disk_space_is_a_full_disk() -> None:
    error = sa.exc.OperationalError("INSERT", {}, psycopg.errors.DiskFull("could not extend"))
    assert user_message(error) == t.DISK_FULL
    assert is_outage(error)
    assert not is_outage(RuntimeError("boom"))


# --- a real SQLITE_FULL: the save path's error, and the transaction rolled back --------------


def _full_after_this(engine: Engine) -> None:
    """Let the database file grow by no page (SQLite's max_page_count on every connection),
    after VACUUM has left it no free page: the next write that needs a page is SQLITE_FULL."""
    engine.dispose()
    connection = sqlite3.connect(engine.url.database or "")
    try:
        connection.execute("VACUUM")
        (pages,) = connection.execute("PRAGMA page_count").fetchone()
        (free,) = connection.execute("PRAGMA freelist_count").fetchone()
    finally:
        connection.close()
    assert free == 0
    sa.event.listen(
        engine,
        "connect",
        lambda dbapi, _record: dbapi.execute(f"PRAGMA max_page_count = {pages}"),
    )


def _notes(engine: Engine) -> tuple[list[str], int]:
    with Session(engine) as session:
        notes = list(session.exec(select(Action.note).order_by(Action.id)))
        changes = session.exec(select(func.count()).select_from(ActionChange)).one()
    return notes, changes


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_save_on_a_full_sqlite_database_writes_nothing_and_says_the_disk_is_full(
    seeded_db_url: str,
) -> None:
    engine = create_db_engine(seeded_db_url)
    with Session(engine) as session:
        make_user(session, "erik", Role.editor)
        actions = session.exec(select(Action).order_by(Action.id).limit(5)).all()
    edits = [  # 5 notes of 2.000 characters, each also in its audit row: pages are needed
        ActionEdit(action_id=a.id, base_version=a.version, values={"note": "Ny note " * 250})
        for a in actions
    ]
    _full_after_this(engine)
    before = _notes(engine)
    with (
        pytest.raises(sa.exc.OperationalError) as raised,
        session_scope(engine, write=True) as session,
    ):
        save_action_edits(session, actor=Actor("erik", Role.editor), edits=edits)
    assert "database or disk is full" in str(raised.value)
    assert user_message(raised.value) == t.DISK_FULL
    stream = io.StringIO()
    applog.configure(stream)
    message = save_failed(raised.value)
    (entry,) = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert message == f"{t.SAVE_DISK_FULL} {t.ERROR_ID.format(error_id=entry['error_id'])}"
    assert _notes(engine) == before  # rolled back: no note, no audit row
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    engine.dispose()


# --- the error page and what the browser dropped ---------------------------------------------


def _page_that_can_fail() -> None:
    """Fails (as an uncaught error would end the run) while session_state["fail"] is set,
    before it draws its toggle; writes what the server holds for the toggle."""
    import sqlalchemy as sa
    import streamlit as st

    from components.errors import (
        keep_unsaved,
        lost_edits_waiting,
        on_script_error,
        take_lost_edits,
    )

    if st.session_state.pop("fail", False):
        try:
            raise sa.exc.OperationalError("SELECT 1", {}, Exception("connection refused"))
        except sa.exc.OperationalError as error:
            on_script_error(error)
            st.stop()  # ends the run without the rest, as the uncaught error does
    st.write(f"waiting={lost_edits_waiting(['C.1'])}")
    st.write(f"lost={take_lost_edits('C.1')}")
    editing = st.toggle("Redigér statusser", key="edit_mode")
    st.write(f"editing={editing}")
    keep_unsaved("C.1", st.session_state.get("typed", {}))


def _said(at: AppTest) -> list[str]:
    return [element.value for element in at.markdown]


def test_the_error_page_leaves_no_widget_value_that_the_page_does_not_show() -> None:
    """The browser drops the widgets a failed run did not draw; the server must too, or the
    next run acts on a value nobody sees (the toggle on, drawn off). Streamlit 1.67 keeps
    them after an uncaught error: components.errors drops them (README: workarounds)."""
    at = AppTest.from_function(_page_that_can_fail).run()
    at.toggle(key="edit_mode").set_value(True).run()
    assert "editing=True" in _said(at)
    at.session_state["fail"] = True
    at.run()
    (shown,) = [error.value for error in at.error]
    assert shown.startswith(t.DATABASE_DOWN)
    assert not at.toggle  # what the browser now holds: the message and *Prøv igen*
    at.run()
    assert "editing=False" in _said(at)  # as the toggle is drawn: off


def test_typed_changes_taken_off_the_page_by_a_failed_run_come_back_once() -> None:
    at = AppTest.from_function(_page_that_can_fail)
    at.session_state["typed"] = {"C.1.2": {"Statusnote": "Ringet til familien"}}
    at.run()
    assert _said(at)[:2] == ["waiting=False", "lost=None"]
    at.session_state["fail"] = True
    at.run()
    (shown,) = [error.value for error in at.error]
    assert shown.startswith(f"{t.DATABASE_DOWN} {t.EDITS_KEPT} Fejl-id: ")
    at.session_state["typed"] = {}
    at.run()
    assert _said(at)[:2] == [
        "waiting=True",
        "lost={'C.1.2': {'Statusnote': 'Ringet til familien'}}",
    ]
    at.run()
    assert _said(at)[:2] == ["waiting=False", "lost=None"]


def test_changes_left_on_another_page_are_not_brought_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = AppTest.from_function(_page_that_can_fail)
    at.session_state["typed"] = {"C.1.2": {"Statusnote": "Ringet til familien"}}
    monkeypatch.setattr("components.errors._page", lambda: "tema_c")
    at.run()
    monkeypatch.setattr("components.errors._page", lambda: "overblik")  # the user went on
    at.session_state["fail"] = True
    at.run()
    (shown,) = [error.value for error in at.error]
    assert t.EDITS_KEPT not in shown
    at.run()
    assert _said(at)[:2] == ["waiting=False", "lost=None"]
