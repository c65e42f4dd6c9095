"""The change log: filters, newest first, and the exact CSV export."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Role
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.change_log import changes_csv, list_changes
from models.plan.status import Status
from models.plan.tables import Action
from tests.factories import actor_for, make_user, seed_database

MONDAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def history(engine: Engine, session: Session) -> Session:
    """Erik edits A.1.1 on Monday; Ida edits B.1.1 on Wednesday."""
    seed_database(engine)
    erik = actor_for(make_user(session, "erik", Role.editor))
    ida = actor_for(make_user(session, "ida", Role.admin))
    ids = {a.code: a.id for a in session.exec(select(Action))}
    save_action_edits(
        session,
        actor=erik,
        edits=[ActionEdit(ids["A.1.1"], 1, {"status": "I gang", "note": '=HYPERLINK("x")'})],
        now=MONDAY,
    )
    save_action_edits(
        session,
        actor=ida,
        edits=[ActionEdit(ids["B.1.1"], 1, {"status": "Afsluttet/implementeret"})],
        now=MONDAY + dt.timedelta(days=2),
    )
    session.commit()
    return session


def summary(rows) -> list[tuple[str, str, str]]:
    return [(row.username, row.action_code, row.field) for row in rows]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [("ida", "B.1.1", "status"), ("erik", "A.1.1", "note"), ("erik", "A.1.1", "status")]),
        ({"since": MONDAY + dt.timedelta(days=1)}, [("ida", "B.1.1", "status")]),
        (
            {"until": MONDAY + dt.timedelta(days=1)},
            [("erik", "A.1.1", "note"), ("erik", "A.1.1", "status")],
        ),
        ({"theme_codes": ["B"]}, [("ida", "B.1.1", "status")]),
        ({"usernames": ["erik"]}, [("erik", "A.1.1", "note"), ("erik", "A.1.1", "status")]),
        ({"statuses_now": [Status.done]}, [("ida", "B.1.1", "status")]),
        ({"since": MONDAY + dt.timedelta(days=7)}, []),
    ],
    ids=["all", "since", "until", "theme", "user", "status-now", "empty-period"],
)
def test_filters(history: Session, filters: dict, expected: list) -> None:
    assert summary(list_changes(history, **filters)) == expected


def test_csv_export_is_exact_and_neutralises_formulas(history: Session) -> None:
    rows = list_changes(history, usernames=["erik"])
    assert changes_csv(rows) == (
        "tidspunkt,bruger,tema,spor,handling,felt,fra,til,note\n"
        '02-03-2026 10:00,erik,A,A.1,A.1.1,note,,"\'=HYPERLINK(""x"")",\n'
        "02-03-2026 10:00,erik,A,A.1,A.1.1,status,Kommende opgave,I gang,\n"
    )
