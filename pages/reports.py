"""Statusrapporter: freeze, compare and export the plan's status for the committee."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import texts
from components.commands import run_command, show_flash
from components.data import load_key_messages
from components.reports import export_bundle, load_report_pair, load_snapshot_list
from components.shell import current_actor, require_shell
from models.auth.users import EDIT_PLAN, MANAGE_USERS, READ_INTERNAL
from models.core.formatting import date_da, datetime_da
from models.core.time import today_local
from models.reports.compare import NO_STATUS_CHANGE
from models.reports.snapshots import NOW_NAME, create_snapshot, delete_snapshot, set_key_messages

require_shell(__file__, READ_INTERNAL)
actor = current_actor()
today = today_local()
st.title(texts.REP_TITLE)
show_flash()
st.caption(texts.REP_INTRO)
snapshots = load_snapshot_list()

if actor.role in EDIT_PLAN:
    with st.expander(texts.REP_KEY_MESSAGES), st.form("key_messages"):
        messages = [
            st.text_area(f"{number}.", value=text, height=90, max_chars=600)
            for number, text in enumerate(load_key_messages(), start=1)
        ]
        if st.form_submit_button(texts.REP_KEY_SAVE):
            run_command(set_key_messages, success=texts.REP_KEY_SAVED, actor=actor, texts=messages)
    with st.expander(texts.REP_CREATE, expanded=not snapshots), st.form("create_snapshot"):
        name = st.text_input(texts.REP_NAME)
        taken_on = st.date_input(texts.REP_DATE, value=today, max_value=today, format="DD-MM-YYYY")
        if st.form_submit_button(texts.REP_CREATE_BUTTON, type="primary"):
            run_command(
                create_snapshot,
                success=texts.REP_CREATED.format(name=" ".join(name.split())),
                actor=actor,
                name=name,
                taken_on=taken_on,
                today=today,
            )

if not snapshots:
    st.info(texts.REP_NONE)
    st.stop()

st.dataframe(
    pd.DataFrame(
        [(s.name, date_da(s.taken_on), s.created_by, datetime_da(s.created_at)) for s in snapshots],
        columns=list(texts.REP_LIST_COLUMNS),
    ),
    hide_index=True,
    width="stretch",
)
names = [s.name for s in snapshots]
left, right = st.columns(2)
chosen = left.selectbox(texts.REP_CHOOSE, [NOW_NAME, *names], index=0)
others = [texts.REP_NO_COMPARE, *[n for n in names if n != chosen]]
against = right.selectbox(texts.REP_AGAINST, others, index=1 if len(others) > 1 else 0)
report, comparison = load_report_pair(
    chosen, None if against == texts.REP_NO_COMPARE else against, today
)

if comparison is not None:
    st.subheader(texts.REP_COMPARE_TITLE)
    sentences = [*comparison.sentences.get("", [])]
    sentences += [
        f"Tema {theme}: {sentence}"
        for theme, said in comparison.sentences.items()
        if theme
        for sentence in said
        if sentence != NO_STATUS_CHANGE
    ]
    st.markdown("\n".join(f"- {sentence}" for sentence in sentences))
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
                        "Ja" if r.newly_obs else "",
                        "Ja" if r.newly_overdue else "",
                    )
                    for r in comparison.rows
                ],
                columns=list(texts.REP_COMPARE_COLUMNS),
            ),
            hide_index=True,
            width="stretch",
        )
    if comparison.restoration:
        st.markdown(f"**{texts.REP_RESTORATION}**")
        st.dataframe(
            pd.DataFrame(
                [(label, before, after) for label, before, after in comparison.restoration],
                columns=["", comparison.before.name, comparison.after.name],
            ).astype(str),
            hide_index=True,
        )

st.subheader(texts.REP_DOWNLOADS)
bundle = export_bundle(chosen, None if against == texts.REP_NO_COMPARE else against, today)
stem = "".join(ch if ch.isalnum() else "-" for ch in report.name).strip("-").lower()
columns = st.columns(4)
columns[0].download_button(texts.REP_XLSX, bundle.xlsx, file_name=f"{stem}.xlsx")
columns[1].download_button(texts.REP_DOCX, bundle.docx, file_name=f"{stem}.docx")
columns[2].download_button(
    texts.REP_PDF, bundle.pdf, file_name=f"{stem}.pdf", mime="application/pdf"
)
columns[3].download_button(texts.REP_PNG, bundle.png, file_name=f"{stem}.png", mime="image/png")

if actor.role in MANAGE_USERS and chosen != NOW_NAME:
    st.divider()
    if st.button(texts.REP_DELETE, type="secondary"):
        run_command(
            delete_snapshot, success=texts.REP_DELETED.format(name=chosen), actor=actor, name=chosen
        )
