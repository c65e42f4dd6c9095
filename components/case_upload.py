"""Case import for editors (upload, line-by-line errors, preview, apply) and demo controls."""

from __future__ import annotations

import datetime as dt
from html import escape

import streamlit as st

from components import texts
from components.commands import run_command
from components.status_html import PLAN_CSS
from models.auth.users import Actor
from models.core.db import session_scope
from models.core.uploads import Problem, UploadError
from models.restoration.case_import import (
    MAX_PROBLEMS_SHOWN,
    ParsedFile,
    apply_import,
    parse_cases,
    summarise,
    template_csv,
)
from models.restoration.demo_cases import remove_demo, seed_demo

_GENERATION = "case_upload_generation"


def problem_table(parsed: ParsedFile) -> str:
    return problem_rows_html(parsed.problems)


def problem_rows_html(problems: list[Problem]) -> str:
    """Every problem as a row of line, column and reason (text escaped, wrapping)."""
    rows = "".join(
        f"<tr><td>{p.line}</td><td>{escape(p.column)}</td><td>{escape(p.message)}</td></tr>"
        for p in problems[:MAX_PROBLEMS_SHOWN]
    )
    more = len(problems) - MAX_PROBLEMS_SHOWN
    caption = f"<p>{escape(texts.R_MORE_PROBLEMS.format(count=more))}</p>" if more > 0 else ""
    header = "".join(f"<th>{escape(label)}</th>" for label in texts.R_PROBLEM_COLUMNS)
    return (
        f'{PLAN_CSS}<table class="plan-actions import-problems"><thead><tr>{header}</tr></thead>'
        f"<tbody>{rows}</tbody></table>{caption}"
    )


def render_case_upload(actor: Actor) -> None:
    with st.expander(texts.R_IMPORT_TITLE, expanded=False):
        st.caption(texts.R_IMPORT_HELP)
        st.download_button(
            texts.R_TEMPLATE, template_csv(), file_name="sager-skabelon.csv", mime="text/csv"
        )
        key = f"case_upload_{st.session_state.get(_GENERATION, 0)}"
        upload = st.file_uploader(texts.R_UPLOAD, type=["csv", "xlsx"], key=key)
        if upload is None:
            return
        try:
            parsed = parse_cases(upload.getvalue(), upload.name)
        except UploadError as error:
            st.error(str(error))
            return
        if parsed.problems:
            st.error(texts.R_PROBLEMS.format(count=len(parsed.problems)))
            st.html(problem_table(parsed))
            return
        with session_scope() as session:
            summary = summarise(session, parsed)
        st.success(
            texts.R_PREVIEW.format(
                new=summary.new,
                changed=summary.changed,
                unchanged=summary.unchanged,
                steps=summary.steps,
            )
        )
        if st.button(texts.R_APPLY, type="primary"):
            st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
            run_command(
                apply_import,
                success=texts.R_APPLIED.format(
                    new=summary.new, changed=summary.changed, unchanged=summary.unchanged
                ),
                actor=actor,
                parsed=parsed,
            )


def render_demo_controls(actor: Actor, today: dt.date) -> None:
    left, right = st.columns(2)
    if left.button(texts.R_DEMO_LOAD):
        run_command(
            seed_demo,
            success=texts.R_DEMO_LOADED.format(count=400),
            actor=actor,
            today=today,
        )
    if right.button(texts.R_DEMO_REMOVE):
        run_command(remove_demo, success=texts.R_DEMO_REMOVED.format(count="Alle"), actor=actor)
