"""Charts for the citizen-meeting slides and *Status i tal*: large type, high contrast.

The status bars show a theme's actions per status as absolute stacked bars, one action one unit
of length, with the exact count in each segment (actions are counted exactly, see
`models.core.small_counts`). A segment too narrow for its number at the chart's width keeps it
outside: the label after the bar gives the theme's total and names such counts, so no two
labels overlap. The layout (segment positions, which labels fit, the room for the end label) is
computed here; the browser stacks, sums or normalises nothing.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from models.core.chart_axes import month_axis, number_axis
from models.core.formatting import number_da
from models.plan.status import STATUS_ORDER, STATUS_TEXT_COLORS
from models.plan.status_chart import status_color_scale
from models.presentation.aggregates import RestorationFigures, ThemeBar
from models.presentation.text_metrics import text_width

FONT = 20
DARK = "#1A1A1A"
THEME = "Tema"
STATUS = "Status"
COUNT = "Antal handlinger"
INSIDE = "tal_i_feltet"  # the count fits inside its segment
END = "efter_søjlen"  # the label after the bar: total, and the counts that did not fit
LAST = "sidste"
TOTAL_WORD = "i alt"
# The plot width the chart is laid out for at most, in pixels: Streamlit stretches a chart to
# its column whatever width the spec asks for, and a layout for a narrower plot holds on a
# wider one. A slide at 1366 px leaves about 480 px beside the theme names with the sidebar,
# some 850 px without it; *Status i tal* (14 px text) about 600 px.
MIN_WIDTH = 600
LABEL_PAD = 4  # pixels of a segment beside its count
COLUMNS = [THEME, STATUS, COUNT, "start", "slut", "midte", INSIDE, END, LAST, "tekstfarve"]


def end_label(bar: ThemeBar, outside: list[tuple[str, int]]) -> str:
    """`27 i alt`, or `17 i alt (1 afsluttet)` when a count did not fit in its segment (the
    status's first word: `kommende`, `i gang`, `obs`, `afsluttet`)."""
    label = f"{number_da(bar.total)} {TOTAL_WORD}"
    if outside:
        label += " (" + ", ".join(f"{number_da(n)} {short(name)}" for name, n in outside) + ")"
    return label


def short(status: str) -> str:
    """`Kommende opgave` → `kommende`, `Afsluttet/implementeret` → `afsluttet`, `I gang`."""
    word = status.split("/")[0].lower()
    return word if word in ("i gang",) else word.split(" ")[0]


def layout(bars: list[ThemeBar], font_size: int, plot_width: float) -> tuple[pd.DataFrame, float]:
    """The bars' segments and labels, and the x domain's end (in actions) that leaves room for
    the longest end label, for a plot `plot_width` pixels wide."""
    domain = float(max((bar.total for bar in bars), default=0) or 1)
    outside_of: dict[str, list[tuple[str, int]]] = {}
    for _ in range(10):  # the room for end labels narrows the segments: until it settles
        unit = plot_width / domain  # pixels per action
        outside_of = {
            bar.code: [
                (status.value, count)
                for status, count in bar.counts.items()
                if count and count * unit < text_width(number_da(count), font_size) + LABEL_PAD
            ]
            for bar in bars
        }
        # Each bar's end label must fit after it: total * w / domain + room <= w.
        needed = max(
            (
                bar.total
                / max(
                    1
                    - (text_width(end_label(bar, outside_of[bar.code]), font_size, bold=False) + 12)
                    / plot_width,
                    0.35,
                )
                for bar in bars
            ),
            default=1.0,
        )
        if needed <= domain:
            break
        domain = needed
    records = []
    for bar in bars:
        label, outside = end_label(bar, outside_of[bar.code]), outside_of[bar.code]
        start, shown = 0, [s for s in STATUS_ORDER if bar.counts.get(s, 0)]
        for status in shown:
            count = bar.counts[status]
            records.append(
                {
                    THEME: f"{bar.code}: {bar.title}",
                    STATUS: status.value,
                    COUNT: number_da(count),
                    "start": start,
                    "slut": start + count,
                    "midte": start + count / 2,
                    INSIDE: (status.value, count) not in outside,
                    END: label,
                    LAST: status == shown[-1],
                    "tekstfarve": STATUS_TEXT_COLORS[status],
                }
            )
            start += count
    return pd.DataFrame(records, columns=COLUMNS), float(domain)


def theme_frame(
    bars: list[ThemeBar], font_size: int = FONT, plot_width: float = 1400
) -> pd.DataFrame:
    """One row per theme and status with actions: the exact count and its segment."""
    return layout(bars, font_size, plot_width)[0]


def theme_bars(
    bars: list[ThemeBar],
    *,
    font_size: int = FONT,
    step: int = 64,
    width: int | None = 1400,
    label_limit: int = 620,
) -> alt.LayerChart:
    """A stacked bar per theme (in plan order), to scale, each count written in its segment
    (or after the bar when the segment is too narrow for it) and the theme's total after it.
    The layout is made for a plot `MIN_WIDTH` wide (or `width`, if narrower), so it holds
    however wide the chart is drawn; `width` None leaves the width to the page (stretch)."""
    frame, domain = layout(bars, font_size, min(width or MIN_WIDTH, MIN_WIDTH))
    order = [f"{bar.code}: {bar.title}" for bar in bars]
    base = alt.Chart(frame).encode(
        y=alt.Y(
            f"{THEME}:N",
            sort=order,
            title=None,
            axis=alt.Axis(labelLimit=label_limit, labelFontSize=font_size, labelColor=DARK),
        ),
    )
    x_scale = alt.Scale(domain=[0, domain], nice=False, zero=True)
    segments = base.mark_bar(stroke="#FFFFFF", strokeWidth=1).encode(
        x=alt.X("start:Q", axis=None, scale=x_scale),
        x2="slut:Q",
        color=alt.Color(
            f"{STATUS}:N",
            scale=status_color_scale(),
            legend=alt.Legend(
                orient="top",
                title=None,
                columns=2,  # two rows: fits a plot of MIN_WIDTH at 20 px, not cut off
                labelFontSize=font_size,
                labelColor=DARK,  # text at 4.5:1 or more, not Vega's grey
                symbolSize=font_size * 15,
                labelLimit=400,
            ),
        ),
        tooltip=[f"{THEME}:N", f"{STATUS}:N", f"{COUNT}:N"],
    )
    counts = (
        base.transform_filter(f"datum.{INSIDE}")
        .mark_text(align="center", baseline="middle", fontSize=font_size, fontWeight="bold")
        .encode(
            x=alt.X("midte:Q", scale=x_scale),
            text=f"{COUNT}:N",
            color=alt.Color("tekstfarve:N", scale=None),
        )
    )
    totals = (
        base.transform_filter(f"datum.{LAST}")
        .mark_text(align="left", baseline="middle", dx=8, fontSize=font_size, color=DARK)
        .encode(x=alt.X("slut:Q", scale=x_scale), text=f"{END}:N")
    )
    chart = alt.layer(segments, counts, totals).properties(height=alt.Step(step))
    return chart.properties(width=width) if width else chart


def burn_down(figures: RestorationFigures) -> alt.LayerChart:
    """Open missing steps per week; weeks with under 5 open steps are left out, not shown."""
    frame = pd.DataFrame(
        [{"dato": pd.Timestamp(day), "antal": count} for day, count in figures.burn_down]
    )
    axis = month_axis(labelFontSize=FONT - 4, title=None, labelColor=DARK)
    line = (
        alt.Chart(frame)
        .mark_line(strokeWidth=5, color="#0072B2")
        .encode(
            x=alt.X("dato:T", axis=axis),
            y=alt.Y(
                "antal:Q",
                title="Åbne manglende sagsskridt",
                axis=number_axis(
                    labelFontSize=FONT - 4, titleFontSize=FONT - 2, labelColor=DARK, titleColor=DARK
                ),
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
