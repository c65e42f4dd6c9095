"""Small reusable widgets with the app's Danish defaults."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import streamlit as st

from components.texts import common

Option = TypeVar("Option")


def choose_many(
    label: str,
    options: Sequence[Option],
    *,
    format_func: Callable[[Option], Any] = str,
    default: Sequence[Option] | None = None,
    key: str | None = None,
) -> list[Option]:
    """A filter that means "all" when nothing is chosen (and says so, in Danish)."""
    return st.multiselect(
        label,
        options,
        default=default,
        format_func=format_func,
        placeholder=common.FILTER_ALL,
        key=key,
    )
