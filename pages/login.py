"""The login page: the only page anyone sees before logging in."""

import streamlit as st

from components.auth import render_login_form
from components.commands import show_flash
from components.shell import require_shell
from components.texts import common, login, setup

require_shell(__file__)
st.title(common.APP_TITLE)
st.caption(login.INTRO)
show_flash()
if st.session_state.pop("setup_done", False):
    st.success(setup.DONE)
left, _ = st.columns([2, 3])
with left:
    render_login_form()
