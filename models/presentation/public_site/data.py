"""What the public site shows, read once: the citizen-meeting deck and the plan in brief.

Built only from the presentation layer's aggregate readers (`build_deck`) and explicit
columns of the plan's own public facts (title, approval, counts of themes, tracks and
actions): no note, owner, case reference or user name is ever selected.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from models.plan.tables import Action, Plan, Theme, Track
from models.presentation.aggregates import Deck, build_deck


@dataclass(frozen=True)
class PlanBrief:
    """The plan's public facts and its size."""

    title: str
    municipality: str
    period_start_year: int
    period_end_year: int
    approved_by: str
    approved_on: dt.date | None
    themes: int
    tracks: int
    actions: int


@dataclass(frozen=True)
class SiteData:
    """Everything the public site shows. A new section's aggregates are a new field here,
    filled in `read_site`."""

    deck: Deck
    plan: PlanBrief
    generated_at: dt.datetime  # aware; shown in Danish local time

    @property
    def today(self) -> dt.date:
        return self.deck.today

    @property
    def demo(self) -> bool:
        """Some figures come from synthetic demo cases: the site says DEMODATA."""
        return bool(self.deck.restoration and self.deck.restoration.demo)


def _count(session: Session, column: sa.ColumnElement) -> int:
    return int(session.exec(select(sa.func.count(column))).one())


def plan_brief(session: Session) -> PlanBrief:
    row = session.exec(
        select(
            Plan.title,
            Plan.municipality,
            Plan.period_start_year,
            Plan.period_end_year,
            Plan.approved_by,
            Plan.approved_on,
        )
    ).first()
    title, municipality, start, end, approved_by, approved_on = row or ("", "", 0, 0, "", None)
    return PlanBrief(
        title=title,
        municipality=municipality,
        period_start_year=start,
        period_end_year=end,
        approved_by=approved_by,
        approved_on=approved_on,
        themes=_count(session, Theme.id),
        tracks=_count(session, Track.id),
        actions=_count(session, Action.id),
    )


def read_site(session: Session, *, today: dt.date, now: dt.datetime) -> SiteData:
    """The public site's data at `today`, generated at `now` (both injectable for tests)."""
    return SiteData(
        deck=build_deck(session, today=today), plan=plan_brief(session), generated_at=now
    )
