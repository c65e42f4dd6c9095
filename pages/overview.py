"""The overview for the steering group's weekly review: where we stand, what is late, what
needs attention and what changed since last week."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.charts import show_chart, status_by_theme_chart, status_by_theme_figures
from components.navigation import theme_page_path
from components.readers import (
    load_changes,
    load_plan,
    load_restoration_report,
    load_restoration_target,
    load_theme_summaries,
    load_themes,
)
from components.safe_text import inert
from components.shell import require_shell
from components.status_html import PLAN_CSS, attention_table, status_badge
from components.texts import common, restoration
from components.texts import overview as t
from components.timeline_chart import timeline_chart, timeline_figures
from components.widgets import choose_many
from models.auth.users import READ_INTERNAL
from models.core.deadlines import has_passed
from models.core.formatting import DATE_INPUT_FORMAT, count_da, date_long_da, number_da
from models.core.settings import get_settings
from models.core.time import local_day_start, today_local
from models.plan.overview import (
    attention_sections,
    needs_attention,
    status_summary,
    summarise_changes,
    timeline_items,
)
from models.plan.status import STATUS_ORDER
from models.restoration.wording import deadline_sentence

require_shell(__file__, READ_INTERNAL)
plan = load_plan()
if plan is None:
    st.warning(t.NO_PLAN)
    st.stop()
today = today_local()
themes = load_themes()
actions = [action for theme in themes for action in theme.actions]
summary = status_summary(actions, today)

st.html(PLAN_CSS)
st.title(f"{plan.title} {plan.period_start_year}–{plan.period_end_year}")
report = load_restoration_report(today)
target = load_restoration_target()
st.markdown(
    f"**{plan.municipality}** · "
    + t.APPROVED.format(by=plan.approved_by, date=date_long_da(plan.approved_on))
    + " "
    + t.BUDGET.format(text=plan.budget_2025_text)
)
open_steps = report.headline.open_steps if report.has_data else None
deadline_text = inert(deadline_sentence(target, today, open_steps))
if has_passed(target.current, today) and open_steps != 0:
    st.warning(deadline_text)
else:
    st.info(deadline_text)

# Headline
cols = st.columns([1, 1, 1, 1.4])
cols[0].metric(
    t.DONE_SHARE,
    f"{number_da(100 * summary.done_share, 0)} %",
    help=t.DONE_HELP.format(
        done=number_da(summary.counts[STATUS_ORDER[-1]]),
        total=count_da(summary.total, *common.ACTIONS),
    ),
)
cols[1].metric(common.OVERDUE_COUNT, number_da(summary.overdue), help=t.OVERDUE_HELP)
cols[2].metric(t.OBS_COUNT, number_da(summary.counts[STATUS_ORDER[2]]))
with cols[3]:
    st.markdown(f"**{restoration.TITLE}**")
    if not report.has_data:
        st.caption(t.RESTORATION_NONE)
    else:
        head = report.headline
        verdict = restoration.ON_TRACK if head.beats_deadline else restoration.BEHIND
        if head.projected is not None:
            st.markdown(
                t.RESTORATION_FORECAST.format(
                    date=date_long_da(head.projected), verdict=verdict.lower()
                )
            )
        st.caption(
            t.RESTORATION_OPEN.format(
                open=count_da(head.open_steps, *t.OPEN_STEPS), pace=number_da(head.pace_4_weeks, 1)
            )
        )
        if report.demo_cases:
            st.caption(f"⚠ {t.DEMO}")
    st.page_link("pages/restoration.py", label=t.RESTORATION_LINK)
counts = " ".join(f"{status_badge(s)}&nbsp;<b>{summary.counts[s]}</b>" for s in STATUS_ORDER)
st.html(f"<div>{counts} &nbsp;·&nbsp; {t.ACTIONS_TOTAL}: <b>{summary.total}</b></div>")

# Status per theme, with a link to each theme
summaries = load_theme_summaries()
st.subheader(t.STATUS_HEADING)
chart_col, link_col = st.columns([5, 1])
show_chart(
    status_by_theme_chart, (summaries,), *status_by_theme_figures(summaries), where=chart_col
)
with link_col:
    st.write("")
    for theme_summary in summaries:
        st.page_link(
            theme_page_path(theme_summary.code),
            label=t.OPEN_THEME.format(code=theme_summary.code),
        )

# Needs attention: one section per reason, most urgent first
st.subheader(t.ATTENTION)
window = get_settings().freshness_days
sections = attention_sections(needs_attention(themes, today, window))
if not any(sections.values()):
    st.info(t.ATTENTION_EMPTY)
for section, rows in sections.items():
    if not rows:
        continue
    label = t.SECTION_LABEL.format(section=section.value, count=number_da(len(rows)))
    with st.expander(label, expanded=section in t.SECTIONS_OPEN):
        st.caption(t.SECTION_HELP[section])
        st.html(attention_table(rows, today, window))

# Since the last review
st.subheader(t.SINCE)
period = st.date_input(
    t.SINCE_PERIOD,
    value=(today - dt.timedelta(days=7), today),
    format=DATE_INPUT_FORMAT,
    max_value=today,
    key="overview_period",
)
start, end = period if len(period) == 2 else (period[0], period[0])
changes = load_changes(
    since=local_day_start(start),
    until=local_day_start(end + dt.timedelta(days=1)),
)
st.markdown("\n".join(f"- {inert(sentence)}" for sentence in summarise_changes(changes)))
st.page_link("pages/change_log.py", label=t.SINCE_LINK)

# Timeline
st.subheader(t.TIMELINE)
items = timeline_items(themes)
filter_cols = st.columns(3)
with filter_cols[0]:
    theme_filter = choose_many(t.TIMELINE_THEMES, [theme.code for theme in themes])
with filter_cols[1]:
    status_filter = choose_many(t.TIMELINE_STATUSES, [s.value for s in STATUS_ORDER])
owners = sorted({item.responsible for item in items if item.responsible})
with filter_cols[2]:
    owner_filter = choose_many(t.TIMELINE_RESPONSIBLE, owners)
shown = [
    item
    for item in items
    if (not theme_filter or item.theme_code in theme_filter)
    and (not status_filter or item.status.value in status_filter)
    and (not owner_filter or item.responsible in owner_filter)
]
if shown:
    show_chart(timeline_chart, (shown, today, target), *timeline_figures(shown, today, target))
else:
    st.info(t.TIMELINE_EMPTY)

with st.expander(t.ABOUT):
    for section in plan.background:
        st.markdown(f"#### {section.get('heading', '')}")
        for paragraph in section.get("paragraphs", []):
            st.markdown(paragraph)
