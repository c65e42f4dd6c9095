"""Read-side queries and the plan export."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.plan.export import plan_as_dict, plan_json
from models.plan.queries import data_revision, get_theme, theme_summaries
from models.plan.status import Status
from models.plan.tables import Action
from tests.factories import seed_database


def test_theme_view_has_tracks_results_and_actions_in_plan_order(engine: Engine) -> None:
    seed_database(engine)
    with Session(engine) as session:
        theme = get_theme(session, "A")
        missing = get_theme(session, "Z")
    assert missing is None
    assert theme is not None
    assert [t.code for t in theme.tracks] == ["A.1", "A.2"]
    assert theme.tracks[0].results == ["Resultat for A.1"]
    assert [a.code for a in theme.actions] == ["A.1.1", "A.1.2", "A.2.1"]


def test_theme_summaries_count_actions_per_status(engine: Engine) -> None:
    seed_database(engine)
    with Session(engine) as session:
        summaries = theme_summaries(session)
    assert [(s.code, s.track_codes, s.total) for s in summaries] == [
        ("A", ["A.1", "A.2"], 3),
        ("B", ["B.1"], 1),
    ]
    assert summaries[0].status_counts == {
        Status.upcoming: 2,
        Status.in_progress: 0,
        Status.attention: 0,
        Status.done: 1,
    }


def test_overdue_needs_a_passed_deadline_and_an_open_status(engine: Engine) -> None:
    seed_database(engine)
    with Session(engine) as session:
        theme = get_theme(session, "A")
    assert theme is not None
    by_code = {a.code: a for a in theme.actions}
    # A.1.1 ends 31 Mar 2025 and is upcoming; A.1.2 ends 31 Mar 2025 but is done.
    assert by_code["A.1.1"].is_overdue(dt.date(2025, 4, 1))
    assert not by_code["A.1.1"].is_overdue(dt.date(2025, 3, 31))
    assert not by_code["A.1.2"].is_overdue(dt.date(2026, 1, 1))
    # A.2.1 ("Løbende") has no deadline and is never overdue.
    assert not by_code["A.2.1"].is_overdue(dt.date(2030, 1, 1))


def test_revision_changes_when_an_action_changes(engine: Engine) -> None:
    seed_database(engine)
    with Session(engine) as session:
        before = data_revision(session)
        action = session.exec(select(Action)).first()
        assert action is not None
        action.version += 1
        session.add(action)
        session.commit()
        assert data_revision(session) != before


def test_plan_export_shape(engine: Engine) -> None:
    seed_database(engine)
    with Session(engine) as session:
        exported = plan_as_dict(session)
        text = plan_json(session)
    assert json.loads(text) == exported
    assert exported["plan"]["approved_on"] == "2024-11-14"
    assert [t["code"] for t in exported["themes"]] == ["A", "B"]
    first = exported["themes"][0]["tracks"][0]["actions"][0]
    assert first == {
        "id": first["id"],
        "code": "A.1.1",
        "text": "Handling A.1.1",
        "timeline": "Udgangen af 1. kvartal 2025",
        "start": None,
        "end": "2025-03-31",
        "revised_end": None,
        "status": "Kommende opgave",
        "responsible": "",
        "note": "",
    }
