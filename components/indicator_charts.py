"""One chart per effect goal: the measurements, the target as a line or a band, comment tooltips."""

from __future__ import annotations

import altair as alt
import pandas as pd

from models.core.chart_axes import number_axis
from models.indicators.rules import Direction
from models.indicators.service import IndicatorCard

TARGET_COLOR = "#009E73"
VALUE_COLOR = "#0072B2"


def indicator_chart(card: IndicatorCard) -> alt.LayerChart:
    frame = pd.DataFrame(
        [
            {"dato": pd.Timestamp(m.measured_on), "værdi": m.value, "kommentar": m.comment or "–"}
            for m in card.measurements
        ]
    )
    x = alt.X("dato:T", title=None, axis=alt.Axis(format="%Y", labelAngle=0, tickCount="year"))
    y = alt.Y("værdi:Q", title=card.unit, axis=number_axis(), scale=alt.Scale(zero=True))
    tooltip = [
        alt.Tooltip("dato:T", title="Dato", format="%d-%m-%Y"),
        alt.Tooltip("værdi:Q", title="Værdi"),
        alt.Tooltip("kommentar:N", title="Kilde/kommentar"),
    ]
    layers: list[alt.Chart] = []
    target = card.target
    if target is not None and target.direction == Direction.range:
        band = pd.DataFrame({"lav": [target.low], "høj": [target.high]})
        layers.append(
            alt.Chart(band)
            .mark_rect(color=TARGET_COLOR, opacity=0.18)
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
