"""Factory helpers that build plans and databases from code."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.auth.users import Actor, Role, User, create_user
from models.plan.plan_file import ActionSeed, PlanSeed, ThemeSeed, TrackSeed
from models.plan.queries import ActionView
from models.plan.seed import seed_plan
from models.plan.status import Status

PLAN_META = {
    "title": "Testplan",
    "municipality": "Testkommune",
    "period_start_year": 2024,
    "period_end_year": 2027,
    "approved_by": "Testudvalget",
    "approved_on": dt.date(2024, 11, 14),
    "restoration_deadline": dt.date(2026, 6, 30),
    "restoration_deadline_text": "medio 2026",
    "budget_2025_dkk": 17_500_000,
    "budget_2025_text": "17,5 mio. kr.",
    "background": [],
}


def make_action(
    code: str,
    timeline: str = "Udgangen af 1. kvartal 2025",
    *,
    status: Status = Status.upcoming,
    text: str | None = None,
) -> ActionSeed:
    source = "" if status == Status.upcoming else "Test 1.1.2025"
    return ActionSeed(
        code=code,
        text=text or f"Handling {code}",
        timeline=timeline,
        status=status,
        status_source=source,
    )


def make_plan_seed(layout: dict[str, dict[str, list[ActionSeed]]] | None = None) -> PlanSeed:
    """A plan from {theme code: {track code: [actions]}}; default two themes, three tracks."""
    layout = layout or {
        "A": {
            "A.1": [make_action("A.1.1"), make_action("A.1.2", "Primo 2025", status=Status.done)],
            "A.2": [make_action("A.2.1", "Løbende")],
        },
        "B": {"B.1": [make_action("B.1.1", "2025", status=Status.attention)]},
    }
    return PlanSeed(
        meta=dict(PLAN_META),
        themes=[
            ThemeSeed(
                code=theme_code,
                title=f"Tema {theme_code}",
                tracks=[
                    TrackSeed(
                        code=track_code,
                        title=f"Spor {track_code}",
                        results=[f"Resultat for {track_code}"],
                        actions=actions,
                    )
                    for track_code, actions in tracks.items()
                ],
            )
            for theme_code, tracks in layout.items()
        ],
    )


def seed_database(engine: Engine, plan_seed: PlanSeed | None = None) -> None:
    """Load `plan_seed` (default: the small factory plan) into the database."""
    with Session(engine) as session:
        seed_plan(session, plan_seed or make_plan_seed())
        session.commit()


PASSWORD = "korrekt-hest-batteri"


def make_user(
    session: Session,
    username: str,
    role: Role = Role.viewer,
    *,
    password: str = PASSWORD,
    email: str | None = None,
) -> User:
    """A user created through the real command, as the command line would."""
    user = create_user(
        session,
        actor=Actor.command_line(),
        username=username,
        display_name=username.title(),
        role=role,
        password=password,
        email=email,
    )
    session.commit()
    return user


def actor_for(user: User) -> Actor:
    return Actor(username=user.username, role=user.role)


# Text that must never reach a citizen: a case reference, a note, a responsible person, a user,
# an internal measurement comment and a family input item's internal remark.
MARKERS = (
    "XQZ-LEAK-7731",
    "HEMMELIG-NOTE-5521",
    "Sagsbehandler Birthe Leak",
    "lækbruger",
    "INTERN-MÅLING-9090",
    "FAMILIE-INTERN-4242",
)
FAMILY_SAID = "Familier vil have svar hurtigere"
"""The public summary of the family input item that `plant_marker_text` links to A.1.5."""


def plant_marker_text(session: Session, today: dt.date) -> None:
    """Demo cases plus marker text in every internal place the presentation must not show."""
    from sqlmodel import select

    from models.families.service import add_input
    from models.families.tables import FamilyMeeting
    from models.indicators.service import record_measurement
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action
    from models.restoration.case_import import apply_import, parse_cases
    from models.restoration.demo_cases import seed_demo

    cli = Actor.command_line()
    seed_demo(session, actor=cli, today=today)
    rows = (
        "Sagsreference;Team;Spor;Gennemgået;Sagsskridt\n"
        "XQZ-LEAK-7731;Handicap;A.1;01-10-2025;afgørelse"
    )
    apply_import(session, actor=cli, parsed=parse_cases(rows.encode(), "sager.csv"))
    action = session.exec(select(Action).where(Action.code == "A.1.5")).one()
    values = {"note": "HEMMELIG-NOTE-5521", "responsible": "Sagsbehandler Birthe Leak"}
    save_action_edits(
        session,
        actor=Actor("lækbruger", Role.admin, system=True),
        edits=[ActionEdit(action.id, action.version, values)],
    )
    record_measurement(
        session,
        actor=cli,
        indicator_code="sygefravaer",
        measured_on=today,
        value=7,
        comment="INTERN-MÅLING-9090",
        today=today,
    )
    # A family input item answered by A.1.5 (whose note and responsible are marked), written by
    # the marked user, with a marked internal remark.
    meeting_id = session.exec(select(FamilyMeeting.id)).first()
    add_input(
        session,
        actor=Actor("lækbruger", Role.admin, system=True),
        meeting_id=meeting_id,
        text=FAMILY_SAID,
        theme="kommunikation",
        status="Besvaret med handling",
        response="Vi svarer inden for fem hverdage.",
        internal_note="FAMILIE-INTERN-4242",
        actions=["A.1.5"],
    )


def action_view(code: str, **overrides: Any) -> ActionView:
    """An ActionView for pure tests: the model's own defaults, any field overridable."""
    return ActionView(**{"id": 1, "code": code, "text": f"Handling {code}", **overrides})
