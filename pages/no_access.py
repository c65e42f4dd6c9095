"""Shown to a single-sign-on user whose e-mail maps to no active user."""

import streamlit as st

from components.safe_text import inert
from components.shell import current_auth, require_shell
from components.texts import login as t

require_shell(__file__)
st.title(t.NO_ACCESS_TITLE)
st.warning(t.NO_ACCESS_TEXT.format(email=inert(current_auth().sso_denied_email or "?")))
