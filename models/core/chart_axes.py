"""Danish number and date labels for Altair axes (1.200; okt. 2025), for app and exports.

Streamlit's chart renderer ignores a Vega `locale` config, so axes format their labels with
Vega expressions instead.
"""

from __future__ import annotations

import altair as alt

SHORT_MONTHS = [
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "maj",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
]
_MONTHS_EXPR = "[" + ",".join(f"'{m}'" for m in SHORT_MONTHS) + "]"

# Thousands with a dot, decimals with a comma.
NUMBER_LABELS = (
    "replace(replace(replace(format(datum.value, ',~r'), ',', '#'), '.', ','), '#', '.')"
)
MONTH_LABELS = f"{_MONTHS_EXPR}[month(datum.value)] + ' ' + year(datum.value)"


def number_axis(**kwargs: object) -> alt.Axis:
    return alt.Axis(labelExpr=NUMBER_LABELS, **kwargs)


def month_axis(**kwargs: object) -> alt.Axis:
    return alt.Axis(labelExpr=MONTH_LABELS, labelAngle=0, labelOverlap=True, **kwargs)
