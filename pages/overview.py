"""The overview: the plan, headline figures and each theme's actions per status."""

from __future__ import annotations

from html import escape

import streamlit as st

from components import texts
from components.charts import status_by_theme_chart
from components.data import load_plan, load_theme_summaries, load_themes
from components.navigation import theme_page_path
from components.shell import require_shell
from components.status_html import PLAN_CSS, status_badge
from models.formatting import date_da, date_long_da, number_da, today_local
from models.status import STATUS_ORDER, Status
from models.users import READ_INTERNAL


def _headline(total: int, done: int, overdue: int, attention: int) -> None:
    share = f"{number_da(100 * done / total, 0)} %" if total else "–"
    cols = st.columns(4)
    cols[0].metric(texts.METRIC_ACTIONS, number_da(total))
    cols[1].metric(texts.METRIC_DONE_SHARE, share, help=f"{done} af {total}", delta=None)
    cols[2].metric(texts.METRIC_OVERDUE, number_da(overdue))
    cols[3].metric(texts.METRIC_ATTENTION, number_da(attention))


def main() -> None:
    plan = load_plan()
    if plan is None:
        st.warning(texts.NO_PLAN)
        return
    st.html(PLAN_CSS)
    st.title(f"{plan.title} {plan.period_start_year}–{plan.period_end_year}")
    st.markdown(
        f"**{plan.municipality}** · "
        + texts.OVERVIEW_APPROVED.format(by=plan.approved_by, date=date_long_da(plan.approved_on))
        + " "
        + texts.OVERVIEW_DEADLINE.format(
            text=plan.restoration_deadline_text, date=date_da(plan.restoration_deadline)
        )
        + " "
        + texts.OVERVIEW_BUDGET.format(text=plan.budget_2025_text)
    )
    today = today_local()
    actions = [action for theme in load_themes() for action in theme.actions]
    _headline(
        total=len(actions),
        done=sum(a.status == Status.done for a in actions),
        overdue=sum(a.is_overdue(today) for a in actions),
        attention=sum(a.status == Status.attention for a in actions),
    )
    summaries = load_theme_summaries()
    st.subheader(texts.OVERVIEW_STATUS_HEADING)
    st.altair_chart(status_by_theme_chart(summaries), width="stretch")
    header = "".join(f"<th>{status_badge(s)}</th>" for s in STATUS_ORDER)
    rows = "".join(
        f"<tr><td><b>{s.code}</b>: {escape(s.title)}<br>"
        f"<small>Spor: {escape(', '.join(s.track_codes))}</small>"
        "</td>"
        + "".join(f"<td>{s.status_counts[status]}</td>" for status in STATUS_ORDER)
        + f"<td><b>{s.total}</b></td></tr>"
        for s in summaries
    )
    st.html(
        f'<table class="plan-actions"><thead><tr><th>{texts.COL_THEME}</th>{header}'
        f"<th>{texts.COL_TOTAL}</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    link_columns = st.columns(len(summaries) or 1)
    for column, summary in zip(link_columns, summaries, strict=False):
        column.page_link(
            theme_page_path(summary.code), label=texts.OVERVIEW_OPEN_THEME.format(code=summary.code)
        )
    with st.expander(texts.OVERVIEW_ABOUT):
        for section in plan.background:
            st.markdown(f"#### {section.get('heading', '')}")
            for paragraph in section.get("paragraphs", []):
                st.markdown(paragraph)


require_shell(__file__, READ_INTERNAL)
main()
