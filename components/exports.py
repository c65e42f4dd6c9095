"""Files for download, built once per state of the data: the status workbook for the Excel
update, the status report's four exports, the citizen-meeting PowerPoint and the weekly
review's minutes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from components.readers import (
    Revision,
    current_revision,
    load_deck,
    load_owner_choices,
    load_report_pair,
    plan_revision,
)
from models.core.applog import log_event
from models.core.db import database_url, get_engine, session_scope
from models.plan.queries import get_plan
from models.plan.status_workbook import build_status_workbook
from models.presentation.pptx import build_pptx
from models.reports.charts import chart_png, status_by_theme
from models.reports.document import appendix, build_docx, build_pdf
from models.reports.xlsx import build_report_xlsx
from models.reviews.minutes import build_minutes_docx, minutes
from models.reviews.service import ReviewView, get_review, review_items


@dataclass(frozen=True)
class ReportFiles:
    xlsx: bytes
    docx: bytes
    pdf: bytes
    png: bytes


@st.cache_data(show_spinner=False)
def _status_workbook(
    revision: Revision, theme_codes: tuple[str, ...], owners: tuple[str, ...]
) -> bytes:
    log_event("export", kind="xlsx", count=len(theme_codes))
    with session_scope(get_engine(revision[0])) as session:
        return build_status_workbook(session, list(theme_codes))


def status_workbook_xlsx(theme_codes: tuple[str, ...]) -> bytes:
    """The statuses of these themes as the Excel file that the Excel update reads back (built
    again when an action or the list of possible owners changes)."""
    return _status_workbook(plan_revision(), theme_codes, tuple(load_owner_choices()))


REPORT_FORMATS = ("xlsx", "docx", "pdf", "png")


@st.cache_data(show_spinner=False, max_entries=16)
def _report_file(
    kind: str, name: str, against: str | None, today: dt.date, author: str, revision: object
) -> bytes:
    report, comparison = load_report_pair(name, against, today)
    log_event("export", kind=kind, count=len(report.actions))
    if kind == "xlsx":
        return build_report_xlsx(report, comparison)
    if kind == "png":
        return chart_png(status_by_theme(report))
    with session_scope() as session:
        plan = get_plan(session)
    content = appendix(
        report,
        comparison,
        plan.municipality if plan else "",
        plan_title=plan.title if plan else "",
        author=author,
    )
    return build_docx(content) if kind == "docx" else build_pdf(content)


def report_file(kind: str, name: str, against: str | None, today: dt.date, author: str) -> bytes:
    """One export (`xlsx`, `docx`, `pdf` or `png`) of a report, built when first asked for
    (a click on its download button) and then kept per report, comparison, author (the files'
    author) and state of the data."""
    if kind not in REPORT_FORMATS:
        raise ValueError(f"unknown report format: {kind}")
    return _report_file(kind, name, against, today, author, current_revision())


def report_files(name: str, against: str | None, today: dt.date, author: str) -> ReportFiles:
    """All four exports of a report (see `report_file`)."""
    xlsx, docx, pdf, png = (
        report_file(kind, name, against, today, author) for kind in REPORT_FORMATS
    )
    return ReportFiles(xlsx=xlsx, docx=docx, pdf=pdf, png=png)


@st.cache_data(show_spinner=False, max_entries=4)
def _deck_pptx(today: dt.date, revision: object) -> bytes:
    log_event("export", kind="pptx")
    return build_pptx(load_deck(today))


def deck_pptx(today: dt.date) -> bytes:
    """The citizen-meeting deck as a PowerPoint file."""
    return _deck_pptx(today, current_revision())


@st.cache_data(show_spinner=False, max_entries=16)
def _review_minutes(url: str, review_id: int, closed_at: dt.datetime | None) -> bytes:
    with session_scope(get_engine(url)) as session:
        review = get_review(session, review_id)
        items = review_items(session, review_id)
        plan = get_plan(session)
    assert review is not None
    return build_minutes_docx(minutes(review, items, plan.municipality if plan else ""))


def review_minutes_docx(review: ReviewView) -> bytes:
    """A weekly review's minutes as Word; a saved review never changes, so each is built once."""
    return _review_minutes(database_url(), review.id, review.closed_at)
