"""The minutes of a saved weekly review as Word (*Referat*): what the page showed, nothing more.

Title, date and who held it; the attendees; the headline figures with their change since the
last review (`Overskredne 48 (−3)`); then each agenda section with its items (number, action,
status, why it was on the agenda) and, for the items marked *drøftet*, the decision.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx.shared import Cm

from models.core.formatting import date_long_da, datetime_long_da
from models.core.word_tables import add_table, danish_a4_document
from models.plan.status import STATUS_SYMBOLS, Status
from models.reviews.service import (
    SECTION_ORDER,
    AgendaItem,
    ReviewView,
    agenda_sections,
    section_heading,
)

TABLE_HEADER = ("Nr.", "Handling", "Status", "Hvorfor på dagsordenen", "Drøftet og beslutning")
WIDTHS = (Cm(1.4), Cm(5.6), Cm(2.6), Cm(3.6), Cm(3.8))
DISCUSSED = "Drøftet"
NO_ITEMS = "Ingen punkter."


@dataclass(frozen=True)
class Minutes:
    title: str
    subtitle: str
    held: str
    attendees: list[str]
    figures_intro: str
    figures: list[str]
    sections: list[tuple[str, list[tuple[str, str, str, str, str]]]]  # heading, rows


def minutes_title(review: ReviewView) -> str:
    return f"Referat: Ugentlig gennemgang {date_long_da(review.held_on)}"


def status_text(status: str) -> str:
    """`! Obs`: the status with its symbol, as the page shows it."""
    try:
        return f"{STATUS_SYMBOLS[Status(status)]} {status}"
    except ValueError:
        return status


def decision_text(item: AgendaItem) -> str:
    """`Drøftet: <decision>` for a discussed item; empty for the others."""
    if not item.discussed:
        return ""
    return f"{DISCUSSED}: {item.decision}" if item.decision else DISCUSSED


def minutes(review: ReviewView, items: list[AgendaItem], municipality: str) -> Minutes:
    """The minutes' content: one model, rendered by `build_minutes_docx`."""
    sections = agenda_sections(items)
    held = (
        f"Startet {datetime_long_da(review.started_at)} af {review.started_by}; "
        f"gemt {datetime_long_da(review.closed_at)} af {review.closed_by}."
        if review.closed_at
        else (
            f"Startet {datetime_long_da(review.started_at)} af {review.started_by}; ikke afsluttet."
        )
    )
    if review.previous_held_on is None:
        intro = "Første gennemgang: ingen tidligere tal at sammenligne med."
    else:
        intro = f"I parentes: ændringen siden gennemgangen {date_long_da(review.previous_held_on)}."
    return Minutes(
        title=minutes_title(review),
        subtitle=f"{municipality} · Udviklings- og genopretningsplanen".lstrip(" ·"),
        held=held,
        attendees=[line.strip() for line in review.attendees.splitlines() if line.strip()],
        figures_intro=intro,
        figures=[figure.line for figure in review.headline],
        sections=[
            (
                section_heading(number, section, sections[section]),
                [
                    (
                        item.code,
                        item.text,
                        status_text(item.status),
                        item.detail,
                        decision_text(item),
                    )
                    for item in sections[section]
                ],
            )
            for number, section in enumerate(SECTION_ORDER, start=1)
        ],
    )


def build_minutes_docx(content: Minutes) -> bytes:
    document = danish_a4_document()
    document.add_heading(content.title, level=0)
    if content.subtitle:
        document.add_paragraph(content.subtitle)
    document.add_paragraph(content.held)
    document.add_heading("Deltagere", level=1)
    for line in content.attendees:
        document.add_paragraph(line)
    document.add_heading("Nøgletal", level=1)
    document.add_paragraph(content.figures_intro)
    for line in content.figures:
        document.add_paragraph(line, style="List Bullet")
    for heading, rows in content.sections:
        document.add_heading(heading, level=1)
        if not rows:
            document.add_paragraph(NO_ITEMS)
            continue
        add_table(document, TABLE_HEADER, rows, WIDTHS)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
