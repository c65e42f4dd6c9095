"""Status badges and action tables: labelled colours, overdue marks, escaped text."""

from __future__ import annotations

import datetime as dt

import pytest

from components.status_html import action_table, deadline_cell, status_badge
from models.plan.status import Status
from tests.factories import action_view

OVERDUE = '<span class="overdue-mark">⚠ Overskredet</span>'
ACTION = action_view(
    "A.1.1",
    text="Overfør akter",
    timeline="Udgangen af 1. kvartal 2025",
    end_date=dt.date(2025, 3, 31),
    status=Status.in_progress,
    responsible="Familiechef",
)


@pytest.mark.parametrize("status", list(Status))
def test_every_badge_carries_its_status_text(status: Status) -> None:
    assert status.value in status_badge(status)


@pytest.mark.parametrize(
    ("changes", "today", "expected"),
    [
        ({}, dt.date(2025, 3, 1), "31-03-2025"),
        (
            {},
            dt.date(2025, 4, 1),
            '31-03-2025 <br><span class="overdue-mark">⚠ Overskredet</span>',
        ),
        ({"status": Status.done}, dt.date(2025, 4, 1), "31-03-2025"),
        (
            {"end_date": None, "start_date": dt.date(2025, 4, 1)},
            dt.date(2026, 1, 1),
            "Start 01-04-2025",
        ),
        ({"end_date": None}, dt.date(2026, 1, 1), "–"),
    ],
    ids=["before", "overdue", "done-not-overdue", "start-only", "no-date"],
)
def test_deadline_cell(changes: dict, today: dt.date, expected: str) -> None:
    assert deadline_cell(ACTION.model_copy(update=changes), today) == expected


def test_action_table_escapes_html_in_user_text() -> None:
    hostile = ACTION.model_copy(
        update={"note": "<script>alert(1)</script>", "responsible": "<b>x</b>"}
    )
    html = action_table([hostile], dt.date(2025, 1, 1), 30)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
