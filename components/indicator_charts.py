"""One chart per effect goal: the measurements, the current target as a line or a band, and
tooltips with the date as precise as its source ("ca. 2019", "2017") and the comment.

A date less precise than a day is placed in the middle of its month, quarter or year; the time
axis spans whole calendar years. A target
that does not apply today (historical or coming) is not drawn: it is not what the values are
judged against.

`indicator_figures` is the chart's text alternative: the measurements and the target in a
sentence, and the measurements as a table.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from components.texts import charts as texts
from models.core.chart_axes import number_axis
from models.indicators.rules import Direction, unit_text
from models.indicators.service import IndicatorCard

TARGET_COLOR = "#009E73"
VALUE_COLOR = "#0072B2"


def indicator_chart(card: IndicatorCard) -> alt.LayerChart:
    frame = pd.DataFrame(
        [
            {
                "dato": pd.Timestamp(m.plotted_on),
                "værdi": m.value,
                "dato_tekst": m.date_text,
                "værdi_tekst": m.value_text,
                "kommentar": m.comment or "–",
            }
            for m in card.measurements
        ]
    )
    # Whole calendar years, so that a single point (or a year's figure) sits inside a labelled
    # year instead of on an axis with no ticks.
    first = min(m.measured_on for m in card.measurements).year
    last = max(m.measured_on for m in card.measurements).year
    domain = [alt.DateTime(year=first, month=1, date=1), alt.DateTime(year=last, month=12, date=31)]
    x = alt.X(
        "dato:T",
        title=None,
        axis=alt.Axis(format="%Y", labelAngle=0, tickCount="year"),
        scale=alt.Scale(domain=domain),
    )
    y = alt.Y("værdi:Q", title=card.unit, axis=number_axis(), scale=alt.Scale(zero=True))
    tooltip = [
        alt.Tooltip("dato_tekst:N", title="Dato"),
        alt.Tooltip("værdi_tekst:N", title="Værdi"),
        alt.Tooltip("kommentar:N", title="Kilde/kommentar"),
    ]
    layers: list[alt.Chart] = []
    target = card.current_target
    if target is not None and target.direction == Direction.range:
        band = pd.DataFrame({"lav": [target.low], "høj": [target.high]})
        layers.append(
            alt.Chart(band)
            .mark_rect(color=TARGET_COLOR, fillOpacity=0.18, stroke=TARGET_COLOR, strokeDash=[6, 4])
            .encode(y="lav:Q", y2="høj:Q")
        )
    elif target is not None:
        line = pd.DataFrame({"mål": [target.value]})
        layers.append(
            alt.Chart(line)
            .mark_rule(color=TARGET_COLOR, strokeDash=[6, 4], strokeWidth=2)
            .encode(y="mål:Q")
        )
    base = alt.Chart(frame).encode(x=x, y=y, tooltip=tooltip)
    layers += [
        base.mark_line(color=VALUE_COLOR, strokeWidth=2),
        base.mark_point(color=VALUE_COLOR, filled=True, size=80),
    ]
    return alt.layer(*layers).properties(height=200)


def indicator_figures(card: IndicatorCard) -> tuple[str, pd.DataFrame]:
    unit = unit_text(card.unit)
    figures = "; ".join(
        f"{m.date_text}: {m.value_text}{f' {unit}' if unit else ''}" for m in card.measurements
    )
    text = texts.INDICATOR.format(name=card.name, figures=figures)
    if card.current_target is not None:
        text += texts.INDICATOR_TARGET.format(target=card.current_target.describe(card.unit))
    table = pd.DataFrame(
        [(m.date_text, m.value_text, m.comment or "–") for m in card.measurements],
        columns=list(texts.INDICATOR_COLUMNS),
    )
    return text, table
