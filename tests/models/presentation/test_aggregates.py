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
from models.core.small_counts import UNDER, Counted, shown_count
from models.indicators.service import record_measurement
from models.plan.status import Status
from models.presentation.aggregates import build_deck
from models.presentation.pptx import build_pptx
from models.presentation.slides import NO_INDICATORS, SLIDE_TITLES, slides
from tests.factories import FAMILY_SAID, MARKERS, plant_marker_text

TODAY = dt.date(2026, 11, 23)
D = dt.date
CLI = Actor.command_line()


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0"), (1, UNDER), (4, UNDER), (5, "5"), (1234, "1.234")]
)
def test_shown_count_of_people(count: int, shown: str) -> None:
    assert shown_count(count, Counted.PEOPLE) == shown


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
    titles = [slide.title for slide in slides(deck)]
    assert [title for title in titles if not title.endswith("(fortsat)")] == list(SLIDE_TITLES)
    assert "Sygefravær" not in text  # not public
    assert FAMILY_SAID in text  # the family input is there, its internal remark is not


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
    notes = "\n".join(slide.notes_slide.notes_text_frame.text for slide in presentation.slides)
    for marker in MARKERS:
        assert marker not in everything
        assert marker not in notes
    assert FAMILY_SAID in everything
    titles = [slide.shapes.title.text_frame.text for slide in presentation.slides]
    assert [title for title in titles if not title.endswith("(fortsat)")] == list(SLIDE_TITLES)
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


def test_theme_counts_of_actions_leave_the_reader_exact(sensitive: Session) -> None:
    deck = build_deck(sensitive, today=TODAY)
    counts = {bar.code: bar.counts for bar in deck.themes}
    assert counts["C"] == {
        Status.upcoming: 3,
        Status.in_progress: 2,
        Status.attention: 0,
        Status.done: 0,
    }  # actions are about no one: 3 is shown as 3


# --- the public effect goals ---------------------------------------------------------------


def measure(session: Session, code: str, day: dt.date, value: float, today: dt.date) -> None:
    record_measurement(
        session, actor=CLI, indicator_code=code, measured_on=day, value=value, today=today
    )
    session.commit()


@pytest.fixture
def seeded(engine: Engine, session: Session) -> Session:
    init_db(engine)
    return session


def test_the_seeded_indicators_are_not_shown_to_citizens(seeded: Session) -> None:
    """Every seeded value is years old, and the only public target with a value in the seed
    documents is the 2019 strategy's goal for 2021: nothing is current."""
    deck = build_deck(seeded, today=TODAY)
    assert deck.indicators == []
    assert slides(deck)[5].lines == [NO_INDICATORS]


def test_a_public_indicator_is_shown_only_while_its_measurement_is_current(
    seeded: Session,
) -> None:
    measure(seeded, "sager-pr-raadgiver", D(2026, 8, 23), 28, TODAY)  # quarterly
    line = "Sager pr. rådgiver: 28 (23. august 2026) · mål 20–25 · Tæt på"

    current = build_deck(seeded, today=D(2026, 11, 23))  # 23 Aug + 3 months
    stale = build_deck(seeded, today=D(2026, 11, 24))

    assert slides(current)[5].lines == [line]
    assert [(i.value_text, i.date_text) for i in current.indicators] == [("28", "23. august 2026")]
    assert stale.indicators == []
    texts = "\n".join(
        shape.text_frame.text
        for slide in Presentation(io.BytesIO(build_pptx(current))).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert line in texts


def test_only_indicators_with_a_current_target_are_shown(seeded: Session) -> None:
    # While the strategy's goal for 2021 applied, a current figure was judged against it.
    measure(seeded, "underretninger-under-8-aar", D(2021, 6, 30), 44, TODAY)
    (shown,) = build_deck(seeded, today=D(2021, 12, 31)).indicators
    assert (shown.name, shown.target, shown.status) == (
        "Andel underretninger om børn under 8 år",
        "mindst 50 %",
        "Ikke på mål",
    )
    assert build_deck(seeded, today=D(2022, 1, 1)).indicators == []  # history from 2022

    measure(seeded, "underretninger-under-8-aar", D(2026, 6, 30), 61, TODAY)  # 2019 goal: history
    measure(seeded, "anbragte-boern", D(2026, 6, 30), 120, TODAY)  # public, but no target
    measure(seeded, "sygefravaer", D(2026, 10, 31), 5, TODAY)  # not public
    assert build_deck(seeded, today=TODAY).indicators == []


def test_a_target_is_not_shown_for_a_measurement_from_before_it(seeded: Session) -> None:
    measure(seeded, "sager-pr-raadgiver", D(2024, 11, 13), 31, D(2024, 11, 20))
    assert build_deck(seeded, today=D(2024, 11, 20)).indicators == []
    measure(seeded, "sager-pr-raadgiver", D(2024, 11, 14), 31, D(2024, 11, 20))
    assert [i.status for i in build_deck(seeded, today=D(2024, 11, 20)).indicators] == [
        "Ikke på mål"
    ]
