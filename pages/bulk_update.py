"""Bulk status update through Excel, for editors: download, upload, preview, apply."""

import pandas as pd
import streamlit as st

from components.commands import flash, run_command, show_flash
from components.exports import status_workbook_xlsx
from components.readers import (
    load_owner_choices,
    load_theme_codes,
    load_themes,
    plan_revision,
)
from components.safe_text import inert
from components.shell import current_actor, require_shell
from components.texts import bulk_update as t
from components.texts import common
from components.uploads import choose_file, forget, once_per_file
from components.widgets import choose_many
from models.auth.users import EDIT_PLAN
from models.core.formatting import count_da, datetime_long_da, number_da
from models.plan.action_edits import FIELD_LABELS, save_action_edits
from models.plan.status_workbook import cell_text, read_status_workbook

BULK_UPLOAD = "_bulk_upload"  # session-state slot of the uploaded workbook

require_shell(__file__, EDIT_PLAN)
actor = current_actor()
st.title(t.TITLE)
show_flash()
st.caption(t.INTRO)

codes = [code for code, _ in load_theme_codes()]
chosen = choose_many(t.THEMES, codes, default=codes)
st.download_button(
    t.DOWNLOAD,
    status_workbook_xlsx(tuple(chosen or codes)),
    file_name="genopretningsplan-statusser.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
st.divider()
upload_key = f"bulk_upload_{st.session_state.get('bulk_generation', 0)}"
upload = choose_file(t.UPLOAD, ["xlsx"], key=upload_key)
if upload is None:
    forget(BULK_UPLOAD)
    st.stop()

current = {action.id: action for theme in load_themes() for action in theme.actions}
owners = tuple(load_owner_choices())
# Read once per file, state of the plan (a change in the app since may make a conflict) and
# list of possible owners.
read = once_per_file(
    BULK_UPLOAD,
    upload,
    lambda data, filename: read_status_workbook(data, current, owners=owners, filename=filename),
    depends_on=(plan_revision(), owners),
)
if read.value is None:
    st.error(inert(read.error))
    st.stop()
preview = read.value

st.subheader(
    t.SUMMARY.format(
        changes=count_da(len(preview.edits), *common.CHANGES),
        unchanged=count_da(preview.unchanged, *common.UNCHANGED),
        problems=number_da(len(preview.problems)),
        conflicts=count_da(len(preview.conflicts), *t.CONFLICTS),
    )
)
if preview.problems:
    st.error(t.PROBLEMS + "\n\n" + "\n".join(f"- {inert(p)}" for p in preview.problems))
for conflict in preview.conflicts:
    fields = "; ".join(
        t.CONFLICT_FIELD.format(
            field=FIELD_LABELS[name],
            app=inert(conflict.app_values[name] or "–"),
            file=inert(value or "–"),
        )
        for name, value in conflict.file_values.items()
    )
    st.warning(
        t.CONFLICT.format(
            code=conflict.code,
            line=conflict.line,
            who=inert(conflict.changed_by or "?"),
            when=datetime_long_da(conflict.changed_at),
            fields=fields,
        )
    )
if not preview.edits:
    st.info(t.NOTHING)
    st.stop()
st.dataframe(
    pd.DataFrame(
        [
            {
                common.COL_CODE: current[edit.action_id].code,
                common.COL_FIELD: FIELD_LABELS[name],
                common.COL_OLD: cell_text(current[edit.action_id], name) or "–",
                common.COL_NEW: value or "–",
            }
            for edit in preview.edits
            for name, value in edit.values.items()
        ]
    ),
    hide_index=True,
    width="stretch",
)
if st.button(
    t.APPLY.format(changes=count_da(len(preview.edits), *common.CHANGES)),
    type="primary",
    disabled=not preview.can_apply,
):
    saved = run_command(save_action_edits, actor=actor, edits=preview.edits, all_or_nothing=True)
    if saved is not None:  # clear the uploader only when everything was saved
        st.session_state["bulk_generation"] = st.session_state.get("bulk_generation", 0) + 1
        forget(BULK_UPLOAD)
        flash(t.APPLIED.format(actions=count_da(len(preview.edits), *common.ACTIONS)))
        st.rerun()
