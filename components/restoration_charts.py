"""Altair charts for the restoration page: burn-down with ideal line and projection, burn-up,
and the open steps by category; each with its text alternative (`*_figures`: a sentence with
the figures and a table). Every line and bar stands out from white by at least 3:1."""

from __future__ import annotations

import altair as alt
import pandas as pd

from components.texts import charts as texts
from models.core.chart_axes import month_axis, number_axis
from models.core.formatting import date_long_da, date_table_da, number_da
from models.restoration.report import RestorationReport

SERIES_COLORS = {
    "Åbne sagsskridt": "#0072B2",
    "Ideel kurs mod fristen": "#767676",
    "Fremskrivning (tempo sidste 4 uger)": "#CC79A7",
}
DEADLINE_COLOR = "#D55E00"
TODAY_COLOR = "#1A1A1A"
RESTORED_COLOR = "#009E73"
TOTAL_COLOR = "#555555"
BAR_COLOR = "#0072B2"


def _rules(report: RestorationReport) -> alt.LayerChart:
    marks = pd.DataFrame(
        [
            {"dato": pd.Timestamp(report.today), "mærke": f"I dag ({date_long_da(report.today)})"},
            {
                "dato": pd.Timestamp(report.deadline),
                "mærke": f"Frist ({date_long_da(report.deadline)})",
            },
        ]
    )
    color = alt.Color(
        "mærke:N",
        scale=alt.Scale(domain=list(marks["mærke"]), range=[TODAY_COLOR, DEADLINE_COLOR]),
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
        .mark_area(color=RESTORED_COLOR, opacity=0.35, line={"color": RESTORED_COLOR})
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
        .mark_rule(strokeDash=[4, 4], color=TOTAL_COLOR)
        .encode(y="antal:Q")
    )
    return alt.layer(area, total, _rules(report)).properties(height=260)


def breakdown_chart(counts: dict[str, int], title: str) -> alt.Chart:
    frame = pd.DataFrame([{"kategori": key, "antal": value} for key, value in counts.items()])
    chart = (
        alt.Chart(frame, title=title)
        .mark_bar(color=BAR_COLOR)
        .encode(
            y=alt.Y("kategori:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X("antal:Q", title="Åbne sagsskridt", axis=number_axis(tickMinStep=1)),
            tooltip=["kategori:N", "antal:Q"],
        )
        .properties(height=alt.Step(28))
    )
    return chart


def _value(value: float) -> str:
    return number_da(round(value))


def burn_down_figures(report: RestorationReport) -> tuple[str, pd.DataFrame]:
    """The burn-down's sentence (first and latest week, the ideal line, the projection) and
    its weekly figures."""
    if not report.burn_down:
        return "", pd.DataFrame(columns=list(texts.BURN_DOWN_COLUMNS))
    text = texts.BURN_DOWN.format(
        first_value=_value(report.burn_down[0][1]),
        first_date=date_long_da(report.burn_down[0][0]),
        last_value=_value(report.burn_down[-1][1]),
        last_date=date_long_da(report.burn_down[-1][0]),
    )
    if report.ideal:
        start, total = report.ideal[0]
        text += texts.BURN_DOWN_IDEAL.format(
            total=_value(total), start=date_long_da(start), deadline=date_long_da(report.deadline)
        )
    head = report.headline
    if head.open_steps:
        text += (
            texts.BURN_DOWN_PROJECTION.format(date=date_long_da(head.projected))
            if head.projected is not None
            else texts.BURN_DOWN_NO_PROJECTION
        )
    table = pd.DataFrame(
        [(date_table_da(day), _value(value)) for day, value in report.burn_down],
        columns=list(texts.BURN_DOWN_COLUMNS),
    )
    return text, table


def burn_up_figures(report: RestorationReport) -> tuple[str, pd.DataFrame]:
    """The burn-up's sentence (restored of all cases, latest and first week) and its figures."""
    if not report.burn_up:
        return "", pd.DataFrame(columns=list(texts.BURN_UP_COLUMNS))
    text = texts.BURN_UP.format(
        last_value=_value(report.burn_up[-1][1]),
        cases=number_da(report.cases),
        last_date=date_long_da(report.burn_up[-1][0]),
        first_value=_value(report.burn_up[0][1]),
        first_date=date_long_da(report.burn_up[0][0]),
    )
    table = pd.DataFrame(
        [(date_table_da(day), _value(value)) for day, value in report.burn_up],
        columns=list(texts.BURN_UP_COLUMNS),
    )
    return text, table


def breakdown_figures(counts: dict[str, int], title: str) -> tuple[str, pd.DataFrame]:
    """Open steps per category, largest first, as a sentence and a table."""
    ordered = sorted(counts.items(), key=lambda item: -item[1])
    text = texts.BREAKDOWN.format(
        title=title, figures=", ".join(f"{key} {number_da(value)}" for key, value in ordered)
    )
    table = pd.DataFrame(
        [(key, number_da(value)) for key, value in ordered],
        columns=list(texts.BREAKDOWN_COLUMNS),
    )
    return text, table
