"""Charts for the citizen-meeting slides and *Status i tal*: large type, high contrast.

The status bars show a theme's actions per status as absolute stacked bars (one action is one
unit of length), never as shares of the theme's total. A segment whose count is under 5 has no
count here at all (see `aggregates`): it is drawn with the fixed nominal width `NOMINAL`, faded
and outlined with a dashed line, labelled "under 5", and a note under the chart says so. The
chart's data therefore holds only the shown counts' labels and segment positions built from
them; there is no axis, share or total to subtract from.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from models.core.chart_axes import month_axis, number_axis
from models.core.small_counts import shown_count
from models.plan.status import STATUS_ORDER, STATUS_TEXT_COLORS
from models.plan.status_chart import status_color_scale
from models.presentation.aggregates import RestorationFigures, ThemeBar

FONT = 20
NOMINAL = 3.0  # the drawn length of an "under 5" segment, in actions, whatever its count (1–4)
DARK = "#1A1A1A"
THEME = "Tema"
STATUS = "Status"
COUNT = "Antal handlinger"
SUPPRESSED = "under_5"
UNDER_NOTE = "Stiplet felt: under 5 handlinger. Feltet har samme længde uanset det præcise antal."
COLUMNS = [THEME, STATUS, COUNT, "start", "slut", "midte", SUPPRESSED, "tekstfarve"]


def theme_frame(bars: list[ThemeBar]) -> pd.DataFrame:
    """One row per theme and status with actions: label and segment, nothing suppressed.

    A shown count's segment is as long as the count; an "under 5" segment is `NOMINAL` long
    and its row carries no count, only the text "under 5". Statuses without actions have no
    row.
    """
    records = []
    for bar in bars:
        start = 0.0
        for status in STATUS_ORDER:
            count = bar.counts.get(status, 0)
            if count == 0:
                continue
            length = NOMINAL if count is None else float(count)
            records.append(
                {
                    THEME: f"{bar.code}: {bar.title}",
                    STATUS: status.value,
                    COUNT: shown_count(count),
                    "start": start,
                    "slut": start + length,
                    "midte": start + length / 2,
                    SUPPRESSED: count is None,
                    "tekstfarve": DARK if count is None else STATUS_TEXT_COLORS[status],
                }
            )
            start += length
    return pd.DataFrame(records, columns=COLUMNS)


def theme_bars(
    bars: list[ThemeBar],
    *,
    font_size: int = FONT,
    step: int = 64,
    width: int | None = 1400,
    label_limit: int = 620,
) -> alt.LayerChart:
    """A stacked bar per theme (in plan order): shown counts to scale, "under 5" not."""
    base = alt.Chart(theme_frame(bars)).encode(
        y=alt.Y(
            f"{THEME}:N",
            sort=[f"{bar.code}: {bar.title}" for bar in bars],
            title=None,
            axis=alt.Axis(labelLimit=label_limit, labelFontSize=font_size),
        ),
        color=alt.Color(
            f"{STATUS}:N",
            scale=status_color_scale(),
            legend=alt.Legend(
                orient="top",
                title=None,
                labelFontSize=font_size,
                symbolSize=font_size * 15,
                labelLimit=400,
            ),
        ),
        tooltip=[f"{THEME}:N", f"{STATUS}:N", f"{COUNT}:N"],
    )
    segment = base.encode(
        x=alt.X("start:Q", axis=None, scale=alt.Scale(domainMin=0, nice=False)), x2="slut:Q"
    )
    shown = segment.transform_filter(f"!datum.{SUPPRESSED}").mark_bar()
    under = segment.transform_filter(f"datum.{SUPPRESSED}").mark_bar(
        fillOpacity=0.35, stroke=DARK, strokeWidth=2, strokeDash=[7, 4]
    )
    labels = base.mark_text(
        align="center", baseline="middle", fontSize=font_size, fontWeight="bold"
    ).encode(
        x=alt.X("midte:Q"),
        text=f"{COUNT}:N",
        color=alt.Color("tekstfarve:N", scale=None),
    )
    chart = alt.layer(shown, under, labels).properties(
        height=alt.Step(step),
        title=alt.TitleParams(
            UNDER_NOTE,
            orient="bottom",
            anchor="start",
            fontSize=font_size - 2,
            fontWeight="normal",
            color=DARK,
        ),
    )
    return chart.properties(width=width) if width else chart


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
