"""Renders one citizen-meeting slide: full width, large type, high contrast."""

from __future__ import annotations

import streamlit as st

from components.safe_text import inert_html as escape
from models.presentation.aggregates import Deck
from models.presentation.charts import burn_down, theme_bars
from models.presentation.slides import Slide

SLIDE_CSS = """
<style>
.slide { background: #FFFFFF; color: #111111; border: 3px solid #111111; border-radius: 12px;
  padding: 2.2rem 2.6rem; }
.slide h1 { font-size: 3.1rem; line-height: 1.15; margin: 0 0 1.2rem 0; color: #003F7F; }
.slide p, .slide li { font-size: 1.75rem; line-height: 1.45; margin: 0.35rem 0; }
.slide .figures { display: flex; gap: 2.2rem; margin: 0.5rem 0 1.2rem 0; flex-wrap: wrap; }
.slide .figure b { display: block; font-size: 3.2rem; line-height: 1.1; }
.slide .figure span { font-size: 1.35rem; }
.slide .note { color: #B34E00; font-weight: 700; font-size: 1.5rem; }
.slide .caption { color: #333333; font-size: 1.35rem; margin-top: -0.6rem; }
.slide .emphasis { font-weight: 700; border-left: 6px solid #D55E00; padding-left: 0.8rem;
  margin-top: 0.8rem; }
.slide-footer { font-size: 1.1rem; color: #333333; margin-top: 0.6rem; }
</style>
"""


def slide_html(slide: Slide) -> str:
    parts = [f"<h1>{escape(slide.title)}</h1>"]
    if slide.caption:
        parts.append(f'<p class="caption">{escape(slide.caption)}</p>')
    if slide.note:
        parts.append(f'<p class="note">{escape(slide.note)}</p>')
    if slide.figures:
        figures = "".join(
            f'<div class="figure"><b>{escape(value)}</b><span>{escape(label)}</span></div>'
            for label, value in slide.figures
        )
        parts.append(f'<div class="figures">{figures}</div>')
    if slide.emphasis and slide.chart is not None:
        parts.append(f'<p class="emphasis">{escape(slide.emphasis)}</p>')
    if slide.lines and slide.chart is None:
        parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in slide.lines) + "</ul>")
    if slide.emphasis and slide.chart is None:
        parts.append(f'<p class="emphasis">{escape(slide.emphasis)}</p>')
    return f'<div class="slide">{"".join(parts)}</div>'


def render_slide(slide: Slide, deck: Deck, number: int, total: int) -> None:
    st.html(SLIDE_CSS + slide_html(slide))
    if slide.chart == "themes":
        st.altair_chart(theme_bars(deck.themes), width="stretch")
    elif slide.chart == "restoration" and deck.restoration is not None:
        st.altair_chart(burn_down(deck.restoration), width="stretch")
    if slide.chart is not None and slide.lines:
        st.html(SLIDE_CSS + "<div class='slide-footer'>" + escape(" ".join(slide.lines)) + "</div>")
    st.html(f"<div class='slide-footer'>{escape(deck.municipality)} · {number} / {total}</div>")
