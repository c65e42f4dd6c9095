"""Read models of families' input for the staff's pages: meetings, their items with the linked
actions' *current* status (so "we did" follows the plan, never a hand-written claim), the
input answered per track, and the audit."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from models.families.panel import PanelConfig, panel_config
from models.families.tables import (
    OPEN_STATUSES,
    FamilyChange,
    FamilyInput,
    FamilyInputLink,
    FamilyMeeting,
    MeetingKind,
    ResponseStatus,
)
from models.plan.status import Status
from models.plan.tables import Action, Track


@dataclass(frozen=True)
class LinkedAction:
    code: str
    text: str
    status: Status  # as the plan stands now
    track_code: str


@dataclass(frozen=True)
class LinkedTrack:
    code: str
    title: str


@dataclass(frozen=True)
class MeetingView:
    id: int
    held_on: dt.date
    kind: MeetingKind
    title: str
    participants: int | None
    registered: int | None
    questions: tuple[str, ...]
    source: str
    version: int
    items: int
    open_items: int  # Modtaget or Under behandling

    @property
    def label(self) -> str:
        return f"{self.kind.value} {self.held_on:%d-%m-%Y}" + (
            f": {self.title}" if self.title else ""
        )


@dataclass(frozen=True)
class InputView:
    id: int
    meeting_id: int
    position: int
    text: str
    theme: str | None
    theme_title: str  # "Uden tema" when none
    question: int | None
    question_text: str  # "" when none
    status: ResponseStatus
    response: str
    internal_note: str
    source: str
    version: int
    actions: tuple[LinkedAction, ...]
    tracks: tuple[LinkedTrack, ...]
    updated_at: dt.datetime | None
    updated_by: str | None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class TrackInput:
    """An input item as a theme page shows it under a track that answers it."""

    text: str
    status: ResponseStatus
    held_on: dt.date
    kind: MeetingKind
    via: tuple[str, ...]  # the track's code, or the codes of its actions linked to the item


@dataclass(frozen=True)
class FamilyChangeRow:
    changed_at: dt.datetime
    username: str
    field: str
    old_value: str | None
    new_value: str | None
    input_id: int | None


def list_meetings(session: Session) -> list[MeetingView]:
    """Every meeting, newest first, with how many items it has and how many are open."""
    counts = {
        meeting_id: (int(total), int(still_open or 0))
        for meeting_id, total, still_open in session.exec(
            select(
                FamilyInput.meeting_id,
                sa.func.count(FamilyInput.id),
                sa.func.sum(
                    sa.case((FamilyInput.status.in_(sorted(OPEN_STATUSES)), 1), else_=0)  # type: ignore[attr-defined]
                ),
            ).group_by(FamilyInput.meeting_id)
        )
    }
    meetings = session.exec(
        select(FamilyMeeting).order_by(FamilyMeeting.held_on.desc(), FamilyMeeting.id.desc())  # type: ignore[attr-defined, union-attr]
    )
    return [
        MeetingView(
            id=m.id or 0,
            held_on=m.held_on,
            kind=MeetingKind(m.kind),
            title=m.title,
            participants=m.participants,
            registered=m.registered,
            questions=tuple(m.questions),
            source=m.source,
            version=m.version,
            items=counts.get(m.id or 0, (0, 0))[0],
            open_items=counts.get(m.id or 0, (0, 0))[1],
        )
        for m in meetings
    ]


def _links(
    session: Session, input_ids: list[int]
) -> tuple[dict[int, list[LinkedAction]], dict[int, list[LinkedTrack]]]:
    actions: dict[int, list[LinkedAction]] = defaultdict(list)
    tracks: dict[int, list[LinkedTrack]] = defaultdict(list)
    if not input_ids:
        return actions, tracks
    for input_id, code, text, status, track_code in session.exec(
        select(FamilyInputLink.input_id, Action.code, Action.text, Action.status, Track.code)
        .join(Action, Action.id == FamilyInputLink.action_id)
        .join(Track, Track.id == Action.track_id)
        .where(FamilyInputLink.input_id.in_(input_ids))  # type: ignore[attr-defined]
        .order_by(Action.code)
    ):
        actions[input_id].append(LinkedAction(code, text, Status(status), track_code))
    for input_id, code, title in session.exec(
        select(FamilyInputLink.input_id, Track.code, Track.title)
        .join(Track, Track.id == FamilyInputLink.track_id)
        .where(FamilyInputLink.input_id.in_(input_ids))  # type: ignore[attr-defined]
        .order_by(Track.code)
    ):
        tracks[input_id].append(LinkedTrack(code, title))
    return actions, tracks


def meeting_inputs(
    session: Session, meeting_id: int, config: PanelConfig | None = None
) -> list[InputView]:
    """A meeting's items in their order, with the linked actions as they stand now."""
    config = config or panel_config()
    meeting = session.get(FamilyMeeting, meeting_id)
    if meeting is None:
        return []
    items = list(
        session.exec(
            select(FamilyInput)
            .where(FamilyInput.meeting_id == meeting_id)
            .order_by(FamilyInput.position, FamilyInput.id)
        )
    )
    actions, tracks = _links(session, [item.id or 0 for item in items])
    questions = list(meeting.questions)
    return [
        InputView(
            id=item.id or 0,
            meeting_id=meeting_id,
            position=item.position,
            text=item.text,
            theme=item.theme,
            theme_title=config.theme_title(item.theme),
            question=item.question,
            question_text=questions[item.question - 1]
            if item.question and item.question <= len(questions)
            else "",
            status=ResponseStatus(item.status),
            response=item.response,
            internal_note=item.internal_note,
            source=item.source,
            version=item.version,
            actions=tuple(actions.get(item.id or 0, [])),
            tracks=tuple(tracks.get(item.id or 0, [])),
            updated_at=item.updated_at,
            updated_by=item.updated_by,
        )
        for item in items
    ]


def inputs_by_track(session: Session) -> dict[str, list[TrackInput]]:
    """Per track code: the items linked to the track itself or to one of its actions."""
    rows = session.exec(
        select(
            FamilyInput.id,
            FamilyInput.text,
            FamilyInput.status,
            FamilyMeeting.held_on,
            FamilyMeeting.kind,
            sa.func.coalesce(Track.code, sa.literal("")),
            sa.func.coalesce(Action.code, sa.literal("")),
        )
        .join(FamilyMeeting, FamilyMeeting.id == FamilyInput.meeting_id)
        .join(FamilyInputLink, FamilyInputLink.input_id == FamilyInput.id)
        .outerjoin(Action, Action.id == FamilyInputLink.action_id)
        .outerjoin(
            Track,
            Track.id == sa.func.coalesce(FamilyInputLink.track_id, Action.track_id),
        )
        .order_by(FamilyMeeting.held_on.desc(), FamilyInput.position, FamilyInput.id)  # type: ignore[attr-defined]
    ).all()
    found: dict[str, dict[int, tuple]] = defaultdict(dict)
    for input_id, text, status, held_on, kind, track_code, action_code in rows:
        entry = found[track_code].setdefault(input_id, (text, status, held_on, kind, []))
        entry[4].append(action_code or track_code)
    return {
        track: [
            TrackInput(
                text, ResponseStatus(status), held_on, MeetingKind(kind), tuple(sorted(set(via)))
            )
            for text, status, held_on, kind, via in items.values()
        ]
        for track, items in found.items()
    }


def family_history(session: Session, meeting_id: int) -> list[FamilyChangeRow]:
    """Every audited change of a meeting and its items, newest first."""
    rows = session.exec(
        select(FamilyChange)
        .where(FamilyChange.meeting_id == meeting_id)
        .order_by(FamilyChange.changed_at.desc(), FamilyChange.id.desc())  # type: ignore[attr-defined, union-attr]
    )
    return [
        FamilyChangeRow(
            row.changed_at, row.username, row.field, row.old_value, row.new_value, row.input_id
        )
        for row in rows
    ]
