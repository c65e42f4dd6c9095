"""Charts for the citizen-meeting slides: large type, high contrast, status labels kept."""

from __future__ import annotations

import altair as alt
import pandas as pd

from models.core.chart_axes import month_axis, number_axis
from models.plan.status import STATUS_COLORS, STATUS_ORDER, STATUS_TEXT_COLORS
from models.presentation.aggregates import RestorationFigures, ThemeBar, shown_count

FONT = 20


def theme_bars(bars: list[ThemeBar]) -> alt.LayerChart:
    """A 100 % bar per theme; labels say the count, or 'under 5'."""
    rows = []
    for bar in bars:
        total = sum(bar.counts.values()) or 1
        for index, status in enumerate(STATUS_ORDER):
            count = bar.counts[status]
            rows.append(
                {
                    "tema": f"{bar.code}: {bar.title}",
                    "status": status.value,
                    "andel": count / total,
                    "tekst": shown_count(count) if count else "",
                    "orden": index,
                    "tekstfarve": STATUS_TEXT_COLORS[status],
                }
            )
    frame = pd.DataFrame(rows)
    base = alt.Chart(frame).encode(
        y=alt.Y("tema:N", sort=None, title=None, axis=alt.Axis(labelLimit=620, labelFontSize=FONT)),
        x=alt.X("sum(andel):Q", stack="normalize", title=None, axis=None),
        order=alt.Order("orden:Q"),
    )
    bars_layer = base.mark_bar(height=40).encode(
        color=alt.Color(
            "status:N",
            scale=alt.Scale(
                domain=[s.value for s in STATUS_ORDER],
                range=[STATUS_COLORS[s] for s in STATUS_ORDER],
            ),
            legend=alt.Legend(
                orient="top", title=None, labelFontSize=FONT, symbolSize=300, labelLimit=400
            ),
        )
    )
    labels = base.mark_text(dx=-8, align="right", fontSize=FONT, fontWeight="bold").encode(
        text="tekst:N", color=alt.Color("tekstfarve:N", scale=None)
    )
    return (bars_layer + labels).properties(width=1400, height=alt.Step(64))


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
