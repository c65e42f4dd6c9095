"""The owner of a track, chosen by an editor on the theme page (in edit mode)."""

from __future__ import annotations

import streamlit as st

from components.commands import run_command
from components.readers import load_users
from components.texts import theme as t
from models.auth.users import EDIT_PLAN, Actor
from models.plan.owners import set_track_owner
from models.plan.queries import TrackView


def editors() -> list[str]:
    """Who may own: active editors and admins."""
    return [user.username for user in load_users() if user.active and user.role in EDIT_PLAN]


def render_track_owner(track: TrackView, actor: Actor) -> None:
    """A select box; a new choice is saved at once (audited through the write function)."""
    options = ["", *editors()]
    current = track.owner or ""
    if current not in options:  # a deactivated owner still shows who it was
        options.append(current)
    choice = st.selectbox(
        t.TRACK_OWNER,
        options,
        index=options.index(current),
        format_func=lambda name: name or t.NO_OWNER,
        key=f"track_owner_{track.code}",
        help=t.TRACK_OWNER_HELP,
    )
    if choice != current:
        run_command(
            set_track_owner,
            success=t.TRACK_OWNER_SAVED.format(track=track.code, owner=choice or t.NO_OWNER),
            actor=actor,
            track_code=track.code,
            owner=choice or None,
        )
