"""First run: the person holding the server's setup code creates the first admin."""

import streamlit as st

from components.commands import run_command
from components.shell import require_shell
from components.texts import setup as t
from components.texts import users
from models.auth.first_admin import create_first_admin

require_shell(__file__)
st.title(t.TITLE)
st.info(t.INTRO)
with st.form("setup"):
    code = st.text_input(t.CODE, type="password")
    username = st.text_input(users.FIELD_USERNAME)
    name = st.text_input(users.FIELD_NAME)
    email = st.text_input(users.FIELD_EMAIL)
    password = st.text_input(users.FIELD_PASSWORD, type="password")
    repeat = st.text_input(users.FIELD_PASSWORD_REPEAT, type="password")
    submitted = st.form_submit_button(t.BUTTON, type="primary")
if submitted:
    if password != repeat:
        st.error(users.PASSWORDS_DIFFER)
    elif run_command(
        create_first_admin,
        setup_code=code,
        username=username,
        display_name=name,
        password=password,
        email=email or None,
    ):
        # Shown by the login page for the rest of the session (a plain flash message would be
        # lost to the rerun that the login cookie component makes when it first loads).
        st.session_state["setup_done"] = True
        st.rerun()
