"""Status colours: visible against white, their text readable on them, told apart by symbol."""

from __future__ import annotations

import pytest

from models.plan.status import (
    STATUS_COLORS,
    STATUS_ORDER,
    STATUS_SYMBOLS,
    STATUS_TEXT_COLORS,
    Status,
)
from tests.contrast import GRAPHICS_MIN, TEXT_MIN, WHITE, contrast_ratio


def test_the_contrast_formula_gives_wcags_reference_values() -> None:
    assert contrast_ratio("#000000", WHITE) == pytest.approx(21.0)
    assert contrast_ratio("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#BBBBBB", WHITE) < GRAPHICS_MIN  # the old grey: 1.9:1
    assert contrast_ratio("#E69F00", WHITE) < GRAPHICS_MIN  # Okabe–Ito orange: 2.2:1


@pytest.mark.parametrize("status", STATUS_ORDER, ids=[s.name for s in STATUS_ORDER])
def test_every_status_colour_stands_out_from_white(status: Status) -> None:
    ratio = contrast_ratio(STATUS_COLORS[status], WHITE)
    assert ratio >= GRAPHICS_MIN, f"{status.value}: {ratio:.2f}:1"


@pytest.mark.parametrize("status", STATUS_ORDER, ids=[s.name for s in STATUS_ORDER])
def test_the_text_on_every_status_colour_is_readable(status: Status) -> None:
    ratio = contrast_ratio(STATUS_TEXT_COLORS[status], STATUS_COLORS[status])
    assert ratio >= TEXT_MIN, f"text on {status.value}: {ratio:.2f}:1"


def test_every_status_has_its_own_colour_and_symbol() -> None:
    assert set(STATUS_COLORS) == set(STATUS_SYMBOLS) == set(STATUS_TEXT_COLORS) == set(Status)
    assert len(set(STATUS_COLORS.values())) == len(Status)
    assert len(set(STATUS_SYMBOLS.values())) == len(Status)
