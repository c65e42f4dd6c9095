"""*Status uændret – bekræft*: someone looked at an action today and changed nothing.

A confirmation records who and when on the action (`confirmed_at`, `confirmed_by`) and one
audit row (field `confirmed`, with the optional note), and so resets the action's freshness
(`ActionView.is_unconfirmed`). It does not change the action's content or version; it is
refused when the action changed after the person saw it (they confirmed something else).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from models.auth.users import EDIT_PLAN, Actor, authorize
from models.core.cpr import guards_texts, unsafe_text
from models.core.errors import DomainError
from models.core.time import utcnow
from models.plan.action_edits import MAX_NOTE_LENGTH
from models.plan.tables import Action, ActionChange

CONFIRMED_FIELD = "confirmed"


class ConfirmationError(DomainError):
    """A confirmation that cannot be recorded; the message is Danish."""


@dataclass(frozen=True)
class Confirmation:
    action_id: int
    base_version: int
    """The version the person looked at."""
    note: str = ""


@guards_texts(ConfirmationError, checked_inside=("confirmations",))
def confirm_actions(
    session: Session,
    *,
    actor: Actor,
    confirmations: list[Confirmation],
    now: dt.datetime | None = None,
) -> list[str]:
    """Record "status unchanged" for each action (editors and admins); returns their codes.

    All or nothing: an action changed since the person saw it is refused with its code.
    """
    authorize(session, actor, EDIT_PLAN)
    now = now or utcnow()
    ids = [confirmation.action_id for confirmation in confirmations]
    actions = {
        action.id: action
        for action in session.exec(
            select(Action)
            .where(Action.id.in_(ids))  # type: ignore[union-attr]
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    }
    confirmed = []
    for confirmation in confirmations:
        action = actions.get(confirmation.action_id)
        if action is None:
            raise ConfirmationError("Handlingen findes ikke.")
        if action.version != confirmation.base_version:
            raise ConfirmationError(
                f"{action.code} er ændret af {action.updated_by or 'en anden'}, siden du så "
                "den; se den igen, før du bekræfter."
            )
        note = confirmation.note.strip()
        if len(note) > MAX_NOTE_LENGTH:
            raise ConfirmationError(f"Noten må højst være {MAX_NOTE_LENGTH} tegn.")
        if problem := unsafe_text(note):
            raise ConfirmationError(problem)
        action.confirmed_at, action.confirmed_by = now, actor.username
        session.add(action)
        session.add(
            ActionChange(
                action_id=action.id or 0,
                changed_at=now,
                username=actor.username,
                field=CONFIRMED_FIELD,
                old_value=action.status.value,
                new_value=action.status.value,
                note=note,
            )
        )
        confirmed.append(action.code)
    session.flush()
    return confirmed
