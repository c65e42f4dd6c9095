"""Renders one theme: its tracks, expected results and actions with status and deadline, and
per track the input from families that it (or one of its actions) answers."""

from __future__ import annotations

import streamlit as st

from components.action_editor import render_track_editor
from components.commands import show_flash
from components.errors import lost_edits_waiting
from components.family_input_view import load_inputs_by_track, render_track_input
from components.readers import load_theme
from components.shell import current_actor
from components.status_html import PLAN_CSS, action_table, status_badge
from components.texts import common
from components.texts import theme as t
from components.track_owner import render_track_owner
from models.auth.users import EDIT_PLAN
from models.core.settings import get_settings
from models.core.time import today_local
from models.plan.status import STATUS_ORDER


def render_theme(code: str) -> None:
    """The page body for theme `code`."""
    theme = load_theme(code)
    if theme is None:
        st.error(t.NOT_FOUND.format(code=code))
        return
    today = today_local()
    st.html(PLAN_CSS)
    st.title(t.HEADING.format(code=theme.code, title=theme.title))
    show_flash()
    counts = {status: 0 for status in STATUS_ORDER}
    for action in theme.actions:
        counts[action.status] += 1
    overdue = sum(action.is_overdue(today) for action in theme.actions)
    summary = " ".join(f"{status_badge(s)}&nbsp;<b>{counts[s]}</b>" for s in STATUS_ORDER)
    st.html(f"<div>{summary} &nbsp;·&nbsp; {common.OVERDUE_COUNT}: <b>{overdue}</b></div>")
    actor = current_actor()
    editing = actor.role in EDIT_PLAN and st.toggle(
        t.EDIT_MODE,
        # On again after a failed run took the grids, and what was typed, off the page.
        value=lost_edits_waiting([track.code for track in theme.tracks]),
        key=f"edit_mode_{code}",
        help=t.EDIT_MODE_HELP,
    )
    family_input = load_inputs_by_track()
    for track in theme.tracks:
        st.subheader(t.TRACK_HEADING.format(code=track.code, title=track.title), divider="gray")
        with st.expander(f"{t.RESULTS} ({len(track.results)})"):
            st.markdown(
                "\n".join(f"- {result}" for result in track.results), unsafe_allow_html=False
            )
        if track.actions and editing:
            render_track_owner(track, actor)
            render_track_editor(track, actor)
        elif track.actions:
            st.html(action_table(track.actions, today, get_settings().freshness_days))
        else:
            st.info(t.NO_ACTIONS)
        if track.timeline_notes:
            st.caption(f"{t.TIMELINE_NOTES}: " + " ".join(track.timeline_notes))
        render_track_input(family_input.get(track.code, []))
