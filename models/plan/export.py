"""The whole plan as a JSON-ready dict (`manage.py export-plan`)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlmodel import Session

from models.plan.queries import ActionView, get_plan, get_themes


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _action_dict(action: ActionView) -> dict[str, Any]:
    return {
        "id": action.id,
        "code": action.code,
        "text": action.text,
        "timeline": action.timeline,
        "start": _iso(action.start_date),
        "end": _iso(action.end_date),
        "revised_end": _iso(action.revised_end_date),
        "status": action.status.value,
        "responsible": action.responsible,
        "note": action.note,
    }


def plan_as_dict(session: Session) -> dict[str, Any]:
    """`{"plan": {...}, "themes": [{"code", "title", "tracks": [...]}]}` with ISO dates."""
    plan = get_plan(session)
    plan_dict: dict[str, Any] = {}
    if plan is not None:
        plan_dict = {
            "title": plan.title,
            "municipality": plan.municipality,
            "period": f"{plan.period_start_year}-{plan.period_end_year}",
            "approved_by": plan.approved_by,
            "approved_on": _iso(plan.approved_on),
            "restoration_deadline": _iso(plan.restoration_deadline),
            "restoration_deadline_text": plan.restoration_deadline_text,
            "budget_2025_dkk": plan.budget_2025_dkk,
            "budget_2025_text": plan.budget_2025_text,
        }
    return {
        "plan": plan_dict,
        "themes": [
            {
                "code": theme.code,
                "title": theme.title,
                "tracks": [
                    {
                        "code": track.code,
                        "title": track.title,
                        "results": track.results,
                        "actions": [_action_dict(action) for action in track.actions],
                        "timeline_notes": track.timeline_notes,
                    }
                    for track in theme.tracks
                ],
            }
            for theme in get_themes(session)
        ],
    }


def plan_json(session: Session) -> str:
    """The plan as pretty-printed JSON, Danish letters kept as they are."""
    return json.dumps(plan_as_dict(session), ensure_ascii=False, indent=2)
