"""Runs a `models` write command for a page: one transaction, Danish errors shown, not raised."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from components.safe_text import inert
from models.auth.users import PermissionDenied
from models.core.db import session_scope
from models.core.errors import DomainError

Result = TypeVar("Result")
_FLASH = "_flash_message"


def run_command(
    command: Callable[..., Result],
    /,
    *,
    success: str | Callable[[Result], str] | None = None,
    **kwargs: Any,
) -> Result | None:
    """Call `command(session, **kwargs)` in one write transaction.

    A refusal is shown as an error and returns None. With `success`, the page reruns (so that
    everything it shows is read again) and shows `success` once at the top; a callable
    `success` makes that message from the command's result (e.g. how many rows it wrote).
    """
    try:
        with session_scope(write=True) as session:
            result = command(session, **kwargs)
    except (DomainError, PermissionDenied) as error:
        st.error(inert(error))
        return None
    if success is not None:
        flash(success(result) if callable(success) else success)
        st.rerun()
    return result


def flash(message: str) -> None:
    """Show `message` once at the top of the page after the next rerun."""
    st.session_state[_FLASH] = message


def show_flash() -> None:
    """Show the message a command left before its rerun."""
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(inert(message))
