"""Charts for exported reports, rendered to PNG without a browser (vl-convert)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import vl_convert

from models.core.chart_axes import number_axis
from models.plan.status import STATUS_COLORS, STATUS_ORDER, STATUS_TEXT_COLORS
from models.reports.snapshots import StatusReport


def status_by_theme(report: StatusReport) -> alt.LayerChart:
    """A stacked bar per theme, labelled with counts, in the app's status colours."""
    counts: dict[tuple[str, str], int] = {}
    titles: dict[str, str] = {}
    for action in report.actions:
        titles[action.theme_code] = f"{action.theme_code}: {action.theme_title}"
        key = (action.theme_code, action.status)
        counts[key] = counts.get(key, 0) + 1
    rows = [
        {
            "tema": titles[theme],
            "status": status.value,
            "antal": counts.get((theme, status.value), 0),
            "orden": index,
            "tekstfarve": STATUS_TEXT_COLORS[status],
        }
        for theme in titles
        for index, status in enumerate(STATUS_ORDER)
    ]
    frame = pd.DataFrame(rows)
    base = alt.Chart(frame).encode(
        y=alt.Y("tema:N", sort=list(titles.values()), title=None, axis=alt.Axis(labelLimit=400)),
        x=alt.X(
            "sum(antal):Q",
            stack="zero",
            title="Antal handlinger",
            axis=number_axis(tickMinStep=1),
        ),
        order=alt.Order("orden:Q"),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "status:N",
            scale=alt.Scale(
                domain=[s.value for s in STATUS_ORDER],
                range=[STATUS_COLORS[s] for s in STATUS_ORDER],
            ),
            legend=alt.Legend(orient="top", title=None, labelLimit=300),
        )
    )
    labels = (
        base.transform_filter(alt.datum.antal > 0)
        .mark_text(dx=-6, align="right", fontWeight="bold")
        .encode(text="sum(antal):Q", color=alt.Color("tekstfarve:N", scale=None))
    )
    return (bars + labels).properties(width=620, height=alt.Step(34))


def chart_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes, rendered by vl-convert (no browser)."""
    return vl_convert.vegalite_to_png(chart.to_json(), scale=scale)
