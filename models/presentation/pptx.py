"""The citizen-meeting slides as PowerPoint (16:9) for a hall: readable from the back row.

- Every slide has a real title placeholder holding the slide's title (screen readers and the
  outline view see it), sized so the title fits on its line(s) and never runs into the text.
- Text is Arial (Liberation Sans renders it with the same widths): body text 24 pt or more,
  nothing below 18 pt, never shrunk to fit. A text slide whose lines do not fit at 24 pt
  continues on a slide titled "… (fortsat)".
- Charts are native PowerPoint charts, not images: their text has real point sizes (20 pt,
  checked like any other text), they scale with the slide, and the figures are in the chart
  itself. They fill the room left between the title and the footer.
- Shapes are laid out on a grid of non-overlapping boxes inside the slide.
- Speaker notes hold the exact figures behind each slide (`Slide.notes`).
"""

from __future__ import annotations

import functools
import io
import math

from babel.dates import format_date
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu, Inches, Pt

from models.core.formatting import LOCALE, date_da, date_long_da
from models.plan.status import STATUS_COLORS, STATUS_ORDER, STATUS_TEXT_COLORS
from models.presentation.aggregates import Deck, RestorationFigures, ThemeBar
from models.presentation.slides import CONTINUED, Slide, slides
from models.presentation.text_metrics import text_width

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
CONTENT = WIDTH - 2 * MARGIN
FONT = "Arial"
DARK = RGBColor(0x1A, 0x1A, 0x1A)
TITLE_COLOR = RGBColor(0x00, 0x3F, 0x7F)
WARNING = RGBColor(0xB3, 0x4E, 0x00)
LINE_COLOR = RGBColor(0x00, 0x72, 0xB2)

TITLE_SIZE, TITLE_MIN = 40, 28  # points
COVER_TITLE_SIZE = 48
BODY = 24  # body text: never smaller
FIGURE_VALUE = 36
SMALLEST = 18  # captions, the footer, notes: nothing anywhere is smaller
CAPTION = 20
CHART_TEXT = 20
LINE_HEIGHT = 1.2  # of the font size
PARAGRAPH_GAP = 10  # points after each paragraph
INSET_X, INSET_Y = Inches(0.1), Inches(0.05)  # PowerPoint's default text box insets

TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(0.85)
FOOTER_TOP, FOOTER_HEIGHT = Inches(6.95), Inches(0.45)
BODY_BOTTOM = Inches(6.85)
GAP = Inches(0.1)

BURN_DOWN_SERIES = "Åbne manglende sagsskridt pr. uge (uger under 5 udeladt)"
BURN_DOWN_AXIS = "Åbne skridt"
DEADLINE_LABEL = "Frist"
DEADLINE_COLOR = "D55E00"
COVER, TITLE_AND_BODY, TITLE_ONLY = 0, 1, 5  # the default template's layouts


def _points(length: int) -> float:
    return Emu(length).pt


@functools.cache
def wrapped_lines(text: str, size: float, width: int, *, bold: bool = False) -> int:
    """How many lines `text` takes at `size` points in a box `width` EMU wide (estimated on
    the wide side, words are not split)."""
    room = _points(width - 2 * INSET_X)
    lines, current = 1, 0.0
    space = text_width(" ", size, bold=bold)
    for word in text.split():
        word_width = text_width(word, size, bold=bold)
        if current and current + space + word_width > room:
            lines, current = lines + 1, word_width
        else:
            current += (space if current else 0) + word_width
    return lines


def text_height(paragraphs: list[str], size: float, width: int, *, bold: bool = False) -> int:
    """The height (EMU) the paragraphs take, with the gaps between them and the insets."""
    lines = sum(wrapped_lines(text, size, width, bold=bold) for text in paragraphs)
    gaps = (PARAGRAPH_GAP + 5) * max(len(paragraphs) - 1, 0)  # as drawn: a little over the gap
    points = lines * size * LINE_HEIGHT + gaps
    return int(Pt(points)) + 2 * INSET_Y + Inches(0.05)


def title_size(title: str, width: int, lines: int = 1, largest: int = TITLE_SIZE) -> int:
    """The largest size (down to `TITLE_MIN`) at which `title` takes at most `lines` lines."""
    for size in range(largest, TITLE_MIN - 1, -2):
        if wrapped_lines(title, size, width, bold=True) <= lines:
            return size
    return TITLE_MIN


def _place(shape: object, left: int, top: int, width: int, height: int) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height  # type: ignore[attr-defined]


def _fill(
    frame: object,
    paragraphs: list[str],
    size: int,
    *,
    bold: bool = False,
    color: RGBColor = DARK,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> None:
    """Write the paragraphs, one run each, at a fixed size (no autofit, no bullets)."""
    frame.word_wrap = True  # type: ignore[attr-defined]
    frame.auto_size = MSO_AUTO_SIZE.NONE  # type: ignore[attr-defined]
    frame.vertical_anchor = anchor  # type: ignore[attr-defined]
    frame.clear()  # type: ignore[attr-defined]
    for index, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()  # type: ignore[attr-defined]
        properties = paragraph._p.get_or_add_pPr()
        properties.set("marL", "0")
        properties.set("indent", "0")
        properties.insert(0, properties.makeelement(qn("a:buNone"), {}))
        if index < len(paragraphs) - 1:
            paragraph.space_after = Pt(PARAGRAPH_GAP)
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = FONT
        run.font.color.rgb = color


def _textbox(
    slide: object, paragraphs: list[str], box: tuple[int, int, int, int], size: int, **kwargs
) -> None:
    shape = slide.shapes.add_textbox(*box)  # type: ignore[attr-defined]
    _fill(shape.text_frame, paragraphs, size, **kwargs)


def _title(slide: object, title: str, box: tuple[int, int, int, int], size: int) -> None:
    shape = slide.shapes.title  # type: ignore[attr-defined]
    _place(shape, *box)
    _fill(shape.text_frame, [title], size, bold=True, color=TITLE_COLOR, anchor=MSO_ANCHOR.MIDDLE)


def _pieces(line: str, height: int) -> list[str]:
    """`line`, cut between words into pieces that each fit `height` at body size."""
    if text_height([line], BODY, CONTENT) <= height:
        return [line]
    pieces: list[str] = []
    words: list[str] = []
    for word in line.split():
        if words and text_height([" ".join([*words, word])], BODY, CONTENT) > height:
            pieces.append(" ".join(words))
            words = []
        words.append(word)
    return [*pieces, " ".join(words)]


def _fill_pages(lines: list[str], cap: int, last_cap: int | None = None) -> list[list[str]]:
    """Runs of lines up to `cap` tall, filled from the first slide; with `last_cap`, filled
    from the last slide (which takes at most `last_cap`) backwards."""
    backwards = last_cap is not None
    runs: list[list[str]] = [[]]
    for line in reversed(lines) if backwards else lines:
        limit = last_cap if backwards and len(runs) == 1 else cap
        if runs[-1] and text_height([*runs[-1], line], BODY, CONTENT) > limit:
            runs.append([])
        runs[-1].insert(0, line) if backwards else runs[-1].append(line)
    return runs[::-1] if backwards else runs


def pages(lines: list[str], height: int, last_height: int) -> list[list[str]]:
    """The lines on as few slides as they fit at body size, each run at most `height` tall and
    the last at most `last_height` (room is kept under it for the emphasis), and as even as
    that allows, so a continuation slide is not left with one line. A line taller than a
    slide is cut between words."""
    lines = [piece for line in lines for piece in _pieces(line, min(height, last_height))]

    def fits(runs: list[list[str]]) -> bool:
        return text_height(runs[-1], BODY, CONTENT) <= last_height and all(
            text_height(run, BODY, CONTENT) <= height for run in runs
        )

    caps = range(int(Inches(0.3)), height + 1, int(Inches(0.05)))
    found = [
        runs
        for cap in caps
        for runs in (_fill_pages(lines, cap), _fill_pages(lines, cap, last_height))
        if fits(runs)
    ]
    if not found:  # cannot happen (a piece fits either height), but never lose a line
        return _fill_pages(lines, height)
    return min(
        found, key=lambda runs: (len(runs), -min(text_height(run, BODY, CONTENT) for run in runs))
    )


def _font(element: object, size: int, *, bold: bool = False, color: str | None = None) -> None:
    font = element.font  # type: ignore[attr-defined]
    font.size, font.name, font.bold = Pt(size), FONT, bold
    if color:
        font.color.rgb = RGBColor.from_string(color.lstrip("#"))


def theme_category(bar: ThemeBar, per_line: int = 30) -> str:
    """`A: Ensartet, høj faglig kvalitet\\ni sagsbehandlingen`: wrapped by hand, so the labels
    take a known width."""
    words, lines = f"{bar.code}: {bar.title}".split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > per_line:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return "\n".join(lines)


def _themes_chart(slide: object, themes: list[ThemeBar], box: tuple[int, int, int, int]) -> None:
    data = CategoryChartData(number_format="0")
    data.categories = [theme_category(bar) for bar in themes]
    for status in STATUS_ORDER:
        data.add_series(status.value, [bar.counts.get(status, 0) for bar in themes])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, *box, data)  # type: ignore[attr-defined]
    chart = frame.chart
    _font(chart, CHART_TEXT)
    chart.has_title = False
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.TOP
    chart.legend.include_in_layout = False
    _font(chart.legend, CHART_TEXT)
    categories = chart.category_axis
    categories.reverse_order = True  # theme A at the top, as on the page
    _label_every_category(categories)
    categories.has_major_gridlines = False
    _font(categories.tick_labels, SMALLEST)  # two lines a theme: room for six themes
    values = chart.value_axis
    values.visible = False
    values.has_major_gridlines = False
    values.maximum_scale = max((bar.total for bar in themes), default=1) or 1
    values.minimum_scale = 0
    # The plot's width in points, roughly: the chart less the category labels.
    label_room = max(
        (
            text_width(line, CHART_TEXT)
            for bar in themes
            for line in theme_category(bar).split("\n")
        ),
        default=0,
    )
    per_action = (_points(box[2]) - label_room - 30) / values.maximum_scale
    plot = chart.plots[0]
    plot.gap_width = 40
    plot.overlap = 100
    for status, series in zip(STATUS_ORDER, plot.series, strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(STATUS_COLORS[status][1:])
        series.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        labels = series.data_labels
        labels.show_value = True
        labels.number_format = "0;-0;;"  # a status without actions has no label
        labels.number_format_is_linked = False
        _font(labels, CHART_TEXT, bold=True, color=STATUS_TEXT_COLORS[status])
        for index, bar in enumerate(themes):
            count = bar.counts.get(status, 0)
            if count and count * per_action < text_width(str(count), CHART_TEXT) + 6:
                series.points[index].data_label.text_frame.text = ""  # too narrow: in the notes


def _month_labels(weeks: list[tuple], deadline: object, width: int) -> list[str]:
    """A category label per week: the month (`jan. 2026`) at the first week of every k-th
    month, k chosen so the labels do not touch; the others blank."""
    label_width = text_width("sep. 2026", CHART_TEXT, bold=False) + 16
    firsts = [
        index
        for index, (day, _) in enumerate(weeks)
        if index == 0
        or (day.year, day.month) != (weeks[index - 1][0].year, weeks[index - 1][0].month)
    ]
    per_week = (_points(width) - 80) / max(len(weeks), 1)
    months_apart = max(1, math.ceil(label_width / (per_week * 4.35)))
    labels = [""] * len(weeks)
    for position, index in enumerate(firsts):
        if position % months_apart == 0:
            labels[index] = format_date(weeks[index][0], "MMM y", locale=LOCALE)
    return labels


def _nice_top(count: int) -> int:
    """The value axis' end: the next 1, 2, 2.5 or 5 times a power of ten from `count`."""
    power = 10 ** max(len(str(max(count, 1))) - 1, 0)
    return next(int(step * power) for step in (1, 2, 2.5, 5, 10) if step * power >= count)


def _deadline_line(series: object, due: int) -> None:
    """The deadline as a vertical line: a single point at the top of the axis whose error bar
    (minus 100 %) reaches down to 0, labelled "Frist"."""
    series.marker.style = XL_MARKER_STYLE.NONE  # type: ignore[attr-defined]
    series.format.line.fill.background()  # type: ignore[attr-defined]
    bars = parse_xml(
        f'<c:errBars {nsdecls("c", "a")}><c:errDir val="y"/><c:errBarType val="minus"/>'
        '<c:errValType val="percentage"/><c:noEndCap val="1"/><c:val val="100"/>'
        f'<c:spPr><a:ln w="{int(Pt(4))}"><a:solidFill><a:srgbClr val="{DEADLINE_COLOR}"/>'
        "</a:solidFill></a:ln></c:spPr></c:errBars>"
    )
    series._element.find(qn("c:cat")).addprevious(bars)  # type: ignore[attr-defined]
    label = series.points[due].data_label  # type: ignore[attr-defined]
    label.has_text_frame = True
    label.text_frame.text = DEADLINE_LABEL
    label.position = XL_LABEL_POSITION.RIGHT
    _font(label, CHART_TEXT, bold=True, color=DEADLINE_COLOR)
    _font(label.text_frame.paragraphs[0].runs[0], CHART_TEXT, bold=True, color=DEADLINE_COLOR)


def _label_every_category(axis: object) -> None:
    """`c:tickLblSkip val=1`: every category's label is drawn (most are blank), so the
    application does not thin them out on its own and drop the ones we placed."""
    element = axis._element  # type: ignore[attr-defined]
    skip = OxmlElement("c:tickLblSkip")
    skip.set("val", "1")
    after = [element.find(qn(tag)) for tag in ("c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst")]
    successor = next((found for found in after if found is not None), None)
    if successor is not None:
        successor.addprevious(skip)
    else:
        element.append(skip)


def _restoration_chart(
    slide: object, figures: RestorationFigures, box: tuple[int, int, int, int]
) -> None:
    data = CategoryChartData(number_format="#,##0")
    data.categories = _month_labels(figures.burn_down, figures.deadline, box[2])
    counts = [count for _, count in figures.burn_down]
    data.add_series(BURN_DOWN_SERIES, counts)
    top = _nice_top(max((count for count in counts if count is not None), default=5))
    due = next((i for i, (day, _) in enumerate(figures.burn_down) if day >= figures.deadline), None)
    if due is not None:
        points = [top if index == due else None for index in range(len(counts))]
        data.add_series(f"{DEADLINE_LABEL} {date_da(figures.deadline)}", points)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.LINE, *box, data)  # type: ignore[attr-defined]
    chart = frame.chart
    _font(chart, CHART_TEXT)
    chart.has_title = False  # the slide's title and the axis say it
    chart.has_legend = False
    categories = chart.category_axis
    _font(categories.tick_labels, SMALLEST)
    _label_every_category(categories)
    values = chart.value_axis
    values.minimum_scale, values.maximum_scale = 0, top
    _font(values.tick_labels, SMALLEST)
    values.has_title = True
    values.axis_title.text_frame.text = BURN_DOWN_AXIS
    _font(values.axis_title.text_frame.paragraphs[0], SMALLEST)
    values.major_gridlines.format.line.color.rgb = RGBColor(0xCC, 0xCC, 0xCC)
    series, *deadline = chart.plots[0].series
    if deadline and due is not None:
        _deadline_line(deadline[0], due)
    series.smooth = False
    series.marker.style = XL_MARKER_STYLE.NONE
    series.format.line.width = Pt(4.5)
    series.format.line.color.rgb = LINE_COLOR


def _footer(slide: object, text: str) -> None:
    _textbox(slide, [text], (MARGIN, FOOTER_TOP, CONTENT, FOOTER_HEIGHT), SMALLEST)


def _notes(slide: object, notes: str) -> None:
    """The speaker's notes, a paragraph a line, at 18 pt (read from the presenter view)."""
    frame = slide.notes_slide.notes_text_frame  # type: ignore[attr-defined]
    frame.text = notes
    for paragraph in frame.paragraphs:
        paragraph.font.size = Pt(SMALLEST)


def _subtitles(slide: object, content: Slide, top: int) -> int:
    """The note (DEMODATA) and the caption under the title; returns the top of the body."""
    for text, color, bold in (
        (content.note, WARNING, True),
        (content.caption, DARK, False),
    ):
        if text:
            height = text_height([text], CAPTION, CONTENT, bold=bold)
            _textbox(slide, [text], (MARGIN, top, CONTENT, height), CAPTION, bold=bold, color=color)
            top += height + GAP
    return top


def _cover(presentation: object, content: Slide, footer: str) -> object:
    slide = presentation.slides.add_slide(presentation.slide_layouts[COVER])  # type: ignore[attr-defined]
    size = title_size(content.title, CONTENT, lines=2, largest=COVER_TITLE_SIZE)
    height = text_height([content.title], size, CONTENT, bold=True)
    _title(slide, content.title, (MARGIN, Inches(1.4), CONTENT, height), size)
    subtitle = slide.placeholders[1]
    top = Inches(1.4) + height + Inches(0.4)
    _place(subtitle, MARGIN, top, CONTENT, text_height(content.lines, 28, CONTENT))
    _fill(subtitle.text_frame, content.lines, 28)
    return slide


def _figures(slide: object, figures: list[tuple[str, str]], top: int) -> int:
    """The key figures in a row, each value large on one line and its label under it; a
    column is as wide as its value needs (at least a quarter of an even share); returns the
    bottom."""
    inset = 2 * _points(INSET_X)
    needs = [
        max(text_width(value, FIGURE_VALUE) + inset, _points(CONTENT) / len(figures) / 1.25)
        for _, value in figures
    ]
    widths = [int(CONTENT * need / sum(needs)) for need in needs]
    size = FIGURE_VALUE
    while size > BODY and any(
        text_width(value, size) + inset > _points(width)
        for (_, value), width in zip(figures, widths, strict=True)
    ):
        size -= 2
    value_height = text_height(["0"], size, CONTENT, bold=True)
    label_height = max(
        text_height([label], BODY, width) for (label, _), width in zip(figures, widths, strict=True)
    )
    left = MARGIN
    for (label, value), width in zip(figures, widths, strict=True):
        _textbox(slide, [value], (left, top, width, value_height), size, bold=True)
        _textbox(slide, [label], (left, top + value_height, width, label_height), BODY)
        left += width
    return top + value_height + label_height


def _chart_slide(presentation: object, deck: Deck, content: Slide) -> object:
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])  # type: ignore[attr-defined]
    _title(
        slide,
        content.title,
        (MARGIN, TITLE_TOP, CONTENT, TITLE_HEIGHT),
        title_size(content.title, CONTENT),
    )
    top = _subtitles(slide, content, TITLE_TOP + TITLE_HEIGHT + GAP)
    if content.figures:
        top = _figures(slide, content.figures, top) + GAP
    bottom = BODY_BOTTOM
    below = content.emphasis if content.chart == "restoration" else " ".join(content.lines)
    if below:
        bold = content.chart == "restoration"
        height = text_height([below], BODY, CONTENT, bold=bold)
        bottom -= height
        _textbox(slide, [below], (MARGIN, bottom, CONTENT, height), BODY, bold=bold)
        bottom -= GAP
    box = (MARGIN, top, CONTENT, bottom - top)
    if content.chart == "themes":
        _themes_chart(slide, deck.themes, box)
    elif deck.restoration is not None:
        _restoration_chart(slide, deck.restoration, box)
    return slide


def _text_slides(presentation: object, content: Slide) -> list[object]:
    """A text slide, continued on further slides while its lines do not fit at 24 pt."""
    made = []
    emphasis_height = (
        text_height([content.emphasis], BODY, CONTENT, bold=True) if content.emphasis else 0
    )
    base = content.title.removesuffix(CONTINUED)  # a page the deck itself continued
    size = title_size(base + CONTINUED, CONTENT)
    first_top = _subtitle_height(content) + TITLE_TOP + TITLE_HEIGHT + GAP
    room = BODY_BOTTOM - first_top
    last_room = room - (emphasis_height + GAP if emphasis_height else 0)
    for number, page in enumerate(pages(content.lines, room, last_room)):
        slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_AND_BODY])  # type: ignore[attr-defined]
        title = base + CONTINUED if number else content.title
        _title(slide, title, (MARGIN, TITLE_TOP, CONTENT, TITLE_HEIGHT), size)
        top = _subtitles(slide, content, TITLE_TOP + TITLE_HEIGHT + GAP)
        body = slide.placeholders[1]
        _place(body, MARGIN, top, CONTENT, text_height(page, BODY, CONTENT))
        _fill(body.text_frame, page, BODY)
        made.append(slide)
    if content.emphasis:
        top = BODY_BOTTOM - emphasis_height
        _textbox(
            made[-1], [content.emphasis], (MARGIN, top, CONTENT, emphasis_height), BODY, bold=True
        )
    return made


def _subtitle_height(content: Slide) -> int:
    return sum(
        text_height([text], CAPTION, CONTENT, bold=bold) + GAP
        for text, bold in ((content.note, True), (content.caption, False))
        if text
    )


def build_pptx(deck: Deck) -> bytes:
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    footer = f"{deck.municipality} · {date_long_da(deck.today)}"
    for number, content in enumerate(slides(deck)):
        if number == 0:
            made = [_cover(presentation, content, footer)]
        elif content.chart is not None and (content.chart == "themes" or deck.restoration):
            made = [_chart_slide(presentation, deck, content)]
        else:
            made = _text_slides(presentation, content)
        for slide in made:
            _notes(slide, content.notes)
    total = len(presentation.slides)
    for index, slide in enumerate(presentation.slides, start=1):
        _footer(slide, f"{footer} · {index} / {total}")
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def slide_count(data: bytes) -> int:
    """How many slides a built PowerPoint has (long text slides continue on further slides)."""
    return len(Presentation(io.BytesIO(data)).slides)
