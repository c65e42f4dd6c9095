"""*I sagde – vi gjorde*: what families raised and what the plan did about it, for citizens.

The only reader of families' input for the citizen-meeting slide, the PowerPoint and the
public site. It selects explicit columns: an item's summary, panel theme, response status and
response text, the question it answered, its meeting's date, kind, title and head counts,
and the linked actions' and tracks' codes, titles and *current* statuses. Never an internal
remark, an owner, a user name, a note, an audit row or a case reference: none can leak.

Small numbers: a meeting's participants and registered are counts of people, so 1–4 is
"under 5" (`Counted.PEOPLE`), decided here before anything is drawn. The linked actions are
the municipality's own work and are counted exactly (`Counted.ACTIONS`).

`said_and_done(session)` returns a `FamilyLoop`: per panel theme (in the panel's order, then
*Uden tema*; only themes with input), the summaries families raised with each item's response
and the actions and tracks that answer it, the theme's linked actions with exact counts per
status, and *Det arbejder vi videre med*: the items not yet answered (*Modtaget*, *Under
behandling*).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlmodel import Session, select

from models.core.formatting import date_long_da
from models.core.small_counts import Counted, shown_count
from models.families.panel import NO_THEME, PanelConfig, panel_config
from models.families.tables import (
    OPEN_STATUSES,
    FamilyInput,
    FamilyInputLink,
    FamilyMeeting,
    MeetingKind,
    ResponseStatus,
)
from models.plan.status import STATUS_ORDER, Status
from models.plan.tables import Action, Track


def exact_counts(counts: Mapping[Status, int]) -> dict[Status, int]:
    """Every status in the plan's order, with its exact number of actions (0 where none)."""
    return {status: int(counts.get(status, 0)) for status in STATUS_ORDER}


@dataclass(frozen=True)
class RespondingAction:
    """An action of the plan that answers an input item, as the plan stands now."""

    code: str  # "E.5.2"
    title: str  # the action's text in the plan
    status: Status  # its current status


@dataclass(frozen=True)
class RespondingTrack:
    """A whole track that answers an input item, with its actions per status (exact)."""

    code: str  # "E.5"
    title: str
    counts: dict[Status, int]


@dataclass(frozen=True)
class RaisedItem:
    """One thing families raised, as the municipality summarises it, and the response."""

    summary: str
    status: ResponseStatus
    response: str  # the municipality's answer, public ("" if none yet)
    question: str  # the question at the tables it answered ("" if none)
    meeting: str  # "Borgermøde 7. oktober 2025"
    actions: tuple[RespondingAction, ...] = ()
    tracks: tuple[RespondingTrack, ...] = ()

    @property
    def answered(self) -> bool:
        """Besvaret med handling or Ikke muligt – begrundet."""
        return self.status not in OPEN_STATUSES


@dataclass(frozen=True)
class ThemeLoop:
    """One panel theme (or *Uden tema*): what was raised, what answers it, what is open."""

    title: str
    raised: tuple[RaisedItem, ...]
    actions: tuple[RespondingAction, ...]  # every linked action of the theme's items, by code
    counts: dict[Status, int]  # `actions` per status, exact
    further: tuple[RaisedItem, ...]  # not yet answered: "Det arbejder vi videre med"

    @property
    def answered(self) -> tuple[RaisedItem, ...]:
        return tuple(item for item in self.raised if item.answered)


@dataclass(frozen=True)
class MeetingFigures:
    """A meeting families gave input at; head counts as citizens may see them."""

    held_on: dt.date
    kind: MeetingKind
    title: str
    participants: str | None  # "40", "under 5"; None where nobody counted
    registered: str | None  # people who signed up, where the source gives that

    @property
    def label(self) -> str:
        return f"{self.kind.value} {date_long_da(self.held_on)}"


@dataclass(frozen=True)
class FamilyLoop:
    """Everything *I sagde – vi gjorde* shows, and nothing else."""

    meetings: tuple[MeetingFigures, ...] = ()
    themes: tuple[ThemeLoop, ...] = field(default_factory=tuple)

    @property
    def further(self) -> tuple[tuple[str, RaisedItem], ...]:
        """(theme title, item) of every item not yet answered, theme by theme."""
        return tuple((theme.title, item) for theme in self.themes for item in theme.further)

    @property
    def is_empty(self) -> bool:
        return not self.themes


def _meetings(session: Session) -> dict[int, MeetingFigures]:
    rows = session.exec(
        select(
            FamilyMeeting.id,
            FamilyMeeting.held_on,
            FamilyMeeting.kind,
            FamilyMeeting.title,
            FamilyMeeting.participants,
            FamilyMeeting.registered,
        ).order_by(FamilyMeeting.held_on, FamilyMeeting.id)
    )
    return {
        meeting_id: MeetingFigures(
            held_on,
            MeetingKind(kind),
            title,
            None if participants is None else shown_count(participants, Counted.PEOPLE),
            None if registered is None else shown_count(registered, Counted.PEOPLE),
        )
        for meeting_id, held_on, kind, title, participants, registered in rows
    }


def _track_counts(session: Session, track_ids: set[int]) -> dict[int, dict[Status, int]]:
    counts: dict[int, Counter[Status]] = defaultdict(Counter)
    if track_ids:
        for track_id, status, count in session.exec(
            select(Action.track_id, Action.status, sa.func.count(Action.id))
            .where(Action.track_id.in_(sorted(track_ids)))  # type: ignore[attr-defined]
            .group_by(Action.track_id, Action.status)
        ):
            counts[track_id][Status(status)] = int(count)
    return {track_id: exact_counts(counts[track_id]) for track_id in track_ids}


def _responses(
    session: Session,
) -> tuple[dict[int, list[RespondingAction]], dict[int, list[RespondingTrack]]]:
    """Per input item: its linked actions and tracks, as the plan stands now."""
    actions: dict[int, list[RespondingAction]] = defaultdict(list)
    for input_id, code, text, status in session.exec(
        select(FamilyInputLink.input_id, Action.code, Action.text, Action.status)
        .join(Action, Action.id == FamilyInputLink.action_id)
        .order_by(Action.code)
    ):
        actions[input_id].append(RespondingAction(code, text, Status(status)))
    linked = session.exec(
        select(FamilyInputLink.input_id, Track.id, Track.code, Track.title)
        .join(Track, Track.id == FamilyInputLink.track_id)
        .order_by(Track.code)
    ).all()
    counts = _track_counts(session, {track_id for _, track_id, _, _ in linked})
    tracks: dict[int, list[RespondingTrack]] = defaultdict(list)
    for input_id, track_id, code, title in linked:
        tracks[input_id].append(RespondingTrack(code, title, counts[track_id]))
    return actions, tracks


def said_and_done(session: Session, config: PanelConfig | None = None) -> FamilyLoop:
    """Per panel theme: what families raised, the actions that answer it (current status,
    exact counts), and what is not yet answered. Aggregate columns only (see the module)."""
    config = config or panel_config()
    meetings = _meetings(session)
    questions = dict(session.exec(select(FamilyMeeting.id, FamilyMeeting.questions)).all())
    actions, tracks = _responses(session)
    by_theme: dict[str, list[RaisedItem]] = defaultdict(list)
    for item_id, meeting_id, text, theme, status, response, question in session.exec(
        select(
            FamilyInput.id,
            FamilyInput.meeting_id,
            FamilyInput.text,
            FamilyInput.theme,
            FamilyInput.status,
            FamilyInput.response,
            FamilyInput.question,
        )
        .join(FamilyMeeting, FamilyMeeting.id == FamilyInput.meeting_id)
        .order_by(FamilyMeeting.held_on, FamilyMeeting.id, FamilyInput.position, FamilyInput.id)
    ):
        asked = list(questions.get(meeting_id) or [])
        by_theme[config.theme_title(theme)].append(
            RaisedItem(
                summary=text,
                status=ResponseStatus(status),
                response=response,
                question=asked[question - 1] if question and question <= len(asked) else "",
                meeting=meetings[meeting_id].label,
                actions=tuple(actions.get(item_id, ())),
                tracks=tuple(tracks.get(item_id, ())),
            )
        )
    order = [theme.title for theme in config.themes] + [NO_THEME]
    themes = []
    for title in order:
        raised = by_theme.get(title)
        if not raised:
            continue
        linked = {action.code: action for item in raised for action in item.actions}
        responding = tuple(linked[code] for code in sorted(linked))
        themes.append(
            ThemeLoop(
                title=title,
                raised=tuple(raised),
                actions=responding,
                counts=exact_counts(Counter(action.status for action in responding)),
                further=tuple(item for item in raised if not item.answered),
            )
        )
    return FamilyLoop(meetings=tuple(meetings.values()), themes=tuple(themes))
