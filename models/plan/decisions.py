"""Re-baselining: a plan decision (e.g. by Børn & Læringsudvalget) that moves deadlines.

An editor records the decision (date, body, reference, text) and, under it, new deadlines for
chosen actions and/or a new target for restoring every open case. The plan's own deadlines stay
as they were and are shown beside the current ones; every moved action gets audit rows that
name the decision, so the change log says which decision moved what.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from models.auth.users import EDIT_PLAN, Actor, authorize
from models.core.cpr import guards_texts
from models.core.deadlines import DeadlineTarget
from models.core.errors import DomainError
from models.core.formatting import date_long_da
from models.core.time import utcnow
from models.plan.action_edits import MAX_REASON_LENGTH, audit_text
from models.plan.kinds import ActionKind
from models.plan.tables import Action, ActionChange, Plan, PlanDecision

MAX_BODY = 120
MAX_REFERENCE = 200
MAX_TEXT = 2000
EARLIEST = dt.date(2024, 1, 1)
LATEST = dt.date(2035, 12, 31)


class DecisionError(DomainError):
    """A plan decision that cannot be recorded; the message is Danish."""


def decision_label(decision: PlanDecision) -> str:
    """`Børn & Læringsudvalget 24-11-2026 (sag 12/345)`."""
    reference = f" ({decision.reference})" if decision.reference else ""
    return f"{decision.body} {date_long_da(decision.decided_on)}{reference}"


def _check(
    decided_on: dt.date,
    body: str,
    reference: str,
    text: str,
    deadlines: dict[str, dt.date],
    restoration_deadline: dt.date | None,
    today: dt.date,
) -> None:
    if not body:
        raise DecisionError("Angiv hvem der har truffet beslutningen (fx Børn & Læringsudvalget).")
    if not text:
        raise DecisionError("Beskriv beslutningen.")
    for value, limit, label in (
        (body, MAX_BODY, "Beslutningstager"),
        (reference, MAX_REFERENCE, "Reference"),
        (text, MAX_TEXT, "Beslutningen"),
    ):
        if len(value) > limit:
            raise DecisionError(f"{label} må højst være {limit} tegn (den er {len(value)}).")
    if decided_on > today:
        raise DecisionError(
            f"Beslutningsdatoen {date_long_da(decided_on)} ligger i fremtiden; en beslutning "
            "registreres, når den er truffet."
        )
    if decided_on < EARLIEST:
        raise DecisionError(f"Beslutningsdatoen {date_long_da(decided_on)} ligger før planen.")
    if not deadlines and restoration_deadline is None:
        raise DecisionError(
            "Beslutningen flytter ingen frister: vælg mindst én handling eller en ny frist for "
            "genopretningen."
        )
    for day in [*deadlines.values(), restoration_deadline]:
        if day is not None and not EARLIEST <= day <= LATEST:
            raise DecisionError(f"Fristen {date_long_da(day)} ligger uden for 2024–2035.")


@guards_texts(DecisionError)
def record_decision(
    session: Session,
    *,
    actor: Actor,
    decided_on: dt.date,
    body: str,
    reference: str = "",
    text: str,
    deadlines: dict[str, dt.date] | None = None,
    restoration_deadline: dt.date | None = None,
    today: dt.date,
    now: dt.datetime | None = None,
) -> PlanDecision:
    """Record a plan decision and carry out the deadline moves it makes (editors, admins).

    `deadlines` maps action codes to their new deadlines. Each moved action gets the decision
    as its revised deadline's reason, a new version (so an open grid sees a conflict) and
    audit rows that name the decision.
    """
    authorize(session, actor, EDIT_PLAN)
    deadlines = dict(deadlines or {})
    body, reference, text = body.strip(), reference.strip(), text.strip()
    _check(decided_on, body, reference, text, deadlines, restoration_deadline, today)
    actions = {
        action.code: action
        for action in session.exec(
            select(Action)
            .where(Action.code.in_(list(deadlines)))  # type: ignore[attr-defined]
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    }
    unknown = sorted(set(deadlines) - set(actions))
    if unknown:
        raise DecisionError(f"Ukendte handlinger: {', '.join(unknown)}.")
    not_deadlines = sorted(code for code, a in actions.items() if a.kind != ActionKind.deadline)
    if not_deadlines:
        raise DecisionError(
            f"{', '.join(not_deadlines)} har ingen frist (tilbagevendende eller løbende); "
            "skift typen først."
        )
    now = now or utcnow()
    decision = PlanDecision(
        decided_on=decided_on,
        body=body,
        reference=reference,
        text=text,
        restoration_deadline=restoration_deadline,
        created_at=now,
        created_by=actor.username,
    )
    session.add(decision)
    session.flush()
    reason = f"Beslutning: {decision_label(decision)}"[:MAX_REASON_LENGTH]
    for code in sorted(deadlines):
        _move(session, actions[code], deadlines[code], reason, decision, actor, now)
    session.flush()
    return decision


def _move(
    session: Session,
    action: Action,
    deadline: dt.date,
    reason: str,
    decision: PlanDecision,
    actor: Actor,
    now: dt.datetime,
) -> None:
    for name, new in (("revised_end_date", deadline), ("revised_reason", reason)):
        old = getattr(action, name)
        if old == new:
            continue
        session.add(
            ActionChange(
                action_id=action.id or 0,
                changed_at=now,
                username=actor.username,
                field=name,
                old_value=audit_text(old),
                new_value=audit_text(new),
                note=reason,
                decision_id=decision.id,
            )
        )
        setattr(action, name, new)
    action.revised_decision_id = decision.id
    action.version += 1
    action.updated_at, action.updated_by = now, actor.username
    session.add(action)


def list_decisions(session: Session) -> list[PlanDecision]:
    """Every decision, newest first."""
    return list(
        session.exec(
            select(PlanDecision).order_by(
                PlanDecision.decided_on.desc(),  # type: ignore[attr-defined]
                PlanDecision.id.desc(),  # type: ignore[union-attr]
            )
        )
    )


@dataclass(frozen=True)
class DecisionMove:
    """What one decision moved: an action's deadline, from → to."""

    code: str
    old: dt.date | None
    new: dt.date | None


def decision_moves(session: Session, decision_id: int) -> list[DecisionMove]:
    rows = session.exec(
        select(Action.code, ActionChange.old_value, ActionChange.new_value)
        .join(Action, Action.id == ActionChange.action_id)
        .where(
            ActionChange.decision_id == decision_id,
            ActionChange.field == "revised_end_date",
        )
        .order_by(Action.code)
    ).all()

    def day(value: str | None) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    return [DecisionMove(code, day(old), day(new)) for code, old, new in rows]


def restoration_target(session: Session) -> DeadlineTarget | None:
    """The deadline for restoring every open case: the plan's, and the newest decision's."""
    original = session.exec(select(Plan.restoration_deadline)).first()
    if original is None:
        return None
    latest = session.exec(
        select(PlanDecision)
        .where(PlanDecision.restoration_deadline.is_not(None))  # type: ignore[union-attr]
        .order_by(PlanDecision.decided_on.desc(), PlanDecision.id.desc())  # type: ignore[attr-defined,union-attr]
    ).first()
    if latest is None:
        return DeadlineTarget(original=original, current=original)
    return DeadlineTarget(
        original=original,
        current=latest.restoration_deadline,  # type: ignore[arg-type]
        decided_on=latest.decided_on,
        decided_by=latest.body,
        reference=latest.reference,
    )
