"""The citizen-meeting deck at today's date: the restoration deadline is spoken of as passed or
ahead (never as an event), only reports presented to the committee are milestones, and the
key messages carry their date and source."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pptx import Presentation
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.auth.users import Actor
from models.bootstrap import init_db
from models.core.formatting import date_long_da
from models.core.time import today_local
from models.plan.decisions import record_decision
from models.presentation.aggregates import PRESENTED_LABEL, build_deck
from models.presentation.pptx import build_pptx
from models.presentation.slides import slides
from models.reports.snapshots import create_snapshot, mark_presented, set_key_messages
from models.restoration.demo_cases import seed_demo

AFTER = dt.date(2026, 11, 25)
BEFORE = dt.date(2026, 3, 1)
CLI = Actor.command_line()
REPORT = "INTERN-TESTRAPPORT-4711"


@pytest.fixture
def plan(engine: Engine, session: Session) -> Session:
    init_db(engine)
    seed_demo(session, actor=CLI, today=AFTER)
    session.commit()
    return session


def slide_texts(session: Session, today: dt.date) -> list[list[str]]:
    return [slide.lines for slide in slides(build_deck(session, today=today))]


def pptx_text(session: Session, today: dt.date) -> str:
    deck = build_deck(session, today=today)
    presentation = Presentation(io.BytesIO(build_pptx(deck)))
    return "\n".join(
        shape.text_frame.text
        for slide in presentation.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


def test_after_the_deadline_slides_2_and_5_say_it_passed_and_what_remains(plan: Session) -> None:
    deck = build_deck(plan, today=AFTER)
    assert deck.restoration is not None
    assert deck.restoration.open_steps > 0
    _, background, _, _, restoration, *_ = slides(deck)
    said = background.emphasis
    assert said.startswith(
        "Frist for genopretning af alle åbne sager: 30. juni 2026 – passeret for 4 måneder siden."
    )
    assert said.endswith("manglende sagsskridt er endnu ikke gennemført.")
    assert restoration.emphasis == said
    assert not any("Frist" in line for line in background.lines)  # not an event
    assert "passeret for 4 måneder siden" in pptx_text(plan, AFTER)


def test_before_the_deadline_the_slides_say_how_long_is_left(plan: Session) -> None:
    _, background, _, _, restoration, *_ = slides(build_deck(plan, today=BEFORE))
    assert background.emphasis.startswith(
        "Frist for genopretning af alle åbne sager: 30. juni 2026 – om 3 måneder."
    )
    assert restoration.emphasis == background.emphasis
    assert "passeret" not in " ".join([*background.lines, background.emphasis])
    assert "30. juni 2026 – om 3 måneder." in pptx_text(plan, BEFORE)
    assert all(milestone.day <= BEFORE for milestone in build_deck(plan, today=BEFORE).milestones)


def test_a_moved_target_is_measured_against_and_both_are_said(plan: Session) -> None:
    record_decision(
        plan,
        actor=CLI,
        decided_on=dt.date(2026, 11, 24),
        body="Børn & Læringsudvalget",
        text="Ny frist for genopretningen.",
        restoration_deadline=dt.date(2027, 3, 31),
        today=AFTER,
    )
    deck = build_deck(plan, today=AFTER)
    assert deck.restoration is not None
    assert deck.restoration.deadline == dt.date(2027, 3, 31)
    restoration = slides(deck)[4]
    assert restoration.emphasis.startswith(
        "Oprindelig frist 30. juni 2026 (passeret) · ny frist 31. marts 2027 – om 4 måneder, "
        "besluttet af Børn & Læringsudvalget 24. november 2026."
    )


def test_no_status_report_is_a_milestone_unless_presented(plan: Session) -> None:
    create_snapshot(plan, actor=CLI, name=REPORT, taken_on=AFTER, today=AFTER)
    plan.commit()
    before = build_deck(plan, today=AFTER)
    assert PRESENTED_LABEL not in repr(before.milestones)
    assert REPORT not in repr(before) + repr(slides(before)) + pptx_text(plan, AFTER)

    mark_presented(plan, actor=CLI, name=REPORT, presented_on=dt.date(2026, 11, 24), today=AFTER)
    plan.commit()
    after = build_deck(plan, today=AFTER)
    assert [m.label for m in after.milestones if m.day == dt.date(2026, 11, 24)] == [
        PRESENTED_LABEL
    ]
    assert "24. november 2026: Status til Børn & Læringsudvalget" in slides(after)[1].lines
    assert REPORT not in repr(after) + repr(slides(after)) + pptx_text(plan, AFTER)


def test_a_presented_date_in_the_future_is_refused(plan: Session) -> None:
    from models.reports.snapshots import SnapshotError

    create_snapshot(plan, actor=CLI, name=REPORT, taken_on=AFTER, today=AFTER)
    with pytest.raises(SnapshotError, match="ligger i fremtiden"):
        mark_presented(plan, actor=CLI, name=REPORT, presented_on=dt.date(2026, 12, 1), today=AFTER)


def test_the_key_messages_carry_their_date_and_source(plan: Session) -> None:
    key_slide = slides(build_deck(plan, today=AFTER))[3]
    assert key_slide.caption == "Fra status til Børn & Læringsudvalget 29. september 2025"
    assert key_slide.caption in pptx_text(plan, AFTER)
    texts = [f"Pointe {n}" for n in range(1, 6)]
    set_key_messages(plan, actor=CLI, texts=texts)
    plan.commit()
    key_slide = slides(build_deck(plan, today=AFTER))[3]
    assert key_slide.caption == f"Senest opdateret {date_long_da(today_local())}"
