"""Load the transcribed plan into the database: idempotent, never touching users' edits.

The plan's own words (texts, timeline phrases and their dates) are always refreshed. An
action's status, note, kind and rhythm come from the plan file only until a person changes
them: a corrected source reading (say, a status the sources show was wrong) reaches every
action nobody has edited, and is written to the change log as the plan file's change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlmodel import Session, select

from models.core.revisions import Area, bump
from models.core.time import utcnow
from models.plan.action_edits import audit_text
from models.plan.periods import parse_period
from models.plan.plan_file import ActionSeed, PlanSeed, TrackSeed
from models.plan.tables import SEED_USER, Action, ActionChange, Plan, Result, Theme, Track

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


SOURCE_OWNED = ("status", "note", "kind", "rhythm")
"""Fields the plan file sets until a person changes them."""
CORRECTION_NOTE = "Rettet efter kildedokumenterne (data/plan.yaml)"


def _edited_by_people(session: Session) -> set[tuple[int, str]]:
    """(action id, field) for every source-owned field that a person has ever changed."""
    rows = session.exec(
        select(ActionChange.action_id, ActionChange.field)
        .where(ActionChange.username != SEED_USER, ActionChange.field.in_(SOURCE_OWNED))  # type: ignore[attr-defined]
        .distinct()
    )
    return set(rows)


def _source_values(seed: ActionSeed) -> dict[str, Any]:
    return {
        "status": seed.status,
        "note": seed.status_source,
        "kind": seed.kind,
        "rhythm": seed.rhythm,
    }


def _correct_from_source(
    session: Session,
    action: Action,
    seed: ActionSeed,
    edited: set[tuple[int, str]],
    report: SeedReport,
) -> None:
    """Bring the fields nobody has edited up to the plan file, audited as its change."""
    values = _source_values(seed)
    if {(action.id, "status"), (action.id, "note")} & edited:  # they go together
        del values["status"], values["note"]
    for name in ("kind", "rhythm"):
        if (action.id, name) in edited:
            values.pop(name)
    changed = {name: value for name, value in values.items() if getattr(action, name) != value}
    if not changed:
        return
    now = utcnow()
    for name, value in changed.items():
        session.add(
            ActionChange(
                action_id=action.id or 0,
                changed_at=now,
                username=SEED_USER,
                field=name,
                old_value=audit_text(getattr(action, name)),
                new_value=audit_text(value),
                note=CORRECTION_NOTE,
            )
        )
        setattr(action, name, value)
    # A new version, so that a grid opened before sees a conflict; who last updated the action
    # (and when) stays the person's: a correction is no one's update or confirmation.
    action.version += 1
    report.refreshed += 1


def _seed_actions(
    session: Session,
    track: Track,
    actions: list[ActionSeed],
    report: SeedReport,
    edited: set[tuple[int, str]],
) -> None:
    existing = {a.code: a for a in session.exec(select(Action).where(Action.track_id == track.id))}
    for position, seed in enumerate(actions, start=1):
        period = seed.period or parse_period(seed.timeline)
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
                    updated_by=SEED_USER,
                    **_source_values(seed),
                    **plan_owned,
                )
            )
            report.created += 1
        else:
            # Responsible and revised deadlines belong to the users; status, note, kind and
            # rhythm too, once a person has changed them.
            _sync(action, {"track_id": track.id, **plan_owned}, report)
            _correct_from_source(session, action, seed, edited, report)


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
    session: Session,
    theme: Theme,
    position: int,
    seed: TrackSeed,
    report: SeedReport,
    edited: set[tuple[int, str]],
) -> None:
    values = {
        "theme_id": theme.id,
        "title": seed.title,
        "position": position,
        "timeline_notes": seed.timeline_notes,
    }
    track = _upsert(session, Track, seed.code, values, report)
    _seed_results(session, track, seed.results, report)
    _seed_actions(session, track, seed.actions, report, edited)


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
    edited = _edited_by_people(session)
    for position, theme_seed in enumerate(plan_seed.themes, start=1):
        values = {"plan_id": plan.id, "title": theme_seed.title, "position": position}
        theme = _upsert(session, Theme, theme_seed.code, values, report)
        for track_position, track_seed in enumerate(theme_seed.tracks, start=1):
            _seed_track(session, theme, track_position, track_seed, report, edited)
    if report.created or report.refreshed:
        bump(session, Area.plan)  # running instances read the new texts on their next load
    return report
