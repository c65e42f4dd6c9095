"""Case import for editors (upload, line-by-line errors, preview, apply) and demo controls.

A file is parsed once, not on every rerun: the parsed file is kept in session state under the
upload's identity (`components.uploads`), its preview is summarised once per state of the
restoration data, and the click that applies it uses the kept parsed file.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.commands import flash, run_command
from components.readers import cases_revision
from components.safe_text import inert
from components.texts import common
from components.texts import restoration as t
from components.texts import uploads as upload_texts
from components.uploads import (
    choose_file,
    file_identity,
    forget,
    kept,
    once_per_file,
    problem_rows_html,
)
from models.auth.users import Actor
from models.core.db import session_scope
from models.core.formatting import count_da, number_da
from models.restoration.case_import import (
    ImportSummary,
    ParsedFile,
    apply_import,
    parse_cases,
    summarise,
    template_csv,
)
from models.restoration.demo_cases import remove_demo, seed_demo

_GENERATION = "case_upload_generation"
_PARSED = "_case_upload_parsed"
_SUMMARY = "_case_upload_summary"


def _summarise(parsed: ParsedFile) -> ImportSummary:
    with session_scope() as session:
        return summarise(session, parsed)


def _counts(summary: ImportSummary, new: tuple[str, str]) -> dict[str, str]:
    return {
        "new": count_da(summary.new, *new),
        "changed": count_da(summary.changed, *t.CHANGED),
        "unchanged": count_da(summary.unchanged, *common.UNCHANGED),
    }


def render_case_upload(actor: Actor) -> None:
    with st.expander(t.IMPORT_TITLE, expanded=False):
        st.caption(t.IMPORT_HELP)
        st.download_button(
            t.TEMPLATE, template_csv(), file_name="sager-skabelon.csv", mime="text/csv"
        )
        key = f"case_upload_{st.session_state.get(_GENERATION, 0)}"
        upload = choose_file(upload_texts.CHOOSE_FILE, ["csv", "xlsx"], key=key)
        if upload is None:
            forget(_PARSED, _SUMMARY)
            return
        read = once_per_file(_PARSED, upload, parse_cases)
        if read.value is None:
            st.error(inert(read.error))
            return
        parsed = read.value
        if parsed.problems:
            st.error(upload_texts.PROBLEMS.format(count=number_da(len(parsed.problems))))
            st.html(problem_rows_html(parsed.problems))
            return
        preview = kept(
            _SUMMARY, (file_identity(upload), cases_revision()), lambda: _summarise(parsed)
        )
        if preview.value is None:
            st.error(inert(preview.error))
            return
        summary = preview.value
        st.success(
            t.PREVIEW.format(**_counts(summary, t.NEW_CASES), steps=number_da(summary.steps))
        )
        if st.button(t.APPLY, type="primary"):
            applied = run_command(apply_import, actor=actor, parsed=parsed)
            if applied is not None:  # clear the uploader only when the file went in
                st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
                forget(_PARSED, _SUMMARY)
                flash(t.APPLIED.format(**_counts(applied, t.NEW)))
                st.rerun()


def render_demo_controls(actor: Actor, today: dt.date) -> None:
    left, right = st.columns(2)
    if left.button(t.DEMO_LOAD):
        run_command(
            seed_demo,
            success=lambda cases: t.DEMO_LOADED.format(cases=count_da(cases, *t.DEMO_CASES)),
            actor=actor,
            today=today,
        )
    if right.button(t.DEMO_REMOVE):
        run_command(
            remove_demo,
            success=lambda cases: t.DEMO_REMOVED.format(cases=count_da(cases, *t.DEMO_CASES)),
            actor=actor,
        )
