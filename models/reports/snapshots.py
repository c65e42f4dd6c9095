"""Status reports: frozen snapshots of the plan for the committee, and the key messages.

A snapshot keeps every action's status, note, responsible and deadline, the restoration
figures, the indicator values and the key messages as they were. It is never changed
afterwards; an admin may delete one, typing its name and giving a reason (audited).

A report is a record: it is dated the day it freezes the data, unless the editor marks it as a
reconstruction (a report made afterwards for an earlier date), which every export then says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, Session, SQLModel, select

from models.auth.users import EDIT_PLAN, MANAGE_USERS, Actor, authorize
from models.core.cpr import (
    CONTROL_CHARACTER,
    CONTROL_MESSAGE,
    CPR_MESSAGE,
    contains_cpr,
    guards_texts,
)
from models.core.deadlines import DeadlineTarget
from models.core.errors import DomainError
from models.core.formatting import date_long_da
from models.core.revisions import Area, bump
from models.core.time import local_date, utcnow
from models.indicators.service import indicator_cards
from models.plan.decisions import restoration_target
from models.plan.kinds import ActionKind
from models.plan.queries import get_themes
from models.plan.status import Status
from models.plan.tables import ActionContent
from models.restoration.report import build_report

DEFAULT_DEADLINE = dt.date(2026, 6, 30)  # the plan's, before the plan is loaded
PRESENTED_BEFORE = dt.timedelta(days=31)
KEY_MESSAGE_COUNT = 5
MAX_KEY_MESSAGE = 600
MAX_REASON = 500
MIN_REASON = 10
MAX_APPENDIX_NUMBER = 999
# The committee's "5 pointer" of 29 Sept 2025 (../shared/seeds/001_...txt), the starting text.
SEED_KEY_MESSAGES = (
    "Der er udarbejdet genopretningsplaner i alle relevante sager. Familierne er orienteret om "
    "deres genopretningsplan, og genopretningen i sagerne kører som planlagt og forløber frem "
    "mod sommeren 2026.",
    "Task Force-forløbet er i gang. Systematik-kurser er gennemført og workshops er påbegyndt. "
    "Anbefalinger fra analyserapport flugter med handlingerne i den allerede politisk godkendte "
    "udviklings- og genopretningsplan på familieområdet.",
    "Berigtigelsen af tabt arbejdsfortjeneste er godt i gang. Alle sager i "
    "berigtigelsesperioden er gennemgået.",
    "Procesflow og arbejdsgange fra DUBU til prognose og nøgletal er igangsat. Målet er at "
    "optimere et overblik over økonomi- og aktivitetstal for afdelingerne og dermed et solidt "
    "styringsgrundlag, der er genkendeligt for alle aktører.",
    "Arbejdsmiljøet er en vigtig faktor for, at vi lykkes med udviklings- og "
    "genopretningsplanen. Derfor har vi fokus på at skabe gode (interne og eksterne) vilkår og "
    "betingelser for det faglige arbejde og dermed skabe en bæredygtig udvikling.",
)


class SnapshotError(DomainError):
    """A snapshot command that cannot be carried out; the message is Danish."""


class KeyMessage(SQLModel, table=True):
    """One of the current key messages ('5 pointer'), edited by editors."""

    __tablename__ = "key_message"

    position: int = Field(primary_key=True)
    text: str
    updated_at: dt.datetime = Field(default_factory=utcnow)
    updated_by: str = Field(default="BLU 29.9.2025", max_length=64)


class KeyMessageChange(SQLModel, table=True):
    __tablename__ = "key_message_change"

    id: int | None = Field(default=None, primary_key=True)
    position: int
    changed_at: dt.datetime = Field(default_factory=utcnow)
    username: str = Field(max_length=64)
    old_text: str
    new_text: str


class Snapshot(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    taken_on: dt.date
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=64)
    key_messages: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON))
    restoration: dict[str, Any] = Field(default_factory=dict, sa_column=sa.Column(sa.JSON))
    indicators: list[dict[str, Any]] = Field(default_factory=list, sa_column=sa.Column(sa.JSON))
    presented_on: dt.date | None = None
    """The committee meeting the report was presented at; only such reports are milestones."""
    appendix_number: int | None = None
    """The appendix ("Bilag 3") the report is to the committee's agenda, if known."""
    meeting_on: dt.date | None = None
    """The committee meeting the report is written for (the appendix's title), if known."""
    reconstruction: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    """Dated earlier than the day it froze the data (`created_at`): made afterwards."""

    @property
    def frozen_on(self) -> dt.date:
        """The (local) day the report froze the data."""
        return local_date(self.created_at)


class SnapshotAction(ActionContent, table=True):
    """One action as it stood in a snapshot: its content, place in the plan and deadline."""

    __tablename__ = "snapshot_action"

    id: int | None = Field(default=None, primary_key=True)
    snapshot_id: int = Field(
        sa_column=sa.Column(
            sa.ForeignKey("snapshot.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    position: int
    theme_code: str = Field(max_length=8)
    theme_title: str
    track_code: str = Field(max_length=8)
    track_title: str
    deadline: dt.date | None = None
    plan_deadline: dt.date | None = None
    """The plan's own deadline, kept beside a deadline that a decision or an editor moved."""
    overdue: bool = False
    # A frozen row keeps the labels as they were written (plain text, no constraint).
    status: str = Field(default=Status.upcoming.value, max_length=32)
    kind: str = Field(
        default=ActionKind.deadline.value,
        max_length=16,
        sa_column_kwargs={"server_default": ActionKind.deadline.value},  # rows before 0004
    )


class SnapshotEvent(SQLModel, table=True):
    """Audit of snapshot creation and deletion."""

    __tablename__ = "snapshot_event"

    id: int | None = Field(default=None, primary_key=True)
    occurred_at: dt.datetime = Field(default_factory=utcnow)
    username: str = Field(max_length=64)
    event: str = Field(max_length=16)
    name: str = Field(max_length=120)
    reason: str | None = Field(default=None, max_length=MAX_REASON)
    """Why the report was deleted (deletions since revision 0008)."""


CONTENT_FIELDS = frozenset(ActionContent.model_fields)


# --- key messages ---------------------------------------------------------------------------


def seed_key_messages(session: Session) -> int:
    """Start with the committee's 5 points of 29 Sept 2025 if there are none."""
    if session.exec(select(KeyMessage)).first() is not None:
        return 0
    for position, text in enumerate(SEED_KEY_MESSAGES, start=1):
        session.add(KeyMessage(position=position, text=text))
    bump(session, Area.key_messages)
    return len(SEED_KEY_MESSAGES)


SEED_KEY_MESSAGES_DATE = dt.date(2025, 9, 29)
SEED_KEY_MESSAGES_SOURCE = "Børn & Læringsudvalget"


@dataclass(frozen=True)
class KeyMessagesOrigin:
    """Where the current key messages come from: the committee's text, or a later edit."""

    day: dt.date
    edited: bool

    @property
    def caption(self) -> str:
        if self.edited:
            return f"Senest opdateret {date_long_da(self.day)}"
        return f"Fra status til {SEED_KEY_MESSAGES_SOURCE} {date_long_da(self.day)}"


def key_messages_origin(session: Session) -> KeyMessagesOrigin:
    """The committee meeting of 29 Sept 2025 until an editor changes a point; then the day of
    the latest change (Danish local date)."""
    latest = session.exec(sa.select(sa.func.max(KeyMessageChange.changed_at))).scalar()
    if latest is None:
        return KeyMessagesOrigin(SEED_KEY_MESSAGES_DATE, edited=False)
    return KeyMessagesOrigin(local_date(latest), edited=True)


def current_key_messages(session: Session) -> list[str]:
    rows = session.exec(select(KeyMessage).order_by(KeyMessage.position)).all()
    return [row.text for row in rows]


@guards_texts(SnapshotError, checked_inside=("texts",))
def set_key_messages(session: Session, *, actor: Actor, texts: list[str]) -> int:
    """Replace the key messages (editors and admins); each change audited. Returns changes."""
    authorize(session, actor, EDIT_PLAN)
    if len(texts) != KEY_MESSAGE_COUNT:
        raise SnapshotError(f"Der skal være præcis {KEY_MESSAGE_COUNT} pointer.")
    for number, text in enumerate(texts, start=1):
        if not text.strip():
            raise SnapshotError(f"Pointe {number} er tom.")
        if len(text) > MAX_KEY_MESSAGE:
            raise SnapshotError(f"Pointe {number} må højst være {MAX_KEY_MESSAGE} tegn.")
        if contains_cpr(text):
            raise SnapshotError(f"Pointe {number}: {CPR_MESSAGE}")
        if CONTROL_CHARACTER.search(text):
            raise SnapshotError(f"Pointe {number}: {CONTROL_MESSAGE}")
    existing = {row.position: row for row in session.exec(select(KeyMessage))}
    changed = 0
    for position, text in enumerate(texts, start=1):
        row = existing.get(position) or KeyMessage(position=position, text="")
        if row.text == text.strip():
            continue
        session.add(
            KeyMessageChange(
                position=position, username=actor.username, old_text=row.text, new_text=text.strip()
            )
        )
        row.text, row.updated_by, row.updated_at = text.strip(), actor.username, utcnow()
        session.add(row)
        changed += 1
    if changed:
        bump(session, Area.key_messages)
    return changed


# --- snapshots ------------------------------------------------------------------------------


def _restoration_figures(
    session: Session, today: dt.date, target: DeadlineTarget
) -> dict[str, Any]:
    deadline = {
        "deadline": target.current.isoformat(),
        "plan_deadline": target.original.isoformat(),
        "deadline_decided_on": target.decided_on.isoformat() if target.decided_on else None,
        "deadline_decided_by": target.decided_by,
    }
    report = build_report(session, today=today, deadline=target.current)
    if not report.has_data:
        return deadline
    head = report.headline
    return {
        **deadline,
        "cases": report.cases,
        "restored": report.restored,
        "with_plan": report.with_plan,
        "families_informed": report.families_informed,
        "open_steps": head.open_steps,
        "pace_4_weeks": round(head.pace_4_weeks, 2),
        "projected": head.projected.isoformat() if head.projected else None,
        "demo_cases": report.demo_cases,
    }


def current_state(session: Session, *, today: dt.date) -> tuple[list[SnapshotAction], dict, list]:
    """The plan as it is now, in snapshot form (not stored)."""
    target = restoration_target(session) or DeadlineTarget(DEFAULT_DEADLINE, DEFAULT_DEADLINE)
    actions = []
    position = 0
    for theme in get_themes(session):
        for track in theme.tracks:
            for action in track.actions:
                position += 1
                actions.append(
                    SnapshotAction(
                        **action.model_dump(include=CONTENT_FIELDS),
                        snapshot_id=0,
                        position=position,
                        theme_code=theme.code,
                        theme_title=theme.title,
                        track_code=track.code,
                        track_title=track.title,
                        deadline=action.deadline,
                        plan_deadline=action.plan_deadline,
                        overdue=action.is_overdue(today),
                    )
                )
    indicators = [
        {
            "code": card.code,
            "name": card.name,
            "unit": card.unit,
            "value": card.latest.value if card.latest else None,
            "measured_on": card.latest.measured_on.isoformat() if card.latest else None,
            # as precisely as the source gives it ("ca. 2019"), and whether the value is "ca."
            "date_precision": card.latest.date_precision.value if card.latest else None,
            "value_approximate": card.latest.value_approximate if card.latest else None,
            "status": card.status.value,
            "stale": card.stale,
            "public": card.public,
        }
        for card in indicator_cards(session, today=today)
    ]
    return actions, _restoration_figures(session, today, target), indicators


def _check_appendix(
    appendix_number: int | None, meeting_on: dt.date | None, taken_on: dt.date
) -> None:
    if appendix_number is not None and not 1 <= appendix_number <= MAX_APPENDIX_NUMBER:
        raise SnapshotError(f"Bilagsnummeret skal være mellem 1 og {MAX_APPENDIX_NUMBER}.")
    if meeting_on is not None and meeting_on < taken_on:
        raise SnapshotError(
            f"Mødedatoen {date_long_da(meeting_on)} ligger før rapportens dato "
            f"({date_long_da(taken_on)})."
        )


@guards_texts(SnapshotError)
def create_snapshot(
    session: Session,
    *,
    actor: Actor,
    name: str,
    taken_on: dt.date,
    today: dt.date,
    reconstruction: bool = False,
    appendix_number: int | None = None,
    meeting_on: dt.date | None = None,
) -> Snapshot:
    """Freeze the current state under `name` (editors and admins).

    The report is dated `taken_on`, which must be today (the day the data is frozen) unless
    the editor marks it as a `reconstruction`: a report made today for an earlier date."""
    authorize(session, actor, EDIT_PLAN)
    name = " ".join(name.split())
    if not name:
        raise SnapshotError("Statusrapporten skal have et navn.")
    if taken_on > today:
        raise SnapshotError(
            f"Rapportens dato {date_long_da(taken_on)} ligger i fremtiden; en statusrapport "
            "fryser data, som de er i dag."
        )
    if taken_on != today and not reconstruction:
        raise SnapshotError(
            f"Rapporten fryser data, som de er i dag ({date_long_da(today)}), men er dateret "
            f"{date_long_da(taken_on)}. Dater den i dag, eller markér den som rekonstruktion."
        )
    if reconstruction and taken_on == today:
        raise SnapshotError(
            "En rekonstruktion dateres før i dag; en rapport dateret i dag er ikke en "
            "rekonstruktion."
        )
    _check_appendix(appendix_number, meeting_on, taken_on)
    if session.exec(select(Snapshot).where(Snapshot.name == name)).first():
        raise SnapshotError(f"Der findes allerede en statusrapport med navnet '{name}'.")
    actions, restoration, indicators = current_state(session, today=taken_on)
    snapshot = Snapshot(
        name=name,
        taken_on=taken_on,
        created_by=actor.username,
        key_messages=current_key_messages(session),
        restoration=restoration,
        indicators=indicators,
        reconstruction=reconstruction,
        appendix_number=appendix_number,
        meeting_on=meeting_on,
    )
    session.add(snapshot)
    session.flush()
    session.execute(
        sa.insert(SnapshotAction),
        [{**row.model_dump(exclude={"id"}), "snapshot_id": snapshot.id} for row in actions],
    )
    _record(session, SnapshotEvent(username=actor.username, event="created", name=name))
    return snapshot


def _record(session: Session, event: SnapshotEvent) -> None:
    """Audit a change to the reports and raise their revision (every instance's caches)."""
    session.add(event)
    bump(session, Area.reports)


def _snapshot(session: Session, name: str) -> Snapshot:
    snapshot = session.exec(select(Snapshot).where(Snapshot.name == name)).first()
    if snapshot is None:
        raise SnapshotError(f"Statusrapporten '{name}' findes ikke.")
    return snapshot


@guards_texts(SnapshotError)
def delete_snapshot(
    session: Session, *, actor: Actor, name: str, confirmation: str, reason: str
) -> None:
    """Delete a snapshot (admins only): the admin types the report's name as `confirmation`
    and gives a `reason`; who, when, which report and why are kept in `snapshot_event`."""
    authorize(session, actor, MANAGE_USERS)
    snapshot = _snapshot(session, name)
    if " ".join(confirmation.split()) != snapshot.name:
        raise SnapshotError(
            f"Skriv rapportens navn «{snapshot.name}» præcis for at bekræfte sletningen."
        )
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        raise SnapshotError(
            f"Skriv hvorfor rapporten slettes (mindst {MIN_REASON} tegn); begrundelsen gemmes."
        )
    if len(reason) > MAX_REASON:
        raise SnapshotError(f"Begrundelsen må højst være {MAX_REASON} tegn.")
    session.exec(sa.delete(SnapshotAction).where(SnapshotAction.snapshot_id == snapshot.id))
    session.delete(snapshot)
    _record(
        session,
        SnapshotEvent(username=actor.username, event="deleted", name=snapshot.name, reason=reason),
    )


def deleted_reports(session: Session) -> list[SnapshotEvent]:
    """Every deletion of a report (who, when, which, why), newest first."""
    return list(
        session.exec(
            select(SnapshotEvent)
            .where(SnapshotEvent.event == "deleted")
            .order_by(SnapshotEvent.occurred_at.desc(), SnapshotEvent.id.desc())  # type: ignore[attr-defined]
        )
    )


def set_appendix_details(
    session: Session,
    *,
    actor: Actor,
    name: str,
    appendix_number: int | None,
    meeting_on: dt.date | None,
) -> Snapshot:
    """Set (or clear) the appendix number and the meeting a report is written for (editors
    and admins); audited. The frozen content does not change."""
    authorize(session, actor, EDIT_PLAN)
    snapshot = _snapshot(session, name)
    _check_appendix(appendix_number, meeting_on, snapshot.taken_on)
    snapshot.appendix_number, snapshot.meeting_on = appendix_number, meeting_on
    session.add(snapshot)
    _record(
        session,
        SnapshotEvent(
            username=actor.username,
            event="appendix",
            name=snapshot.name,
            reason=appendix_label(appendix_number, meeting_on),
        ),
    )
    return snapshot


def appendix_label(appendix_number: int | None, meeting_on: dt.date | None) -> str:
    """`Bilag 3 til mødet 12. maj 2027`; `Bilag 3`; `Bilag til mødet 12. maj 2027`; `Bilag`."""
    label = "Bilag" if appendix_number is None else f"Bilag {appendix_number}"
    if meeting_on is not None:
        label += f" til mødet {date_long_da(meeting_on)}"
    return label


def reconstruction_label(taken_on: dt.date, frozen_on: dt.date) -> str:
    """`Rekonstruktion: data fastfrosset 6. december 2026, dateret 1. november 2026`."""
    return (
        f"Rekonstruktion: data fastfrosset {date_long_da(frozen_on)}, "
        f"dateret {date_long_da(taken_on)}"
    )


def mark_presented(
    session: Session,
    *,
    actor: Actor,
    name: str,
    presented_on: dt.date | None,
    today: dt.date,
) -> Snapshot:
    """Mark a report as presented to the committee at the meeting on `presented_on` (None
    takes the mark away). Only presented reports become milestones on the public slides."""
    authorize(session, actor, EDIT_PLAN)
    snapshot = session.exec(select(Snapshot).where(Snapshot.name == name)).first()
    if snapshot is None:
        raise SnapshotError(f"Statusrapporten '{name}' findes ikke.")
    if presented_on is not None and presented_on > today:
        raise SnapshotError(
            f"Mødedatoen {date_long_da(presented_on)} ligger i fremtiden; markér rapporten, "
            "når den er fremlagt."
        )
    if presented_on is not None and presented_on < snapshot.taken_on - PRESENTED_BEFORE:
        raise SnapshotError(
            f"Mødedatoen {date_long_da(presented_on)} ligger mere end en måned før rapportens dato "
            f"({date_long_da(snapshot.taken_on)})."
        )
    snapshot.presented_on = presented_on
    session.add(snapshot)
    event = "presented" if presented_on else "unpresented"
    _record(session, SnapshotEvent(username=actor.username, event=event, name=snapshot.name))
    return snapshot


def presented_reports(session: Session) -> list[tuple[dt.date, str]]:
    """(meeting date, report name) of every report presented to the committee."""
    rows = session.exec(
        select(Snapshot.presented_on, Snapshot.name)
        .where(Snapshot.presented_on.is_not(None))  # type: ignore[union-attr]
        .order_by(Snapshot.presented_on)
    ).all()
    return [(day, name) for day, name in rows]  # type: ignore[misc]


def list_snapshots(session: Session) -> list[Snapshot]:
    return list(
        session.exec(select(Snapshot).order_by(Snapshot.taken_on.desc(), Snapshot.id.desc()))
    )  # type: ignore[attr-defined]


@dataclass(frozen=True)
class StatusReport:
    """A snapshot, or the state now, in one shape for comparison and export."""

    name: str
    taken_on: dt.date
    actions: list[SnapshotAction]
    restoration: dict[str, Any]
    indicators: list[dict[str, Any]]
    key_messages: list[str]
    frozen_on: dt.date | None = None
    """The day the data was frozen (None: the state now, not frozen)."""
    reconstruction: bool = False
    appendix_number: int | None = None
    meeting_on: dt.date | None = None

    @property
    def reconstruction_label(self) -> str:
        """The reconstruction's dates in words ("" for a report dated the day it froze)."""
        if not self.reconstruction or self.frozen_on is None:
            return ""
        return reconstruction_label(self.taken_on, self.frozen_on)

    @property
    def appendix_label(self) -> str:
        return appendix_label(self.appendix_number, self.meeting_on)

    def restoration_target(self) -> DeadlineTarget | None:
        """The restoration deadline as the report knew it (None before the figures had it)."""
        figures = self.restoration
        if not figures.get("deadline"):
            return None
        decided = figures.get("deadline_decided_on")
        return DeadlineTarget(
            original=dt.date.fromisoformat(figures["plan_deadline"]),
            current=dt.date.fromisoformat(figures["deadline"]),
            decided_on=dt.date.fromisoformat(decided) if decided else None,
            decided_by=figures.get("deadline_decided_by") or "",
        )

    def status_counts(self) -> dict[str, int]:
        counts = {status.value: 0 for status in Status}
        for action in self.actions:
            counts[action.status] += 1
        return counts


def load_report(session: Session, name: str) -> StatusReport:
    snapshot = _snapshot(session, name)
    actions = list(
        session.exec(
            select(SnapshotAction)
            .where(SnapshotAction.snapshot_id == snapshot.id)
            .order_by(SnapshotAction.position)
        )
    )
    return StatusReport(
        snapshot.name,
        snapshot.taken_on,
        actions,
        dict(snapshot.restoration),
        list(snapshot.indicators),
        list(snapshot.key_messages),
        frozen_on=snapshot.frozen_on,
        reconstruction=snapshot.reconstruction,
        appendix_number=snapshot.appendix_number,
        meeting_on=snapshot.meeting_on,
    )


NOW_NAME = "Status nu"


def report_now(session: Session, *, today: dt.date) -> StatusReport:
    actions, restoration, indicators = current_state(session, today=today)
    return StatusReport(
        NOW_NAME, today, actions, restoration, indicators, current_key_messages(session)
    )
