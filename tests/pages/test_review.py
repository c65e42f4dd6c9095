"""AppTest renders of Ugentlig gennemgang: start, the figures with their change, the agenda's
sections with counts, saving with the attendees and the minutes. (The grid's checkboxes are
not editable in AppTest: marking items is tested on the write function and in a browser.)"""

from __future__ import annotations

from sqlmodel import select
from streamlit.testing.v1 import AppTest

from models.auth.users import Actor, Role
from models.core.db import get_engine, session_scope
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.tables import Action
from models.reviews.service import ItemMark, open_review, record_discussions, review_items
from tests.pages.apptest import assert_unreachable, run_app

PAGE = "pages/review.py"
SECTIONS = (
    "Nye Obs siden sidste gennemgang",
    "Overskredne",
    "Frist inden for 30 dage",
    "Ikke bekræftet",
    "Ændret siden sidste gennemgang",
)


def set_obs(code: str, note: str) -> None:
    with session_scope(get_engine(), write=True) as session:
        action = session.exec(select(Action).where(Action.code == code)).one()
        save_action_edits(
            session,
            actor=Actor("erik", Role.editor),
            edits=[ActionEdit(action.id, action.version, {"status": "Obs", "note": note})],
        )


def click(at: AppTest, label: str) -> AppTest:
    (button,) = [button for button in at.button if button.label == label]
    button.click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sections(at: AppTest) -> list[str]:
    return [sub.value for sub in at.subheader if sub.value[:1].isdigit()]


def test_the_steering_group_may_open_the_review_and_a_presenter_may_not(users: None) -> None:
    for username in ("hanna", "erik", "vera"):
        at = run_app(PAGE, username=username)
        assert at.title[0].value == "Ugentlig gennemgang"
        assert at.info[0].value.startswith("Der er ikke holdt nogen ugentlig gennemgang endnu.")
        assert "Start ugentlig gennemgang" in [button.label for button in at.button]
    assert_unreachable(PAGE, username="pia")


def test_a_started_review_shows_the_figures_and_the_ordered_sections(users: None) -> None:
    set_obs("A.4.1", "Venter på leverandør")
    at = click(run_app(PAGE, username="vera"), "Start ugentlig gennemgang")

    assert at.success[0].value.startswith("Gennemgangen er startet")
    assert at.caption[1].value.startswith("Gennemgangen ")
    assert "er i gang (startet " in at.caption[1].value
    assert "Første gennemgang: ændringer fra de seneste 7 dage" in at.caption[1].value
    figures = {metric.label: (metric.value, metric.delta) for metric in at.metric}
    assert list(figures) == [
        "Overskredne",
        "Obs",
        "Frist inden for 30 dage",
        "Ikke bekræftet",
        "Afsluttet/implementeret",
    ]
    assert figures["Obs"] == ("1", "")  # the first review: nothing to compare with
    headings = sections(at)
    assert [heading.split(" (")[0] for heading in headings] == [
        f"{number}. {title}" for number, title in enumerate(SECTIONS, start=1)
    ]
    assert headings[0] == "1. Nye Obs siden sidste gennemgang (1 punkt, 0 drøftet)"
    assert headings[4].startswith("5. Ændret siden sidste gennemgang (")
    empty = [caption.value for caption in at.caption].count("Ingen punkter.")
    assert len(at.data_editor) == len(headings) - empty  # a grid per section with items
    new_obs = at.data_editor[0].value
    assert list(new_obs.columns) == [
        "Nr.",
        "Handling",
        "Status",
        "Hvorfor",
        "Drøftet",
        "Beslutning",
    ]
    assert new_obs.iloc[0][["Nr.", "Status", "Hvorfor", "Drøftet"]].tolist() == [
        "A.4.1",
        "! Obs",
        "Venter på leverandør",
        False,
    ]


def test_ticks_and_decisions_in_a_grid_are_saved_by_its_button(users: None) -> None:
    at = click(run_app(PAGE, username="vera"), "Start ugentlig gennemgang")
    with session_scope(get_engine()) as session:
        review = open_review(session)
    grid = f"review_{review.id}_overdue_grid0"
    at.session_state[grid] = {
        "edited_rows": {0: {"Drøftet": True}, 1: {"Beslutning": "Ny frist i januar"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert "2 punkter med ændringer, der ikke er gemt endnu." in [c.value for c in at.caption]

    at.button(key=f"review_{review.id}_overdue_save").click()
    at.run()

    assert at.success[0].value == "2 punkter gemt."
    assert sections(at)[1].endswith(", 2 drøftet)")
    with session_scope(get_engine()) as session:
        items = review_items(session, review.id)
    overdue = [item for item in items if item.section.name == "overdue"]
    assert [(item.discussed, item.decision, item.discussed_by) for item in overdue[:3]] == [
        (True, "", "vera"),
        (True, "Ny frist i januar", "vera"),
        (False, "", None),
    ]


def test_a_review_is_saved_with_its_attendees_and_the_next_shows_the_change(
    users: None,
) -> None:
    set_obs("A.4.1", "Venter på leverandør")
    at = click(run_app(PAGE, username="vera"), "Start ugentlig gennemgang")
    with session_scope(get_engine(), write=True) as session:
        review = open_review(session)
        first = review_items(session, review.id)[0]
        record_discussions(
            session,
            actor=Actor("vera", Role.viewer),
            review_id=review.id,
            marks=[ItemMark(first.id, True, "Leverandøren kontaktes")],
        )
    at.run()
    assert sections(at)[0] == "1. Nye Obs siden sidste gennemgang (1 punkt, 1 drøftet)"

    click(at, "Afslut og gem gennemgangen")
    assert [error.value for error in at.error] == [
        "Skriv, hvem der deltog i gennemgangen, før den gemmes."
    ]
    at.text_area[0].set_value("Vera\nErik")
    click(at, "Afslut og gem gennemgangen")

    assert at.success[0].value == "Gennemgangen er gemt. Hent referatet herunder."
    assert at.info[0].value.startswith("Seneste gennemgang: ")
    (download,) = at.get("download_button")
    assert download.proto.label == "Hent referat (Word)"

    set_obs("B.1.1", "Mangler data")
    click(at, "Start ugentlig gennemgang")
    figures = {metric.label: (metric.value, metric.delta) for metric in at.metric}
    assert figures["Obs"] == ("2", "+1")
    headings = sections(at)
    assert headings[0] == "1. Nye Obs siden sidste gennemgang (1 punkt, 0 drøftet)"
    assert headings[4] == "5. Ændret siden sidste gennemgang (1 punkt, 0 drøftet)"
    assert "Siden sidste gennemgang: ændringer fra " in at.caption[1].value
