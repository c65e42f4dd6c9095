"""Borgermøde: the citizen-meeting presentation, one slide at a time, aggregate data only.

`?slide=N` is the slide; `&mode=present` the presenter view (the slide alone, keys and
clicker only); `&theme=dark` the dark variant for bright projectors.
"""

from __future__ import annotations

from components.deck_controls import buttons, current_view, keyboard
from components.exports import deck_pptx
from components.readers import load_deck
from components.shell import require_shell
from components.slides_view import render_slide
from components.texts import presentation as t
from models.auth.users import PRESENT
from models.core.formatting import date_table_da
from models.core.time import today_local
from models.presentation.slides import slides

require_shell(__file__, PRESENT)
today = today_local()
deck = load_deck(today)
pages = slides(deck)
view = current_view(len(pages))

viewport = keyboard(view)  # the window's height, in presenter mode
render_slide(
    pages[view.number - 1],
    deck,
    view.number,
    view.total,
    present=view.present,
    dark=view.dark,
    viewport=viewport,
)
if not view.present:
    buttons(view).download_button(
        t.PPTX,
        deck_pptx(today),
        file_name=f"borgermoede-{date_table_da(today)}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    )
