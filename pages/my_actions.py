"""Mine handlinger: an owner's actions grouped by what they need, each group editable."""

import streamlit as st

from components.action_editor import render_action_editor
from components.readers import load_themes
from components.shell import current_actor, require_shell
from components.texts import my_actions as t
from models.auth.users import EDIT_PLAN
from models.core.formatting import number_da
from models.core.settings import get_settings
from models.core.time import today_local
from models.plan.owners import my_actions, my_sections

require_shell(__file__, EDIT_PLAN)
actor = current_actor()
today = today_local()
st.title(t.TITLE)
st.caption(t.INTRO)
mine = my_actions(load_themes(), actor.username)
if not mine:
    st.info(t.NONE)
    st.stop()
for number, (section, actions) in enumerate(
    my_sections(mine, today, get_settings().freshness_days).items()
):
    st.subheader(
        t.SECTION_LABEL.format(section=section.value, count=number_da(len(actions))),
        divider="gray",
    )
    st.caption(t.SECTION_HELP[section.value])
    if not actions:
        st.info(t.SECTION_EMPTY)
        continue
    render_action_editor(actions, f"mine-{number}", actor)  # each section its own grid
