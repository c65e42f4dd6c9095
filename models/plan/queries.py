"""Read-side queries: plain, immutable views of the plan for pages, exports and reports."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from pydantic import ConfigDict
from sqlmodel import Session, select

from models.core.revisions import content_revisions
from models.core.time import local_date
from models.plan.kinds import ActionKind, next_due
from models.plan.status import STATUS_ORDER, Status
from models.plan.tables import (
    SEED_USER,
    Action,
    ActionBase,
    Plan,
    PlanBase,
    Result,
    Theme,
    Track,
)

FRESHNESS_DAYS = 30
"""The default of the setting `freshness_days`."""


class ActionView(ActionBase):
    """An action as pages, exports and reports read it (immutable)."""

    model_config = ConfigDict(frozen=True)

    id: int

    @property
    def deadline(self) -> dt.date | None:
        """The deadline in force: a revised one, else the plan's; recurring and ongoing work
        has none."""
        if self.kind != ActionKind.deadline:
            return None
        return self.revised_end_date or self.end_date

    @property
    def plan_deadline(self) -> dt.date | None:
        """The plan's own deadline, shown beside a revised one."""
        return self.end_date if self.kind == ActionKind.deadline else None

    @property
    def deadline_moved(self) -> bool:
        return self.deadline is not None and self.deadline != self.plan_deadline

    def is_overdue(self, today: dt.date) -> bool:
        return self.deadline is not None and self.deadline < today and self.status != Status.done

    @property
    def last_touched(self) -> tuple[dt.datetime, str] | None:
        """When a person last updated or confirmed the action, and who (not the plan file)."""
        touches = []
        if self.updated_at is not None and self.updated_by not in (None, SEED_USER):
            touches.append((self.updated_at, self.updated_by))
        if self.confirmed_at is not None and self.confirmed_by:
            touches.append((self.confirmed_at, self.confirmed_by))
        return max(touches) if touches else None  # type: ignore[return-value]

    def confirmation_due(self, window_days: int = FRESHNESS_DAYS) -> dt.date | None:
        """The day by which someone should update or confirm the action again: its rhythm for
        recurring work, else `window_days`; never for finished work. An action nobody has
        touched is due from its start (at once if it has no start)."""
        if self.status == Status.done:
            return None
        touched = self.last_touched
        if touched is None:
            return self.start_date or dt.date.min
        last = local_date(touched[0])
        if self.kind == ActionKind.recurring and self.rhythm:
            return next_due(last, self.rhythm)
        return last + dt.timedelta(days=window_days)

    def is_unconfirmed(self, today: dt.date, window_days: int = FRESHNESS_DAYS) -> bool:
        """*Ikke bekræftet*: nobody has updated or confirmed it within its window."""
        due = self.confirmation_due(window_days)
        return due is not None and due < today


@dataclass(frozen=True)
class TrackView:
    code: str
    title: str
    results: list[str]
    actions: list[ActionView]
    timeline_notes: list[str] = field(default_factory=list)
    owner: str | None = None


@dataclass(frozen=True)
class ThemeView:
    code: str
    title: str
    tracks: list[TrackView]

    @property
    def actions(self) -> list[ActionView]:
        return [action for track in self.tracks for action in track.actions]


class PlanView(PlanBase):
    """The plan's metadata as pages and reports read it (immutable)."""

    model_config = ConfigDict(frozen=True)


@dataclass(frozen=True)
class ThemeSummary:
    code: str
    title: str
    track_codes: list[str]
    status_counts: dict[Status, int]

    @property
    def total(self) -> int:
        return sum(self.status_counts.values())


VIEW_FIELDS = frozenset(ActionView.model_fields)


def _action_view(action: Action) -> ActionView:
    return ActionView.model_validate(action.model_dump(include=VIEW_FIELDS))


def get_plan(session: Session) -> PlanView | None:
    """The plan's metadata, or None before the database is seeded."""
    plan = session.exec(select(Plan)).first()
    if plan is None:
        return None
    return PlanView.model_validate(plan.model_dump(include=set(PlanView.model_fields)))


def list_theme_codes(session: Session) -> list[tuple[str, str]]:
    """(code, title) of every theme in plan order."""
    rows = session.exec(select(Theme.code, Theme.title).order_by(Theme.position)).all()
    return [(code, title) for code, title in rows]


def get_themes(session: Session, codes: list[str] | None = None) -> list[ThemeView]:
    """Themes with their tracks, results and actions, in plan order (all, or those in `codes`)."""
    theme_query = select(Theme).order_by(Theme.position)
    if codes is not None:
        theme_query = theme_query.where(Theme.code.in_(codes))  # type: ignore[attr-defined]
    themes = session.exec(theme_query).all()
    theme_ids = [theme.id for theme in themes]
    tracks = session.exec(
        select(Track).where(Track.theme_id.in_(theme_ids)).order_by(Track.position)  # type: ignore[attr-defined]
    ).all()
    track_ids = [track.id for track in tracks]
    results: dict[int, list[str]] = {}
    for result in session.exec(
        select(Result).where(Result.track_id.in_(track_ids)).order_by(Result.position)  # type: ignore[attr-defined]
    ):
        results.setdefault(result.track_id, []).append(result.text)
    actions: dict[int, list[ActionView]] = {}
    for action in session.exec(
        select(Action).where(Action.track_id.in_(track_ids)).order_by(Action.position)  # type: ignore[attr-defined]
    ):
        actions.setdefault(action.track_id, []).append(_action_view(action))
    return [
        ThemeView(
            code=theme.code,
            title=theme.title,
            tracks=[
                TrackView(
                    code=track.code,
                    title=track.title,
                    results=results.get(track.id or 0, []),
                    actions=actions.get(track.id or 0, []),
                    timeline_notes=list(track.timeline_notes or []),
                    owner=track.owner,
                )
                for track in tracks
                if track.theme_id == theme.id
            ],
        )
        for theme in themes
    ]


def get_theme(session: Session, code: str) -> ThemeView | None:
    """One theme by its code (A–F), or None."""
    themes = get_themes(session, [code])
    return themes[0] if themes else None


def theme_summaries(session: Session) -> list[ThemeSummary]:
    """Per theme: its track codes and the number of actions in each status."""
    rows = session.exec(
        select(Theme.code, Theme.title, Track.code, Action.status)
        .join(Track, Track.theme_id == Theme.id)
        .join(Action, Action.track_id == Track.id)
        .order_by(Theme.position, Track.position)
    ).all()
    order: dict[str, tuple[str, list[str], Counter[Status]]] = {}
    for theme_code, theme_title, track_code, status in rows:
        _, tracks, counts = order.setdefault(theme_code, (theme_title, [], Counter()))
        if track_code not in tracks:
            tracks.append(track_code)
        counts[Status(status)] += 1
    return [
        ThemeSummary(
            code=code,
            title=title,
            track_codes=tracks,
            status_counts={status: counts.get(status, 0) for status in STATUS_ORDER},
        )
        for code, (title, tracks, counts) in order.items()
    ]


def data_revision(session: Session) -> tuple[int, int, str]:
    """A cheap token that changes whenever an action changes or is confirmed, a track gets
    another owner, or a content area is written (plan texts, key messages, reports: see
    `models.core.revisions`): (count, versions, last edit, last confirmation, the track owners
    and the content revisions)."""
    count, versions, last, confirmed = session.exec(
        select(
            sa.func.count(Action.id),
            sa.func.coalesce(sa.func.sum(Action.version), 0),
            sa.func.max(Action.updated_at),
            sa.func.max(Action.confirmed_at),
        )
    ).one()
    owners = session.exec(
        select(Track.code, Track.owner).where(Track.owner.is_not(None)).order_by(Track.code)  # type: ignore[union-attr]
    ).all()
    track_owners = ",".join(f"{code}={owner}" for code, owner in owners)
    areas = ",".join(f"{area}={revision}" for area, revision in content_revisions(session))
    return int(count), int(versions), f"{last}|{confirmed}|{track_owners}|{areas}"
