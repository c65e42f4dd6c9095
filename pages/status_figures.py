"""Aggregate status of the plan: counts per status and theme, nothing internal.

The figures and the chart come from the citizen-meeting deck and follow the one small-number
rule (models.core.small_counts): counts of plan actions are exact, so every number here is
exact; only counts about people (cases) are shown as "under 5", and there are none here.
"""

import streamlit as st

from components.charts import show_chart, theme_bars_chart, theme_bars_figures
from components.readers import load_deck, load_plan
from components.shell import require_shell
from components.texts import common
from components.texts import presentation as t
from models.auth.users import PRESENT
from models.core.time import today_local
from models.presentation.aggregates import status_totals

require_shell(__file__, PRESENT)
plan = load_plan()
deck = load_deck(today_local())
st.title(common.NAV_STATUS_FIGURES)
if plan is not None:
    st.caption(
        f"{plan.municipality} · {plan.title} {plan.period_start_year}–{plan.period_end_year}"
    )
totals = status_totals(deck.themes)
columns = st.columns(len(totals))
for column, (status, shown) in zip(columns, totals, strict=True):
    column.metric(status.value, shown)
st.caption(t.STATUS_FIGURES_EXACT)
show_chart(
    theme_bars_chart,
    (deck.themes,),
    *theme_bars_figures(deck.themes),
)
