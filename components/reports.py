"""Cached readers and export builders for the status-report page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from components.data import current_revision
from models.core.db import session_scope
from models.plan.queries import get_plan
from models.reports.charts import chart_png, status_by_theme
from models.reports.compare import Comparison, compare
from models.reports.document import appendix, build_docx, build_pdf
from models.reports.snapshots import (
    NOW_NAME,
    Snapshot,
    StatusReport,
    list_snapshots,
    load_report,
    report_now,
)
from models.reports.xlsx import build_report_xlsx


@dataclass(frozen=True)
class ExportBundle:
    xlsx: bytes
    docx: bytes
    pdf: bytes
    png: bytes


def load_snapshot_list() -> list[Snapshot]:
    with session_scope() as session:
        return list_snapshots(session)


def _report(session: object, name: str, today: dt.date) -> StatusReport:
    return report_now(session, today=today) if name == NOW_NAME else load_report(session, name)  # type: ignore[arg-type]


def load_report_pair(
    name: str, against: str | None, today: dt.date
) -> tuple[StatusReport, Comparison | None]:
    """The chosen report and, if asked, its comparison with an earlier one (before -> chosen)."""
    with session_scope() as session:
        report = _report(session, name, today)
        if against is None:
            return report, None
        return report, compare(_report(session, against, today), report)


@st.cache_data(show_spinner=False, max_entries=4)
def _bundle(name: str, against: str | None, today: dt.date, revision: object) -> ExportBundle:
    report, comparison = load_report_pair(name, against, today)
    with session_scope() as session:
        plan = get_plan(session)
    content = appendix(report, comparison, plan.municipality if plan else "")
    return ExportBundle(
        xlsx=build_report_xlsx(report, comparison),
        docx=build_docx(content),
        pdf=build_pdf(content),
        png=chart_png(status_by_theme(report)),
    )


def export_bundle(name: str, against: str | None, today: dt.date) -> ExportBundle:
    """All four exports, built once per report, comparison and state of the data."""
    return _bundle(name, against, today, current_revision())
