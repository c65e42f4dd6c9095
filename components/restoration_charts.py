"""Altair charts for the restoration page: burn-down with ideal line and projection, burn-up."""

from __future__ import annotations

import altair as alt
import pandas as pd

from models.core.chart_axes import month_axis, number_axis
from models.core.formatting import date_da
from models.restoration.report import RestorationReport

SERIES_COLORS = {
    "Åbne sagsskridt": "#0072B2",
    "Ideel kurs mod fristen": "#999999",
    "Fremskrivning (tempo sidste 4 uger)": "#E69F00",
}
DEADLINE_COLOR = "#D55E00"


def _rules(report: RestorationReport) -> alt.LayerChart:
    marks = pd.DataFrame(
        [
            {"dato": pd.Timestamp(report.today), "mærke": f"I dag ({date_da(report.today)})"},
            {
                "dato": pd.Timestamp(report.deadline),
                "mærke": f"Frist ({date_da(report.deadline)})",
            },
        ]
    )
    color = alt.Color(
        "mærke:N",
        scale=alt.Scale(domain=list(marks["mærke"]), range=["#1A1A1A", DEADLINE_COLOR]),
        legend=alt.Legend(title=None, orient="top"),
    )
    rule = alt.Chart(marks).mark_rule(strokeWidth=2).encode(x="dato:T", color=color)
    text = (
        alt.Chart(marks)
        .mark_text(align="left", dx=4, dy=-6, fontSize=12, fontWeight="bold")
        .encode(x="dato:T", y=alt.value(8), text="mærke:N", color=color)
    )
    return rule + text


def burn_down_chart(report: RestorationReport) -> alt.LayerChart:
    """Open missing steps per week, the ideal line to zero at the deadline, and the projection."""
    rows = [
        {"dato": pd.Timestamp(day), "antal": value, "serie": "Åbne sagsskridt"}
        for day, value in report.burn_down
    ]
    rows += [
        {"dato": pd.Timestamp(day), "antal": value, "serie": "Ideel kurs mod fristen"}
        for day, value in report.ideal
    ]
    head = report.headline
    if head.projected is not None and head.open_steps:
        rows += [
            {
                "dato": pd.Timestamp(report.today),
                "antal": head.open_steps,
                "serie": "Fremskrivning (tempo sidste 4 uger)",
            },
            {
                "dato": pd.Timestamp(head.projected),
                "antal": 0,
                "serie": "Fremskrivning (tempo sidste 4 uger)",
            },
        ]
    frame = pd.DataFrame(rows)
    lines = (
        alt.Chart(frame)
        .mark_line(strokeWidth=3)
        .encode(
            x=alt.X("dato:T", title=None, axis=month_axis()),
            y=alt.Y("antal:Q", title="Åbne manglende sagsskridt", axis=number_axis()),
            color=alt.Color(
                "serie:N",
                scale=alt.Scale(domain=list(SERIES_COLORS), range=list(SERIES_COLORS.values())),
                legend=alt.Legend(title=None, orient="top", labelLimit=320),
            ),
            strokeDash=alt.condition(
                alt.datum.serie == "Åbne sagsskridt", alt.value([1, 0]), alt.value([6, 4])
            ),
            tooltip=[alt.Tooltip("dato:T", format="%d-%m-%Y"), "serie:N", "antal:Q"],
        )
    )
    return (
        alt.layer(lines, _rules(report)).resolve_scale(color="independent").properties(height=360)
    )


def burn_up_chart(report: RestorationReport) -> alt.LayerChart:
    """Cumulative fully restored cases against all cases in scope."""
    frame = pd.DataFrame(
        [{"dato": pd.Timestamp(day), "antal": value} for day, value in report.burn_up]
    )
    area = (
        alt.Chart(frame)
        .mark_area(color="#009E73", opacity=0.35, line={"color": "#009E73"})
        .encode(
            x=alt.X("dato:T", title=None, axis=month_axis()),
            y=alt.Y(
                "antal:Q",
                title="Fuldt genoprettede sager",
                scale=alt.Scale(domain=[0, max(report.cases, 1)]),
            ),
            tooltip=[alt.Tooltip("dato:T", format="%d-%m-%Y"), "antal:Q"],
        )
    )
    total = (
        alt.Chart(pd.DataFrame({"antal": [report.cases]}))
        .mark_rule(strokeDash=[4, 4], color="#555555")
        .encode(y="antal:Q")
    )
    return alt.layer(area, total, _rules(report)).properties(height=260)


def breakdown_chart(counts: dict[str, int], title: str) -> alt.Chart:
    frame = pd.DataFrame([{"kategori": key, "antal": value} for key, value in counts.items()])
    chart = (
        alt.Chart(frame, title=title)
        .mark_bar(color="#0072B2")
        .encode(
            y=alt.Y("kategori:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X("antal:Q", title="Åbne sagsskridt", axis=number_axis(tickMinStep=1)),
            tooltip=["kategori:N", "antal:Q"],
        )
        .properties(height=alt.Step(28))
    )
    return chart
