"""First run: the person holding the server's setup code creates the first admin."""

import streamlit as st

from components import texts
from components.commands import run_command
from components.shell import require_shell
from models.auth.first_admin import create_first_admin

require_shell(__file__)
st.title(texts.SETUP_TITLE)
st.info(texts.SETUP_INTRO)
with st.form("setup"):
    code = st.text_input(texts.SETUP_CODE, type="password")
    username = st.text_input(texts.FIELD_USERNAME)
    name = st.text_input(texts.FIELD_NAME)
    email = st.text_input(texts.FIELD_EMAIL)
    password = st.text_input(texts.FIELD_PASSWORD, type="password")
    repeat = st.text_input(texts.FIELD_PASSWORD_REPEAT, type="password")
    submitted = st.form_submit_button(texts.SETUP_BUTTON, type="primary")
if submitted:
    if password != repeat:
        st.error(texts.PASSWORDS_DIFFER)
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
