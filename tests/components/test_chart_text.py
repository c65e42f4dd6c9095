"""The app's charts: every mark stands out from white, and every chart has its text
alternative (a sentence with the figures and a table of them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from components.indicator_charts import indicator_chart, indicator_figures
from components.restoration_charts import (
    breakdown_chart,
    breakdown_figures,
    burn_down_chart,
    burn_down_figures,
    burn_up_chart,
    burn_up_figures,
)
from components.timeline_chart import timeline_chart, timeline_figures
from models.core.deadlines import DeadlineTarget
from models.indicators.rules import Direction, Frequency, Target, TargetState, TargetStatus
from models.indicators.service import IndicatorCard, MeasurementView
from models.plan.overview import TimelineItem
from models.plan.status import Status
from models.restoration.metrics import Headline
from models.restoration.report import RestorationReport
from tests.contrast import GRAPHICS_MIN, WHITE, contrast_ratio

TODAY = dt.date(2026, 3, 2)
TARGET = DeadlineTarget(original=dt.date(2026, 6, 30), current=dt.date(2026, 9, 30))
ITEMS = [
    TimelineItem(
        "A",
        "A.1",
        "A.1.1",
        "Kortlæg sagerne",
        dt.date(2025, 1, 1),
        dt.date(2025, 6, 30),
        Status.done,
        "Lise",
    ),
    TimelineItem(
        "A",
        "A.1",
        "A.1.2",
        "Genopret sagerne",
        dt.date(2025, 3, 1),
        dt.date(2026, 9, 30),
        Status.attention,
        "",
    ),
    TimelineItem(
        "B", "B.1", "B.1.1", "Ny instruks", None, dt.date(2026, 12, 31), Status.upcoming, "Ole"
    ),
]
HEADLINE = Headline(
    open_steps=40,
    pace_4_weeks=5.0,
    pace_8_weeks=4.0,
    required_pace=1.3,
    projected=dt.date(2026, 5, 11),
    beats_deadline=True,
    days_late=0,
)
REPORT = RestorationReport(
    today=TODAY,
    deadline=dt.date(2026, 9, 30),
    has_data=True,
    demo_cases=0,
    cases=1200,
    restored=300,
    with_plan=500,
    families_informed=700,
    total_steps=2000,
    headline=HEADLINE,
    burn_down=[(dt.date(2026, 2, 16), 1050), (dt.date(2026, 2, 23), 45), (TODAY, 40)],
    burn_up=[(dt.date(2026, 2, 16), 100), (dt.date(2026, 2, 23), 250), (TODAY, 300)],
    ideal=[(dt.date(2026, 2, 16), 1050.0), (dt.date(2026, 9, 30), 0.0)],
    open_by_type={"Børnesamtale": 12, "Handleplan": 28},
)
CARD = IndicatorCard(
    code="E1",
    name="Sagsbehandlingstid",
    description="",
    unit="dage",
    theme_code="A",
    track_code="",
    target=Target(Direction.lower, value=90),
    target_source="",
    frequency=Frequency.quarterly,
    source="DUBU",
    public=False,
    measurements=[
        MeasurementView(dt.date(2025, 6, 30), 120.0, "Første måling"),
        MeasurementView(dt.date(2025, 12, 31), 1015.5, ""),
    ],
    status=TargetStatus.off_target,
    trend=None,
    stale=False,
    target_state=TargetState.current,
)
CHARTS = {
    "timeline": lambda: timeline_chart(ITEMS, TODAY, TARGET),
    "burn_down": lambda: burn_down_chart(REPORT),
    "burn_up": lambda: burn_up_chart(REPORT),
    "breakdown": lambda: breakdown_chart(REPORT.open_by_type, "Efter type"),
    "indicator": lambda: indicator_chart(CARD),
}


def _colours(spec: Any) -> Iterator[str]:
    """Every colour the chart's marks and scales are drawn with (the data left out)."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key != "datasets":
                yield from _colours(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from _colours(value)
    elif isinstance(spec, str) and spec.startswith("#") and len(spec) == 7:
        yield spec


@pytest.mark.parametrize("name", CHARTS)
def test_every_mark_of_the_chart_stands_out_from_white(name: str) -> None:
    colours = set(_colours(CHARTS[name]().to_dict()))
    assert colours, "no colours found"
    weak = {c: round(contrast_ratio(c, WHITE), 2) for c in colours if contrast_ratio(c, WHITE) < 3}
    assert not weak, f"{name}: below {GRAPHICS_MIN}:1 on white: {weak}"


def test_the_timeline_text_counts_actions_by_status_with_today_and_the_deadlines() -> None:
    text, table = timeline_figures(ITEMS, TODAY, TARGET)
    assert text == (
        "Tidslinje over 3 handlinger fra 1. januar 2025 til 31. december 2026: 1 afsluttet, "
        "0 i gang, 1 obs, 1 kommende. I dag er 2. marts 2026; genopretningsfristen er "
        "30. september 2026. Planens oprindelige genopretningsfrist var 30. juni 2026."
    )
    assert list(table.columns) == ["Nr.", "Handling", "Periode", "Status", "Ansvarlig"]
    assert table.values.tolist()[1] == [
        "A.1.2",
        "Genopret sagerne",
        "01-03-2025 – 30-09-2026",
        "Obs",
        "–",
    ]


def test_the_burn_down_text_gives_first_and_latest_week_ideal_and_projection() -> None:
    text, table = burn_down_figures(REPORT)
    assert text == (
        "Åbne manglende sagsskridt pr. uge: 1.050 den 16. februar 2026, 40 den 2. marts 2026. "
        "Ideel kurs: fra 1.050 den 16. februar 2026 til 0 ved fristen 30. september 2026. "
        "Med tempoet "
        "fra de sidste 4 uger er de sidste sagsskridt lukket 11. maj 2026."
    )
    assert table.values.tolist() == [
        ["16-02-2026", "1.050"],
        ["23-02-2026", "45"],
        ["02-03-2026", "40"],
    ]


def test_the_burn_up_and_breakdown_texts() -> None:
    text, table = burn_up_figures(REPORT)
    assert text == (
        "Fuldt genoprettede sager: 300 af 1.200 den 2. marts 2026 (100 den 16. februar 2026)."
    )
    assert len(table) == 3
    text, table = breakdown_figures(REPORT.open_by_type, "Efter type")
    assert text == "Efter type: Handleplan 28, Børnesamtale 12."
    assert table.values.tolist() == [["Handleplan", "28"], ["Børnesamtale", "12"]]


def test_the_indicator_text_lists_the_measurements_and_the_target() -> None:
    text, table = indicator_figures(CARD)
    assert text == (
        "Sagsbehandlingstid, målinger: 30. juni 2025: 120 dage; 31. december 2025: 1.015,5 dage. "
        "Mål: højst 90 dage."
    )
    assert table.values.tolist() == [
        ["30. juni 2025", "120", "Første måling"],
        ["31. december 2025", "1.015,5", "–"],
    ]


def test_the_figures_table_is_a_real_table_with_every_cell_escaped() -> None:
    from components.charts import figures_table

    _, table = timeline_figures(
        [TimelineItem("A", "A.1", "A.1.9", "<b>Fed</b> [link](x)", None, TODAY, Status.done, "")],
        TODAY,
        TARGET,
    )
    html = figures_table(table, "Tallene")
    assert '<th scope="col">Nr.</th>' in html
    assert "<td>&lt;b&gt;Fed&lt;/b&gt; [link](x)</td>" in html
    assert "<b>Fed</b>" not in html
    assert 'role="region" tabindex="0" aria-label="Tallene"' in html


def test_the_public_chart_text_counts_actions_exactly() -> None:
    """Counts of plan actions are not about people: the small-number rule shows them exactly."""
    from components.charts import theme_bars_figures
    from models.presentation.aggregates import ThemeBar

    bars = [
        ThemeBar(
            "A",
            "Sagsbehandling",
            {Status.upcoming: 19, Status.in_progress: 5, Status.attention: 0, Status.done: 3},
        )
    ]
    text, table = theme_bars_figures(bars)
    assert text == "Tema A: Sagsbehandling – 3 afsluttet, 5 i gang, 0 obs, 19 kommende."
    assert table.values.tolist()[0][:5] == ["A: Sagsbehandling", "3", "5", "0", "19"]
    assert "under 5" not in text + repr(table.values.tolist())
