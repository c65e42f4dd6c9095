"""The weekly review: its agenda from the plan, "since the last review", drøftet items with
decisions, saving it, the figures' change, and who may do what."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from models.auth.users import Actor, PermissionDenied, Role
from models.core.cpr import CONTROL_MESSAGE, CPR_MESSAGE
from models.plan.action_edits import ActionEdit, Outcome, save_action_edits
from models.plan.change_log import ChangeRow
from models.plan.status import Status
from models.plan.tables import Action
from models.reviews.service import (
    FIRST_REVIEW_DAYS,
    ItemMark,
    ReviewError,
    Trend,
    agenda_sections,
    close_review,
    describe_changes,
    headline,
    list_reviews,
    open_review,
    record_discussions,
    review_items,
    signed_da,
    start_review,
)
from models.reviews.tables import ReviewItem, ReviewSection, WeeklyReview
from tests.factories import actor_for, make_user

EDITED = dt.datetime(2026, 11, 15, 9, tzinfo=dt.UTC)  # erik's edits before the first review
FIRST = dt.datetime(2026, 11, 16, 9, tzinfo=dt.UTC)  # the first review starts
LATER = dt.datetime(2026, 11, 18, 10, tzinfo=dt.UTC)  # an edit between the reviews
SECOND = dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC)  # the next review starts
WINDOW = 30


def edit(session: Session, actor: Actor, code: str, values: dict, now: dt.datetime) -> None:
    action = session.exec(select(Action).where(Action.code == code)).one()
    (result,) = save_action_edits(
        session, actor=actor, edits=[ActionEdit(action.id, action.version, values)], now=now
    )
    assert result.outcome == Outcome.saved, result.message
    session.commit()


@pytest.fixture
def erik(seeded_session: Session) -> Actor:
    return actor_for(make_user(seeded_session, "erik", Role.editor))


@pytest.fixture
def vera(seeded_session: Session) -> Actor:
    return actor_for(make_user(seeded_session, "vera", Role.viewer))


@pytest.fixture
def edited(seeded_session: Session, erik: Actor) -> Session:
    """Before the first review erik puts A.4.1 on Obs and moves C.1.2's deadline to 1 Dec."""
    edit(seeded_session, erik, "A.4.1", {"status": "Obs", "note": "Venter på leverandør"}, EDITED)
    edit(
        seeded_session,
        erik,
        "C.1.2",
        {"revised_end_date": dt.date(2026, 12, 1), "revised_reason": "Ny plan"},
        EDITED,
    )
    return seeded_session


def start(session: Session, actor: Actor, now: dt.datetime):
    review = start_review(session, actor=actor, now=now, window_days=WINDOW)
    session.commit()
    return review


def codes(session: Session, review_id: int) -> dict[ReviewSection, list[str]]:
    sections = agenda_sections(review_items(session, review_id))
    return {section: [item.code for item in items] for section, items in sections.items()}


def item(session: Session, review_id: int, section: ReviewSection, code: str):
    (found,) = [
        i for i in review_items(session, review_id) if i.section == section and i.code == code
    ]
    return found


def first_review(session: Session, vera: Actor) -> int:
    """The first review, with A.4.1 and C.1.2 discussed, saved an hour after it started."""
    review = start(session, vera, FIRST)
    marks = [
        ItemMark(item(session, review.id, ReviewSection.new_obs, "A.4.1").id, True, "Følges op"),
        ItemMark(item(session, review.id, ReviewSection.due_soon, "C.1.2").id, True, "OK"),
    ]
    record_discussions(session, actor=vera, review_id=review.id, marks=marks, now=FIRST)
    close_review(
        session,
        actor=vera,
        review_id=review.id,
        attendees="Vera\nErik",
        now=FIRST + dt.timedelta(hours=1),
    )
    session.commit()
    return review.id


# --- the agenda -----------------------------------------------------------------------------


def test_the_agenda_walks_new_obs_overdue_due_soon_unconfirmed_then_changes(
    edited: Session, vera: Actor
) -> None:
    review = start(edited, vera, FIRST)
    found = codes(edited, review.id)

    assert list(found) == list(ReviewSection)
    assert found[ReviewSection.new_obs] == ["A.4.1"]
    assert found[ReviewSection.due_soon] == ["C.1.2"]  # its revised deadline, 1 Dec
    assert "C.1.1" in found[ReviewSection.overdue]
    assert "A.2.6" in found[ReviewSection.unconfirmed]  # recurring: never overdue
    assert found[ReviewSection.changed] == ["A.4.1", "C.1.2"]
    attention = [code for section in list(ReviewSection)[:4] for code in found[section]]
    assert len(attention) == len(set(attention))  # each action once in sections 1–4


def test_the_items_say_why_they_are_on_the_agenda(edited: Session, vera: Actor) -> None:
    review = start(edited, vera, FIRST)

    new_obs = item(edited, review.id, ReviewSection.new_obs, "A.4.1")
    assert (new_obs.status, new_obs.detail) == ("Obs", "Venter på leverandør")  # the note
    assert item(edited, review.id, ReviewSection.overdue, "C.1.1").detail == (
        "Overskredet · Ikke bekræftet"
    )
    assert item(edited, review.id, ReviewSection.changed, "A.4.1").detail == (
        "Status: Kommende opgave → Obs; Statusnote ændret (erik)"
    )
    assert item(edited, review.id, ReviewSection.changed, "C.1.2").detail == (
        "Revideret frist: – → 1. december 2026; Begrundelse for revideret frist ændret (erik)"
    )


def test_the_first_review_looks_back_a_week(edited: Session, vera: Actor) -> None:
    review = start(edited, vera, EDITED + dt.timedelta(days=FIRST_REVIEW_DAYS, minutes=1))
    assert review.changes_since == EDITED + dt.timedelta(minutes=1)
    assert review.previous_held_on is None
    found = codes(edited, review.id)
    assert (found[ReviewSection.new_obs], found[ReviewSection.changed]) == ([], [])


def test_the_next_review_starts_from_the_last_one(
    edited: Session, vera: Actor, erik: Actor
) -> None:
    first_id = first_review(edited, vera)
    edit(edited, erik, "B.1.1", {"status": "Obs", "note": "Mangler data"}, LATER)

    review = start(edited, vera, SECOND)

    (first,) = list_reviews(edited)
    assert first.id == first_id
    assert review.changes_since == first.started_at
    found = codes(edited, review.id)
    assert found[ReviewSection.new_obs] == ["B.1.1"]
    assert found[ReviewSection.changed] == ["B.1.1"]  # only what changed after the last one
    assert "A.4.1" in found[ReviewSection.overdue]  # still Obs, no longer new: its other reason
    assert not any(i.discussed for i in review_items(edited, review.id))  # a fresh agenda


def test_the_figures_change_since_the_last_review(
    edited: Session, vera: Actor, erik: Actor
) -> None:
    first_review(edited, vera)
    edit(edited, erik, "B.1.1", {"status": "Obs", "note": "Mangler data"}, LATER)

    review = start(edited, vera, SECOND)

    figures = {figure.label: figure for figure in review.headline}
    assert list(figures) == [
        "Overskredne",
        "Obs",
        "Frist inden for 30 dage",
        "Ikke bekræftet",
        "Afsluttet/implementeret",
    ]
    assert (figures["Obs"].value, figures["Obs"].delta, figures["Obs"].trend) == (
        "2",
        "+1",
        Trend.worse,
    )
    unconfirmed = figures["Ikke bekræftet"]
    assert (unconfirmed.delta, unconfirmed.trend) == ("\u22121", Trend.better)  # B.1.1 touched
    assert (figures["Overskredne"].delta, figures["Overskredne"].trend) == ("±0", Trend.same)
    assert figures["Afsluttet/implementeret"].delta == "±0 procentpoint"
    assert figures["Obs"].line == "Obs 2 (+1)"


def test_the_first_review_has_figures_without_a_change(edited: Session, vera: Actor) -> None:
    review = start(edited, vera, FIRST)
    obs = next(figure for figure in review.headline if figure.label == "Obs")
    assert (obs.line, obs.delta, obs.trend) == ("Obs 1", None, Trend.none)


@pytest.mark.parametrize(
    ("now", "before", "expected"),
    [
        ({"overdue": 48}, {"overdue": 51}, ("Overskredne 48 (\u22123)", Trend.better)),
        ({"overdue": 1234}, {"overdue": 1200}, ("Overskredne 1.234 (+34)", Trend.worse)),
        ({"due_soon": 5}, {"due_soon": 2}, ("Frist inden for 30 dage 5 (+3)", Trend.neutral)),
        (
            {"done": 30, "total": 87},
            {"done": 26, "total": 87},
            ("Afsluttet/implementeret 34 % (+4 procentpoint)", Trend.better),
        ),
    ],
)
def test_a_figure_reads_with_its_change(now: dict, before: dict, expected: tuple) -> None:
    label = expected[0].split(" ")[0]
    (figure,) = [f for f in headline(now, before) if f.label.startswith(label)]
    assert (figure.line, figure.trend) == expected


@pytest.mark.parametrize(("change", "text"), [(3, "+3"), (-3, "\u22123"), (0, "±0")])
def test_changes_are_signed_with_a_real_minus(change: int, text: str) -> None:
    assert signed_da(change) == text


def test_a_change_description_takes_each_field_from_first_to_last() -> None:
    def row(field: str, old: str, new: str, minute: int, user: str = "erik") -> ChangeRow:
        return ChangeRow(
            changed_at=FIRST + dt.timedelta(minutes=minute),
            username=user,
            action_id=1,
            action_code="A.1.1",
            action_text="…",
            theme_code="A",
            track_code="A.1",
            field=field,
            old_value=old,
            new_value=new,
            note="",
            status_now=Status.done,
        )

    rows = [
        row("status", "I gang", "Afsluttet/implementeret", 5, "hanna"),
        row("status", "Kommende opgave", "I gang", 0),
        row("kind", "deadline", "recurring", 1),
        row("confirmed", "I gang", "I gang", 2),
    ]
    assert describe_changes(rows) == (
        "Status: Kommende opgave → Afsluttet/implementeret; Type: Frist → Tilbagevendende; "
        "Bekræftet uændret (erik, hanna)"
    )


# --- one review at a time --------------------------------------------------------------------


def test_a_review_in_progress_is_resumed_not_started_again(
    edited: Session, vera: Actor, erik: Actor
) -> None:
    review = start(edited, vera, FIRST)
    again = start(edited, erik, FIRST + dt.timedelta(hours=2))

    assert again.id == review.id
    assert again.started_by == "vera"
    assert open_review(edited) == review
    assert edited.exec(select(sa.func.count(WeeklyReview.id))).one() == 1


def test_the_database_allows_one_open_review(edited: Session, vera: Actor) -> None:
    start(edited, vera, FIRST)
    edited.add(
        WeeklyReview(held_on=FIRST.date(), started_by="x", changes_since=FIRST, started_at=FIRST)
    )
    with pytest.raises(sa.exc.IntegrityError):
        edited.flush()


# --- drøftet, decisions, saving ----------------------------------------------------------------


def test_an_item_is_marked_drøftet_with_its_decision_and_who(edited: Session, vera: Actor) -> None:
    review = start(edited, vera, FIRST)
    target = item(edited, review.id, ReviewSection.new_obs, "A.4.1")
    marked = FIRST + dt.timedelta(minutes=20)

    changed = record_discussions(
        edited,
        actor=vera,
        review_id=review.id,
        marks=[ItemMark(target.id, True, "  Leverandøren kontaktes  ")],
        now=marked,
    )
    edited.commit()

    assert changed == 1
    stored = item(edited, review.id, ReviewSection.new_obs, "A.4.1")
    assert (stored.discussed, stored.decision, stored.discussed_by, stored.discussed_at) == (
        True,
        "Leverandøren kontaktes",
        "vera",
        marked,
    )


def test_a_decision_makes_an_item_drøftet_and_unmarking_clears_who(
    edited: Session, vera: Actor
) -> None:
    review = start(edited, vera, FIRST)
    target = item(edited, review.id, ReviewSection.due_soon, "C.1.2").id
    record_discussions(
        edited, actor=vera, review_id=review.id, marks=[ItemMark(target, False, "Ny frist ok")]
    )
    assert item(edited, review.id, ReviewSection.due_soon, "C.1.2").discussed

    record_discussions(edited, actor=vera, review_id=review.id, marks=[ItemMark(target, False)])
    stored = item(edited, review.id, ReviewSection.due_soon, "C.1.2")
    assert (stored.discussed, stored.decision, stored.discussed_by) == (False, "", None)


def test_a_saved_review_keeps_its_attendees_and_can_no_longer_change(
    edited: Session, vera: Actor
) -> None:
    review_id = first_review(edited, vera)

    (saved,) = list_reviews(edited)
    assert (saved.attendees, saved.closed_by, saved.is_open) == ("Vera\nErik", "vera", False)
    assert open_review(edited) is None
    discussed = [i.code for i in review_items(edited, review_id) if i.discussed]
    assert discussed == ["A.4.1", "C.1.2"]
    target = review_items(edited, review_id)[0].id
    with pytest.raises(ReviewError, match="afsluttet"):
        record_discussions(
            edited, actor=vera, review_id=review_id, marks=[ItemMark(target, True, "x")]
        )
    with pytest.raises(ReviewError, match="afsluttet"):
        close_review(edited, actor=vera, review_id=review_id, attendees="Vera")


def test_a_review_is_saved_only_with_its_attendees(edited: Session, vera: Actor) -> None:
    review = start(edited, vera, FIRST)
    with pytest.raises(ReviewError, match="hvem der deltog"):
        close_review(edited, actor=vera, review_id=review.id, attendees="   ")
    assert open_review(edited) is not None


def test_an_item_of_another_review_is_refused(edited: Session, vera: Actor) -> None:
    old = first_review(edited, vera)
    review = start(edited, vera, SECOND)
    foreign = review_items(edited, old)[0].id
    with pytest.raises(ReviewError, match="findes ikke på denne gennemgang"):
        record_discussions(
            edited, actor=vera, review_id=review.id, marks=[ItemMark(foreign, True, "x")]
        )


# --- who may, and what is never stored -----------------------------------------------------------


@pytest.mark.parametrize("role", [Role.viewer, Role.editor, Role.admin])
def test_the_steering_group_may_run_a_review(edited: Session, role: Role) -> None:
    actor = actor_for(make_user(edited, f"user-{role.value}", role))
    review = start(edited, actor, FIRST)
    target = review_items(edited, review.id)[0].id
    record_discussions(edited, actor=actor, review_id=review.id, marks=[ItemMark(target, True)])
    closed = close_review(edited, actor=actor, review_id=review.id, attendees="Styregruppen")
    assert closed.closed_by == actor.username


def test_a_presenter_may_not_run_a_review(edited: Session, vera: Actor) -> None:
    pia = actor_for(make_user(edited, "pia", Role.presenter))
    with pytest.raises(PermissionDenied):
        start_review(edited, actor=pia, now=FIRST)
    review = start(edited, vera, FIRST)
    target = review_items(edited, review.id)[0].id
    with pytest.raises(PermissionDenied):
        record_discussions(edited, actor=pia, review_id=review.id, marks=[ItemMark(target, True)])
    with pytest.raises(PermissionDenied):
        close_review(edited, actor=pia, review_id=review.id, attendees="Pia")


def test_a_deactivated_viewer_is_refused(edited: Session, vera: Actor) -> None:
    from models.auth.users import set_active

    set_active(edited, actor=Actor.command_line(), username="vera", active=False)
    with pytest.raises(PermissionDenied):
        start_review(edited, actor=vera, now=FIRST)


@pytest.mark.parametrize(
    ("bad", "message"), [("010190-1234", CPR_MESSAGE), ("a\x00b", CONTROL_MESSAGE)]
)
def test_a_cpr_number_or_control_character_is_never_stored(
    edited: Session, vera: Actor, bad: str, message: str
) -> None:
    review = start(edited, vera, FIRST)
    first, second = review_items(edited, review.id)[:2]
    marks = [ItemMark(first.id, True, "Godt"), ItemMark(second.id, True, f"Barn {bad}")]
    with pytest.raises(ReviewError, match=message[:30]):
        record_discussions(edited, actor=vera, review_id=review.id, marks=marks)
    with pytest.raises(ReviewError, match=message[:30]):
        close_review(edited, actor=vera, review_id=review.id, attendees=f"Vera {bad}")
    edited.commit()
    assert not any(i.discussed for i in review_items(edited, review.id))  # not even "Godt"
    assert open_review(edited) is not None
    decisions = edited.exec(select(ReviewItem.decision)).all()
    assert not any(bad in decision for decision in decisions)


def test_a_decision_has_a_length_limit(edited: Session, vera: Actor) -> None:
    review = start(edited, vera, FIRST)
    target = review_items(edited, review.id)[0]
    with pytest.raises(ReviewError, match=f"{target.code}: beslutningen må højst være 2000"):
        record_discussions(
            edited, actor=vera, review_id=review.id, marks=[ItemMark(target.id, True, "x" * 2001)]
        )
