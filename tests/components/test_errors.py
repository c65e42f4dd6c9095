"""The Danish error page: a message a user can act on, and an id the log holds."""

from __future__ import annotations

import errno
import io
import json
import sqlite3

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from components.errors import user_message
from components.texts import errors as t
from models.core import applog

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
