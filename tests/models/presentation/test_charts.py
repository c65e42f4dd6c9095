"""The status bars of the slides and *Status i tal*: exact counts of actions, to scale, with
labels that do not collide; and the burn-down, which counts cases, keeps 1–4 out."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from models.core.small_counts import UNDER, Counted, shown_count, suppress
from models.plan.status import STATUS_COLORS, STATUS_ORDER, Status
from models.presentation.aggregates import RestorationFigures, ThemeBar, status_totals
from models.presentation.charts import (
    COUNT,
    END,
    INSIDE,
    LABEL_PAD,
    LAST,
    MIN_WIDTH,
    STATUS,
    THEME,
    burn_down,
    layout,
    short,
    theme_bars,
)
from models.presentation.slides import restoration_alt_text, themes_alt_text
from models.presentation.text_metrics import text_width

UPCOMING, IN_PROGRESS, ATTENTION, DONE = STATUS_ORDER


def _bars() -> list[ThemeBar]:
    """Two themes like the plan's A and C: 27 actions, and 5 (3 upcoming, 2 in progress)."""
    return [
        ThemeBar.of("A", "Sagsbehandling", {UPCOMING: 19, IN_PROGRESS: 5, DONE: 3}),
        ThemeBar.of("C", "Berigtigelse", {UPCOMING: 3, IN_PROGRESS: 2}),
    ]


def _rows(chart: object) -> list[dict]:
    (rows,) = chart.to_dict()["datasets"].values()  # type: ignore[attr-defined]
    return rows


@pytest.mark.parametrize(
    ("count", "people", "actions"),
    [(0, "0", "0"), (1, UNDER, "1"), (3, UNDER, "3"), (4, UNDER, "4"), (5, "5", "5")],
)
def test_the_small_number_rule_depends_on_what_is_counted(
    count: int, people: str, actions: str
) -> None:
    assert shown_count(count, Counted.PEOPLE) == people
    assert shown_count(count, Counted.ACTIONS) == actions
    assert shown_count(count) == people  # not saying what is counted is the cautious reading
    assert suppress(count, Counted.ACTIONS) == count
    assert shown_count(1234, Counted.ACTIONS) == "1.234"


def test_a_theme_bar_holds_exact_counts_of_actions() -> None:
    bar = ThemeBar.of("C", "Berigtigelse", {UPCOMING: 3, IN_PROGRESS: 12})
    assert bar.counts == {UPCOMING: 3, IN_PROGRESS: 12, ATTENTION: 0, DONE: 0}
    assert bar.total == 15
    with pytest.raises(ValueError, match="exact counts"):
        ThemeBar("C", "Berigtigelse", {UPCOMING: None})  # type: ignore[dict-item]


def test_three_actions_are_shown_as_3_to_scale() -> None:
    rows = _rows(theme_bars(_bars()))
    assert [(row[THEME][0], row[STATUS], row[COUNT]) for row in rows] == [
        ("A", "Kommende opgave", "19"),
        ("A", "I gang", "5"),
        ("A", "Afsluttet/implementeret", "3"),
        ("C", "Kommende opgave", "3"),
        ("C", "I gang", "2"),
    ]
    assert [(row["start"], row["slut"]) for row in rows] == [
        (0, 19),
        (19, 24),
        (24, 27),
        (0, 3),
        (3, 5),
    ]  # one action, one unit: C's bar is 5/27 of A's
    assert UNDER not in json.dumps(theme_bars(_bars()).to_dict(), ensure_ascii=False)
    assert [row[END] for row in rows if row[LAST]] == ["27 i alt", "5 i alt"]


@pytest.mark.parametrize("width", [1400, MIN_WIDTH])
def test_no_two_labels_overlap(width: int) -> None:
    """Inside a segment only where the count fits in it; the end label after the bar, inside
    the plot. A count that does not fit is named in the end label instead."""
    bars = [*_bars(), ThemeBar.of("B", "b", {UPCOMING: 60, ATTENTION: 1, DONE: 12})]
    frame, domain = layout(bars, 20, width)
    unit = width / domain
    for row in frame.to_dict("records"):
        segment = (row["slut"] - row["start"]) * unit
        if row[INSIDE]:
            assert text_width(row[COUNT], 20) + LABEL_PAD <= segment
        else:
            assert f"{row[COUNT]} {short(row[STATUS])}" in row[END]
        if row[LAST]:
            assert row["slut"] * unit + 8 + text_width(row[END], 20, bold=False) <= width + 1
    labels = dict(zip(frame[THEME], frame[END], strict=False))
    assert labels["B: b"].startswith("73 i alt")
    if width <= MIN_WIDTH:
        assert labels["B: b"] == "73 i alt (1 obs)"


def test_the_chart_computes_no_share_or_total_in_the_browser() -> None:
    chart = theme_bars(_bars())
    spec = json.dumps({k: v for k, v in chart.to_dict().items() if k != "datasets"})
    for computed in ('"stack"', '"aggregate"', "sum(", '"normalize"', "andel", "joinaggregate"):
        assert computed not in spec


def test_the_chart_keeps_the_status_colours() -> None:
    layers = theme_bars(_bars()).to_dict()["layer"]
    scale = layers[0]["encoding"]["color"]["scale"]
    assert scale["domain"] == [status.value for status in STATUS_ORDER]
    assert scale["range"] == [STATUS_COLORS[status] for status in STATUS_ORDER]


def test_status_totals_are_exact_sums() -> None:
    assert status_totals(_bars()) == list(zip(STATUS_ORDER, ["22", "7", "0", "3"], strict=True))


def test_a_status_without_actions_draws_nothing() -> None:
    rows = _rows(theme_bars([ThemeBar.of("B", "b", {Status.upcoming: 9})]))
    assert [(row[STATUS], row[COUNT]) for row in rows] == [("Kommende opgave", "9")]


def test_the_themes_alt_text_has_every_count() -> None:
    assert themes_alt_text(_bars()) == (
        "Søjlediagram over planens handlinger pr. tema og status. A Sagsbehandling: 27"
        " handlinger (kommende opgave 19, i gang 5, obs 0, afsluttet/implementeret 3);"
        " C Berigtigelse: 5 handlinger (kommende opgave 3, i gang 2, obs 0,"
        " afsluttet/implementeret 0)."
    )


def figures(weeks: list[tuple[dt.date, int]]) -> RestorationFigures:
    return RestorationFigures(
        cases=3,
        restored=0,
        open_steps=weeks[-1][1],
        projected=None,
        burn_down=[(day, suppress(count, Counted.PEOPLE)) for day, count in weeks],
        deadline=dt.date(2026, 6, 30),
        demo=False,
    )


def test_weeks_with_3_open_steps_are_not_sent_to_the_browser() -> None:
    weeks = [(dt.date(2026, 1, 5) + dt.timedelta(weeks=i), n) for i, n in enumerate([12, 7, 3])]
    datasets = burn_down(figures(weeks)).to_dict()["datasets"].values()
    (rows,) = [rows for rows in datasets if "antal" in rows[0]]
    assert [row["antal"] for row in rows] == [12, 7, None]  # the week of 3 has no number
    text = restoration_alt_text(figures(weeks))
    assert "12 den første uge, under 5 den seneste, højst 12" in text
    assert " 3 " not in text


def test_a_status_is_named_by_its_first_word_after_the_bar() -> None:
    assert [short(status.value) for status in STATUS_ORDER] == [
        "kommende",
        "i gang",
        "obs",
        "afsluttet",
    ]
