"""The citizen-meeting deck: aggregates only, small counts suppressed, nothing internal leaks."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pptx import Presentation
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.action_edits import ActionEdit, save_action_edits
from models.case_import import apply_import, parse_cases
from models.demo_cases import seed_demo
from models.indicators import record_measurement
from models.presentation import UNDER, build_deck, shown_count
from models.presentation_pptx import build_pptx
from models.presentation_slides import SLIDE_TITLES, slides
from models.seed import init_db
from models.tables import Action
from models.users import Actor

TODAY = dt.date(2026, 11, 23)
CLI = Actor.command_line()
# Text that must never reach a citizen: case references, notes, responsible persons, users.
MARKERS = (
    "XQZ-LEAK-7731",
    "HEMMELIG-NOTE-5521",
    "Sagsbehandler Birthe Leak",
    "lækbruger",
    "INTERN-MÅLING-9090",
)


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0"), (1, UNDER), (4, UNDER), (5, "5"), (1234, "1.234")]
)
def test_shown_count(count: int, shown: str) -> None:
    assert shown_count(count) == shown


@pytest.fixture
def sensitive(engine: Engine, session: Session) -> Session:
    """Demo data plus unusual references, notes, owners and internal values with marker text."""
    init_db(engine)
    seed_demo(session, actor=CLI, today=TODAY)
    rows = (
        "Sagsreference;Team;Spor;Gennemgået;Sagsskridt\n"
        "XQZ-LEAK-7731;Handicap;A.1;01-10-2025;afgørelse"
    )
    apply_import(session, actor=CLI, parsed=parse_cases(rows.encode(), "sager.csv"))
    action = session.exec(select(Action).where(Action.code == "A.1.5")).one()
    save_action_edits(
        session,
        actor=Actor("lækbruger", CLI.role, system=True),
        edits=[
            ActionEdit(
                action.id,
                action.version,
                {"note": "HEMMELIG-NOTE-5521", "responsible": "Sagsbehandler Birthe Leak"},
            )
        ],
    )
    record_measurement(
        session,
        actor=CLI,
        indicator_code="sygefravaer",
        measured_on=TODAY,
        value=7,
        comment="INTERN-MÅLING-9090",
        today=TODAY,
    )
    session.commit()
    return session


def test_no_slide_contains_internal_text(sensitive: Session) -> None:
    deck = build_deck(sensitive, today=TODAY)
    text = repr(deck) + repr(slides(deck))
    for marker in MARKERS:
        assert marker not in text
    assert [slide.title for slide in slides(deck)] == list(SLIDE_TITLES)
    assert "Sygefravær" not in text  # not public


def test_the_pptx_contains_no_internal_text(sensitive: Session) -> None:
    deck = build_deck(sensitive, today=TODAY)
    presentation = Presentation(io.BytesIO(build_pptx(deck)))
    assert presentation.slide_width / presentation.slide_height == pytest.approx(16 / 9, rel=0.01)
    texts = [
        shape.text_frame.text
        for slide in presentation.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    everything = "\n".join(texts)
    for marker in MARKERS:
        assert marker not in everything
    assert len(presentation.slides) == len(SLIDE_TITLES)
    assert all(
        "Faxe Kommune · 23. november 2026"
        in "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in presentation.slides
    )
    assert "DEMODATA" in everything


def test_counts_under_5_are_shown_as_under_5(sensitive: Session) -> None:
    deck = build_deck(sensitive, today=TODAY)
    figures = dict(slides(deck)[4].figures)
    assert figures["Åbne manglende sagsskridt"] in (UNDER, shown_count(deck.restoration.open_steps))
    assert all(count is None or count == 0 or count >= 5 for _, count in deck.restoration.burn_down)
