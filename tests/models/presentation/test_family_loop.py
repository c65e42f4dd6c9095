"""*I sagde – vi gjorde*: what families raised, what answers it at its current status, what is
still open; people under 5 suppressed, actions exact; and the slide's pages fit the projector."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from models.auth.users import Actor
from models.families.service import add_input, create_meeting, update_input
from models.families.tables import FamilyInput, MeetingKind, ResponseStatus
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.status import Status
from models.plan.tables import Action
from models.presentation.aggregates import build_deck
from models.presentation.family_loop import FamilyLoop, said_and_done
from models.presentation.family_slides import (
    FURTHER,
    LINE_CHARS,
    NO_INPUT,
    PAGE_LINES,
    caption,
    pages,
)
from models.presentation.slides import CONTINUED, SLIDE_TITLES, slides

CLI = Actor.command_line()
TODAY = dt.date(2026, 12, 6)
UPCOMING, IN_PROGRESS, ATTENTION, DONE = Status


def status_of(session: Session, code: str, status: Status) -> None:
    action = session.exec(select(Action).where(Action.code == code)).one()
    save_action_edits(
        session, actor=CLI, edits=[ActionEdit(action.id, action.version, {"status": status})]
    )
    session.commit()


def test_the_seeded_panel_is_all_still_open(seeded_session: Session) -> None:
    loop = said_and_done(seeded_session)
    (meeting,) = loop.meetings
    assert (meeting.kind, meeting.participants, meeting.registered) == (
        MeetingKind.citizen_meeting,
        None,  # nobody counted who came
        "121",
    )
    (theme,) = loop.themes
    assert theme.title == "Uden tema"
    assert len(theme.raised) == len(theme.further) == 15
    assert theme.actions == ()
    assert theme.counts == {UPCOMING: 0, IN_PROGRESS: 0, ATTENTION: 0, DONE: 0}
    assert caption(loop) == "Input fra borgermøde 7. oktober 2025 (121 tilmeldte)"


def _answer(session: Session, key: str, **values: object) -> None:
    item = session.exec(select(FamilyInput).where(FamilyInput.seed_key == key)).one()
    update_input(session, actor=CLI, input_id=item.id, base_version=item.version, values=values)
    session.commit()


def test_we_did_follows_the_plans_status_and_counts_actions_exactly(
    seeded_session: Session,
) -> None:
    _answer(
        seeded_session,
        "fokus-1",
        theme="kultur",
        status="Besvaret med handling",
        actions=["B.1.1", "B.1.2", "B.1.3"],
    )
    _answer(seeded_session, "fokus-3", theme="kultur", status="Under behandling", tracks=["E.5"])
    _answer(
        seeded_session,
        "fokus-5",
        status="Ikke muligt – begrundet",
        response="Det ligger uden for kommunens rammer.",
    )
    status_of(seeded_session, "B.1.2", Status.done)

    loop = said_and_done(seeded_session)
    kultur, uden = loop.themes
    assert kultur.title == "Kultur, mindset & adfærd"
    assert [item.summary for item in kultur.answered] == ["Overhold Barnets lov"]
    assert [(a.code, a.status) for a in kultur.actions][1] == ("B.1.2", DONE)
    assert kultur.counts[DONE] == 1  # exact: actions are about no one
    assert sum(kultur.counts.values()) == 3
    (open_item,) = kultur.further
    (track,) = open_item.tracks
    assert track.code == "E.5"
    assert sum(track.counts.values()) == 4
    assert [i.summary for i in uden.answered] == ["Respekter og lyt til vores virkelighed"]
    assert len(loop.further) == 13  # 15 less the two answered

    family = slides(build_deck(seeded_session, today=TODAY))[7:]
    page = family[0]
    assert page.title == SLIDE_TITLES[7]
    assert page.lines[0] == "Kultur, mindset & adfærd:"
    said = page.lines[1]
    assert said.startswith("I sagde: «Overhold Barnets lov» – vi gjorde: B.1.1 ")
    assert "B.1.2 " in said
    assert "(Afsluttet/implementeret)" in said
    assert page.lines[2] == "Handlinger i alt: 2 kommende opgave, 1 afsluttet/implementeret"
    lines = [line for slide in family for line in slide.lines]
    headings = {slide.lines[i] for slide in family for i in slide.headings}
    assert (
        "I sagde: «Respekter og lyt til vores virkelighed» – ikke muligt: Det ligger uden for"
        " kommunens rammer." in lines
    )
    assert headings == {"Kultur, mindset & adfærd:", "Uden tema:", FURTHER}
    assert (
        "«Inddrag barn og familie FØR afgørelser» (Kultur, mindset & adfærd) – under behandling;"
        " i gang med: spor E.5 Kommunikation og samarbejde med familier (3 kommende opgave,"
        " 1 i gang)" in lines
    )

    status_of(seeded_session, "B.1.2", Status.in_progress)  # no edit of the input item
    again = slides(build_deck(seeded_session, today=TODAY))[7]
    assert "(Afsluttet/implementeret)" not in again.lines[1]
    assert again.lines[2] == "Handlinger i alt: 2 kommende opgave, 1 i gang"


def test_a_small_meeting_is_under_5_people(seeded_session: Session) -> None:
    made = create_meeting(
        seeded_session,
        actor=CLI,
        held_on=dt.date(2026, 11, 3),
        kind="Familiepanel",
        participants=4,
        today=TODAY,
    )
    add_input(seeded_session, actor=CLI, meeting_id=made.id, text="Kortere ventetid på svar")
    seeded_session.commit()
    loop = said_and_done(seeded_session)
    panel = loop.meetings[-1]
    assert (panel.participants, panel.registered) == ("under 5", None)
    assert caption(loop).endswith("; familiepanel 3. november 2026 (under 5 deltagere)")
    assert "4 deltagere" not in repr(loop) + repr(slides(build_deck(seeded_session, today=TODAY)))
    assert loop.themes[-1].raised[-1].status is ResponseStatus.received


def test_the_pages_fit_the_projector_and_continue_under_their_title(
    seeded_session: Session,
) -> None:
    deck = build_deck(seeded_session, today=TODAY)
    family = slides(deck)[7:]
    assert [slide.title for slide in family] == [SLIDE_TITLES[7]] + [
        SLIDE_TITLES[7] + CONTINUED
    ] * (len(family) - 1)
    assert len(family) >= 2  # 15 open items do not fit one slide
    room = PAGE_LINES - 1  # the caption takes a line
    for slide in family:
        assert sum(-(-len(line) // LINE_CHARS) for line in slide.lines) <= room
        assert len(slide.lines) - 1 not in slide.headings  # never a heading at the foot
        assert slide.caption == "Input fra borgermøde 7. oktober 2025 (121 tilmeldte)"
    lines = [line for slide in family for line in slide.lines]
    assert FURTHER in lines
    assert len([line for line in lines if line.startswith("«")]) == 15


def test_without_any_input_the_slide_says_so() -> None:
    (page,) = pages(FamilyLoop())
    assert page.lines == [NO_INPUT]
    assert caption(dataclasses.replace(FamilyLoop())) == ""
