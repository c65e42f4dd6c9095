"""Counted nouns in Danish: the number in Danish format, the noun in the form that fits it."""

from __future__ import annotations

import pytest

from models.core.formatting import count_da


@pytest.mark.parametrize(
    ("count", "singular", "plural", "expected"),
    [
        (0, "handling", "handlinger", "0 handlinger"),
        (1, "handling", "handlinger", "1 handling"),
        (2, "handling", "handlinger", "2 handlinger"),
        (1234, "handling", "handlinger", "1.234 handlinger"),
        (1_000_000, "handling", "handlinger", "1.000.000 handlinger"),
        (-1, "dag", "dage", "-1 dag"),
        (1, "ikke-gemt ændring", "ikke-gemte ændringer", "1 ikke-gemt ændring"),
        (3, "ikke-gemt ændring", "ikke-gemte ændringer", "3 ikke-gemte ændringer"),
        (1, "konflikt", "konflikter", "1 konflikt"),
        (0, "konflikt", "konflikter", "0 konflikter"),
        (1, "ny sag", "nye sager", "1 ny sag"),
        (1, "fejl", "fejl", "1 fejl"),
        (7, "fejl", "fejl", "7 fejl"),
    ],
)
def test_count_da(count: int, singular: str, plural: str, expected: str) -> None:
    assert count_da(count, singular, plural) == expected
