"""Owners: my actions (own and through an owned track), their sections, who owns what."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

from models.auth.users import PermissionDenied, Role
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.owners import (
    MySection,
    OwnerError,
    my_actions,
    my_sections,
    owned_codes,
    set_track_owner,
)
from models.plan.queries import ThemeView, TrackView, get_themes
from models.plan.status import Status
from tests.factories import action_view, actor_for, make_user

TODAY = dt.date(2026, 11, 25)
RECENT = {"updated_at": dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC), "updated_by": "erik"}


def test_my_actions_are_mine_and_the_ownerless_ones_of_my_tracks() -> None:
    themes = [
        ThemeView(
            "A",
            "Tema",
            [
                TrackView(
                    "A.1",
                    "Spor",
                    [],
                    [
                        action_view("A.1.1", owner="erik"),
                        action_view("A.1.2", owner="ida"),
                        action_view("A.1.3"),
                    ],
                    owner="erik",
                ),
                TrackView(
                    "A.2", "Spor", [], [action_view("A.2.1"), action_view("A.2.2", owner="erik")]
                ),
            ],
        )
    ]
    assert [a.code for a in my_actions(themes, " ERIK ")] == ["A.1.1", "A.1.3", "A.2.2"]


def test_my_sections_put_what_needs_action_first() -> None:
    actions = [
        action_view("stale-obs", status=Status.attention),
        action_view("obs", status=Status.attention, **RECENT),
        action_view("overdue", end_date=dt.date(2026, 1, 31), **RECENT),
        action_view("unconfirmed", end_date=dt.date(2027, 6, 30)),  # nobody touched it
        action_view("soon", end_date=TODAY + dt.timedelta(days=30), **RECENT),
        action_view("later", end_date=TODAY + dt.timedelta(days=31), **RECENT),
        action_view("done", status=Status.done, end_date=dt.date(2026, 1, 31)),
    ]
    sections = my_sections(actions, TODAY)
    assert {section: [a.code for a in rows] for section, rows in sections.items()} == {
        MySection.needs_action: ["stale-obs", "overdue", "unconfirmed"],
        MySection.due_soon: ["soon"],
        MySection.rest: ["obs", "later", "done"],  # an Obs its owner just explained comes first
    }


def test_who_owns_what_and_track_owners(seeded_session: Session) -> None:
    erik = actor_for(make_user(seeded_session, "erik", Role.editor))
    make_user(seeded_session, "vera", Role.viewer)
    themes = get_themes(seeded_session)
    first = themes[0].tracks[0].actions[:2]
    save_action_edits(
        seeded_session,
        actor=erik,
        edits=[ActionEdit(a.id, a.version, {"owner": "erik"}) for a in first],
    )
    assert owned_codes(seeded_session) == {"erik": ["A.1.1", "A.1.2"]}
    set_track_owner(seeded_session, actor=erik, track_code="C.1", owner="Erik")
    themes = get_themes(seeded_session)
    assert [t.owner for t in themes[2].tracks] == ["erik"]
    assert [a.code for a in my_actions(themes, "erik")] == [
        "A.1.1",
        "A.1.2",
        "C.1.1",
        "C.1.2",
        "C.1.3",
        "C.1.4",
        "C.1.5",
    ]
    with pytest.raises(OwnerError, match="skal være en aktiv bruger, der må redigere"):
        set_track_owner(seeded_session, actor=erik, track_code="C.1", owner="vera")
    with pytest.raises(OwnerError, match=r"Sporet Z\.9 findes ikke\."):
        set_track_owner(seeded_session, actor=erik, track_code="Z.9", owner=None)
    viewer = actor_for(make_user(seeded_session, "bo", Role.viewer))
    with pytest.raises(PermissionDenied):
        set_track_owner(seeded_session, actor=viewer, track_code="C.1", owner=None)
