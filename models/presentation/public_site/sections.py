"""The public site's sections: each is one function from `SiteData` to a `Section` (or None
to leave it out), listed in `SECTIONS` in page order.

Adding a section: write `def my_section(site: SiteData) -> Section | None` here (its
aggregates a field of `SiteData`, read in `data.read_site`) and add it to `SECTIONS`. The page
gives it an `<h2>` with its title, an entry in the page's navigation and its own landmark;
headings inside a body start at `<h3>`. Every text goes through `markup.el`, which escapes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from models.core.formatting import date_long_da, date_table_da, number_da
from models.core.small_counts import Counted, shown_count
from models.families.panel import NO_THEME
from models.families.tables import ResponseStatus
from models.indicators.rules import with_unit
from models.plan.status import STATUS_ORDER, STATUS_SYMBOLS, Status
from models.presentation.aggregates import RestorationFigures, ThemeBar, status_totals
from models.presentation.charts import burn_down, theme_bars
from models.presentation.family_loop import RaisedItem, RespondingAction, RespondingTrack
from models.presentation.family_slides import NO_INPUT, caption, counts_text
from models.presentation.public_site import texts as t
from models.presentation.public_site.data import SiteData
from models.presentation.public_site.markup import Html, el, join
from models.presentation.public_site.svg import chart_svg
from models.presentation.slides import (
    DEMO_NOTE,
    NO_INDICATORS,
    restoration_alt_text,
    themes_alt_text,
)
from models.restoration.wording import deadline_sentence

CHART_FONT = 18
THEME_CHART_WIDTH = 560  # the bars' plot; the theme names take about as much beside it
BURN_DOWN_SIZE = (720, 300)


@dataclass(frozen=True)
class Section:
    """A part of the page: `id` is its anchor (`#temaer`), `title` its heading."""

    id: str
    title: str
    body: Html


SectionFunction = Callable[[SiteData], Section | None]


# --- shared pieces ----------------------------------------------------------------------------


def status_label(status: Status) -> Html:
    """The status's symbol (for the eye; screen readers read the name) and its exact name."""
    return join(
        [
            el("span", STATUS_SYMBOLS[status], aria_hidden="true", class_="symbol"),
            "\u00a0",
            status.value,
        ]
    )


def table(
    caption: str,
    columns: Sequence[object],
    rows: Sequence[Sequence[object]],
    *,
    foot: Sequence[object] | None = None,
    numeric_from: int = 1,
    id_: str | None = None,
    class_: str | None = None,
    wide: bool = False,
) -> Html:
    """A data table: a caption, column headers, the first cell of each row its row header;
    cells from column `numeric_from` on are right-aligned figures. A `wide` table (give it an
    `id_`) scrolls sideways in its own region on a narrow screen, not the whole page."""

    def cells(row: Sequence[object], first: str) -> Html:
        return join(
            el(first, value, scope="row")
            if i == 0
            else el("td", value, class_="tal" if i >= numeric_from else None)
            for i, value in enumerate(row)
        )

    head = el(
        "thead",
        el(
            "tr",
            [
                el("th", name, scope="col", class_="tal" if i >= numeric_from else None)
                for i, name in enumerate(columns)
            ],
        ),
    )
    body = el("tbody", [el("tr", cells(row, "th")) for row in rows])
    footer = el("tfoot", el("tr", cells(foot, "th"))) if foot else None
    markup = el("table", el("caption", caption, id=id_), head, body, footer, class_=class_)
    if not wide:
        return markup
    return el("div", markup, class_="bred", role="region", aria_labelledby=id_, tabindex="0")


def figure_list(caption: str, items: Sequence[tuple[str, str]]) -> Html:
    """Key figures as a description list under a small heading."""
    return join(
        [
            el("h3", caption),
            el("dl", [el("div", el("dt", k), el("dd", v)) for k, v in items], class_="tal-liste"),
        ]
    )


def demo_note(site: SiteData) -> Html | None:
    return el("p", el("strong", DEMO_NOTE), class_="demodata") if site.demo else None


def deadline(site: SiteData) -> str:
    """The restoration deadline in words at the site's date: the slides' own sentence."""
    figures = site.deck.restoration
    open_steps = figures.open_steps if figures else None
    return deadline_sentence(site.deck.target, site.today, open_steps, public=True)


# --- the sections -----------------------------------------------------------------------------


def plan_section(site: SiteData) -> Section:
    plan = site.plan
    facts = [
        date_long_da(plan.approved_on),
        f"{plan.period_start_year}–{plan.period_end_year}",
        number_da(plan.themes),
        number_da(plan.tracks),
        number_da(plan.actions),
    ]
    statuses = ", ".join(s.value for s in STATUS_ORDER[:-1]) + f" og {STATUS_ORDER[-1].value}"
    return Section(
        "planen",
        t.PLAN_TITLE,
        join(
            [
                el(
                    "p",
                    t.PLAN_INTRO.format(
                        title=plan.title,
                        municipality=plan.municipality,
                        start=plan.period_start_year,
                        end=plan.period_end_year,
                        approved_by=plan.approved_by,
                        approved_on=date_long_da(plan.approved_on),
                    ),
                ),
                el("p", t.PLAN_STATUSES.format(statuses=statuses)),
                figure_list(t.PLAN_FACTS_CAPTION, list(zip(t.PLAN_FACTS, facts, strict=True))),
                el("p", t.AGGREGATE_ONLY),
            ]
        ),
    )


def milestones_section(site: SiteData) -> Section:
    milestones = site.deck.milestones
    items = [
        el("li", el("time", date_long_da(m.day), datetime=m.day.isoformat()), ": ", m.label)
        for m in milestones
    ]
    return Section(
        "baggrund",
        t.MILESTONES_TITLE,
        join(
            [
                el("p", t.MILESTONES_INTRO) if items else el("p", t.NO_MILESTONES),
                el("ol", *items, class_="tidslinje") if items else None,
                el("p", el("strong", deadline(site)), class_="frist"),
            ]
        ),
    )


def theme_table(themes: Sequence[ThemeBar]) -> Html:
    totals = status_totals(themes)
    return table(
        t.THEMES_TABLE,
        [t.THEME_COLUMN, *[status_label(s) for s in STATUS_ORDER], t.TOTAL_COLUMN],
        [
            [
                f"{bar.code}: {bar.title}",
                *[shown_count(bar.counts[s], Counted.ACTIONS) for s in STATUS_ORDER],
                number_da(bar.total),
            ]
            for bar in themes
        ],
        foot=[
            t.ALL_THEMES,
            *[shown for _, shown in totals],
            number_da(sum(bar.total for bar in themes)),
        ],
        class_="temaer",
        id_="temaer-tabel",
        wide=True,
    )


def themes_section(site: SiteData) -> Section:
    themes = site.deck.themes
    chart = theme_bars(
        themes, font_size=CHART_FONT, step=52, width=THEME_CHART_WIDTH, label_limit=480
    )
    return Section(
        "temaer",
        t.THEMES_TITLE.format(count=number_da(len(themes))),
        join(
            [
                el("p", t.THEMES_INTRO),
                el(
                    "figure",
                    chart_svg(
                        chart,
                        name=t.THEMES_CHART,
                        description=themes_alt_text(themes),
                        id_="temaer-diagram",
                    ),
                    class_="diagram",
                ),
                theme_table(themes),
            ]
        ),
    )


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def burn_down_tables(figures: RestorationFigures) -> Html:
    """The burn-down's figures, one small table per quarter (side by side, and on one A4
    page or two when printed), dates in the table style, under 5 as "under 5"."""
    quarters: dict[tuple[int, int], list[tuple[dt.date, int | None]]] = {}
    for day, count in figures.burn_down:
        quarters.setdefault(quarter_of(day), []).append((day, count))
    tables = [
        table(
            t.BURN_DOWN_QUARTER.format(quarter=quarter, year=year),
            t.BURN_DOWN_COLUMNS,
            [[date_table_da(day), shown_count(count, Counted.PEOPLE)] for day, count in weeks],
        )
        for (year, quarter), weeks in quarters.items()
    ]
    return join([el("h3", t.BURN_DOWN_TABLES), el("div", tables, class_="kvartaler")])


def restoration_section(site: SiteData) -> Section:
    figures = site.deck.restoration
    sentence = el("p", el("strong", deadline(site)), class_="frist")
    if figures is None:
        body = join([el("p", t.RESTORATION_INTRO), sentence, el("p", t.NO_RESTORATION)])
        return Section("genopretning", t.RESTORATION_TITLE, body)
    values = [
        shown_count(figures.cases, Counted.PEOPLE),
        shown_count(figures.restored, Counted.PEOPLE),
        shown_count(figures.open_steps, Counted.PEOPLE),
        date_long_da(figures.projected) if figures.projected else t.NOT_PROJECTED,
    ]
    width, height = BURN_DOWN_SIZE
    chart = burn_down(figures).properties(width=width, height=height)
    body = join(
        [
            demo_note(site),
            el("p", t.RESTORATION_INTRO),
            sentence,
            figure_list(
                t.RESTORATION_FIGURES, list(zip(t.RESTORATION_LABELS, values, strict=True))
            ),
            el(
                "figure",
                chart_svg(
                    chart,
                    name=t.BURN_DOWN_CHART,
                    description=restoration_alt_text(figures),
                    id_="nedbrud-diagram",
                ),
                class_="diagram",
            ),
            burn_down_tables(figures),
        ]
    )
    return Section("genopretning", t.RESTORATION_TITLE, body)


def indicators_section(site: SiteData) -> Section:
    indicators = site.deck.indicators
    if not indicators:
        return Section("effektmaal", t.INDICATORS_TITLE, el("p", NO_INDICATORS))
    rows = [
        [item.name, with_unit(item.value_text, item.unit), item.date_text, item.target, item.status]
        for item in indicators
    ]
    return Section(
        "effektmaal",
        t.INDICATORS_TITLE,
        join(
            [
                el("p", t.INDICATORS_INTRO),
                table(
                    t.INDICATORS_TABLE,
                    t.INDICATOR_COLUMNS,
                    rows,
                    numeric_from=99,
                    id_="effektmaal-tabel",
                    wide=True,
                ),
            ]
        ),
    )


def _action_text(action: RespondingAction) -> Html:
    return join([f"{action.code} {action.title} (", status_label(action.status), ")"])


def _track_text(track: RespondingTrack) -> str:
    counts = counts_text(track.counts)
    return f"Spor {track.code} {track.title}" + (f" ({counts})" if counts else "")


def _responders(item: RaisedItem) -> Html | None:
    entries = [*(_action_text(a) for a in item.actions), *(_track_text(t) for t in item.tracks)]
    return el("ul", [el("li", entry) for entry in entries]) if entries else None


def _said_and_done(item: RaisedItem) -> Html:
    """One answered item: what families said, then what was done (the actions' status now)
    or why it is not possible."""
    said = el("p", el("strong", f"{t.FAMILIES_SAID}: "), f"«{item.summary}»")
    if item.status == ResponseStatus.not_possible:
        answer = el("p", el("strong", f"{t.FAMILIES_NOT_POSSIBLE}: "), item.response)
        return el("li", said, answer)
    response = el("p", f"{t.FAMILIES_RESPONSE}: {item.response}") if item.response else None
    done = el("p", el("strong", f"{t.FAMILIES_DONE}:"))
    return el("li", said, done, _responders(item), response)


def families_section(site: SiteData) -> Section:
    """*I sagde – vi gjorde*: per panel theme what families raised and the plan's answer with
    the linked actions' current status, then what is still open. Aggregate only: the
    summaries and public answers the municipality wrote, never an internal remark."""
    loop = site.deck.families
    if loop.is_empty:
        return Section("familier", t.FAMILIES_TITLE, el("p", NO_INPUT))
    parts: list[Html | None] = [el("p", t.FAMILIES_INTRO), el("p", caption(loop))]
    for theme in loop.themes:
        if theme.answered:
            items = [_said_and_done(item) for item in theme.answered]
            parts += [el("h3", theme.title), el("ul", items, class_="input")]
    with_actions = [theme for theme in loop.themes if theme.actions]
    if with_actions:
        parts.append(
            table(
                t.FAMILIES_COUNTS_TABLE,
                [t.THEME_COLUMN, *[status_label(s) for s in STATUS_ORDER]],
                [
                    [
                        theme.title,
                        *[
                            shown_count(theme.counts.get(s, 0), Counted.ACTIONS)
                            for s in STATUS_ORDER
                        ],
                    ]
                    for theme in with_actions
                ],
                id_="familier-tabel",
                wide=True,
            )
        )
    further = loop.further
    if further:
        lines = []
        for theme, item in further:
            text = f"«{item.summary}»" + ("" if theme == NO_THEME else f" ({theme})")
            if item.status == ResponseStatus.in_progress:
                text += f" – {t.FAMILIES_IN_PROGRESS}"
            lines.append(el("li", text, _responders(item)))
        parts += [el("h3", t.FAMILIES_FURTHER), el("ul", lines, class_="input")]
    return Section("familier", t.FAMILIES_TITLE, join(parts))


SECTIONS: tuple[SectionFunction, ...] = (
    plan_section,
    milestones_section,
    themes_section,
    restoration_section,
    indicators_section,
    families_section,
)
"""The page's sections, in order."""
