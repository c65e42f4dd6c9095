"""The status bars of the slides and *Status i tal*: a count under 5 leaves no trace in them.

The leak tests vary each suppressed count over 1–4 and require the chart's JSON (spec and
data, as Altair hands it to the browser or to vl-convert) to stay the same to the byte: then
no number in it, be it a value, a share, a position or a total, can give the count away.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import json

import pytest
from pptx import Presentation

from models.core.deadlines import DeadlineTarget
from models.core.small_counts import UNDER
from models.plan.status import STATUS_COLORS, STATUS_ORDER, Status
from models.presentation.aggregates import Deck, ThemeBar, status_totals
from models.presentation.charts import COUNT, NOMINAL, STATUS, THEME, theme_bars
from models.presentation.pptx import build_pptx

UPCOMING, IN_PROGRESS, ATTENTION, DONE = STATUS_ORDER


def _bars(a_done: int, c_upcoming: int, c_in_progress: int) -> list[ThemeBar]:
    """Two themes like the plan's A and C, with three counts that may be under 5."""
    return [
        ThemeBar.of("A", "Sagsbehandling", {UPCOMING: 19, IN_PROGRESS: 6, DONE: a_done}),
        ThemeBar.of("C", "Berigtigelse", {UPCOMING: c_upcoming, IN_PROGRESS: c_in_progress}),
    ]


def _json(chart: object) -> str:
    return json.dumps(chart.to_dict(), sort_keys=True, ensure_ascii=False)  # type: ignore[attr-defined]


def _rows(chart: object) -> list[dict]:
    (rows,) = chart.to_dict()["datasets"].values()  # type: ignore[attr-defined]
    return rows


def test_a_theme_bar_holds_no_count_under_5() -> None:
    bar = ThemeBar.of("C", "Berigtigelse", {UPCOMING: 3, IN_PROGRESS: 12})
    assert bar.counts == {UPCOMING: None, IN_PROGRESS: 12, ATTENTION: 0, DONE: 0}
    with pytest.raises(ValueError, match="1–4"):
        ThemeBar("C", "Berigtigelse", {UPCOMING: 3})


def test_the_chart_is_the_same_whatever_the_counts_under_5() -> None:
    variants = {*itertools.product((1, 4), repeat=3), (2, 2, 2), (3, 3, 3), (1, 2, 3)}
    charts = {_json(theme_bars(_bars(*counts))) for counts in variants}
    assert len(charts) == 1
    assert _json(theme_bars(_bars(5, 1, 1))) not in charts  # a shown count does change it


def test_shown_counts_are_to_scale_and_under_5_has_a_fixed_length() -> None:
    rows = _rows(theme_bars(_bars(2, 3, 12)))
    assert [(row[THEME][0], row[STATUS], row[COUNT]) for row in rows] == [
        ("A", "Kommende opgave", "19"),
        ("A", "I gang", "6"),
        ("A", "Afsluttet/implementeret", UNDER),
        ("C", "Kommende opgave", UNDER),
        ("C", "I gang", "12"),
    ]
    assert [(row["start"], row["slut"]) for row in rows] == [
        (0, 19),
        (19, 25),
        (25, 25 + NOMINAL),
        (0, NOMINAL),
        (NOMINAL, NOMINAL + 12),
    ]
    assert [row["under_5"] for row in rows] == [False, False, True, True, False]


def test_the_chart_computes_no_share_or_total_in_the_browser() -> None:
    chart = theme_bars(_bars(2, 3, 2))
    spec = json.dumps({k: v for k, v in chart.to_dict().items() if k != "datasets"})
    for computed in ('"stack"', '"aggregate"', "sum(", '"normalize"', "andel", "joinaggregate"):
        assert computed not in spec
    for row in _rows(chart):
        assert set(row) == {THEME, STATUS, COUNT, "start", "slut", "midte", "under_5", "tekstfarve"}
        assert row[COUNT] == UNDER or int(row[COUNT]) >= 5
    tooltips = [layer["encoding"]["tooltip"] for layer in chart.to_dict()["layer"]]
    assert all({"field": COUNT, "type": "nominal"} in tooltip for tooltip in tooltips)


def test_the_chart_keeps_the_status_colours() -> None:
    layers = theme_bars(_bars(2, 3, 2)).to_dict()["layer"]
    scale = layers[0]["encoding"]["color"]["scale"]
    assert scale["domain"] == [status.value for status in STATUS_ORDER]
    assert scale["range"] == [STATUS_COLORS[status] for status in STATUS_ORDER]
    assert layers[1]["mark"]["strokeDash"]  # "under 5" is marked, not only faded


@pytest.mark.parametrize(
    ("bars", "expected"),
    [
        (
            [ThemeBar.of("A", "a", {UPCOMING: 19, DONE: 5}), ThemeBar.of("B", "b", {UPCOMING: 9})],
            ["28", "0", "0", "5"],
        ),
        (_bars(2, 3, 12), ["mindst 20", "18", "0", "mindst 1"]),
    ],
)
def test_status_totals_are_exact_only_without_a_count_under_5(
    bars: list[ThemeBar], expected: list[str]
) -> None:
    assert status_totals(bars) == list(zip(STATUS_ORDER, expected, strict=True))


def test_status_totals_are_the_same_whatever_the_counts_under_5() -> None:
    totals = {
        tuple(status_totals(_bars(*counts))) for counts in itertools.product(range(1, 5), repeat=3)
    }
    assert len(totals) == 1


def test_the_pptx_chart_image_is_the_same_whatever_the_counts_under_5() -> None:
    def deck(*counts: int) -> Deck:
        return Deck(
            municipality="Faxe Kommune",
            title="Plan",
            today=dt.date(2026, 11, 23),
            milestones=[],
            target=DeadlineTarget(dt.date(2026, 6, 30), dt.date(2026, 6, 30)),
            themes=_bars(*counts),
            key_messages=[],
            key_messages_caption="",
            restoration=None,
            indicators=[],
            coming=[],
        )

    def theme_image(deck: Deck) -> bytes:
        slide = Presentation(io.BytesIO(build_pptx(deck))).slides[2]
        (picture,) = [shape for shape in slide.shapes if shape.shape_type == 13]  # picture
        return picture.image.blob

    first = deck(1, 1, 1)
    assert theme_image(first) == theme_image(dataclasses.replace(first, themes=_bars(4, 4, 4)))
    assert theme_image(first) != theme_image(deck(5, 1, 1))


def test_a_status_without_actions_draws_nothing() -> None:
    rows = _rows(theme_bars([ThemeBar.of("B", "b", {Status.upcoming: 9})]))
    assert [(row[STATUS], row[COUNT]) for row in rows] == [("Kommende opgave", "9")]
