"""Who keeps which actions up to date: owners of actions and tracks, and "my actions".

An action's owner is a user of the app (an editor or admin); the free-text *Ansvarlig* stays
for external parties. A track may have an owner too: they answer for the track's actions that
have no owner of their own. *Mine handlinger* groups a user's actions as *Kræver handling*
(overdue, or not updated or confirmed within its window, a stale Obs included), *Frist inden
for 30 dage* and *Resten*.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlmodel import Session, select

from models.auth.users import EDIT_PLAN, Actor, authorize, get_user, normalise_username
from models.core.errors import DomainError
from models.plan.overview import ATTENTION_HORIZON, Attention, attention_reasons
from models.plan.queries import FRESHNESS_DAYS, ActionView, ThemeView
from models.plan.status import Status
from models.plan.tables import Action, Track


class OwnerError(DomainError):
    """An owner that cannot be set; the message is Danish."""


class MySection(enum.StrEnum):
    needs_action = "Kræver handling"
    due_soon = "Frist inden for 30 dage"
    rest = "Resten"


NEEDS_ACTION = (Attention.overdue, Attention.unconfirmed)
"""What the owner must do something about. An Obs is listed there while it is stale; once its
owner has saved it with the note that says why (or confirmed it), it is the steering group's
(the overview's Obs section) and heads the owner's *Resten*."""


def my_actions(themes: list[ThemeView], username: str) -> list[ActionView]:
    """The actions `username` owns, and those without an owner in tracks they own."""
    name = normalise_username(username)
    return [
        action
        for theme in themes
        for track in theme.tracks
        for action in track.actions
        if action.owner == name or (action.owner is None and track.owner == name)
    ]


def my_sections(
    actions: list[ActionView], today: dt.date, window_days: int = FRESHNESS_DAYS
) -> dict[MySection, list[ActionView]]:
    """A user's actions: what needs action now (overdue, or not updated or confirmed within its
    window, an Obs included), what is due within 30 days, and the rest (fresh Obs first,
    finished ones last); every section present, in this order."""
    sections: dict[MySection, list[ActionView]] = {section: [] for section in MySection}
    for action in actions:
        reasons = {reason for reason, _ in attention_reasons(action, today, window_days)}
        due = action.deadline
        if reasons & set(NEEDS_ACTION):
            sections[MySection.needs_action].append(action)
        elif due is not None and action.status != Status.done and due <= today + ATTENTION_HORIZON:
            sections[MySection.due_soon].append(action)
        else:
            sections[MySection.rest].append(action)
    sections[MySection.rest].sort(
        key=lambda action: (action.status != Status.attention, action.status == Status.done)
    )
    return sections


def owned_codes(session: Session) -> dict[str, list[str]]:
    """Every owner's action codes (plan order), for the admins' overview of who owns what."""
    owned: dict[str, list[str]] = {}
    for owner, code in session.exec(
        select(Action.owner, Action.code)
        .where(Action.owner.is_not(None))  # type: ignore[union-attr]
        .order_by(Action.track_id, Action.position)
    ):
        owned.setdefault(owner, []).append(code)  # type: ignore[arg-type]
    return owned


def set_track_owner(session: Session, *, actor: Actor, track_code: str, owner: str | None) -> Track:
    """Give a track an owner (an active editor or admin), or none (editors and admins)."""
    authorize(session, actor, EDIT_PLAN)
    track = session.exec(select(Track).where(Track.code == track_code)).first()
    if track is None:
        raise OwnerError(f"Sporet {track_code} findes ikke.")
    name = normalise_username(owner or "") or None
    if name is not None:
        user = get_user(session, name)
        if user is None or not user.active or user.role not in EDIT_PLAN:
            raise OwnerError(
                f"Ejeren '{name}' skal være en aktiv bruger, der må redigere "
                "(redaktør eller administrator)."
            )
    track.owner = name
    session.add(track)
    return track
