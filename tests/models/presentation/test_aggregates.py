"""The citizen-meeting deck: aggregates only, small counts suppressed, nothing internal leaks."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pptx import Presentation
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.auth.users import Actor
from models.bootstrap import init_db
from models.core.small_counts import UNDER, shown_count
from models.presentation.aggregates import build_deck
from models.presentation.pptx import build_pptx
from models.presentation.slides import SLIDE_TITLES, slides
from tests.factories import MARKERS, plant_marker_text

TODAY = dt.date(2026, 11, 23)
CLI = Actor.command_line()


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0"), (1, UNDER), (4, UNDER), (5, "5"), (1234, "1.234")]
)
def test_shown_count(count: int, shown: str) -> None:
    assert shown_count(count) == shown


@pytest.fixture
def sensitive(engine: Engine, session: Session) -> Session:
    """Demo data plus marker text in references, notes, owners and internal values."""
    init_db(engine)
    plant_marker_text(session, TODAY)
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


def test_theme_counts_under_5_leave_the_reader_suppressed(sensitive: Session) -> None:
    deck = build_deck(sensitive, today=TODAY)
    counts = [count for bar in deck.themes for count in bar.counts.values()]
    assert None in counts  # the plan has themes with 1–4 actions in a status
    assert all(count is None or count == 0 or count >= 5 for count in counts)
