"""Deadlines at today's date: ahead or passed, by how much, and with a moved deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from models.core.deadlines import DeadlineTarget, deadline_phrase, distance, target_sentence

JUNE_30 = dt.date(2026, 6, 30)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 6, 30), "i dag"),
        (dt.date(2026, 6, 29), "om 1 dag"),
        (dt.date(2026, 6, 17), "om 13 dage"),
        (dt.date(2026, 6, 16), "om 2 uger"),
        (dt.date(2026, 4, 22), "om 9 uger"),  # 69 days
        (dt.date(2026, 4, 21), "om 2 måneder"),  # 70 days: ten weeks and more are months
        (dt.date(2026, 3, 1), "om 3 måneder"),
        (dt.date(2025, 6, 30), "om 12 måneder"),
        (dt.date(2026, 7, 1), "for 1 dag siden"),
        (dt.date(2026, 7, 14), "for 2 uger siden"),
        (dt.date(2026, 11, 25), "for 4 måneder siden"),
        (dt.date(2026, 11, 30), "for 5 måneder siden"),
        (dt.date(2026, 12, 6), "for 5 måneder siden"),
    ],
)
def test_distance_in_words(today: dt.date, expected: str) -> None:
    assert distance(JUNE_30, today) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 3, 1), "30. juni 2026 – om 3 måneder"),
        (dt.date(2026, 6, 30), "30. juni 2026 – i dag"),
        (dt.date(2026, 11, 25), "30. juni 2026 – passeret for 4 måneder siden"),
    ],
)
def test_a_deadline_says_whether_it_has_passed(today: dt.date, expected: str) -> None:
    assert deadline_phrase(JUNE_30, today) == expected


def test_a_plain_target_and_what_remains() -> None:
    target = DeadlineTarget(JUNE_30, JUNE_30)
    assert target_sentence("Frist", target, dt.date(2026, 11, 25), "6 sagsskridt mangler") == (
        "Frist: 30. juni 2026 – passeret for 4 måneder siden. 6 sagsskridt mangler."
    )
    assert target_sentence("Frist", target, dt.date(2026, 3, 1)) == (
        "Frist: 30. juni 2026 – om 3 måneder."
    )


def test_a_moved_target_keeps_the_original_beside_the_new_one() -> None:
    target = DeadlineTarget(
        JUNE_30,
        dt.date(2027, 3, 31),
        decided_on=dt.date(2026, 11, 24),
        decided_by="Børn & Læringsudvalget",
    )
    assert target.moved
    assert target_sentence("Frist", target, dt.date(2026, 11, 25), "6 sagsskridt mangler") == (
        "Oprindelig frist 30. juni 2026 (passeret) · ny frist 31. marts 2027 – om 4 måneder, "
        "besluttet af Børn & Læringsudvalget 24. november 2026. 6 sagsskridt mangler."
    )
    before = target_sentence("Frist", target, dt.date(2026, 3, 1))
    assert before.startswith("Oprindelig frist 30. juni 2026 (om 3 måneder) · ny frist")
