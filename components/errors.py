"""The app's own error page: a Danish message with an error id instead of Streamlit's
traceback and its "Ask Google / Ask ChatGPT" links (`st.App(on_script_error=…)`), and what
keeps an editor's typed changes through a database outage or a full disk.

The id is logged with the exception's type (never its message, which may hold data) beside
Streamlit's own server-side traceback, so an operator finds the failure from the user's id.

A run that fails leaves the browser with only what it drew before the error: the browser
drops every other widget and its value (an editor's grid and what was typed in it), while
Streamlit's server keeps those values. So that no widget holds a value the page does not show,
the error page makes the server forget them too, as a completed run would; typed changes that
were not saved survive in `st.session_state` instead (`keep_unsaved`), and the grid shows them
again on the next run that can be shown (`take_lost_edits`). *Prøv igen* reruns the page in the
same browser session, which a reload would not.
"""

from __future__ import annotations

import errno
import logging
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.safe_text import inert_html
from components.texts import errors as t
from models.core.applog import log_event

OUTAGE_ERRORS = (sa.exc.OperationalError, sa.exc.InterfaceError)
"""What a database that does not answer, or cannot write, raises through SQLAlchemy."""
PG_DISK_FULL = "53100"  # PostgreSQL's SQLSTATE disk_full
RETRY_KEY = "_errors_retry"
_UNSAVED = "_errors_unsaved"

Typed = dict[str, dict[str, Any]]
"""Action code -> grid column -> the value typed and not saved."""


def _disk_full(error: BaseException | None) -> bool:
    if error is None:
        return False
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    if "database or disk is full" in str(error):  # SQLite's SQLITE_FULL
        return True
    return getattr(getattr(error, "orig", None), "sqlstate", None) == PG_DISK_FULL


def user_message(error: BaseException) -> str:
    """What went wrong, in words a user can act on."""
    if _disk_full(error) or _disk_full(error.__cause__ or error.__context__):
        return t.DISK_FULL
    if isinstance(error, OUTAGE_ERRORS):
        return t.DATABASE_DOWN
    return t.UNEXPECTED


def is_outage(error: BaseException) -> bool:
    """The database does not answer or the disk is full (not a bug: trying again helps)."""
    return user_message(error) != t.UNEXPECTED


def report(error: BaseException) -> str:
    """Log the failure for the operator (its type, never its text); returns its id."""
    error_id = secrets.token_hex(4)
    log_event("error", level=logging.ERROR, error_id=error_id, kind=type(error).__name__)
    return error_id


def save_failed(error: BaseException) -> str:
    """The Danish message for a save the database refused (logged, with its id); the caller
    keeps the typed changes on the page."""
    error_id = report(error)
    said = t.SAVE_DISK_FULL if user_message(error) == t.DISK_FULL else t.SAVE_DATABASE_DOWN
    return f"{said} {t.ERROR_ID.format(error_id=error_id)}"


# --- typed changes through a failed run ----------------------------------------------------


@dataclass
class _Unsaved:
    page: str
    """The page the grid was drawn on (its script hash)."""
    typed: Typed
    lost: bool = False
    """A run on that page failed since: the browser no longer shows `typed`."""


def _page() -> str:
    ctx = get_script_run_ctx()
    return ctx.page_script_hash if ctx is not None else ""


def _unsaved() -> dict[str, _Unsaved]:
    return st.session_state.setdefault(_UNSAVED, {})


def keep_unsaved(key: str, typed: Typed) -> None:
    """Remember, on every run, what grid `key` holds that is not saved (empty: nothing)."""
    if typed:
        _unsaved()[key] = _Unsaved(_page(), typed)
    else:
        _unsaved().pop(key, None)


def lost_edits_waiting(keys: list[str]) -> bool:
    """Whether a failed run took typed changes from one of these grids off the page."""
    return any(entry.lost for key, entry in _unsaved().items() if key in keys)


def take_lost_edits(key: str) -> Typed | None:
    """What grid `key` held when a run on its page failed, once; None if nothing was lost."""
    entry = _unsaved().get(key)
    if entry is None or not entry.lost:
        return None
    del _unsaved()[key]
    return entry.typed


def _mark_lost() -> bool:
    """This page's grids lost what was typed; another page's unsaved changes had already
    been left behind. True if typed changes were lost."""
    page = _page()
    unsaved = _unsaved()
    for key in [key for key, entry in unsaved.items() if entry.page != page]:
        del unsaved[key]
    for entry in unsaved.values():
        entry.lost = True
    return bool(unsaved)


def _forget_what_the_browser_dropped() -> None:
    """Drop the values of the widgets this failed run did not draw, as Streamlit does after a
    completed run (workaround, Streamlit 1.67: after an uncaught error it keeps them, while
    the browser drops them, so a rerun would act on values the page does not show)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    try:
        ctx.session_state.on_script_finished(
            ctx.shared.widget_ids_this_run.snapshot(), remove_stale_widgets=True
        )
    except Exception:  # an upgrade changed it: the page still shows the Danish message
        logging.getLogger(__name__).exception("could not drop the failed run's widgets")


def _retry() -> None:
    """*Prøv igen*: this page again in this browser session (where unsaved changes live; a
    reload starts a new one). A session that failed before it could show any page does not
    know which page was asked for: it loads the address the browser asked for instead."""
    ctx = get_script_run_ctx()
    asked_for = st.context.url
    no_page = ctx is None or ctx.page_script_hash in ("", ctx.pages_manager.main_script_hash)
    if no_page and asked_for:
        st.html(f'<a href="{inert_html(asked_for)}">{inert_html(t.RETRY)}</a>')
    else:
        st.button(t.RETRY, key=RETRY_KEY)


def on_script_error(error: Exception) -> bool:
    """Show the Danish message, the error id and *Prøv igen*; True: Streamlit shows nothing
    more."""
    error_id = report(error)
    message = user_message(error)
    if _mark_lost():
        message = f"{message} {t.EDITS_KEPT}"
    st.error(f"{message} {t.ERROR_ID.format(error_id=error_id)}")
    _retry()
    _forget_what_the_browser_dropped()
    return True
