"""Statusrapporter: freeze, compare and export the plan's status for the committee."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from components.commands import run_command, show_flash
from components.exports import report_file
from components.readers import (
    load_deleted_reports,
    load_key_messages,
    load_report_pair,
    load_snapshot_list,
)
from components.safe_text import inert
from components.shell import current_actor, current_auth, require_shell
from components.texts import common
from components.texts import reports as t
from models.auth.users import EDIT_PLAN, MANAGE_USERS, READ_INTERNAL
from models.core.formatting import DATE_INPUT_FORMAT, date_long_da, date_table_da, datetime_table_da
from models.core.time import today_local
from models.reports.compare import NO_STATUS_CHANGE
from models.reports.snapshots import (
    MAX_APPENDIX_NUMBER,
    NOW_NAME,
    appendix_label,
    create_snapshot,
    delete_snapshot,
    mark_presented,
    set_appendix_details,
    set_key_messages,
)


def show_deleted() -> None:
    """Admins: every deleted report, who deleted it, when and why."""
    deleted = load_deleted_reports()
    if deleted:
        with st.expander(t.DELETED_TITLE):
            st.dataframe(
                pd.DataFrame(
                    [
                        (datetime_table_da(e.occurred_at), e.username, e.name, e.reason or "–")
                        for e in deleted
                    ],
                    columns=list(t.DELETED_COLUMNS),
                ),
                hide_index=True,
                width="stretch",
            )


require_shell(__file__, READ_INTERNAL)
actor = current_actor()
today = today_local()
st.title(t.TITLE)
show_flash()
st.caption(t.INTRO)
snapshots = load_snapshot_list()

if actor.role in EDIT_PLAN:
    with st.expander(t.KEY_MESSAGES), st.form("key_messages"):
        messages = [
            st.text_area(f"{number}.", value=text, height=90, max_chars=600)
            for number, text in enumerate(load_key_messages(), start=1)
        ]
        if st.form_submit_button(t.KEY_SAVE):
            run_command(set_key_messages, success=t.KEY_SAVED, actor=actor, texts=messages)
    with st.expander(t.CREATE, expanded=not snapshots), st.form("create_snapshot"):
        name = st.text_input(t.NAME)
        taken_on = st.date_input(
            t.DATE, value=today, max_value=today, format=DATE_INPUT_FORMAT, help=t.DATE_HELP
        )
        reconstruction = st.checkbox(t.RECONSTRUCTION, help=t.RECONSTRUCTION_HELP)
        number_column, meeting_column = st.columns(2)
        appendix_number = number_column.number_input(
            t.APPENDIX_NUMBER,
            min_value=1,
            max_value=MAX_APPENDIX_NUMBER,
            value=None,
            step=1,
            help=t.APPENDIX_NUMBER_HELP,
        )
        meeting_on = meeting_column.date_input(
            t.MEETING_ON, value=None, format=DATE_INPUT_FORMAT, help=t.MEETING_ON_HELP
        )
        if st.form_submit_button(t.CREATE_BUTTON, type="primary"):
            run_command(
                create_snapshot,
                success=t.CREATED.format(name=" ".join(name.split())),
                actor=actor,
                name=name,
                taken_on=taken_on,
                today=today,
                reconstruction=reconstruction,
                appendix_number=None if appendix_number is None else int(appendix_number),
                meeting_on=meeting_on,
            )

if not snapshots:
    st.info(t.NONE)
    if actor.role in MANAGE_USERS:
        show_deleted()
    st.stop()

st.dataframe(
    pd.DataFrame(
        [
            (
                s.name,
                date_table_da(s.taken_on),
                appendix_label(s.appendix_number, s.meeting_on)
                if s.appendix_number or s.meeting_on
                else "–",
                t.RECONSTRUCTED_ON.format(day=date_table_da(s.frozen_on))
                if s.reconstruction
                else "",
                date_table_da(s.presented_on) if s.presented_on else t.NOT_PRESENTED,
                s.created_by,
                datetime_table_da(s.created_at),
            )
            for s in snapshots
        ],
        columns=list(t.LIST_COLUMNS),
    ),
    hide_index=True,
    width="stretch",
)
names = [s.name for s in snapshots]
left, right = st.columns(2)
chosen = left.selectbox(t.CHOOSE, [NOW_NAME, *names], index=0)
others = [t.NO_COMPARE, *[n for n in names if n != chosen]]
against = right.selectbox(t.AGAINST, others, index=1 if len(others) > 1 else 0)
report, comparison = load_report_pair(chosen, None if against == t.NO_COMPARE else against, today)
if report.appendix_number or report.meeting_on:
    st.caption(inert(report.appendix_label))
if report.reconstruction_label:
    st.warning(inert(report.reconstruction_label), icon=":material/history:")

if comparison is not None:
    st.subheader(t.COMPARE_TITLE)
    sentences = [*comparison.sentences.get("", [])]
    sentences += [
        t.THEME_SENTENCE.format(theme=theme, sentence=sentence)
        for theme, said in comparison.sentences.items()
        if theme
        for sentence in said
        if sentence != NO_STATUS_CHANGE
    ]
    st.markdown("\n".join(f"- {inert(sentence)}" for sentence in sentences))
    if comparison.rows:
        st.dataframe(
            pd.DataFrame(
                [
                    (
                        r.theme_code,
                        r.code,
                        r.text,
                        r.old_status or "–",
                        r.new_status,
                        common.YES if r.newly_obs else "",
                        common.YES if r.newly_overdue else "",
                    )
                    for r in comparison.rows
                ],
                columns=list(t.COMPARE_COLUMNS),
            ),
            hide_index=True,
            width="stretch",
        )
    if comparison.restoration:
        st.markdown(f"**{t.RESTORATION}**")
        st.dataframe(
            pd.DataFrame(
                [(label, before, after) for label, before, after in comparison.restoration],
                columns=["", comparison.before.name, comparison.after.name],
            ).astype(str),
            hide_index=True,
        )

st.subheader(t.DOWNLOADS)
stem = "".join(ch if ch.isalnum() else "-" for ch in report.name).strip("-").lower()
columns = st.columns(4)
# Each file is built when its button is clicked (then kept per state of the data), not on
# every load of the page.
file_args = (chosen, None if against == t.NO_COMPARE else against, today)
author = current_auth().display_name
for column, (kind, label, mime) in zip(
    columns,
    [
        ("xlsx", t.XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("docx", t.DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("pdf", t.PDF, "application/pdf"),
        ("png", t.PNG, "image/png"),
    ],
    strict=True,
):
    column.download_button(
        label,
        partial(report_file, kind, *file_args, author),
        file_name=f"{stem}.{kind}",
        mime=mime,
    )

if actor.role in EDIT_PLAN and chosen != NOW_NAME:
    snapshot = next(s for s in snapshots if s.name == chosen)
    with st.expander(t.APPENDIX_TITLE), st.form("appendix"):
        st.caption(t.APPENDIX_HELP)
        number_column, meeting_column = st.columns(2)
        number = number_column.number_input(
            t.APPENDIX_NUMBER,
            min_value=1,
            max_value=MAX_APPENDIX_NUMBER,
            value=snapshot.appendix_number,
            step=1,
            key="appendix_number",
        )
        meeting_for = meeting_column.date_input(
            t.MEETING_ON,
            value=snapshot.meeting_on,
            format=DATE_INPUT_FORMAT,
            key="appendix_meeting",
        )
        if st.form_submit_button(t.APPENDIX_SAVE):
            run_command(
                set_appendix_details,
                success=t.APPENDIX_SAVED.format(name=chosen),
                actor=actor,
                name=chosen,
                appendix_number=None if number is None else int(number),
                meeting_on=meeting_for,
            )
    with st.expander(t.PRESENTED_TITLE), st.form("presented"):
        st.caption(t.PRESENTED_HELP)
        presented = st.checkbox(t.PRESENTED, value=snapshot.presented_on is not None)
        planned = (
            snapshot.meeting_on if snapshot.meeting_on and snapshot.meeting_on <= today else None
        )
        meeting = st.date_input(
            t.MEETING_DATE,
            value=snapshot.presented_on or planned or snapshot.taken_on,
            max_value=today,
            format=DATE_INPUT_FORMAT,
        )
        if st.form_submit_button(t.PRESENTED_SAVE):
            run_command(
                mark_presented,
                success=(
                    t.PRESENTED_SAVED.format(name=chosen, date=date_long_da(meeting))
                    if presented
                    else t.UNPRESENTED_SAVED.format(name=chosen)
                ),
                actor=actor,
                name=chosen,
                presented_on=meeting if presented else None,
                today=today,
            )

if actor.role in MANAGE_USERS:
    if chosen != NOW_NAME:
        st.divider()
        with st.expander(t.DELETE), st.form("delete_snapshot"):
            st.caption(t.DELETE_HELP)
            confirmation = st.text_input(t.DELETE_CONFIRM.format(name=chosen))
            reason = st.text_area(t.DELETE_REASON, max_chars=500)
            if st.form_submit_button(t.DELETE_BUTTON):
                run_command(
                    delete_snapshot,
                    success=t.DELETED.format(name=chosen),
                    actor=actor,
                    name=chosen,
                    confirmation=confirmation,
                    reason=reason,
                )
    show_deleted()
