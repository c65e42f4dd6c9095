"""Load `data/family_panel.yaml`'s meetings and input items: idempotent, never over a person.

A seeded meeting or item is found by its key in the file. What is missing is added (response
status *Modtaget*, no links: linking is an editor's judgement). A field the file sets (a
meeting's date, kind, title, counts and questions; an item's text, theme and source) follows
the file until someone changes it: once `family_change` holds a change of that field (by a
person, or by the operator's command line; the seeding writes no audit rows), the file no
longer touches it. Items someone added, response statuses, answers, internal remarks and
links are never touched. Items that leave the file stay in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from models.core.revisions import Area, bump
from models.core.time import utcnow
from models.families.panel import PanelConfig, SeedItem, SeedMeeting, panel_config
from models.families.tables import FamilyChange, FamilyInput, FamilyMeeting, MeetingKind
from models.plan.tables import SEED_USER


@dataclass
class FamilySeed:
    """What loading the file did: rows created, and rows brought up to the file."""

    created: int = 0
    refreshed: int = 0


def _edited(session: Session, meeting_id: int) -> set[tuple[int | None, str]]:
    """(input id or None for the meeting, field) for every field anyone has changed through
    the write path (the seeding itself writes no audit rows, so every row is an edit)."""
    rows = session.exec(
        select(FamilyChange.input_id, FamilyChange.field)
        .where(FamilyChange.meeting_id == meeting_id)
        .distinct()
    )
    return set(rows)


def _sync(row: Any, values: dict[str, Any], edited: set[str]) -> bool:
    """Copy the file's values onto fields nobody has edited; True if anything changed."""
    changed = False
    for field, value in values.items():
        if field not in edited and getattr(row, field) != value:
            setattr(row, field, value)
            changed = True
    return changed


def _meeting_values(seed: SeedMeeting) -> dict[str, Any]:
    return {
        "held_on": seed.held_on,
        "kind": MeetingKind(seed.kind),
        "title": seed.title,
        "participants": seed.participants,
        "registered": seed.registered,
        "questions": list(seed.questions),
        "source": seed.source,
    }


def _item_values(seed: SeedItem) -> dict[str, Any]:
    return {"text": seed.text, "theme": seed.theme, "source": seed.source}


def _seed_items(
    session: Session, meeting: FamilyMeeting, seed: SeedMeeting, report: FamilySeed
) -> None:
    existing = {
        item.seed_key: item
        for item in session.exec(
            select(FamilyInput).where(
                FamilyInput.meeting_id == meeting.id,
                FamilyInput.seed_key.is_not(None),  # type: ignore[union-attr]
            )
        )
    }
    edited = _edited(session, meeting.id or 0)
    highest = max(
        session.exec(select(FamilyInput.position).where(FamilyInput.meeting_id == meeting.id)),
        default=0,
    )
    for item_seed in seed.items:
        item = existing.get(item_seed.key)
        if item is None:
            highest += 1
            session.add(
                FamilyInput(
                    meeting_id=meeting.id or 0,
                    position=highest,
                    seed_key=item_seed.key,
                    created_at=utcnow(),
                    created_by=SEED_USER,
                    **_item_values(item_seed),
                )
            )
            report.created += 1
        else:
            mine = {field for input_id, field in edited if input_id == item.id}
            if _sync(item, _item_values(item_seed), mine):
                item.version += 1  # a form opened before sees a conflict, not a silent loss
                session.add(item)
                report.refreshed += 1


def seed_family_panel(session: Session, config: PanelConfig | None = None) -> FamilySeed:
    """Bring the seeded meetings and items up to `data/family_panel.yaml` (see the module)."""
    config = config or panel_config()
    report = FamilySeed()
    for seed in config.meetings:
        meeting = session.exec(
            select(FamilyMeeting).where(FamilyMeeting.seed_key == seed.key)
        ).first()
        if meeting is None:
            meeting = FamilyMeeting(
                seed_key=seed.key, created_by=SEED_USER, **_meeting_values(seed)
            )
            session.add(meeting)
            session.flush()
            report.created += 1
        else:
            mine = {field for input_id, field in _edited(session, meeting.id or 0) if not input_id}
            if _sync(meeting, _meeting_values(seed), mine):
                meeting.version += 1
                session.add(meeting)
                report.refreshed += 1
        _seed_items(session, meeting, seed, report)
    session.flush()
    if report.created or report.refreshed:
        bump(session, Area.families)
    return report
