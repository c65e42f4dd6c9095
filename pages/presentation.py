"""Borgermøde: the citizen-meeting presentation, one slide at a time, aggregate data only."""

from __future__ import annotations

import streamlit as st

from components.exports import deck_pptx
from components.readers import load_deck
from components.shell import require_shell
from components.slides_view import render_slide
from components.texts import presentation as t
from models.auth.users import PRESENT
from models.core.time import today_local
from models.presentation.slides import slides

require_shell(__file__, PRESENT)
today = today_local()
deck = load_deck(today)
pages = slides(deck)
try:
    number = min(max(int(st.query_params.get("slide", "1")), 1), len(pages))
except ValueError:
    number = 1
st.query_params["slide"] = str(number)

render_slide(pages[number - 1], deck, number, len(pages))
left, middle, right = st.columns([1, 4, 1])
if left.button(t.PREVIOUS, disabled=number == 1, width="stretch"):
    st.query_params["slide"] = str(number - 1)
    st.rerun()
if right.button(t.NEXT, disabled=number == len(pages), width="stretch", type="primary"):
    st.query_params["slide"] = str(number + 1)
    st.rerun()
middle.download_button(
    t.PPTX,
    deck_pptx(today),
    file_name=f"borgermoede-{today.isoformat()}.pptx",
    mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
)
