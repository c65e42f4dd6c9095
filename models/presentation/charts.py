"""Charts for the citizen-meeting slides: large type, high contrast, status labels kept."""

from __future__ import annotations

import altair as alt
import pandas as pd

from models.core.chart_axes import month_axis, number_axis
from models.plan.status_chart import status_by_theme_chart
from models.presentation.aggregates import RestorationFigures, ThemeBar, shown_count

FONT = 20


def theme_bars(bars: list[ThemeBar]) -> alt.LayerChart:
    """A 100 % bar per theme; labels say the count, or 'under 5'."""
    return status_by_theme_chart(
        [(f"{bar.code}: {bar.title}", bar.counts) for bar in bars],
        normalize=True,
        label=shown_count,
        font_size=FONT,
        step=64,
        width=1400,
        label_limit=620,
    )


def burn_down(figures: RestorationFigures) -> alt.LayerChart:
    """Open missing steps per week; weeks with under 5 open steps are left out, not shown."""
    frame = pd.DataFrame(
        [{"dato": pd.Timestamp(day), "antal": count} for day, count in figures.burn_down]
    )
    axis = month_axis(labelFontSize=FONT - 4, title=None)
    line = (
        alt.Chart(frame)
        .mark_line(strokeWidth=5, color="#0072B2")
        .encode(
            x=alt.X("dato:T", axis=axis),
            y=alt.Y(
                "antal:Q",
                title="Åbne manglende sagsskridt",
                axis=number_axis(labelFontSize=FONT - 4, titleFontSize=FONT - 2),
            ),
        )
    )
    deadline = pd.DataFrame([{"dato": pd.Timestamp(figures.deadline), "tekst": "Frist"}])
    rule = alt.Chart(deadline).mark_rule(color="#D55E00", strokeWidth=4).encode(x="dato:T")
    text = (
        alt.Chart(deadline)
        .mark_text(align="left", dx=8, dy=-10, fontSize=FONT, color="#D55E00", fontWeight="bold")
        .encode(x="dato:T", y=alt.value(20), text="tekst:N")
    )
    return alt.layer(line, rule, text).properties(width=1400, height=420)
