"""Entry point: `streamlit run app.py`."""

import streamlit as st

from components import texts
from components.data import ensure_database
from components.navigation import build_pages
from components.shell import shell_run

st.set_page_config(page_title=texts.APP_TITLE, page_icon=texts.APP_ICON, layout="wide")
ensure_database()
with shell_run():
    st.navigation(build_pages()).run()
