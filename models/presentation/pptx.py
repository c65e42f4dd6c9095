"""The citizen-meeting slides as PowerPoint (16:9), charts as images, no internal data."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from models.core.formatting import date_long_da
from models.presentation.aggregates import Deck
from models.presentation.charts import burn_down, theme_bars
from models.presentation.slides import slides
from models.reports.charts import chart_png

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
DARK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x00, 0x72, 0xB2)


def _text(
    slide: object,
    text: str,
    left: Emu,
    top: Emu,
    width: Emu,
    height: Emu,
    size: int,
    bold: bool = False,
    color: RGBColor = DARK,
) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)  # type: ignore[attr-defined]
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold
        paragraph.font.color.rgb = color
        paragraph.space_after = Pt(6)


def build_pptx(deck: Deck) -> bytes:
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    blank = presentation.slide_layouts[6]
    footer = f"{deck.municipality} · {date_long_da(deck.today)}"
    for number, content in enumerate(slides(deck), start=1):
        slide = presentation.slides.add_slide(blank)
        _text(
            slide, content.title, Inches(0.6), Inches(0.35), Inches(12), Inches(1), 36, True, ACCENT
        )
        top = Inches(1.45)
        if content.figures:
            width = Inches(12) // len(content.figures)
            for index, (label, value) in enumerate(content.figures):
                left = Inches(0.6) + width * index
                _text(slide, value, left, top, width, Inches(0.8), 24, True)
                _text(slide, label, left, top + Inches(0.75), width, Inches(0.5), 14)
            top += Inches(1.5)
        if content.chart is not None:
            chart = (
                theme_bars(deck.themes)
                if content.chart == "themes"
                else burn_down(deck.restoration)
            )  # type: ignore[arg-type]
            image = io.BytesIO(chart_png(chart, scale=1.0))
            room = Inches(6.25) - top  # leave the bottom lines free
            picture = slide.shapes.add_picture(image, Inches(0.6), top, width=Inches(12))
            if picture.height > room:
                picture.height, picture.width = room, int(picture.width * room / picture.height)
            if content.lines:
                _text(
                    slide,
                    "\n".join(content.lines),
                    Inches(0.6),
                    Inches(6.35),
                    Inches(12),
                    Inches(0.5),
                    16,
                )
            elif content.emphasis:
                _text(
                    slide,
                    content.emphasis,
                    Inches(0.6),
                    Inches(6.25),
                    Inches(12),
                    Inches(0.6),
                    16,
                    True,
                )
        else:
            length = sum(len(line) for line in content.lines)
            size = 24 if len(content.lines) <= 6 and length < 450 else 18 if length < 900 else 15
            height = Inches(4.1) if content.emphasis else Inches(5.2)
            _text(slide, "\n".join(content.lines), Inches(0.6), top, Inches(12), height, size)
            if content.emphasis:
                _text(
                    slide,
                    content.emphasis,
                    Inches(0.6),
                    top + Inches(4.2),
                    Inches(12),
                    Inches(0.9),
                    20,
                    True,
                )
        if content.caption:
            _text(
                slide,
                content.caption,
                Inches(0.6),
                Inches(0.95),
                Inches(12),
                Inches(0.4),
                14,
            )
        if content.note:
            _text(
                slide,
                content.note,
                Inches(0.6),
                Inches(0.95),
                Inches(12),
                Inches(0.4),
                14,
                True,
                RGBColor(0xD5, 0x5E, 0x00),
            )
        _text(slide, f"{footer} · {number}", Inches(0.6), Inches(6.95), Inches(12), Inches(0.4), 12)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
