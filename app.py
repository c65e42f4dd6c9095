"""Entry point: `streamlit run app.py`."""

import streamlit as st

from components import texts
from components.data import ensure_database
from components.navigation import build_pages

st.set_page_config(page_title=texts.APP_TITLE, page_icon=texts.APP_ICON, layout="wide")
ensure_database()
st.navigation(build_pages()).run()
