"""The one write path for action status, responsible, note, revised deadline, kind and rhythm.

Changes are keyed by action id and carry the version they were based on. Each change is
validated; a change based on an older version is a conflict and is not written; every written
field gets one audit row. Everything runs in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from models.auth.users import EDIT_PLAN, Actor, User, authorize, get_user, normalise_username
from models.core.applog import log_event
from models.core.cpr import (
    CONTROL_CHARACTER,
    CONTROL_MESSAGE,
    CPR_MESSAGE,
    contains_cpr,
    guards_texts,
)
from models.core.errors import DomainError
from models.core.tabular_files import parse_date
from models.core.time import utcnow
from models.plan.kinds import ActionKind, parse_kind, parse_rhythm
from models.plan.status import Status, parse_status
from models.plan.tables import Action, ActionChange

MAX_NOTE_LENGTH = 2000
MAX_RESPONSIBLE_LENGTH = 200
MAX_REASON_LENGTH = 500
EDITABLE_FIELDS = (
    "status",
    "responsible",
    "note",
    "revised_end_date",
    "revised_reason",
    "kind",
    "rhythm",
    "owner",
)
FIELD_LABELS = {
    "owner": "Ejer",
    "confirmed": "Bekræftet uændret",
    "kind": "Type",
    "rhythm": "Rytme",
    "status": "Status",
    "responsible": "Ansvarlig",
    "note": "Statusnote",
    "revised_end_date": "Revideret frist",
    "revised_reason": "Begrundelse for revideret frist",
}


class Outcome(enum.StrEnum):
    saved = "saved"
    unchanged = "unchanged"
    conflict = "conflict"
    invalid = "invalid"


@dataclass(frozen=True)
class ActionEdit:
    """The new values one person wants for one action; fields left out stay as they are."""

    action_id: int
    base_version: int
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EditResult:
    action_id: int
    code: str
    outcome: Outcome
    message: str = ""
    changed_fields: tuple[str, ...] = ()
    current: dict[str, Any] = field(default_factory=dict)
    current_version: int | None = None
    last_changed_by: str | None = None
    last_changed_at: dt.datetime | None = None


class EditsRejected(DomainError):
    """An all-or-nothing save in which something was not saved; nothing was written."""

    def __init__(self, results: list[EditResult]) -> None:
        super().__init__(
            "Intet er gemt: mindst én ændring kunne ikke gemmes (konflikt eller fejl)."
        )
        self.results = results


def _as_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def normalise_values(values: dict[str, Any]) -> dict[str, Any]:
    """Check and clean new values; raise ValueError with a Danish reason."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Felterne {', '.join(sorted(unknown))} kan ikke redigeres.")
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name == "status":
            clean[name] = parse_status(_as_text(value))
        elif name == "kind":
            clean[name] = parse_kind(_as_text(value))
        elif name == "rhythm":
            clean[name] = parse_rhythm(_as_text(value))
        elif name == "owner":
            clean[name] = normalise_username(_as_text(value)) or None
        elif name == "revised_end_date":
            clean[name] = parse_date(value)
        else:
            clean[name] = _as_text(value)
    limits = {
        "note": MAX_NOTE_LENGTH,
        "responsible": MAX_RESPONSIBLE_LENGTH,
        "revised_reason": MAX_REASON_LENGTH,
    }
    for name, limit in limits.items():
        if len(clean.get(name, "")) > limit:
            raise ValueError(
                f"{FIELD_LABELS[name]} må højst være {limit} tegn (den er {len(clean[name])})."
            )
    texts = [clean.get(name) or "" for name in ("note", "responsible", "revised_reason")]
    if any(contains_cpr(text) for text in texts):
        raise ValueError(CPR_MESSAGE)
    if any(CONTROL_CHARACTER.search(text) for text in texts):
        raise ValueError(CONTROL_MESSAGE)
    return clean


def _snapshot(action: Action) -> dict[str, Any]:
    return {name: getattr(action, name) for name in EDITABLE_FIELDS}


def audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


OBS_NEEDS_REASON = "Når status sættes til Obs, skal statusnoten forklare hvorfor: skriv en ny note."


def _obs_without_reason(
    current: dict[str, Any], values: dict[str, Any], changed: list[str]
) -> str | None:
    """A status changed to Obs needs a new note in the same save that says why."""
    becomes_obs = "status" in changed and values["status"] == Status.attention
    if becomes_obs and ("note" not in changed or not values.get("note")):
        return OBS_NEEDS_REASON
    return None


OWNER_MESSAGE = (
    "Ejeren '{owner}' skal være en aktiv bruger, der må redigere (redaktør eller administrator)."
)


def eligible_owners(session: Session) -> list[str]:
    """The usernames that may own an action: active editors and admins, in name order."""
    return list(
        session.exec(
            select(User.username)
            .where(User.active == sa.true(), User.role.in_(sorted(EDIT_PLAN)))  # type: ignore[attr-defined]
            .order_by(User.username)
        )
    )


def _unknown_owner(session: Session, values: dict[str, Any], changed: list[str]) -> str | None:
    """An owner must be an active user who may edit the plan (they keep it up to date)."""
    if "owner" not in changed or values["owner"] is None:
        return None
    user = get_user(session, values["owner"])
    if user is None or not user.active or user.role not in EDIT_PLAN:
        return OWNER_MESSAGE.format(owner=values["owner"])
    return None


def _apply_one(
    session: Session, actor: Actor, edit: ActionEdit, now: dt.datetime, reason: str
) -> EditResult:
    # Lock the row and read it fresh from the database, never from the session's cache.
    action = session.exec(
        select(Action)
        .where(Action.id == edit.action_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if action is None:
        return EditResult(edit.action_id, "?", Outcome.invalid, "Handlingen findes ikke.")
    current = _snapshot(action)
    try:
        values = normalise_values(edit.values)
    except ValueError as error:
        return EditResult(action.id or 0, action.code, Outcome.invalid, str(error))
    if action.version != edit.base_version:
        return EditResult(
            action.id or 0,
            action.code,
            Outcome.conflict,
            f"{action.code} er ændret af {action.updated_by or 'en anden'} siden du hentede den.",
            current=current,
            current_version=action.version,
            last_changed_by=action.updated_by,
            last_changed_at=action.updated_at,
        )
    kind = values.get("kind", current["kind"])
    if kind != ActionKind.recurring and values.get("rhythm", current["rhythm"]):
        values["rhythm"] = None  # only recurring work has a rhythm
    if kind == ActionKind.recurring and not values.get("rhythm", current["rhythm"]):
        return EditResult(
            action.id or 0,
            action.code,
            Outcome.invalid,
            "En tilbagevendende handling skal have en rytme (fx hver måned).",
        )
    changed = [name for name, value in values.items() if current[name] != value]
    problem = _obs_without_reason(current, values, changed) or _unknown_owner(
        session, values, changed
    )
    if problem:
        return EditResult(action.id or 0, action.code, Outcome.invalid, problem)
    if not changed:
        return EditResult(action.id or 0, action.code, Outcome.unchanged, current=current)
    if values.get("revised_end_date", current["revised_end_date"]) and not values.get(
        "revised_reason", current["revised_reason"]
    ):
        return EditResult(
            action.id or 0,
            action.code,
            Outcome.invalid,
            "En revideret frist kræver en begrundelse.",
        )
    for name in changed:
        setattr(action, name, values[name])
        session.add(
            ActionChange(
                action_id=action.id or 0,
                changed_at=now,
                username=actor.username,
                field=name,
                old_value=audit_text(current[name]),
                new_value=audit_text(values[name]),
                note=reason,
            )
        )
    action.version += 1
    action.updated_at = now
    action.updated_by = actor.username
    session.add(action)
    return EditResult(
        action.id or 0,
        action.code,
        Outcome.saved,
        changed_fields=tuple(changed),
        current=_snapshot(action),
        current_version=action.version,
        last_changed_by=actor.username,
        last_changed_at=now,
    )


@guards_texts(ValueError)
def save_action_edits(
    session: Session,
    *,
    actor: Actor,
    edits: list[ActionEdit],
    all_or_nothing: bool = False,
    reason: str = "",
    now: dt.datetime | None = None,
) -> list[EditResult]:
    """Validate and write `edits` for `actor` (editor or admin); one result per edit.

    With `all_or_nothing`, any conflict or invalid edit raises EditsRejected and the caller's
    transaction must be rolled back (session_scope does that).
    """
    authorize(session, actor, EDIT_PLAN)
    now = now or utcnow()
    seen: set[int] = set()
    results = []
    for edit in edits:
        if edit.action_id in seen:
            raise ValueError(f"Handling {edit.action_id} er med flere gange i samme gemning.")
        seen.add(edit.action_id)
        results.append(_apply_one(session, actor, edit, now, reason))
    session.flush()
    log_event(
        "save",
        user=actor.username,
        role=actor.role.value,
        count=sum(r.outcome is Outcome.saved for r in results),
        conflicts=sum(r.outcome is Outcome.conflict for r in results),
    )
    if all_or_nothing and any(r.outcome in (Outcome.conflict, Outcome.invalid) for r in results):
        raise EditsRejected(results)
    return results
