"""The change log's queries: the newest `limit` rows, the count in SQL, the authors by index
lookups, and local times formatted fast and exactly as `datetime_table_da` does, on both sides
of the switches to and from summer time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.core.formatting import datetime_table_da
from models.plan.change_log import TableTimes, changes_csv, count_changes, list_changes
from models.plan.status import Status
from models.plan.tables import Action, ActionChange
from tests.factories import seed_database

START = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
USERS = ("ida", "erik", "Åse", "system", "bo")


@pytest.fixture
def many(engine: Engine, session: Session) -> Session:
    """300 changes of three actions by five users, one every 3 hours from START (one pair with
    the same time, so the order falls back on the id)."""
    seed_database(engine)
    ids = [a.id for a in session.exec(select(Action).order_by(Action.code))][:3]
    rows = [
        {
            "action_id": ids[number % 3],
            "changed_at": START + dt.timedelta(hours=3 * min(number, 298)),
            "username": USERS[number % 5],
            "field": "note",
            "old_value": str(number),
            "new_value": str(number + 1),
            "note": "",
        }
        for number in range(300)
    ]
    session.execute(sa.insert(ActionChange), rows)
    session.commit()
    return session


FILTERS = [
    {},
    {"since": START + dt.timedelta(days=10), "until": START + dt.timedelta(days=20)},
    {"usernames": ["erik", "bo"]},
    {"theme_codes": ["A"], "since": START + dt.timedelta(days=5)},
    {"statuses_now": [Status.upcoming]},
    {"statuses_now": [Status.done]},
]


@pytest.mark.parametrize("filters", FILTERS)
def test_the_limit_gives_the_newest_and_the_count_all(many: Session, filters: dict) -> None:
    every = list_changes(many, **filters)

    assert count_changes(many, **filters) == len(every)
    assert list_changes(many, limit=50, **filters) == every[:50]
    assert [row.changed_at for row in every] == sorted(
        (row.changed_at for row in every), reverse=True
    )


def test_equal_times_come_newest_id_first(many: Session) -> None:
    first, second = list_changes(many, limit=2)
    assert first.changed_at == second.changed_at
    assert (first.new_value, second.new_value) == ("300", "299")


def test_the_authors_are_every_user_once(many: Session) -> None:
    from models.plan.change_log import list_change_authors

    assert list_change_authors(many) == sorted(USERS)


def test_no_authors_in_an_empty_log(session: Session) -> None:
    from models.plan.change_log import list_change_authors

    assert list_change_authors(session) == []


COPENHAGEN = ZoneInfo("Europe/Copenhagen")
SWITCHES = [
    dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC),  # 02:00 CET becomes 03:00 CEST
    dt.datetime(2026, 10, 25, 1, 0, tzinfo=dt.UTC),  # 03:00 CEST becomes 02:00 CET
]


@pytest.mark.parametrize("switch", SWITCHES, ids=["to-summer", "to-winter"])
def test_table_times_match_datetime_table_da_across_the_switch(switch: dt.datetime) -> None:
    moments = [switch + dt.timedelta(minutes=minutes) for minutes in range(-36 * 60, 36 * 60, 7)]
    formatted = TableTimes(COPENHAGEN)

    assert [formatted(moment) for moment in moments] == [datetime_table_da(m) for m in moments]
    before, after = switch - dt.timedelta(minutes=1), switch
    assert (formatted(before), formatted(after)) == (
        ("29-03-2026 01:59", "29-03-2026 03:00")
        if switch.month == 3
        else ("25-10-2026 02:59", "25-10-2026 02:00")
    )


def test_table_times_take_naive_utc_and_other_zones_and_none() -> None:
    formatted = TableTimes(COPENHAGEN)
    summer = dt.datetime(2026, 7, 1, 22, 30)

    assert formatted(summer) == "02-07-2026 00:30"  # naive: UTC
    assert formatted(summer.replace(tzinfo=ZoneInfo("America/New_York"))) == "02-07-2026 04:30"
    assert formatted(dt.datetime(2026, 1, 1, 0, 0, tzinfo=dt.UTC)) == "01-01-2026 01:00"
    assert formatted(None) == "–"


def test_the_csv_has_every_row_of_the_filter(many: Session) -> None:
    rows = list_changes(many, usernames=["erik"])
    lines = changes_csv(rows).splitlines()
    assert len(lines) == 1 + count_changes(many, usernames=["erik"]) == 61
    assert lines[1].startswith(f"{datetime_table_da(rows[0].changed_at)},erik,")
