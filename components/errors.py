"""The app's own error page: a Danish message with an error id instead of Streamlit's
traceback and its "Ask Google / Ask ChatGPT" links (`st.App(on_script_error=…)`).

The id is logged with the exception's type (never its message, which may hold data) beside
Streamlit's own server-side traceback, so an operator finds the failure from the user's id.
"""

from __future__ import annotations

import errno
import logging
import secrets

import sqlalchemy as sa
import streamlit as st

from components.texts import errors as t
from models.core.applog import log_event


def user_message(error: BaseException) -> str:
    """What went wrong, in words a user can act on."""
    cause = error.__cause__ or error.__context__
    if any(isinstance(e, OSError) and e.errno == errno.ENOSPC for e in (error, cause)):
        return t.DISK_FULL
    if "database or disk is full" in str(error):  # SQLite's SQLITE_FULL
        return t.DISK_FULL
    if isinstance(error, sa.exc.OperationalError | sa.exc.InterfaceError):
        return t.DATABASE_DOWN
    return t.UNEXPECTED


def on_script_error(error: Exception) -> bool:
    """Show the Danish message and the error id; True: Streamlit shows nothing more."""
    error_id = secrets.token_hex(4)
    log_event("error", level=logging.ERROR, error_id=error_id, kind=type(error).__name__)
    st.error(f"{user_message(error)} {t.ERROR_ID.format(error_id=error_id)}")
    return True
