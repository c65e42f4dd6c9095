"""Offentlig statusside: preview the public status page, publish it (audited), and see the
earlier publications. Editors and admins."""

from __future__ import annotations

import streamlit as st

from components.public_site_view import (
    load_site,
    publish_controls,
    show_preview,
    show_publications,
)
from components.shell import current_actor, require_shell
from components.texts import public_site as t
from models.auth.users import EDIT_PLAN
from models.core.time import today_local

require_shell(__file__, EDIT_PLAN)
actor = current_actor()
today = today_local()
st.title(t.TITLE)
st.caption(t.INTRO)
files = load_site(today)
publish_controls(actor, files, today)
show_preview(files)
show_publications(actor)
