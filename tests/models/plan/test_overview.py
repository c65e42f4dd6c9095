"""The overview's summary sentences, attention list and counts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from models.plan.change_log import ChangeRow
from models.plan.overview import (
    attention_sections,
    needs_attention,
    status_summary,
    summarise_changes,
    timeline_items,
)
from models.plan.queries import ActionView, ThemeView, TrackView
from models.plan.status import Status
from tests.factories import action_view

T0 = dt.datetime(2026, 11, 16, 9, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 23)


def change(
    action_id: int, track: str, field: str, old: str | None, new: str | None, minutes: int = 0
) -> ChangeRow:
    return ChangeRow(
        changed_at=T0 + dt.timedelta(minutes=minutes),
        username="erik",
        action_id=action_id,
        action_code=f"{track}.{action_id}",
        action_text="…",
        theme_code=track[0],
        track_code=track,
        field=field,
        old_value=old,
        new_value=new,
        note="",
        status_now=Status(new) if field == "status" and new else Status.upcoming,
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param([], ["Ingen ændringer i perioden."], id="empty"),
        pytest.param(
            [
                change(1, "A.1", "status", "I gang", "Afsluttet/implementeret"),
                change(2, "A.2", "status", "I gang", "Afsluttet/implementeret"),
                change(3, "B.1", "status", "I gang", "Afsluttet/implementeret"),
                change(4, "A.4", "status", "Kommende opgave", "Obs"),
            ],
            [
                "3 handlinger er gået fra I gang til Afsluttet/implementeret",
                "1 handling er gået fra Kommende opgave til Obs",
                "1 ny Obs på A.4",
            ],
            id="issue-example",
        ),
        pytest.param(
            [
                change(1, "A.1", "status", "Kommende opgave", "I gang", 0),
                change(1, "A.1", "status", "I gang", "Obs", 5),
                change(2, "A.1", "status", "I gang", "Obs", 6),
                change(3, "C.1", "status", "I gang", "Obs", 7),
                change(5, "D.1", "status", "I gang", "Afsluttet/implementeret", 8),
                change(5, "D.1", "status", "Afsluttet/implementeret", "I gang", 9),
                change(1, "A.1", "note", "", "Forsinket", 10),
                change(2, "A.1", "note", "", "x", 11),
                change(2, "A.1", "note", "x", "y", 12),
                change(6, "E.1", "responsible", "", "HR", 13),
            ],
            [
                "2 handlinger er gået fra I gang til Obs",
                "1 handling er gået fra Kommende opgave til Obs",
                "2 nye Obs på A.1",
                "1 ny Obs på C.1",
                "Ansvarlig er ændret på 1 handling",
                "Statusnote er ændret på 2 handlinger",
            ],
            id="many-net-changes",
        ),
        pytest.param(
            [
                change(5, "D.1", "status", "I gang", "Obs", 1),
                change(5, "D.1", "status", "Obs", "I gang", 2),
            ],
            ["Ingen statusændringer i perioden (kun ændringer, der blev rullet tilbage)."],
            id="rolled-back",
        ),
    ],
)
def test_summarise_changes(rows: list[ChangeRow], expected: list[str]) -> None:
    assert summarise_changes(rows) == expected


def action(
    code: str,
    status: Status,
    end: dt.date | None,
    start: dt.date | None = None,
    touched_days_ago: int | None = 1,
) -> ActionView:
    touched = (
        {}
        if touched_days_ago is None
        else {
            "updated_at": dt.datetime.combine(
                TODAY - dt.timedelta(days=touched_days_ago), dt.time(12), dt.UTC
            ),
            "updated_by": "erik",
        }
    )
    return action_view(
        code, id=hash(code) % 1000, status=status, end_date=end, start_date=start, **touched
    )


THEMES = [
    ThemeView(
        "A",
        "Tema A",
        [
            TrackView(
                "A.1",
                "Spor",
                [],
                [
                    action("A.1.1", Status.in_progress, TODAY - dt.timedelta(days=1)),  # overdue
                    action("A.1.2", Status.attention, None),  # Obs without deadline
                    action("A.1.3", Status.upcoming, TODAY + dt.timedelta(days=30)),  # due soon
                    action("A.1.4", Status.upcoming, TODAY + dt.timedelta(days=31)),  # later
                    action("A.1.5", Status.done, TODAY - dt.timedelta(days=30)),  # done
                    action("A.1.6", Status.attention, TODAY - dt.timedelta(days=3)),  # both
                    action("A.1.7", Status.upcoming, None, start=TODAY),  # start only
                    action("A.1.8", Status.upcoming, None, touched_days_ago=31),  # not confirmed
                    action("A.1.9", Status.upcoming, None, touched_days_ago=None),  # never touched
                ],
            )
        ],
    )
]


def test_needs_attention_lists_obs_overdue_due_soon_and_unconfirmed_in_that_order() -> None:
    rows = needs_attention(THEMES, TODAY)
    assert [(row.action.code, row.section.value, row.reasons) for row in rows] == [
        ("A.1.6", "Obs", ("Obs", "Overskredet")),
        ("A.1.2", "Obs", ("Obs",)),
        ("A.1.1", "Overskredet", ("Overskredet",)),
        ("A.1.3", "Frist inden for 30 dage", ("Frist inden for 30 dage",)),
        ("A.1.8", "Ikke bekræftet", ("Ikke bekræftet",)),
        ("A.1.9", "Ikke bekræftet", ("Ikke bekræftet",)),
    ]
    sections = attention_sections(rows)
    assert [(section.value, len(items)) for section, items in sections.items()] == [
        ("Obs", 2),
        ("Overskredet", 1),
        ("Frist inden for 30 dage", 1),
        ("Ikke bekræftet", 2),
    ]


def test_status_summary_counts() -> None:
    summary = status_summary(THEMES[0].actions, TODAY)
    assert (summary.total, summary.overdue) == (9, 2)
    assert summary.counts == {
        Status.upcoming: 5,
        Status.in_progress: 1,
        Status.attention: 2,
        Status.done: 1,
    }
    assert summary.done_share == 1 / 9


def test_status_summary_of_nothing() -> None:
    assert status_summary([], TODAY).done_share == 0.0


def test_timeline_items_take_actions_with_a_start_or_an_end() -> None:
    revised = THEMES[0].tracks[0].actions[0].model_copy(update={"revised_end_date": TODAY})
    themes = [
        dataclasses.replace(
            THEMES[0],
            tracks=[
                dataclasses.replace(
                    THEMES[0].tracks[0], actions=[revised, *THEMES[0].tracks[0].actions[1:]]
                )
            ],
        )
    ]
    items = timeline_items(themes)
    assert [item.code for item in items] == ["A.1.1", "A.1.3", "A.1.4", "A.1.5", "A.1.6", "A.1.7"]
    assert items[0].end == TODAY  # the revised deadline is the one in force
