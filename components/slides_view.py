"""Renders one citizen-meeting slide: full width, large type, high contrast.

Two looks: the light deck (also the page's normal view) and a dark, high-contrast variant for
bright projectors (`dark=True`). In presenter mode (`present=True`) the page shows nothing but
the slide: no sidebar, header, login box or buttons, and the type is sized to the window's
height so every slide fits 1366×768 and 1920×1080 without scrolling. Charts keep their own
light colours (their contrast is designed for a light background) on a light panel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt
import streamlit as st

from components.charts import chart_spec
from components.safe_text import inert
from components.safe_text import inert_html as escape
from components.texts import charts as chart_texts
from models.presentation.aggregates import Deck
from models.presentation.charts import burn_down, theme_bars
from models.presentation.slides import Slide


@dataclass(frozen=True)
class Palette:
    """The deck's colours; every text colour keeps ≥ 4.5:1 against `background`."""

    background: str
    page: str
    text: str
    heading: str
    note: str
    muted: str
    accent: str
    border: str


LIGHT = Palette(
    background="#FFFFFF",
    page="#FFFFFF",
    text="#111111",
    heading="#003F7F",
    note="#A34700",
    muted="#333333",
    accent="#D55E00",
    border="#111111",
)
DARK = Palette(
    background="#000000",
    page="#000000",
    text="#FFFFFF",
    heading="#9FD4FF",
    note="#FFB066",
    muted="#E6E6E6",
    accent="#FF9E57",
    border="#FFFFFF",
)
TEXT_COLOURS = ("text", "heading", "note", "muted")
"""The palette fields used as text colours on `background`."""

CHART_PANEL = "#FFFFFF"
# Chart heights in presenter mode in a window 768 px high: what is left under the slide's text.
# Type is sized in units of the window's height; a chart grows in proportion when the browser
# has reported a taller window.
BASE_VIEWPORT = 768
PRESENT_THEMES_HEIGHT = 380
PRESENT_RESTORATION_HEIGHT = 310


def palette(dark: bool) -> Palette:
    return DARK if dark else LIGHT


def _slide_css(colours: Palette) -> str:
    c = colours
    return f"""
.slide {{ background: {c.background}; color: {c.text}; border: 3px solid {c.border};
  border-radius: 12px; padding: 2.2rem 2.6rem; }}
.slide h1 {{ font-size: 3.1rem; line-height: 1.15; margin: 0 0 1.2rem 0; color: {c.heading};
  padding: 0; }}
.slide p, .slide li {{ font-size: 1.75rem; line-height: 1.45; margin: 0.35rem 0;
  color: {c.text}; }}
.slide ul {{ margin: 0; }}
.slide h2 {{ font-size: 1.85rem; line-height: 1.3; margin: 0.7rem 0 0.2rem 0; padding: 0;
  color: {c.heading}; font-weight: 700; }}
.slide .figures {{ display: flex; gap: 2.2rem; margin: 0.5rem 0 1.2rem 0; flex-wrap: wrap; }}
.slide .figure b {{ display: block; font-size: 3.2rem; line-height: 1.1; }}
.slide .figure span {{ font-size: 1.35rem; }}
.slide .note {{ color: {c.note}; font-weight: 700; font-size: 1.5rem; }}
.slide .caption {{ color: {c.muted}; font-size: 1.35rem; margin-top: -0.6rem; }}
.slide .emphasis {{ font-weight: 700; border-left: 6px solid {c.accent}; padding-left: 0.8rem;
  margin-top: 0.8rem; }}
.slide-footer {{ font-size: 1.1rem; color: {c.muted}; margin-top: 0.6rem; }}
.st-key-deck_chart {{ background: {CHART_PANEL}; border-radius: 12px; padding: 0.5rem 1rem; }}
"""


# Presenter mode: only the slide on the screen, type in units of the window's height (vh).
_PRESENT_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stSkipToContent"], [data-testid="stElementToolbar"] { display: none !important; }
html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {
  background: PAGE !important; }
[data-testid="stMain"] { padding: 1.2vh 1.2vw; box-sizing: border-box; }
[data-testid="stMainBlockContainer"] { max-width: none !important; box-sizing: border-box;
  margin: 0 !important; min-height: calc(100vh - 2.4vh);
  padding: 2.4vh 2.6vw 6vh 2.6vw !important;
  border: 3px solid BORDER; border-radius: 12px; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 1.2vh; }
.st-key-deck_keys { position: absolute; height: 0; }
.slide { padding: 0; border: none; border-radius: 0; }
.slide h1 { font-size: 5.6vh; margin: 0 0 1.6vh 0; }
.slide p, .slide li { font-size: 3.4vh; line-height: 1.4; margin: 0.6vh 0; }
.slide h2 { font-size: 3.5vh; margin: 1vh 0 0.2vh 0; }
.slide .figures { gap: 3vw; margin: 0.4vh 0 0.8vh 0; }
.slide .figure b { font-size: 5.6vh; }
.slide .figure span { font-size: 2.5vh; }
.slide .note { font-size: 2.8vh; }
.slide .caption { font-size: 2.5vh; margin-top: -0.8vh; }
.slide .emphasis { margin-top: 1vh; }
.slide-footer { font-size: 2.5vh; margin-top: 0.4vh; }
.slide-number { position: fixed; right: 3.5vw; bottom: 3vh; margin: 0; }
.st-key-deck_chart { padding: 0.6vh 1vw; }
"""


def page_css(*, present: bool, dark: bool) -> str:
    """The deck's stylesheet for this view (one <style> element)."""
    colours = palette(dark)
    css = _slide_css(colours)
    if present:
        css += _PRESENT_CSS.replace("PAGE", colours.page).replace("BORDER", colours.border)
    return f"<style>{css}</style>"


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
        parts.append(_lines_html(slide))
    if slide.emphasis and slide.chart is None:
        parts.append(f'<p class="emphasis">{escape(slide.emphasis)}</p>')
    return f'<div class="slide">{"".join(parts)}</div>'


def _lines_html(slide: Slide) -> str:
    """The slide's lines as a list; a line that heads a group becomes a heading, and the lines
    under it their own list."""
    html, items = [], []
    for index, line in enumerate(slide.lines):
        if index in slide.headings:
            if items:
                html.append("<ul>" + "".join(items) + "</ul>")
                items = []
            html.append(f"<h2>{escape(line)}</h2>")
        else:
            items.append(f"<li>{escape(line)}</li>")
    if items:
        html.append("<ul>" + "".join(items) + "</ul>")
    return "".join(html)


def present_height(base: int, viewport: int | None) -> int:
    """A chart's height in presenter mode: `base` in a 768 px window, in proportion otherwise
    (never below `base`' share of a 600 px window)."""
    if viewport is None:
        return base
    return round(base * max(viewport, 600) / BASE_VIEWPORT)


def slide_chart(kind: str, data: Any, height: int | None) -> alt.LayerChart:
    """The chart of a slide: `themes` (bars per theme) or `restoration` (the burn-down), at
    `height` pixels in presenter mode."""
    chart = theme_bars(data) if kind == "themes" else burn_down(data)
    return chart.properties(height=height) if height is not None else chart


def _chart_args(
    slide: Slide, deck: Deck, *, present: bool, viewport: int | None
) -> tuple[str, Any, int | None] | None:
    if slide.chart == "themes":
        data, base = deck.themes, PRESENT_THEMES_HEIGHT
    elif slide.chart == "restoration" and deck.restoration is not None:
        data, base = deck.restoration, PRESENT_RESTORATION_HEIGHT
    else:
        return None
    return slide.chart, data, present_height(base, viewport) if present else None


def render_slide(
    slide: Slide,
    deck: Deck,
    number: int,
    total: int,
    *,
    present: bool = False,
    dark: bool = False,
    viewport: int | None = None,
) -> None:
    """Slide `number` of `total`; `viewport` is the window's height where the browser told it."""
    st.html(page_css(present=present, dark=dark) + slide_html(slide))
    args = _chart_args(slide, deck, present=present, viewport=viewport)
    if args is not None:
        # Named by the slide's sentence with the figures, not "Vega visualization"; the spec
        # is built once per data (components.charts.chart_spec).
        spec = chart_spec(slide_chart, *args, page=False)
        with st.container(key="deck_chart"):
            st.vega_lite_chart(spec=spec, width="stretch", alt=slide.alt_text or None)
            if slide.alt_text and not present:
                with st.expander(chart_texts.SHOW_FIGURES):
                    st.markdown(inert(slide.alt_text))
    footer = ""
    if slide.chart is not None and slide.lines:
        footer = f"<div class='slide-footer'>{escape(' '.join(slide.lines))}</div>"
    footer += (
        f"<div class='slide-footer slide-number'>{escape(deck.municipality)} · {number} / {total}"
        "</div>"
    )
    st.html(footer)
