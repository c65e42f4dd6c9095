"""The status-by-theme chart: one builder for the app, the committee reports and the slides.

A stacked bar per theme in the one status palette, each segment labelled with its count
(or whatever `label` makes of it, e.g. "under 5"). Absolute counts or shares (`normalize`).

Its text alternative (WCAG 1.1.1) is `status_by_theme_text`, a Danish sentence with every
figure, and `status_by_theme_table`, the figures as a table: the chart carries the sentence as
its description, and the app shows both beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import altair as alt
import pandas as pd

from models.core.chart_axes import number_axis
from models.core.formatting import number_da
from models.plan.status import STATUS_COLORS, STATUS_ORDER, STATUS_TEXT_COLORS, Status

THEME = "Tema"
STATUS = "Status"
COUNT = "Antal handlinger"
TOTAL = "I alt"
ThemeRow = tuple[str, Mapping[Status, int]]  # "A: Title", counts per status

# How the sentence names each status, most advanced first (the order people ask in).
STATUS_WORDS: dict[Status, str] = {
    Status.done: "afsluttet",
    Status.in_progress: "i gang",
    Status.attention: "obs",
    Status.upcoming: "kommende",
}


def status_color_scale() -> alt.Scale:
    """Status labels to the app's colours (Okabe–Ito), in the statuses' order."""
    return alt.Scale(
        domain=[s.value for s in STATUS_ORDER],
        range=[STATUS_COLORS[s] for s in STATUS_ORDER],
    )


def status_by_theme_frame(
    rows: Sequence[ThemeRow], label: Callable[[int], str] = str
) -> pd.DataFrame:
    """Long table: one row per theme and status with its count, share and label."""
    records = []
    for theme, counts in rows:
        total = sum(counts.values()) or 1
        for index, status in enumerate(STATUS_ORDER):
            count = counts.get(status, 0)
            records.append(
                {
                    THEME: theme,
                    STATUS: status.value,
                    COUNT: count,
                    "andel": count / total,
                    "tekst": label(count) if count else "",
                    "orden": index,
                    "tekstfarve": STATUS_TEXT_COLORS[status],
                }
            )
    return pd.DataFrame(records)


def status_by_theme_text(rows: Sequence[ThemeRow], label: Callable[[int], str] = number_da) -> str:
    """One sentence per theme ("A: Title") with every count, e.g. "Tema A: Title – 12 afsluttet,
    8 i gang, 2 obs, 5 kommende." (`label` writes a count, as on the chart)."""
    sentences = []
    for theme, counts in rows:
        figures = ", ".join(
            f"{label(counts.get(status, 0))} {word}" for status, word in STATUS_WORDS.items()
        )
        sentences.append(f"Tema {theme} – {figures}.")
    return " ".join(sentences)


def status_by_theme_table(
    rows: Sequence[ThemeRow], label: Callable[[int], str] = number_da
) -> pd.DataFrame:
    """The chart's figures as a table: a row per theme, a column per status and the total
    ("–" where a count is withheld, None, as small counts are on public pages)."""
    return pd.DataFrame(
        [
            {
                THEME: theme,
                **{status.value: label(counts.get(status, 0)) for status in STATUS_WORDS},
                TOTAL: "–" if None in counts.values() else label(sum(counts.values())),
            }
            for theme, counts in rows
        ]
    )


def status_by_theme_chart(
    rows: Sequence[ThemeRow],
    *,
    normalize: bool = False,
    label: Callable[[int], str] = str,
    font_size: int = 13,
    step: int = 38,
    width: int | None = None,
    label_limit: int = 420,
) -> alt.LayerChart:
    """A stacked bar per theme (in the given order), labelled, with the status legend on top."""
    frame = status_by_theme_frame(rows, label)
    value = "andel" if normalize else COUNT
    x = (
        alt.X(f"sum({value}):Q", stack="normalize", title=None, axis=None)
        if normalize
        else alt.X(f"sum({value}):Q", stack="zero", title=COUNT, axis=number_axis(tickMinStep=1))
    )
    base = alt.Chart(frame).encode(
        y=alt.Y(
            f"{THEME}:N",
            sort=[theme for theme, _ in rows],
            title=None,
            axis=alt.Axis(labelLimit=label_limit, labelFontSize=font_size),
        ),
        x=x,
        order=alt.Order("orden:Q", sort="ascending"),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            f"{STATUS}:N",
            scale=status_color_scale(),
            legend=alt.Legend(
                orient="top",
                title=None,
                labelFontSize=font_size,
                symbolSize=font_size * 15,
                labelLimit=400,
            ),
        ),
        tooltip=[f"{THEME}:N", f"{STATUS}:N", f"{COUNT}:Q"],
    )
    labels = (
        base.transform_filter(alt.datum[COUNT] > 0)
        .mark_text(dx=-6, align="right", fontSize=font_size, fontWeight="bold")
        .encode(text="tekst:N", color=alt.Color("tekstfarve:N", scale=None))
    )
    chart = (bars + labels).properties(
        height=alt.Step(step), description=status_by_theme_text(rows, label)
    )
    return chart.properties(width=width) if width else chart
