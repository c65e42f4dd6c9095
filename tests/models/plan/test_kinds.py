"""Action kinds: deadlines are overdue, recurring work is unconfirmed, ongoing work is neither;
and the plan file says which actions are which."""

from __future__ import annotations

import datetime as dt

import pytest

from models.plan.kinds import ActionKind, next_due, parse_kind, parse_rhythm, rhythm_label
from models.plan.plan_file import load_plan_file
from models.plan.queries import ActionView
from models.plan.status import Status
from tests.factories import action_view

NOV_25 = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("deadline", ActionKind.deadline),
        ("Frist", ActionKind.deadline),
        ("Tilbagevendende", ActionKind.recurring),
        ("recurring", ActionKind.recurring),
        (" Løbende ", ActionKind.ongoing),
    ],
)
def test_kinds_are_read_by_code_or_label(text: str, kind: ActionKind) -> None:
    assert parse_kind(text) == kind


def test_an_unknown_kind_is_refused_in_danish() -> None:
    with pytest.raises(ValueError, match=r"Ukendt type 'årlig'\. Vælg en af: Frist, "):
        parse_kind("årlig")


@pytest.mark.parametrize(
    ("text", "code", "label"),
    [
        ("P6W", "P6W", "hver 6. uge"),
        ("hver måned", "P1M", "hver måned"),
        ("P1Y", "P1Y", "hvert år"),
        ("P5W", "P5W", "hver 5. uge"),
        ("", None, ""),
    ],
)
def test_rhythms(text: str, code: str | None, label: str) -> None:
    assert parse_rhythm(text) == code
    assert rhythm_label(code) == label


@pytest.mark.parametrize("text", ["månedlig", "P0W", "P6D", "6 uger"])
def test_unknown_rhythms_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="Ukendt rytme"):
        parse_rhythm(text)


@pytest.mark.parametrize(
    ("last", "rhythm", "due"),
    [
        (dt.date(2026, 1, 31), "P1M", dt.date(2026, 2, 28)),
        (dt.date(2026, 11, 1), "P6W", dt.date(2026, 12, 13)),
        (dt.date(2024, 2, 29), "P1Y", dt.date(2025, 2, 28)),
        (dt.date(2026, 11, 30), "P3M", dt.date(2027, 2, 28)),
    ],
)
def test_next_due_uses_calendar_months(last: dt.date, rhythm: str, due: dt.date) -> None:
    assert next_due(last, rhythm) == due


def updated(days_ago: int) -> dict[str, object]:
    moment = dt.datetime.combine(NOV_25 - dt.timedelta(days=days_ago), dt.time(12), dt.UTC)
    return {"updated_at": moment, "updated_by": "erik"}


@pytest.mark.parametrize(
    ("action", "overdue", "unconfirmed"),
    [
        (action_view("A", end_date=dt.date(2025, 3, 31)), True, True),  # nobody touched it
        (action_view("A2", end_date=dt.date(2025, 3, 31), **updated(29)), True, False),
        (action_view("A3", end_date=dt.date(2027, 3, 31), **updated(31)), False, True),
        (
            action_view(
                "A4",
                end_date=dt.date(2027, 3, 31),
                confirmed_at=dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC),
                confirmed_by="erik",
                **updated(200),
            ),
            False,
            False,  # confirmed five days ago
        ),
        (action_view("B", end_date=dt.date(2025, 3, 31), status=Status.done), False, False),
        (action_view("C", end_date=dt.date(2027, 3, 31)), False, True),
        (
            action_view(
                "D", kind=ActionKind.recurring, rhythm="P1M", end_date=dt.date(2025, 12, 31)
            ),
            False,
            True,  # never updated by a person
        ),
        (
            action_view("E", kind=ActionKind.recurring, rhythm="P1M", **updated(20)),
            False,
            False,
        ),
        (
            action_view("F", kind=ActionKind.recurring, rhythm="P1M", **updated(40)),
            False,
            True,
        ),
        (
            action_view(
                "G", kind=ActionKind.recurring, rhythm="P1Y", start_date=dt.date(2027, 1, 1)
            ),
            False,
            False,  # not started yet
        ),
        (action_view("H", kind=ActionKind.ongoing, end_date=dt.date(2025, 6, 30)), False, True),
        (
            action_view("I", kind=ActionKind.ongoing, start_date=dt.date(2027, 1, 1)),
            False,
            False,  # starts later: nothing to confirm yet
        ),
    ],
    ids=lambda value: value.code if isinstance(value, ActionView) else None,
)
def test_only_deadlines_are_overdue_and_every_unfinished_action_needs_confirming(
    action: ActionView, overdue: bool, unconfirmed: bool
) -> None:
    assert action.is_overdue(NOV_25) is overdue
    assert action.is_unconfirmed(NOV_25) is unconfirmed


def test_a_revised_deadline_keeps_the_plans_beside_it() -> None:
    action = action_view("A", end_date=dt.date(2025, 3, 31), revised_end_date=dt.date(2027, 6, 30))
    assert (action.deadline, action.plan_deadline, action.deadline_moved) == (
        dt.date(2027, 6, 30),
        dt.date(2025, 3, 31),
        True,
    )
    assert not action.is_overdue(NOV_25)


PLAN = {a.code: a for t in load_plan_file().themes for tr in t.tracks for a in tr.actions}


@pytest.mark.parametrize(
    ("code", "kind", "rhythm"),
    [
        ("A.2.6", ActionKind.recurring, "P6W"),  # supervision every 6 weeks
        ("D.3.1", ActionKind.recurring, "P1M"),  # monthly economic case reviews
        ("E.4.3", ActionKind.ongoing, None),  # a standing job advertisement
        ("B.2.2", ActionKind.ongoing, None),  # "Handlingerne er beskrevet i de øvrige spor."
        ("A.1.2", ActionKind.deadline, None),
    ],
)
def test_the_plan_file_states_kinds_where_the_plan_does(
    code: str, kind: ActionKind, rhythm: str | None
) -> None:
    assert (PLAN[code].kind, PLAN[code].rhythm) == (kind, rhythm)


def test_a_3_1_starts_in_q4_2025_and_has_no_deadline() -> None:
    period = PLAN["A.3.1"].period
    assert period is not None
    assert (period.start, period.end) == (dt.date(2025, 10, 1), None)


def test_a_1_4_is_done_as_its_sources_say() -> None:
    assert PLAN["A.1.4"].status == Status.done
    assert "Borgermøde 7.10.2025" in PLAN["A.1.4"].status_source
