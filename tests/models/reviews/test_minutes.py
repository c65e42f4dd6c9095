"""The minutes of a saved weekly review, read back from the Word file."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.oxml.ns import qn
from sqlmodel import Session

from models.auth.users import Actor
from models.reviews.minutes import build_minutes_docx, minutes
from models.reviews.service import get_review, review_items
from tests.models.reviews.test_service import LATER, SECOND, edit, first_review, start


def read(review_id: int, session: Session) -> Document:
    review = get_review(session, review_id)
    assert review is not None
    content = minutes(review, review_items(session, review_id), "Faxe Kommune")
    return Document(io.BytesIO(build_minutes_docx(content)))


def paragraphs(document: Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def rows(document: Document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


def test_the_minutes_hold_the_attendees_the_figures_and_the_decisions(
    edited: Session, vera: Actor
) -> None:
    review_id = first_review(edited, vera)

    document = read(review_id, edited)

    text = paragraphs(document)
    assert text[0] == "Referat: Ugentlig gennemgang 16. november 2026"
    assert text[1] == "Faxe Kommune · Udviklings- og genopretningsplanen"
    assert text[2] == (
        "Startet 16. november 2026 kl. 10:00 af vera; gemt 16. november 2026 kl. 11:00 af vera."
    )
    attendees = text.index("Deltagere")
    assert text[attendees + 1 : attendees + 3] == ["Vera", "Erik"]
    assert "Første gennemgang: ingen tidligere tal at sammenligne med." in text
    assert "Obs 1" in text
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[2:] == [
        "1. Nye Obs siden sidste gennemgang (1 punkt, 1 drøftet)",
        "2. Overskredne (40 punkter, 0 drøftet)",
        "3. Frist inden for 30 dage (1 punkt, 1 drøftet)",
        "4. Ikke bekræftet (41 punkter, 0 drøftet)",
        "5. Ændret siden sidste gennemgang (2 punkter, 0 drøftet)",
    ]
    table = rows(document)
    assert ["A.4.1", table[1][1], "! Obs", "Venter på leverandør", "Drøftet: Følges op"] in table
    (c12,) = [row for row in table if row[0] == "C.1.2" and row[4]]
    assert c12[4] == "Drøftet: OK"
    undiscussed = [row for row in table if row[0] == "C.1.1"]
    assert undiscussed[0][2:] == ["◐ I gang", "Overskredet · Ikke bekræftet", ""]
    # A4 and Danish, as the committee appendix (Word marks no Danish word as misspelt).
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    languages = {lang.get(qn("w:val")) for lang in document.styles.element.iter(qn("w:lang"))}
    assert languages == {"da-DK"}


def test_the_next_minutes_show_the_change_since_the_last_review(
    edited: Session, vera: Actor, erik: Actor
) -> None:
    first_review(edited, vera)
    edit(edited, erik, "B.1.1", {"status": "Obs", "note": "Mangler data"}, LATER)
    review = start(edited, vera, SECOND)

    text = paragraphs(read(review.id, edited))

    assert "I parentes: ændringen siden gennemgangen 16. november 2026." in text
    assert "Obs 2 (+1)" in text
    assert "Ikke bekræftet" in " ".join(text)
    assert "5. Ændret siden sidste gennemgang (1 punkt, 0 drøftet)" in text


def test_an_empty_section_says_so(edited: Session, vera: Actor) -> None:
    review = start(edited, vera, dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC))
    text = paragraphs(read(review.id, edited))
    new_obs = text.index("1. Nye Obs siden sidste gennemgang (0 punkter, 0 drøftet)")
    assert text[new_obs + 1] == "Ingen punkter."
