"""Charts for exported reports, rendered to PNG without a browser (vl-convert)."""

from __future__ import annotations

from collections import Counter

import altair as alt
import vl_convert

from models.plan.status import Status
from models.plan.status_chart import status_by_theme_chart, status_by_theme_text
from models.reports.snapshots import StatusReport


def status_rows(report: StatusReport) -> list[tuple[str, Counter[Status]]]:
    """Per theme ("A: Title"), its actions counted by status, in plan order."""
    rows: dict[str, Counter[Status]] = {}
    for action in report.actions:
        theme = f"{action.theme_code}: {action.theme_title}"
        rows.setdefault(theme, Counter())[Status(action.status)] += 1
    return list(rows.items())


def status_by_theme(report: StatusReport) -> alt.LayerChart:
    """A stacked bar per theme, labelled with counts, in the app's status colours."""
    return status_by_theme_chart(status_rows(report), step=34, width=620, label_limit=400)


def status_by_theme_alt(report: StatusReport) -> str:
    """The chart's text alternative: one sentence per theme with every count."""
    return status_by_theme_text(status_rows(report))


def chart_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes, rendered by vl-convert (no browser)."""
    return vl_convert.vegalite_to_png(chart.to_json(), scale=scale)
