"""CPR-shaped text: six digits that form a date, optional hyphen or space, four digits."""

from __future__ import annotations

import pytest

from models.core.cpr import contains_cpr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("010190-1234", True),
        ("0101901234", True),
        ("010190 1234", True),
        ("Barnet (cpr 311299-0000) er flyttet", True),
        ("290200-1111", True),  # 29 Feb 2000 exists
        ("290201-1111", False),  # 29 Feb 1901 and 2001 do not
        ("310490-1234", False),  # 31 April
        ("011390-1234", False),  # month 13
        ("000190-1234", False),  # day 0
        ("12345678901", False),  # 11 digits: not CPR-shaped
        ("Sag S-0412 og S-0413", False),
        ("17.500.000 kr.", False),
        ("2025-2027", False),
        ("", False),
        (None, False),
    ],
)
def test_contains_cpr(text: str | None, expected: bool) -> None:
    assert contains_cpr(text) is expected


def test_modulus_11_is_not_relied_on() -> None:
    # 010190-1235 fails the old modulus-11 check but is still a CPR-shaped number.
    assert contains_cpr("010190-1235")
