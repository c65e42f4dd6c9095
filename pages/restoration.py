"""Genopretning: is the pace enough to restore every open case by the deadline?"""

import pandas as pd
import streamlit as st

from components.case_upload import render_case_upload, render_demo_controls
from components.charts import show_chart
from components.commands import show_flash
from components.readers import load_restoration_report, load_restoration_target
from components.restoration_charts import (
    breakdown_chart,
    breakdown_figures,
    burn_down_chart,
    burn_down_figures,
    burn_up_chart,
    burn_up_figures,
)
from components.safe_text import inert
from components.shell import current_actor, require_shell
from components.texts import restoration as t
from models.auth.users import EDIT_PLAN, MANAGE_USERS, READ_INTERNAL
from models.core.deadlines import has_passed
from models.core.formatting import date_long_da, date_table_da, number_da
from models.core.time import today_local
from models.restoration.wording import deadline_sentence


def per_week(value: float | None) -> str:
    return "–" if value is None else t.PER_WEEK.format(value=number_da(value, 1))


require_shell(__file__, READ_INTERNAL)
actor = current_actor()
today = today_local()
report = load_restoration_report(today)
target = load_restoration_target()
st.title(t.TITLE)
show_flash()
st.caption(t.INTRO)
if report.demo_cases:
    st.warning(t.DEMO_BANNER.format(count=number_da(report.demo_cases)))
open_steps = report.headline.open_steps if report.has_data else None
deadline_text = inert(deadline_sentence(target, today, open_steps))
if has_passed(target.current, today) and open_steps != 0:
    st.warning(deadline_text)
else:
    st.info(deadline_text)

if not report.has_data:
    st.info(t.EMPTY)
else:
    head = report.headline
    row = st.columns(4)
    row[0].metric(t.CASES, number_da(report.cases))
    row[1].metric(t.RESTORED, number_da(report.restored))
    row[2].metric(t.WITH_PLAN, number_da(report.with_plan))
    row[3].metric(t.INFORMED, number_da(report.families_informed))
    row = st.columns(4)
    row[0].metric(t.OPEN, number_da(head.open_steps))
    row[1].metric(
        t.PACE4,
        per_week(head.pace_4_weeks),
        help=t.PACE8 + ": " + per_week(head.pace_8_weeks),
    )
    row[2].metric(
        t.REQUIRED,
        per_week(head.required_pace) if head.required_pace is not None else t.AFTER_DEADLINE,
    )
    if head.projected is None:
        row[3].metric(t.PROJECTED, "–", help=t.NEVER)
    else:
        verdict = t.ON_TRACK if head.beats_deadline else t.BEHIND
        row[3].metric(
            t.PROJECTED,
            date_long_da(head.projected),
            delta=verdict,
            delta_color="green" if head.beats_deadline else "red",
            delta_arrow="off",
        )
    st.subheader(t.BURN_DOWN)
    show_chart(burn_down_chart, (report,), *burn_down_figures(report))
    st.subheader(t.BURN_UP)
    show_chart(burn_up_chart, (report,), *burn_up_figures(report))
    if head.open_steps:
        columns = st.columns(3)
        for column, (counts, title) in zip(
            columns,
            [
                (report.open_by_type, t.BY_TYPE),
                (report.open_by_team, t.BY_TEAM),
                (report.open_by_concern, t.BY_CONCERN),
            ],
            strict=True,
        ):
            show_chart(
                breakdown_chart, (counts, title), *breakdown_figures(counts, title), where=column
            )
    if report.overdue_total:
        with st.expander(t.OVERDUE.format(count=number_da(report.overdue_total))):
            if report.overdue_total > len(report.overdue):
                st.caption(t.OVERDUE_SHOWN.format(shown=len(report.overdue)))
            st.dataframe(
                pd.DataFrame(
                    [
                        (s.reference, s.team, s.step_type, date_table_da(s.due_on), s.days_overdue)
                        for s in report.overdue
                    ],
                    columns=list(t.OVERDUE_COLUMNS),
                ),
                hide_index=True,
                width="stretch",
            )
    if report.lost_earnings is not None:
        c1 = report.lost_earnings
        st.subheader(t.C1_TITLE)
        row = st.columns(4)
        row[0].metric(
            t.C1_CASES, t.C1_OF.format(done=number_da(c1.reviewed), total=number_da(c1.cases))
        )
        row[1].metric(t.C1_RECALCULATED, number_da(c1.recalculated))
        row[2].metric(t.INFORMED, number_da(c1.families_informed))
        row[3].metric(t.C1_SUM, t.KRONER.format(amount=number_da(c1.corrections_dkk, 0)))

if actor.role in EDIT_PLAN:
    render_case_upload(actor)
if actor.role in MANAGE_USERS:
    render_demo_controls(actor, today)
