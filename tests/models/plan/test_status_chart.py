"""The one status-by-theme chart builder that the app, the reports and the slides share."""

from __future__ import annotations

import pytest

from models.core.small_counts import shown_count
from models.plan.status import STATUS_COLORS, Status
from models.plan.status_chart import COUNT, STATUS, THEME, status_by_theme_chart

ROWS = [
    ("A: Sagsbehandling", {Status.upcoming: 3, Status.in_progress: 12, Status.done: 7}),
    ("C: Berigtigelse", {Status.attention: 1, Status.done: 4}),
]


def _layers(chart: object) -> tuple[dict, dict, list[dict]]:
    spec = chart.to_dict()  # type: ignore[attr-defined]
    bars, labels = spec["layer"]
    return bars, labels, spec["datasets"][next(iter(spec["datasets"]))]


def test_counts_per_theme_and_status_in_plan_order() -> None:
    bars, _, data = _layers(status_by_theme_chart(ROWS))
    assert [row[THEME] for row in data[::4]] == ["A: Sagsbehandling", "C: Berigtigelse"]
    assert {(row[THEME][0], row[STATUS]): row[COUNT] for row in data} == {
        ("A", "Kommende opgave"): 3,
        ("A", "I gang"): 12,
        ("A", "Obs"): 0,
        ("A", "Afsluttet/implementeret"): 7,
        ("C", "Kommende opgave"): 0,
        ("C", "I gang"): 0,
        ("C", "Obs"): 1,
        ("C", "Afsluttet/implementeret"): 4,
    }
    scale = bars["encoding"]["color"]["scale"]
    assert scale["range"] == [STATUS_COLORS[Status(value)] for value in scale["domain"]]


@pytest.mark.parametrize(
    ("normalize", "label", "expected_texts", "stack"),
    [
        (False, str, ["3", "12", "", "7", "", "", "1", "4"], "zero"),
        (True, shown_count, ["under 5", "12", "", "7", "", "", "under 5", "under 5"], "normalize"),
    ],
)
def test_labels_and_stacking(
    normalize: bool, label: object, expected_texts: list, stack: str
) -> None:
    _, labels, data = _layers(status_by_theme_chart(ROWS, normalize=normalize, label=label))  # type: ignore[arg-type]
    assert [row["tekst"] for row in data] == expected_texts
    assert labels["encoding"]["x"]["stack"] == stack


def test_shares_add_up_to_one_per_theme() -> None:
    _, _, data = _layers(status_by_theme_chart(ROWS, normalize=True))
    for theme, _ in ROWS:
        assert sum(row["andel"] for row in data if row[THEME] == theme) == pytest.approx(1)


def test_the_text_alternative_says_every_figure_of_every_theme() -> None:
    from models.plan.status_chart import status_by_theme_text

    assert status_by_theme_text(ROWS) == (
        "Tema A: Sagsbehandling – 7 afsluttet, 12 i gang, 0 obs, 3 kommende. "
        "Tema C: Berigtigelse – 4 afsluttet, 0 i gang, 1 obs, 0 kommende."
    )
    assert "1 obs" not in status_by_theme_text(ROWS, label=shown_count)


def test_the_chart_carries_its_sentence_as_its_description() -> None:
    from models.plan.status_chart import status_by_theme_text

    spec = status_by_theme_chart(ROWS, label=shown_count).to_dict()
    assert spec["description"] == status_by_theme_text(ROWS, label=shown_count)


def test_the_table_has_a_row_per_theme_and_a_column_per_status() -> None:
    from models.plan.status_chart import TOTAL, status_by_theme_table

    table = status_by_theme_table(ROWS)
    assert list(table.columns) == [
        THEME,
        "Afsluttet/implementeret",
        "I gang",
        "Obs",
        "Kommende opgave",
        TOTAL,
    ]
    assert table.values.tolist() == [
        ["A: Sagsbehandling", "7", "12", "0", "3", "22"],
        ["C: Berigtigelse", "4", "0", "1", "0", "5"],
    ]
