"""The family panel as seed 000 has it, word for word, and its seeding: idempotent, never over
a person's edit."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from sqlmodel import Session, select

from models.auth.users import Actor
from models.families.panel import PANEL_PATH, load_panel
from models.families.seed import seed_family_panel
from models.families.service import update_input, update_meeting
from models.families.tables import FamilyChange, FamilyInput, FamilyMeeting, ResponseStatus

# A verbatim copy of ../shared/seeds/000_1913b446ccb86ffc.txt (a public document), kept in the
# repository so that the test runs wherever the checkout is.
SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / "000_1913b446ccb86ffc.txt"
PANEL = load_panel()
(MEETING,) = PANEL.meetings
BULLET = "\uf076"  # the slides' bullet character in the PDF's text


def normalised(text: str) -> str:
    """Whitespace as one space (the PDF export breaks lines and doubles spaces)."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def raw() -> str:
    if not SEED.exists():
        pytest.fail(f"seed 000 is missing: {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def source(raw: str) -> str:
    return normalised(raw.replace(BULLET, " "))


def _slide(source: str, heading: str, following: str) -> str:
    """The text of the slide from `heading` up to the next slide's heading."""
    start = source.index(heading)
    return source[start : source.index(following, start)]


def test_the_8_discussed_topics_are_the_slides_bullets_word_for_word(raw: str) -> None:
    slide = _slide(normalised(raw), "FAMILIEPANELET -VI HAR DRØFTET", "4 TEMAER")
    bullets = [normalised(text) for text in slide.split(BULLET)[1:]]
    topics = [item for item in MEETING.items if item.key.startswith("droeftet-")]
    assert [item.text for item in topics] == bullets
    assert len(bullets) == 8
    for number, item in enumerate(topics, start=1):
        assert item.source.endswith(
            f"«Oplæg fra borgedeltagerne i familiepanelet – vi har drøftet», punkt {number}"
        )


def test_the_7_focus_points_are_the_slides_words(source: str) -> None:
    slide = _slide(source, "FOKUS I FAMILIEPANELET", "DRØFTELSER VED BORDENE")
    points = [item for item in MEETING.items if item.key.startswith("fokus-")]
    assert len(points) == 7
    rest = slide.removeprefix("FOKUS I FAMILIEPANELET ")
    for number, item in enumerate(points, start=1):
        assert rest.startswith(item.text), (item.text, rest[:80])  # each point, in order, whole
        rest = rest.removeprefix(item.text).lstrip()
        assert item.source.endswith(f"«Fokus i familiepanelet», punkt {number}")
    assert rest == ""


def test_the_6_table_questions_are_the_slides_words(source: str) -> None:
    slide = _slide(source, "DRØFTELSER VED BORDENE", "FÆLLES AFRUNDING")
    expected = [
        normalised(text) for text in re.findall(r"\d\. (.+?\?)", slide.removeprefix("DRØFTELSER"))
    ]
    assert list(MEETING.questions) == expected
    assert len(expected) == 6
    assert MEETING.questions_source.endswith("«DRØFTELSER VED BORDENE»")


def test_the_4_themes_are_the_slides_headings(source: str) -> None:
    assert [theme.title for theme in PANEL.themes] == [
        "Kommunikation & inddragelse – og genopbygge tillid",
        "Kultur, mindset & adfærd",
        "Sagsbehandling, processer & ansvar",
        "Kompetencer, udvikling & samarbejde",
    ]
    after = source[source.index("4 TEMAER") :]
    for theme in PANEL.themes:
        assert theme.source_text in after  # the heading exactly as the slide spells it
        # The title is that heading in sentence case, its "-OG" written as "– og".
        assert theme.title.casefold() == theme.source_text.replace(" -OG ", " – OG ").casefold()


def test_the_meeting_is_registered_not_counted(source: str) -> None:
    assert "121 TILMELDTE" in source
    assert (MEETING.held_on.isoformat(), MEETING.kind) == ("2025-10-07", "Borgermøde")
    assert (MEETING.registered, MEETING.participants) == (121, None)
    assert all(item.theme is None for item in MEETING.items)  # the source does not say


def test_the_seeded_database_holds_the_panel(seeded_session: Session) -> None:
    (meeting,) = seeded_session.exec(select(FamilyMeeting)).all()
    items = seeded_session.exec(select(FamilyInput).order_by(FamilyInput.position)).all()
    assert (meeting.registered, meeting.participants, meeting.questions) == (
        121,
        None,
        list(MEETING.questions),
    )
    assert [item.text for item in items] == [item.text for item in MEETING.items]
    assert {item.status for item in items} == {ResponseStatus.received}
    assert {item.theme for item in items} == {None}


def test_seeding_again_changes_nothing(seeded_session: Session) -> None:
    report = seed_family_panel(seeded_session)
    assert (report.created, report.refreshed) == (0, 0)


def test_a_corrected_file_reaches_what_nobody_edited_and_never_a_persons_edit(
    seeded_session: Session, editor: Actor
) -> None:
    items = {i.seed_key: i for i in seeded_session.exec(select(FamilyInput)).all()}
    meeting = seeded_session.exec(select(FamilyMeeting)).one()
    edited = items["fokus-1"]
    update_input(
        seeded_session,
        actor=editor,
        input_id=edited.id,
        base_version=edited.version,
        values={"text": "Overhold Barnets lov i alle sager", "theme": "kultur"},
    )
    update_meeting(
        seeded_session,
        actor=editor,
        meeting_id=meeting.id,
        base_version=meeting.version,
        values={"participants": 95},
    )
    seeded_session.commit()

    changed = dataclasses.replace(
        MEETING,
        title="Ny titel fra filen",
        participants=100,
        items=tuple(
            dataclasses.replace(item, text=item.text + " (rettet)", theme="kompetencer")
            for item in MEETING.items
        ),
    )
    report = seed_family_panel(seeded_session, dataclasses.replace(PANEL, meetings=(changed,)))
    seeded_session.commit()

    assert report.refreshed == 1 + 14  # the meeting and every item but the one erik edited
    seeded_session.expire_all()
    meeting = seeded_session.get(FamilyMeeting, meeting.id)
    assert (meeting.title, meeting.participants) == ("Ny titel fra filen", 95)  # 95: erik's
    fokus = seeded_session.get(FamilyInput, edited.id)
    assert (fokus.text, fokus.theme) == ("Overhold Barnets lov i alle sager", "kultur")
    other = seeded_session.get(FamilyInput, items["fokus-2"].id)
    assert other.text.endswith(" (rettet)")
    assert other.theme == "kompetencer"
    assert other.version == 2  # a form opened before the correction gets a conflict
    audit = seeded_session.exec(select(FamilyChange.username)).all()
    assert set(audit) == {"erik"}  # the file's corrections are not a person's changes


def test_the_panel_file_says_where_it_comes_from() -> None:
    text = PANEL_PATH.read_text(encoding="utf-8")
    assert "000_1913b446ccb86ffc.txt" in text
    assert all(item.source.startswith("Borgermøde 7.10.2025, dias «") for item in MEETING.items)
