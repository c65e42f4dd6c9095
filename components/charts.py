"""The app's status-by-theme chart: the shared builder, fed with the overview's summaries."""

from __future__ import annotations

import altair as alt

from models.plan.queries import ThemeSummary
from models.plan.status_chart import status_by_theme_chart as build_chart
from models.plan.status_chart import status_color_scale

__all__ = ["status_by_theme_chart", "status_color_scale"]


def status_by_theme_chart(summaries: list[ThemeSummary]) -> alt.LayerChart:
    """A stacked horizontal bar per theme, labelled with counts."""
    return build_chart([(f"{s.code}: {s.title}", s.status_counts) for s in summaries])
