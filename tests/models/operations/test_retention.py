"""prune-logs: old login events and reminder logs go; the audit of the plan stays."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from models.auth.login import LoginEvent, LoginOutcome
from models.auth.users import Actor, PermissionDenied, Role
from models.operations.retention import prune_logs
from models.plan.tables import ActionChange
from models.reminders.log import ReminderKind, ReminderLog
from tests.factories import make_user

NOW = dt.datetime(2026, 12, 6, 3, tzinfo=dt.UTC)


def _count(session: Session, model: type) -> int:
    return session.exec(sa.select(sa.func.count()).select_from(model)).scalar_one()  # type: ignore[call-overload]


@pytest.fixture
def logs(seeded_session: Session) -> Session:
    for age in (400, 366, 364, 1):
        at = NOW - dt.timedelta(days=age)
        seeded_session.add(
            LoginEvent(username="vera", outcome=LoginOutcome.success, occurred_at=at)
        )
        seeded_session.add(
            ReminderLog(
                username="vera",
                address="vera@faxe.dk",
                kind=ReminderKind.owner,
                sent_at=at,
                local_day=at.date(),
                action_count=2,
            )
        )
        seeded_session.add(
            ActionChange(
                action_id=1,
                changed_at=at,
                username="erik",
                field="status",
                old_value="a",
                new_value="b",
            )
        )
    seeded_session.commit()
    return seeded_session


def test_a_dry_run_counts_and_deletes_nothing(logs: Session) -> None:
    counts = prune_logs(logs, actor=Actor.command_line(), days=365, dry_run=True, now=NOW)
    assert counts == {"login_event": 2, "reminder_log": 2}
    assert _count(logs, LoginEvent) == 4


def test_old_logs_go_and_the_plans_audit_stays(logs: Session) -> None:
    changes = _count(logs, ActionChange)
    counts = prune_logs(logs, actor=Actor.command_line(), days=365, now=NOW)
    logs.commit()
    assert counts == {"login_event": 2, "reminder_log": 2}
    assert _count(logs, LoginEvent) == 2
    assert _count(logs, ReminderLog) == 2
    assert _count(logs, ActionChange) == changes  # kept for good


def test_only_an_admin_prunes(logs: Session) -> None:
    make_user(logs, "erik", Role.editor)
    with pytest.raises(PermissionDenied):
        prune_logs(logs, actor=Actor("erik", Role.editor), days=365, now=NOW)
