"""The PowerPoint read back as a hall sees it: titles in title placeholders, large text, no
overlapping shapes, native charts with exact figures, and speaker notes with the figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import re

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu, Inches, Pt

from models.core.deadlines import DeadlineTarget
from models.core.small_counts import Counted, suppress
from models.families.tables import MeetingKind, ResponseStatus
from models.plan.status import STATUS_ORDER
from models.presentation.aggregates import Deck, Milestone, RestorationFigures, ThemeBar
from models.presentation.family_loop import (
    FamilyLoop,
    MeetingFigures,
    RaisedItem,
    RespondingAction,
    ThemeLoop,
    exact_counts,
)
from models.presentation.pptx import (
    BODY,
    CONTENT,
    CONTINUED,
    LINE_HEIGHT,
    SMALLEST,
    build_pptx,
    pages,
    title_size,
    wrapped_lines,
)
from models.presentation.slides import SLIDE_TITLES

UPCOMING, IN_PROGRESS, ATTENTION, DONE = STATUS_ORDER
TODAY = dt.date(2026, 11, 23)
START = dt.date(2024, 11, 4)
MESSAGE = (
    "Der er udarbejdet genopretningsplaner i alle relevante sager. Familierne er orienteret om "
    "deres genopretningsplan, og genopretningen i sagerne kører som planlagt."
)


def _weeks() -> list[tuple[dt.date, int]]:
    return [
        (START + dt.timedelta(weeks=i), max(150 - 2 * i, 0) if i < 70 else 3) for i in range(108)
    ]


ACTION = RespondingAction(
    "E.5.2", "Gennemgang af skabeloner, tekster mv. ud fra familiers perspektiv.", IN_PROGRESS
)
SAID = "Familier savner at blive ringet op, når der er nyt i deres sag"
FAMILY_CAPTION = "Input fra borgermøde 7. oktober 2025 (121 tilmeldte)"


def family_loop(open_items: int = 3) -> FamilyLoop:
    """One answered item in a theme, then `open_items` not yet answered."""
    meeting = "Borgermøde 7. oktober 2025"
    answered = RaisedItem(
        SAID, ResponseStatus.answered, "Faste telefontider.", "", meeting, (ACTION,)
    )
    further = tuple(
        RaisedItem(f"Ønske nummer {n}: {MESSAGE}", ResponseStatus.received, "", "", meeting)
        for n in range(1, open_items + 1)
    )
    return FamilyLoop(
        meetings=(
            MeetingFigures(dt.date(2025, 10, 7), MeetingKind.citizen_meeting, "", None, "121"),
        ),
        themes=(
            ThemeLoop(
                "Kommunikation & inddragelse – og genopbygge tillid",
                (answered,),
                (ACTION,),
                exact_counts({IN_PROGRESS: 1}),
                (),
            ),
            ThemeLoop("Uden tema", further, (), exact_counts({}), further),
        ),
    )


def deck(cases: int = 212) -> Deck:
    return Deck(
        municipality="Faxe Kommune",
        title="Udviklings- og genopretningsplan på familieområdet",
        today=TODAY,
        milestones=[
            Milestone(dt.date(2024, 6, 12) + dt.timedelta(days=60 * i), f"Møde {i}")
            for i in range(9)
        ],
        target=DeadlineTarget(dt.date(2026, 6, 30), dt.date(2026, 6, 30)),
        themes=[
            ThemeBar.of(
                "A",
                "Ensartet, høj faglig kvalitet i sagsbehandlingen",
                {UPCOMING: 19, IN_PROGRESS: 5, DONE: 3},
            ),
            ThemeBar.of("B", "Retssikkerhed og barnets lov i sagerne", {UPCOMING: 9}),
            ThemeBar.of(
                "C", "Berigtigelse af tabt arbejdsfortjeneste", {UPCOMING: 3, IN_PROGRESS: 2}
            ),
            ThemeBar.of("D", "Datakvalitet og økonomisk styring", {UPCOMING: 12, IN_PROGRESS: 3}),
            ThemeBar.of("E", "Organisationsudvikling", {UPCOMING: 11, IN_PROGRESS: 5, DONE: 1}),
            ThemeBar.of("F", "Udvikling af interne tilbud", {UPCOMING: 13, IN_PROGRESS: 1}),
        ],
        key_messages=[MESSAGE] * 5,
        key_messages_caption="Fra status til Børn & Læringsudvalget 29. september 2025",
        restoration=RestorationFigures(
            cases=cases,
            restored=187,
            open_steps=3,
            projected=dt.date(2027, 1, 18),
            burn_down=[(day, suppress(n, Counted.PEOPLE)) for day, n in _weeks()],
            deadline=dt.date(2026, 6, 30),
            demo=True,
        ),
        indicators=[],
        coming=[("A", "Oprettelse af velfungerende/overskueligt intranet.")] * 3,
        families=family_loop(),
    )


def edge_deck() -> Deck:
    """No case data, no milestones, one very long key message, many coming actions."""
    return dataclasses.replace(
        deck(),
        restoration=None,
        milestones=[],
        key_messages=[" ".join([MESSAGE] * 8)],
        coming=[("F", "Takstberegning af pladser på internt anbringelsestilbud Hyblerne.")] * 14,
        families=family_loop(open_items=12),
    )


@pytest.fixture(scope="module")
def presentation() -> object:
    return Presentation(io.BytesIO(build_pptx(deck())))


@pytest.fixture(scope="module", params=["full", "edge"])
def any_presentation(request: pytest.FixtureRequest) -> object:
    made = deck() if request.param == "full" else edge_deck()
    return Presentation(io.BytesIO(build_pptx(made)))


def test_every_slide_has_its_title_in_a_title_placeholder(any_presentation: object) -> None:
    presentation = any_presentation
    titles = []
    for slide in presentation.slides:
        title = slide.shapes.title
        assert title is not None
        assert title.is_placeholder
        assert title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        titles.append(title.text_frame.text)
    assert titles[0] == SLIDE_TITLES[0]
    assert [t for t in titles if not t.endswith(CONTINUED)] == list(SLIDE_TITLES)
    for before, title in itertools.pairwise(titles):  # continuations follow their slide
        if title.endswith(CONTINUED):
            assert before.removesuffix(CONTINUED) == title.removesuffix(CONTINUED)


def _runs(presentation: object):
    for number, slide in enumerate(presentation.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        yield number, shape, run


def test_no_text_below_18_pt_and_body_text_at_least_24(presentation: object) -> None:
    small = set()
    for _number, shape, run in _runs(presentation):
        assert run.font.size is not None, run.text
        assert run.font.size >= Pt(SMALLEST), run.text
        if shape.is_placeholder and shape.placeholder_format.idx == 1:  # the body
            assert run.font.size >= Pt(BODY)
        if run.font.size < Pt(BODY):
            small.add(run.text)
    footers = {t for t in small if t.startswith("Faxe Kommune · 23. november 2026 · ")}
    assert small - footers == {
        "DEMODATA – tallene viser ikke virkelige sager.",
        "Fra status til Børn & Læringsudvalget 29. september 2025",
        FAMILY_CAPTION,
    }  # only the footer, the demo warning and the captions are under 24 pt


def test_chart_text_is_at_least_18_pt(presentation: object) -> None:
    charts = [s.chart for slide in presentation.slides for s in slide.shapes if s.has_chart]
    assert len(charts) == 2
    for chart in charts:
        xml = etree.tostring(chart._chartSpace).decode()
        sizes = [int(size) for size in re.findall(r' sz="(\d+)"', xml)]
        assert sizes
        assert min(sizes) >= SMALLEST * 100
        assert chart.font.size >= Pt(SMALLEST)  # the chart's own default: no 10 pt anywhere


def test_no_two_shapes_overlap_and_all_are_inside_the_slide(any_presentation: object) -> None:
    presentation = any_presentation
    width, height = presentation.slide_width, presentation.slide_height
    for number, slide in enumerate(presentation.slides, start=1):
        boxes = [(s.name, s.left, s.top, s.left + s.width, s.top + s.height) for s in slide.shapes]
        for name, left, top, right, bottom in boxes:
            assert 0 <= left < right <= width, (number, name)
            assert 0 <= top < bottom <= height, (number, name)
        for index, (name, left, top, right, bottom) in enumerate(boxes):
            for other, left2, top2, right2, bottom2 in boxes[index + 1 :]:
                apart = right <= left2 or right2 <= left or bottom <= top2 or bottom2 <= top
                assert apart, (number, name, other)


def test_the_charts_fill_the_slide_width(presentation: object) -> None:
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                assert shape.width >= presentation.slide_width * 0.9
                assert shape.height >= presentation.slide_height * 0.25


def test_the_theme_chart_holds_the_exact_counts(presentation: object) -> None:
    (chart,) = [s.chart for slide in presentation.slides for s in slide.shapes if s.has_chart][:1]
    values = {series.name: list(series.values) for series in chart.plots[0].series}
    assert values["Kommende opgave"] == [19, 9, 3, 12, 11, 13]  # 3 actions are 3
    assert values["I gang"] == [5, 0, 2, 3, 5, 1]


def _notes(presentation: object, title: str) -> str:
    (slide,) = [s for s in presentation.slides if s.shapes.title.text_frame.text == title]
    return slide.notes_slide.notes_text_frame.text


def test_every_slide_has_speaker_notes_with_the_figures(presentation: object) -> None:
    for slide in presentation.slides:
        assert slide.has_notes_slide
        assert slide.notes_slide.notes_text_frame.text.strip()
    themes = _notes(presentation, "De 6 temaer")
    assert (
        "Tema C – Berigtigelse af tabt arbejdsfortjeneste: 5 handlinger i alt; kommende opgave 3,"
        " i gang 2, obs 0, afsluttet/implementeret 0." in themes
    )
    restoration = _notes(presentation, "Genopretning af sager").split("\n")
    assert "Sager i genopretning: 212." in restoration
    assert "Åbne manglende sagsskridt: under 5." in restoration  # 3 open steps: about cases
    assert "04-11-2024: 150" in restoration
    assert "23-03-2026: under 5" in restoration
    assert len([line for line in restoration if re.match(r"\d{2}-\d{2}-\d{4}: ", line)]) == 108


def test_three_cases_are_under_5_everywhere_in_the_file() -> None:
    data = Presentation(io.BytesIO(build_pptx(deck(cases=3))))
    texts = "\n".join(run.text for _, _, run in _runs(data))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in data.slides)
    assert "Sager i genopretning: under 5." in notes
    assert "under 5" in texts
    (line,) = [s.chart for slide in data.slides for s in slide.shapes if s.has_chart][1:]
    values = list(line.plots[0].series[0].values)
    assert values[-1] is None
    assert 3 not in values


def test_no_text_below_24_pt_when_the_text_is_long() -> None:
    presentation = Presentation(io.BytesIO(build_pptx(edge_deck())))
    for _number, shape, run in _runs(presentation):
        if shape.is_placeholder and shape.placeholder_format.idx == 1:
            assert run.font.size >= Pt(BODY)
    titles = [slide.shapes.title.text_frame.text for slide in presentation.slides]
    assert titles.count("5 pointer" + CONTINUED) >= 1  # one long message, cut between words
    body = "".join(
        shape.text_frame.text
        for slide in presentation.slides
        if slide.shapes.title.text_frame.text.startswith("5 pointer")
        for shape in slide.placeholders
        if shape.placeholder_format.idx == 1
    )
    assert body.replace(" ", "") == ("1. " + " ".join([MESSAGE] * 8)).replace(" ", "")


def test_a_continuation_is_not_left_with_one_line() -> None:
    line = "12. jun. 2024: Hjælpepakke til familieområdet vedtaget og udvidet revision"
    room = int(Inches(2.5))
    runs = pages([line] * 7, room, room - int(Inches(0.9)))
    assert [line for run in runs for line in run] == [line] * 7
    assert [len(run) for run in runs] in ([3, 2, 2], [2, 3, 2])  # 3 a slide, 2 on the last
    assert [len(run) for run in pages([line] * 7, room, room)] in ([4, 3], [3, 4])
    assert pages([], room, room) == [[]]


def test_the_burn_down_marks_the_deadline(presentation: object) -> None:
    (line,) = [s.chart for slide in presentation.slides for s in slide.shapes if s.has_chart][1:]
    burn_down, deadline = line.plots[0].series
    assert list(burn_down.values)[:2] == [150, 148]
    marks = [(index, value) for index, value in enumerate(deadline.values) if value is not None]
    assert deadline.name == "Frist 30. jun. 2026"
    assert len(marks) == 1
    (index, top) = marks[0]
    assert START + dt.timedelta(weeks=index) >= dt.date(2026, 6, 30)
    assert START + dt.timedelta(weeks=index - 1) < dt.date(2026, 6, 30)
    assert top == line.value_axis.maximum_scale == 200  # up to the axis' end: 150 rounds to 200


def test_every_title_fits_its_box_without_wrapping_into_the_text(any_presentation: object) -> None:
    """At its size, a slide's title takes one line (the cover's: at most two) in its box, and
    the box is tall enough for it; nothing lies under the box (the overlap test)."""
    for number, slide in enumerate(any_presentation.slides):
        title = slide.shapes.title
        (run,) = title.text_frame.paragraphs[0].runs
        size = run.font.size.pt
        lines = wrapped_lines(run.text, size, title.width, bold=True)
        assert lines <= (2 if number == 0 else 1), run.text
        assert Emu(title.height).pt >= lines * size * LINE_HEIGHT, run.text


def test_the_longest_title_is_shrunk_to_one_line() -> None:
    longest = max((title + CONTINUED for title in SLIDE_TITLES), key=len)
    size = title_size(longest, CONTENT)
    assert size < 40
    assert wrapped_lines(longest, size, CONTENT, bold=True) == 1


def test_i_sagde_vi_gjorde_shows_what_was_said_and_done_and_continues_when_long() -> None:
    presentation = Presentation(io.BytesIO(build_pptx(edge_deck())))
    family = [
        slide
        for slide in presentation.slides
        if slide.shapes.title.text_frame.text.startswith("I sagde – vi gjorde")
    ]
    titles = [slide.shapes.title.text_frame.text for slide in family]
    assert titles[0] == "I sagde – vi gjorde"
    assert titles[1:] == ["I sagde – vi gjorde" + CONTINUED] * (len(titles) - 1)
    assert len(titles) >= 3  # 12 long open items
    body = "\n".join(
        shape.text_frame.text
        for slide in family
        for shape in slide.placeholders
        if shape.placeholder_format.idx == 1
    )
    assert f"I sagde: «{SAID}» – vi gjorde: E.5.2 {ACTION.title} (I gang)" in body
    assert "Det arbejder vi videre med:" in body
    assert body.count("Ønske nummer") == 12
    notes = family[0].notes_slide.notes_text_frame.text
    assert (
        "knyttede handlinger: 0 kommende opgave, 1 i gang, 0 obs, 0 afsluttet/implementeret"
        in notes
    )
