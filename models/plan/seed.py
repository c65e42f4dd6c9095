"""Load the transcribed plan into the database: idempotent, never touching users' edits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from sqlmodel import Session, select

from models.plan.periods import parse_period
from models.plan.plan_file import ActionSeed, PlanSeed, TrackSeed
from models.plan.tables import Action, Plan, Result, Theme, Track

SEED_USER = "system"
CodedRow = TypeVar("CodedRow", Theme, Track)


@dataclass
class SeedReport:
    """How many rows the seeding created and how many it refreshed (plan texts, indicators)."""

    created: int = 0
    refreshed: int = 0


def _sync(row: object, values: dict[str, object], report: SeedReport) -> None:
    """Copy plan-owned values onto an existing row, counting it once if anything changed."""
    changed = False
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed = True
    report.refreshed += changed


def _upsert(
    session: Session,
    model: type[CodedRow],
    code: str,
    values: dict[str, object],
    report: SeedReport,
) -> CodedRow:
    """The row with `code`, created or brought up to date with `values`."""
    row = session.exec(select(model).where(model.code == code)).first()
    if row is None:
        row = model(code=code, **values)
        session.add(row)
        session.flush()
        report.created += 1
    else:
        _sync(row, values, report)
    return row


def _seed_actions(
    session: Session, track: Track, actions: list[ActionSeed], report: SeedReport
) -> None:
    existing = {a.code: a for a in session.exec(select(Action).where(Action.track_id == track.id))}
    for position, seed in enumerate(actions, start=1):
        period = parse_period(seed.timeline)
        plan_owned = {
            "position": position,
            "text": seed.text,
            "timeline": seed.timeline,
            "start_date": period.start,
            "end_date": period.end,
        }
        action = (
            existing.get(seed.code)
            or session.exec(select(Action).where(Action.code == seed.code)).first()
        )
        if action is None:
            session.add(
                Action(
                    track_id=track.id,
                    code=seed.code,
                    status=seed.status,
                    note=seed.status_source,
                    updated_by=SEED_USER,
                    **plan_owned,
                )
            )
            report.created += 1
        else:
            # Status, note, responsible and revised deadlines belong to the users.
            _sync(action, {"track_id": track.id, **plan_owned}, report)


def _seed_results(session: Session, track: Track, results: list[str], report: SeedReport) -> None:
    existing = {
        r.position: r for r in session.exec(select(Result).where(Result.track_id == track.id))
    }
    for position, text in enumerate(results, start=1):
        result = existing.get(position)
        if result is None:
            session.add(Result(track_id=track.id, position=position, text=text))
            report.created += 1
        else:
            _sync(result, {"text": text}, report)
    for position, result in existing.items():
        if position > len(results):
            session.delete(result)


def _seed_track(
    session: Session, theme: Theme, position: int, seed: TrackSeed, report: SeedReport
) -> None:
    values = {
        "theme_id": theme.id,
        "title": seed.title,
        "position": position,
        "timeline_notes": seed.timeline_notes,
    }
    track = _upsert(session, Track, seed.code, values, report)
    _seed_results(session, track, seed.results, report)
    _seed_actions(session, track, seed.actions, report)


def seed_plan(session: Session, plan_seed: PlanSeed) -> SeedReport:
    """Insert what is missing and refresh plan texts; statuses, notes and owners stay as edited."""
    report = SeedReport()
    plan = session.exec(select(Plan)).first()
    if plan is None:
        plan = Plan(**plan_seed.meta)
        session.add(plan)
        session.flush()
        report.created += 1
    else:
        _sync(plan, plan_seed.meta, report)
    for position, theme_seed in enumerate(plan_seed.themes, start=1):
        values = {"plan_id": plan.id, "title": theme_seed.title, "position": position}
        theme = _upsert(session, Theme, theme_seed.code, values, report)
        for track_position, track_seed in enumerate(theme_seed.tracks, start=1):
            _seed_track(session, theme, track_position, track_seed, report)
    return report
