"""Aggregate status of the plan: counts per status and theme, nothing internal."""

import streamlit as st

from components.charts import status_by_theme_chart
from components.readers import load_plan, load_theme_summaries
from components.shell import require_shell
from components.texts import common
from models.auth.users import PRESENT
from models.core.formatting import number_da
from models.plan.status import STATUS_ORDER

require_shell(__file__, PRESENT)
plan = load_plan()
summaries = load_theme_summaries()
st.title(common.NAV_STATUS_FIGURES)
if plan is not None:
    st.caption(
        f"{plan.municipality} · {plan.title} {plan.period_start_year}–{plan.period_end_year}"
    )
columns = st.columns(len(STATUS_ORDER))
for column, status in zip(columns, STATUS_ORDER, strict=True):
    column.metric(status.value, number_da(sum(s.status_counts[status] for s in summaries)))
st.altair_chart(status_by_theme_chart(summaries), width="stretch")
