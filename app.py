"""Entry point: `streamlit run app.py`."""

import streamlit as st

from components.auth import gate, render_user_box
from components.navigation import build_pages
from components.readers import ensure_database
from components.shell import resume_requested_page, shell_run
from components.status_html import APP_CSS
from components.texts import common as texts

st.set_page_config(page_title=texts.APP_TITLE, page_icon=texts.APP_ICON, layout="wide")
st.html(APP_CSS)
ensure_database()
state = gate()
page = st.navigation(build_pages(state), expanded=True)
render_user_box(state)
resume_requested_page()
with shell_run(state):
    page.run()
