"""The overview's timeline: every action with a known start or end, coloured by status."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from components.charts import status_color_scale
from components.texts import charts as texts
from models.core.chart_axes import month_axis
from models.core.deadlines import DeadlineTarget
from models.core.formatting import count_da, date_long_da, date_table_da, number_da
from models.plan.overview import TimelineItem
from models.plan.status_chart import STATUS_WORDS

ROW_PX = 17
DEADLINE_COLOR = "#CC79A7"  # Okabe–Ito reddish purple, 3.1:1 on white
ORIGINAL_DEADLINE_COLOR = "#8A8A8A"


def timeline_frame(items: list[TimelineItem]) -> pd.DataFrame:
    rows = []
    for item in items:
        start = item.start or item.end
        end = item.end or item.start
        rows.append(
            {
                "Nr": item.code,
                "Spor": item.track_code,
                "Handling": item.text if len(item.text) <= 90 else item.text[:87] + "…",
                "Start": pd.Timestamp(start),
                "Slut": pd.Timestamp(end),
                "Status": item.status.value,
                "Ansvarlig": item.responsible or "–",
                "Periode": f"{date_table_da(item.start)} – {date_table_da(item.end)}",
                "Planens frist": pd.Timestamp(item.plan_end) if item.plan_end else pd.NaT,
                "punkt": start == end,
            }
        )
    return pd.DataFrame(rows)


def timeline_figures(
    items: list[TimelineItem], today: dt.date, target: DeadlineTarget
) -> tuple[str, pd.DataFrame]:
    """The timeline's text alternative: how many actions from when to when, by status, with
    today and the deadline; and every action's period and status as a table."""
    days = [day for item in items for day in (item.start, item.end) if day is not None]
    statuses = ", ".join(
        f"{number_da(sum(item.status is status for item in items))} {word}"
        for status, word in STATUS_WORDS.items()
    )
    text = texts.TIMELINE.format(
        actions=count_da(len(items), *texts.ACTIONS),
        first=date_long_da(min(days, default=None)),
        last=date_long_da(max(days, default=None)),
        statuses=statuses,
        today=date_long_da(today),
        deadline=date_long_da(target.current),
    )
    if target.moved:
        text += texts.TIMELINE_MOVED.format(original=date_long_da(target.original))
    frame = timeline_frame(items)
    table = pd.DataFrame(
        {
            column: frame[source] if len(frame) else []
            for column, source in zip(
                texts.TIMELINE_COLUMNS,
                ("Nr", "Handling", "Periode", "Status", "Ansvarlig"),
                strict=True,
            )
        }
    )
    return text, table


def timeline_chart(
    items: list[TimelineItem], today: dt.date, target: DeadlineTarget
) -> alt.LayerChart:
    """Bars from start to the deadline in force; a black tick marks the plan's own deadline
    where a revision moved it; dashed rules at today and the restoration deadline (and the
    plan's restoration deadline, if a decision moved it)."""
    frame = timeline_frame(items)
    order = sorted(
        frame["Nr"],
        key=lambda code: [int(p) if p.isdigit() else p for p in code.replace(".", " ").split()],
    )
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "Nr:N", sort=order, title=None, axis=alt.Axis(labelFontSize=10, labelOverlap=False)
        ),
        color=alt.Color(
            "Status:N",
            scale=status_color_scale(),
            legend=alt.Legend(orient="top", title=None, labelLimit=320),
        ),
        tooltip=["Nr:N", "Handling:N", "Periode:N", "Status:N", "Ansvarlig:N"],
    )
    bars = (
        base.transform_filter(~alt.datum.punkt)
        .mark_bar(height=ROW_PX - 4, cornerRadius=2)
        .encode(x=alt.X("Start:T", title=None, axis=month_axis(orient="top")), x2="Slut:T")
    )
    points = (
        base.transform_filter(alt.datum.punkt)
        .mark_point(filled=True, size=70, shape="diamond")
        .encode(x="Start:T")
    )
    moved = (
        base.transform_filter("isValid(datum['Planens frist'])")
        .mark_tick(color="#1A1A1A", thickness=3, size=ROW_PX - 2)
        .encode(
            x="Planens frist:T",
            tooltip=["Nr:N", alt.Tooltip("Planens frist:T", format="%d-%m-%Y")],
        )
    )
    rows = [
        {"dato": pd.Timestamp(today), "mærke": f"I dag ({date_long_da(today)})"},
        {
            "dato": pd.Timestamp(target.current),
            "mærke": f"Genopretningsfrist ({date_long_da(target.current)})",
        },
    ]
    # The deadline in reddish purple: vermillion is the Obs bars' colour.
    colours = ["#1A1A1A", DEADLINE_COLOR]
    if target.moved:
        rows.append(
            {
                "dato": pd.Timestamp(target.original),
                "mærke": f"Oprindelig genopretningsfrist ({date_long_da(target.original)})",
            }
        )
        colours.append(ORIGINAL_DEADLINE_COLOR)
    marks = pd.DataFrame(rows)
    rules = (
        alt.Chart(marks)
        .mark_rule(strokeWidth=2, strokeDash=[5, 3])
        .encode(
            x="dato:T",
            color=alt.Color(
                "mærke:N",
                scale=alt.Scale(domain=list(marks["mærke"]), range=colours),
                legend=alt.Legend(orient="top", title=None, labelLimit=320),
            ),
        )
    )
    # Bars and points share the status colours; the two rules get their own legend.
    return (
        alt.layer(alt.layer(bars, points, moved), rules)
        .resolve_scale(color="independent")
        .properties(height=alt.Step(ROW_PX))
    )
