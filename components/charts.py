"""The app's charts on the page with their text alternatives, and the status-by-theme chart.

Every chart is shown by `show_chart`: the chart with a Danish sentence holding its figures as
its accessible name (read out instead of "Vega visualization"), and an expander right below it
with the same sentence and the figures as a table (WCAG 1.1.1).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

# Streamlit's own Altair → Vega-Lite conversion (Arrow datasets, its theme handling, its lock):
# the same spec `st.altair_chart` would send, computed once (`chart_spec`). Streamlit is pinned;
# tests/components/test_chart_specs.py fails if this function goes away or changes shape.
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from components.safe_text import inert
from components.safe_text import inert_html as escape
from components.status_html import PLAN_CSS
from components.texts import charts as texts
from models.core.small_counts import Counted, shown_count
from models.plan.queries import ThemeSummary
from models.plan.status_chart import status_by_theme_chart as build_chart
from models.plan.status_chart import status_by_theme_table, status_by_theme_text, status_color_scale
from models.presentation.aggregates import ThemeBar
from models.presentation.charts import theme_bars

TEXT_COLOR = "#31333F"  # Streamlit's body text, 12.6:1 on white
FIGURES_CSS = PLAN_CSS + (
    "<style>.chart-figures { max-height: 26rem; overflow: auto; }"
    ".chart-figures:focus-visible { outline: 2px solid #0072B2; }</style>"
)

__all__ = [
    "chart_spec",
    "figures_table",
    "show_chart",
    "status_by_theme_chart",
    "status_by_theme_figures",
    "status_color_scale",
    "theme_bars_chart",
    "theme_bars_figures",
]


def figures_table(table: pd.DataFrame, caption: str) -> str:
    """`table` as an HTML table (every cell escaped: the cells hold user text), in a region
    that scrolls when long and can be scrolled with the keyboard."""
    head = "".join(f'<th scope="col">{escape(column)}</th>' for column in table.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(value)}</td>" for value in row) + "</tr>"
        for row in table.itertuples(index=False)
    )
    return (
        f"{FIGURES_CSS}"
        f'<div class="chart-figures" role="region" tabindex="0" aria-label="{escape(caption)}">'
        f'<table class="plan-actions"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def described(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """`chart` as the pages show it: named by the `alt` text only, marks, axes and legends out
    of the accessibility tree, labels in the text colour."""
    # Streamlit's `alt` names the chart; a description of the chart's own (exports carry one)
    # would only make Streamlit warn that `alt` overrides it.
    chart = chart.copy()
    chart.description = alt.Undefined
    # The marks, axes and legends stay out of the accessibility tree: the sentence says it all
    # (and an empty layer would be an unnamed "graphics-symbol"). Axis and legend labels in
    # the text colour, not Streamlit's light grey (3.8:1).
    return (
        chart.configure_mark(aria=False)
        .configure_axis(aria=False, labelColor=TEXT_COLOR, titleColor=TEXT_COLOR)
        .configure_legend(aria=False, labelColor=TEXT_COLOR, titleColor=TEXT_COLOR)
    )


@st.cache_data(show_spinner=False, max_entries=256)
def _spec(
    name: str, args: tuple[Hashable, ...], _build: Callable[..., alt.TopLevelMixin], page: bool
) -> dict[str, Any]:
    chart = _build(*args)
    if page:
        chart = described(chart)
    else:
        chart = chart.copy()
        chart.description = alt.Undefined
    return _convert_altair_to_vega_lite_spec(chart)


def chart_spec(
    build: Callable[..., alt.TopLevelMixin], *args: Any, page: bool = True
) -> dict[str, Any]:
    """The Vega-Lite spec of `build(*args)`, built once per builder and arguments (the
    arguments are hashed by value, so changed data makes a new spec). `page` adds the page's
    accessibility settings (`described`); slides have their own."""
    return _spec(f"{build.__module__}.{build.__qualname__}", args, build, page)


def show_chart(
    build: Callable[..., alt.TopLevelMixin],
    args: tuple[Any, ...],
    text: str,
    table: pd.DataFrame,
    where: DeltaGenerator | None = None,
) -> None:
    """The chart `build(*args)` across the width of `where` (the page by default), described
    by `text`, with `text` and `table` in an expander below it."""
    where = where if where is not None else st.container()
    where.vega_lite_chart(spec=chart_spec(build, *args), width="stretch", alt=text)
    with where.expander(texts.SHOW_FIGURES):
        st.markdown(inert(text))
        st.html(figures_table(table, texts.SHOW_FIGURES))


def _rows(summaries: list[ThemeSummary]) -> list[tuple[str, dict]]:
    return [(f"{s.code}: {s.title}", s.status_counts) for s in summaries]


def status_by_theme_chart(summaries: list[ThemeSummary]) -> alt.LayerChart:
    """A stacked horizontal bar per theme, labelled with counts."""
    return build_chart(_rows(summaries))


def theme_bars_chart(bars: list[ThemeBar]) -> alt.LayerChart:
    """The public status chart (`Status i tal`) across a page: larger type, long labels."""
    return theme_bars(bars, font_size=14, step=40, width=None, label_limit=420)


def status_by_theme_figures(summaries: list[ThemeSummary]) -> tuple[str, pd.DataFrame]:
    """The chart's text alternative: its sentence and its table."""
    rows = _rows(summaries)
    return status_by_theme_text(rows), status_by_theme_table(rows)


def theme_bars_figures(bars: list[ThemeBar]) -> tuple[str, pd.DataFrame]:
    """The text alternative of the public status chart (`Status i tal`): its counts as the
    chart shows them (counts of plan actions are exact under the small-number rule)."""
    rows = [(f"{bar.code}: {bar.title}", bar.counts) for bar in bars]

    def exact(count: int) -> str:
        return shown_count(count, Counted.ACTIONS)

    return (
        status_by_theme_text(rows, label=exact),  # type: ignore[arg-type]
        status_by_theme_table(rows, label=exact),  # type: ignore[arg-type]
    )
