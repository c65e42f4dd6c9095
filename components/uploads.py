"""Uploaded files, read once: a parse result kept in session state under the file's identity,
the measurement-file check, and the table of a file's problems.

Streamlit reruns the whole page on every click, and the uploader hands back the same file on
each run. Parsing a 30 MB file on every run (and again on the click that applies it) is what
`once_per_file` prevents: the result is kept until another file, or another state of the data
it was checked against, takes its place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

import streamlit as st
from streamlit import config as streamlit_config
from streamlit.typing import UploadedFile

from components.safe_text import inert_html as escape
from components.status_html import PLAN_CSS
from components.texts import uploads as t
from models.core.db import session_scope
from models.core.errors import DomainError
from models.core.settings import get_settings
from models.core.uploads import Problem
from models.indicators.measurement_import import ParsedMeasurements, parse_measurements
from models.restoration.case_import import MAX_PROBLEMS_SHOWN

Result = TypeVar("Result")
MEASUREMENT_UPLOAD = "_measurement_upload"  # session-state slot of the measurement file


@dataclass(frozen=True)
class Outcome(Generic[Result]):
    """What reading a file gave: its result, or the Danish reason it could not be read."""

    value: Result | None = None
    error: str | None = None


UPLOAD_LIMIT_OPTION = "server.maxUploadSize"


def upload_limit_mb() -> int:
    """The one upload limit (the setting `max_upload_mb`), made Streamlit's too: the server's
    upload route reads `server.maxUploadSize` on every request, so both refuse the same files
    whatever .streamlit/config.toml says."""
    limit = get_settings().max_upload_mb
    if streamlit_config.get_option(UPLOAD_LIMIT_OPTION) != limit:
        streamlit_config.set_option(UPLOAD_LIMIT_OPTION, limit)
    return limit


def choose_file(label: str, types: list[str], *, key: str | None = None) -> UploadedFile | None:
    """The file field of every upload: one file of `types`, at most `max_upload_mb` MB (the
    uploader says so in Danish, see components/texts/widgets.py)."""
    return st.file_uploader(label, type=types, key=key, max_upload_size=upload_limit_mb())


def file_identity(upload: UploadedFile) -> tuple[str, str, int]:
    """Who a file is: the uploader's id for this upload (new for every upload), name and size."""
    return (upload.file_id, upload.name, upload.size)


def kept(slot: str, key: Hashable, compute: Callable[[], Result]) -> Outcome[Result]:
    """`compute()` once per `key`, kept in session state under `slot` (one key per slot).

    A refusal (`DomainError`, e.g. a file that is not a spreadsheet) is kept too, so that a bad
    file is not read again on every rerun.
    """
    stored = st.session_state.get(slot)
    if stored is not None and stored[0] == key:
        return stored[1]
    try:
        outcome: Outcome[Result] = Outcome(value=compute())
    except DomainError as error:
        outcome = Outcome(error=str(error))
    st.session_state[slot] = (key, outcome)
    return outcome


def once_per_file(
    slot: str,
    upload: UploadedFile,
    read: Callable[[bytes, str], Result],
    *,
    depends_on: Hashable = None,
) -> Outcome[Result]:
    """`read(data, filename)` once per uploaded file and per `depends_on` (e.g. the state of
    the data the file is checked against)."""
    return kept(
        slot, (file_identity(upload), depends_on), lambda: read(upload.getvalue(), upload.name)
    )


def forget(*slots: str) -> None:
    """Drop kept results (the file was applied or removed)."""
    for slot in slots:
        st.session_state.pop(slot, None)


def check_measurement_file(upload: UploadedFile, today: dt.date) -> Outcome[ParsedMeasurements]:
    """Read and check an uploaded measurement file once (nothing is written)."""

    def read(data: bytes, filename: str) -> ParsedMeasurements:
        with session_scope() as session:
            return parse_measurements(session, data, filename, today=today)

    return once_per_file(MEASUREMENT_UPLOAD, upload, read, depends_on=today)


def problem_rows_html(problems: list[Problem]) -> str:
    """Every problem as a row of line, column and reason (text escaped, wrapping)."""
    rows = "".join(
        f"<tr><td>{p.line}</td><td>{escape(p.column)}</td><td>{escape(p.message)}</td></tr>"
        for p in problems[:MAX_PROBLEMS_SHOWN]
    )
    more = len(problems) - MAX_PROBLEMS_SHOWN
    caption = f"<p>{escape(t.MORE_PROBLEMS.format(count=more))}</p>" if more > 0 else ""
    header = "".join(f"<th>{escape(label)}</th>" for label in t.PROBLEM_COLUMNS)
    return (
        f'{PLAN_CSS}<table class="plan-actions import-problems"><thead><tr>{header}</tr></thead>'
        f"<tbody>{rows}</tbody></table>{caption}"
    )
