"""Altair chart builders that use the app's one status palette."""

from __future__ import annotations

import altair as alt
import pandas as pd

from components import texts
from models.core.chart_axes import number_axis
from models.plan.queries import ThemeSummary
from models.plan.status import STATUS_COLORS, STATUS_ORDER, STATUS_TEXT_COLORS


def status_color_scale() -> alt.Scale:
    return alt.Scale(
        domain=[s.value for s in STATUS_ORDER],
        range=[STATUS_COLORS[s] for s in STATUS_ORDER],
    )


def status_by_theme_frame(summaries: list[ThemeSummary]) -> pd.DataFrame:
    """Long table: one row per theme and status with its count and stacking order."""
    rows = [
        {
            texts.CHART_THEME: f"{summary.code}: {summary.title}",
            texts.CHART_STATUS: status.value,
            texts.CHART_COUNT: summary.status_counts[status],
            "order": index,
            "label_color": STATUS_TEXT_COLORS[status],
        }
        for summary in summaries
        for index, status in enumerate(STATUS_ORDER)
    ]
    return pd.DataFrame(rows)


def status_by_theme_chart(summaries: list[ThemeSummary]) -> alt.LayerChart:
    """A stacked horizontal bar per theme, labelled with counts."""
    frame = status_by_theme_frame(summaries)
    theme_order = list(dict.fromkeys(frame[texts.CHART_THEME]))
    y = alt.Y(
        f"{texts.CHART_THEME}:N",
        sort=theme_order,
        title=None,
        axis=alt.Axis(labelLimit=420, labelFontSize=13),
    )
    base = alt.Chart(frame).encode(
        y=y,
        x=alt.X(
            f"sum({texts.CHART_COUNT}):Q",
            stack="zero",
            title=texts.CHART_COUNT,
            axis=number_axis(tickMinStep=1),
        ),
        order=alt.Order("order:Q", sort="ascending"),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            f"{texts.CHART_STATUS}:N",
            scale=status_color_scale(),
            legend=alt.Legend(orient="top", title=None, labelFontSize=13, labelLimit=300),
        ),
        tooltip=[texts.CHART_THEME, texts.CHART_STATUS, texts.CHART_COUNT],
    )
    labels = (
        base.transform_filter(alt.datum[texts.CHART_COUNT] > 0)
        .mark_text(dx=-6, align="right", fontSize=13, fontWeight="bold")
        .encode(
            text=alt.Text(f"sum({texts.CHART_COUNT}):Q"),
            color=alt.Color("label_color:N", scale=None),
        )
    )
    return (bars + labels).properties(height=alt.Step(38))
