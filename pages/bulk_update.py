"""Bulk status update through Excel, for editors: download, upload, preview, apply."""

import pandas as pd
import streamlit as st

from components import texts
from components.commands import flash, run_command, show_flash
from components.data import load_status_workbook, load_theme_codes, load_themes
from components.shell import current_actor, require_shell
from components.widgets import choose_many
from models.auth.users import EDIT_PLAN
from models.core.errors import DomainError
from models.core.formatting import datetime_da
from models.plan.action_edits import FIELD_LABELS, save_action_edits
from models.plan.status_workbook import read_status_workbook

require_shell(__file__, EDIT_PLAN)
actor = current_actor()
st.title(texts.BULK_TITLE)
show_flash()
st.caption(texts.BULK_INTRO)

codes = [code for code, _ in load_theme_codes()]
chosen = choose_many(texts.BULK_THEMES, codes, default=codes)
st.download_button(
    texts.BULK_DOWNLOAD,
    load_status_workbook(tuple(chosen or codes)),
    file_name="genopretningsplan-statusser.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
st.divider()
upload_key = f"bulk_upload_{st.session_state.get('bulk_generation', 0)}"
upload = st.file_uploader(texts.BULK_UPLOAD, type=["xlsx"], key=upload_key)
if upload is None:
    st.stop()

current = {action.id: action for theme in load_themes() for action in theme.actions}
try:
    preview = read_status_workbook(upload.getvalue(), current, filename=upload.name)
except DomainError as error:
    st.error(str(error))
    st.stop()

st.subheader(
    texts.BULK_SUMMARY.format(
        changes=len(preview.edits),
        unchanged=preview.unchanged,
        problems=len(preview.problems),
        conflicts=len(preview.conflicts),
    )
)
if preview.problems:
    st.error(texts.BULK_PROBLEMS + "\n\n" + "\n".join(f"- {p}" for p in preview.problems))
for edit in preview.conflicts:
    action = current[edit.action_id]
    st.warning(
        texts.BULK_CONFLICT.format(
            code=action.code,
            line=preview.lines[edit.action_id],
            who=action.updated_by or "?",
            when=datetime_da(action.updated_at),
        )
    )
if not preview.edits:
    st.info(texts.BULK_NOTHING)
    st.stop()
st.dataframe(
    pd.DataFrame(
        [
            {
                texts.COL_CODE: current[edit.action_id].code,
                texts.LOG_COL_FIELD: FIELD_LABELS[name],
                texts.LOG_COL_OLD: str(getattr(current[edit.action_id], name)),
                texts.LOG_COL_NEW: value,
            }
            for edit in preview.edits
            for name, value in edit.values.items()
        ]
    ),
    hide_index=True,
    width="stretch",
)
if st.button(
    texts.BULK_APPLY.format(count=len(preview.edits)),
    type="primary",
    disabled=not preview.can_apply,
):
    saved = run_command(save_action_edits, actor=actor, edits=preview.edits, all_or_nothing=True)
    if saved is not None:  # clear the uploader only when everything was saved
        st.session_state["bulk_generation"] = st.session_state.get("bulk_generation", 0) + 1
        flash(texts.BULK_APPLIED.format(count=len(preview.edits)))
        st.rerun()
