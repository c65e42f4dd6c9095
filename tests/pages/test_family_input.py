"""AppTest renders of Input fra familier: viewers read; editors record a meeting, add, edit and
link items (a conflict is refused in Danish); personal text is refused; the theme pages show
per track the input it answers."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select
from streamlit.testing.v1 import AppTest

from models.auth.users import Actor, Role
from models.core.db import get_engine, session_scope
from models.families.service import update_input
from models.families.tables import FamilyInput, FamilyMeeting
from tests.pages.apptest import assert_unreachable, rendered_text, run_app

PAGE = "pages/family_input.py"


def _stored(seed_key: str) -> FamilyInput:
    with session_scope(get_engine()) as session:
        return session.exec(select(FamilyInput).where(FamilyInput.seed_key == seed_key)).one()


def _button(at: AppTest, label: str, index: int = 0) -> object:
    return [button for button in at.button if button.label == label][index]


def test_a_viewer_reads_the_seeded_meeting_without_forms(users: None) -> None:
    at = run_app(PAGE, username="vera")
    assert at.title[0].value == "Input fra familier"
    text = rendered_text(at)
    assert "Borgermøde 7. oktober 2025: Status på udviklings" in text
    assert "Deltagere: ikke opgjort · Tilmeldte: 121 · 15 endnu ikke besvaret" in text
    assert "Input (15)" in [header.value for header in at.subheader]
    assert "Overhold Barnets lov" in text
    assert "Uden tema · Modtaget" in text
    assert not at.text_area
    assert not [button for button in at.button if button.label == "Gem input"]


def test_a_presenter_cannot_open_the_page(users: None) -> None:
    assert_unreachable(PAGE, username="pia")


def _form_of(at: AppTest, seed_key: str) -> str:
    return f"family_item_{_stored(seed_key).id}_0"


def test_an_editor_answers_an_item_with_actions_and_sees_their_status(users: None) -> None:
    at = run_app(PAGE, username="erik")
    key = _form_of(at, "fokus-3")
    at.selectbox(key=f"{key}_theme").set_value("kommunikation")
    at.selectbox(key=f"{key}_status").set_value(
        next(o for o in at.selectbox(key=f"{key}_status").options if o.startswith("Besvaret"))
    )
    at.multiselect(key=f"{key}_actions").set_value(["E.5.2", "E.5.4"])
    at.text_area(key=f"{key}_response").set_value("Vi gennemgår skabeloner og breve.")
    at.text_area(key=f"{key}_note").set_value("Aftalt med styregruppen")
    at.button(key=f"FormSubmitter:{key}-Gem input").click()
    at.run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Input er gemt."]
    text = rendered_text(at)
    assert "Kommunikation \\\\& inddragelse – og genopbygge tillid · Besvaret med handling" in text
    assert "Svar: Vi gennemgår skabeloner og breve." in text
    assert "I gang</span> <b>E.5.4</b>" in text  # the action's status in the plan now
    assert "Intern bemærkning: Aftalt med styregruppen" in text
    stored = _stored("fokus-3")
    assert (stored.version, stored.updated_by) == (2, "erik")


def test_a_name_is_refused_and_what_was_typed_stays(users: None) -> None:
    at = run_app(PAGE, username="erik")
    key = _form_of(at, "fokus-2")
    at.text_area(key=f"{key}_text").set_value("Mette Hansen følte sig ikke hørt")
    at.button(key=f"FormSubmitter:{key}-Gem input").click()
    at.run()
    (error,) = at.error
    assert error.value.startswith("Input ligner et navn («Mette»)")
    assert at.text_area(key=f"{key}_text").value == "Mette Hansen følte sig ikke hørt"
    assert _stored("fokus-2").text == "Hav fokus på barnet, dets rettigheder og relationer"


def test_an_edit_based_on_an_old_version_is_a_conflict(users: None) -> None:
    at = run_app(PAGE, username="erik")
    key = _form_of(at, "fokus-4")
    with session_scope(get_engine(), write=True) as session:  # hanna saves first
        item = session.exec(select(FamilyInput).where(FamilyInput.seed_key == "fokus-4")).one()
        update_input(
            session,
            actor=Actor("hanna", Role.admin),
            input_id=item.id,
            base_version=item.version,
            values={"status": "Under behandling"},
        )
    at.text_area(key=f"{key}_response").set_value("Vi svarer senere")
    at.button(key=f"FormSubmitter:{key}-Gem input").click()
    at.run()
    assert not at.exception
    (error,) = at.error
    assert error.value.startswith("Inputtet er ændret af hanna ")
    assert "dine ændringer er ikke gemt" in error.value
    assert "Under behandling" in rendered_text(at)  # the stored values now show
    assert _stored("fokus-4").response == ""


def test_an_editor_records_a_meeting_and_adds_an_item(users: None) -> None:
    at = run_app(PAGE, username="erik")
    key = "family_meeting_0"
    at.date_input(key=f"{key}_on").set_value(dt.date(2026, 11, 12))
    at.selectbox(key=f"{key}_kind").set_value(
        next(o for o in at.selectbox(key=f"{key}_kind").options if o == "Familiepanel")
    )
    at.number_input(key=f"{key}_participants").set_value(7)
    at.text_area(key=f"{key}_questions").set_value("Hvad virker?\nHvad mangler?")
    at.button(key=f"FormSubmitter:{key}-Registrér mødet").click()
    at.run()
    saved = "Mødet er registreret: Familiepanel 12. november 2026."
    assert [s.value for s in at.success] == [saved]
    assert "Familiepanel 12. november 2026" in rendered_text(at)
    assert "Deltagere: 7" in rendered_text(at)
    with session_scope(get_engine()) as session:
        meeting = session.exec(select(FamilyMeeting).where(FamilyMeeting.participants == 7)).one()
    new = f"family_new_{meeting.id}_1"
    at.text_area(key=f"{new}_text").set_value("Kortere svartider på mails")
    at.selectbox(key=f"{new}_question").set_value(2)
    at.button(key=f"FormSubmitter:{new}-Tilføj input").click()
    at.run()
    assert [s.value for s in at.success] == ["Input er tilføjet."]
    text = rendered_text(at)
    assert "Kortere svartider på mails" in text
    assert "Svar på spørgsmål 2: Hvad mangler?" in text


def test_the_theme_page_shows_the_input_each_track_answers(users: None) -> None:
    with session_scope(get_engine(), write=True) as session:
        item = session.exec(select(FamilyInput).where(FamilyInput.seed_key == "fokus-7")).one()
        update_input(
            session,
            actor=Actor.command_line(),
            input_id=item.id,
            base_version=item.version,
            values={"status": "Besvaret med handling", "actions": ["E.5.2"]},
        )
    at = run_app("pages/tema_e.py", username="vera")
    text = rendered_text(at)
    assert "Input fra familier, som sporet svarer på" in text
    assert (
        "«Samtale med LIGEVÆRD, ANSVAR, ORDENTLIGHED, ENGAGEMENT med os» – Besvaret med handling"
        " (Borgermøde 07-10-2025; via E.5.2)" in text
    )


def test_user_text_is_shown_as_inert_text(users: None) -> None:
    with session_scope(get_engine(), write=True) as session:
        item = session.exec(select(FamilyInput).where(FamilyInput.seed_key == "fokus-6")).one()
        update_input(
            session,
            actor=Actor.command_line(),
            input_id=item.id,
            base_version=item.version,
            values={
                "text": "Se [klik](https://eksempel.dk) og **fed**",
                "status": "Ikke muligt – begrundet",
                "response": "![billede](https://eksempel.dk/a.png) <b>nej</b>",
            },
        )
    text = rendered_text(run_app(PAGE, username="vera"))
    assert "Se \\\\[klik\\\\](https" in text  # a link written as text stays text
    assert "\\\\*\\\\*fed\\\\*\\\\*" in text
    assert "Svar: \\\\!\\\\[billede\\\\]" in text
    assert "\\\\<b\\\\>nej\\\\</b\\\\>" in text
