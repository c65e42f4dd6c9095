"""Input fra familier: what the family panel and citizen meetings said, and how the plan
answers it (viewers read; editors and admins record, edit, link and import)."""

import streamlit as st

from components.commands import show_flash
from components.family_input_forms import (
    WANTED_MEETING,
    render_import,
    render_item_form,
    render_meeting_form,
    render_new_item,
    render_new_meeting,
    show_conflict,
)
from components.family_input_view import (
    choose_meeting,
    load_items,
    load_meetings,
    render_history,
    render_item,
    render_meeting,
    render_meetings,
)
from components.shell import current_actor, require_shell
from components.texts import family_input as t
from models.auth.users import EDIT_PLAN, READ_INTERNAL
from models.core.time import today_local

require_shell(__file__, READ_INTERNAL)
actor = current_actor()
editing = actor.role in EDIT_PLAN
st.title(t.TITLE)
st.caption(t.INTRO)
show_flash()
show_conflict()
if editing:
    render_new_meeting(actor, today_local())

meetings = load_meetings()
if not meetings:
    st.info(t.NO_MEETINGS)
    st.stop()
st.subheader(t.MEETINGS)
render_meetings(meetings)
meeting = choose_meeting(meetings, WANTED_MEETING)
render_meeting(meeting)
if editing:
    render_meeting_form(actor, meeting, today_local())

items = load_items(meeting.id)
st.subheader(t.ITEMS_HEADING.format(count=len(items)))
if not items:
    st.info(t.NO_ITEMS)
for number, item in enumerate(items, start=1):
    with st.container(border=True):
        render_item(item, number)
        if editing:
            render_item_form(actor, meeting, item)
if editing:
    render_new_item(actor, meeting)
    render_import(actor, meeting)
render_history(meeting.id, items)
