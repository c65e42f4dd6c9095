"""Ændringslog: every change, filtered by period, theme, user and status, for the weekly review."""

import datetime as dt

import pandas as pd
import streamlit as st

from components.readers import (
    load_change_authors,
    load_change_count,
    load_changes,
    load_theme_codes,
)
from components.shell import require_shell
from components.texts import change_log as t
from components.texts import common
from components.widgets import choose_many
from models.auth.users import READ_INTERNAL
from models.core.formatting import DATE_INPUT_FORMAT, count_da, date_table_da, number_da
from models.core.time import local_day_start, today_local
from models.plan.change_log import TableTimes, changes_csv
from models.plan.status import STATUS_ORDER

DEFAULT_DAYS = 7
SHOWN = 1000  # rows in the table; the CSV has them all

require_shell(__file__, READ_INTERNAL)
st.title(t.TITLE)
today = today_local()
period_col, theme_col, user_col, status_col = st.columns([2, 2, 2, 2])
period = period_col.date_input(
    t.PERIOD,
    value=(today - dt.timedelta(days=DEFAULT_DAYS), today),
    format=DATE_INPUT_FORMAT,
    max_value=today,
)
with theme_col:
    themes = choose_many(t.THEMES, [code for code, _ in load_theme_codes()])
with user_col:
    users = choose_many(t.USERS, load_change_authors())
with status_col:
    statuses = choose_many(
        t.STATUSES,
        list(STATUS_ORDER),
        format_func=lambda status: status.value,
    )
start, end = period if len(period) == 2 else (period[0], period[0])
filters = {
    "since": local_day_start(start),
    "until": local_day_start(end + dt.timedelta(days=1)),
    "theme_codes": themes or None,
    "usernames": users or None,
    "statuses_now": statuses or None,
}
rows = load_changes(limit=SHOWN, **filters)
if not rows:
    st.info(t.EMPTY)
    st.stop()
total = len(rows) if len(rows) < SHOWN else load_change_count(**filters)
changes = count_da(total, *common.CHANGES)
if total > len(rows):
    st.caption(t.NEWEST.format(shown=number_da(len(rows)), changes=changes))
else:
    st.caption(t.COUNT.format(changes=changes))
local_time = TableTimes()
st.dataframe(
    pd.DataFrame(
        [
            {
                common.COL_CHANGED_AT: local_time(row.changed_at),
                common.COL_USER: row.username,
                common.COL_ACTION: f"{row.action_code} {row.action_text}",
                common.COL_FIELD: row.field_label,
                common.COL_OLD: row.old_text,
                common.COL_NEW: row.new_text,
                common.COL_CHANGE_NOTE: row.note,
            }
            for row in rows
        ]
    ),
    hide_index=True,
    width="stretch",
)
st.download_button(
    t.DOWNLOAD,
    lambda: changes_csv(load_changes(**filters)),  # every row, read when someone downloads
    file_name=f"aendringslog-{date_table_da(start)}-{date_table_da(end)}.csv",
    mime="text/csv",
)
