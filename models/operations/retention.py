"""How long the app keeps its logs in the database, and what it keeps for good.

Pruned after `log_retention_days` (`manage.py prune-logs`): `login_event` (every login
attempt, logout and unlock, with the client address) and `reminder_log` (which reminder
e-mail went to whom). Kept for good, because they are the record of the plan and its reports:
`action_change`, `key_message_change`, `snapshot_event`, the plan decisions and the weekly
reviews. Expired login sessions and throttle counters clean themselves up.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Session

from models.auth.login import LoginEvent
from models.auth.users import MANAGE_USERS, Actor, authorize
from models.core.applog import log_event
from models.core.time import utcnow
from models.reminders.log import ReminderLog

PRUNED = (("login_event", LoginEvent, "occurred_at"), ("reminder_log", ReminderLog, "sent_at"))


def prune_logs(
    session: Session,
    *,
    actor: Actor,
    days: int,
    dry_run: bool = False,
    now: dt.datetime | None = None,
) -> dict[str, int]:
    """Delete (or, with `dry_run`, count) log rows older than `days`; rows per table."""
    authorize(session, actor, MANAGE_USERS)
    cutoff = (now or utcnow()) - dt.timedelta(days=days)
    counts = {}
    for name, model, column in PRUNED:
        old = getattr(model, column) < cutoff
        if dry_run:
            counts[name] = int(session.exec(sa.select(sa.func.count()).where(old)).scalar_one())  # type: ignore[call-overload]
        else:
            result = session.exec(sa.delete(model).where(old))  # type: ignore[call-overload]
            counts[name] = int(result.rowcount or 0)
    if not dry_run:
        log_event("prune_logs", user=actor.username, count=sum(counts.values()))
    return counts
