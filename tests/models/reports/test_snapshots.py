"""Snapshots never change afterwards; comparisons say what happened in Danish."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Actor, PermissionDenied, Role
from models.bootstrap import init_db
from models.core.formatting import date_long_da
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.tables import Action
from models.reports.compare import compare
from models.reports.snapshots import (
    SEED_KEY_MESSAGES,
    SnapshotError,
    SnapshotEvent,
    StatusReport,
    create_snapshot,
    current_key_messages,
    delete_snapshot,
    deleted_reports,
    list_snapshots,
    load_report,
    report_now,
    set_appendix_details,
    set_key_messages,
)
from tests.factories import actor_for, make_user

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def plan(engine: Engine, session: Session) -> Session:
    init_db(engine)
    return session


def edit(session: Session, actor: Actor, code: str, **values: object) -> None:
    action = session.exec(select(Action).where(Action.code == code)).one()
    session.refresh(action)
    save_action_edits(session, actor=actor, edits=[ActionEdit(action.id, action.version, values)])
    session.commit()


def test_a_snapshot_keeps_the_state_and_later_edits_do_not_change_it(plan: Session) -> None:
    editor = actor_for(make_user(plan, "erik", Role.editor))
    edit(plan, editor, "A.4.1", note="Før rapporten", responsible="Familiechef")
    create_snapshot(plan, actor=editor, name="Status BLU 29.9.2025", taken_on=TODAY, today=TODAY)
    plan.commit()
    before = load_report(plan, "Status BLU 29.9.2025")

    edit(plan, editor, "A.4.1", status="Obs", note="Efter rapporten")
    set_key_messages(plan, actor=editor, texts=["Ny 1", "Ny 2", "Ny 3", "Ny 4", "Ny 5"])
    plan.commit()

    again = load_report(plan, "Status BLU 29.9.2025")
    assert again == before
    frozen = next(a for a in again.actions if a.code == "A.4.1")
    assert (frozen.status, frozen.note, frozen.responsible) == (
        "Kommende opgave",
        "Før rapporten",
        "Familiechef",
    )
    assert again.key_messages == list(SEED_KEY_MESSAGES)
    assert len(again.actions) == 87
    assert {i["code"] for i in again.indicators} >= {"sager-pr-raadgiver", "sygefravaer"}


def test_compare_a_snapshot_with_now_in_sentences_and_rows(plan: Session) -> None:
    editor = actor_for(make_user(plan, "erik", Role.editor))
    create_snapshot(plan, actor=editor, name="Q3", taken_on=TODAY, today=TODAY)
    plan.commit()
    edit(plan, editor, "A.4.1", status="Obs", note="Afventer leverandør")
    edit(plan, editor, "A.4.2", status="Afsluttet/implementeret")
    edit(plan, editor, "B.1.1", status="I gang")
    comparison = compare(load_report(plan, "Q3"), report_now(plan, today=TODAY))
    assert [(row.code, row.old_status, row.new_status) for row in comparison.rows] == [
        ("A.4.1", "Kommende opgave", "Obs"),
        ("A.4.2", "Kommende opgave", "Afsluttet/implementeret"),
        ("B.1.1", "Kommende opgave", "I gang"),
    ]
    assert comparison.sentences["A"] == [
        "1 handling er afsluttet/implementeret (A.4.2)",
        "1 ny Obs (A.4.1)",
    ]
    assert comparison.sentences["B"] == ["1 handling er sat i gang (B.1.1)"]
    assert comparison.sentences["F"] == ["Ingen ændringer i status."]
    assert comparison.sentences[""] == [
        "Siden «Q3» (23. november 2026) har 3 handlinger skiftet status."
    ]


def test_names_are_unique_and_required(plan: Session) -> None:
    create_snapshot(plan, actor=Actor.command_line(), name="Q3", taken_on=TODAY, today=TODAY)
    with pytest.raises(SnapshotError, match="Der findes allerede en statusrapport med navnet 'Q3'"):
        create_snapshot(plan, actor=Actor.command_line(), name=" Q3 ", taken_on=TODAY, today=TODAY)
    with pytest.raises(SnapshotError, match="skal have et navn"):
        create_snapshot(plan, actor=Actor.command_line(), name="  ", taken_on=TODAY, today=TODAY)


def test_only_admins_delete_and_deletion_is_audited(plan: Session) -> None:
    editor = actor_for(make_user(plan, "erik", Role.editor))
    admin = actor_for(make_user(plan, "hanna", Role.admin))
    create_snapshot(plan, actor=editor, name="Q3", taken_on=TODAY, today=TODAY)
    with pytest.raises(PermissionDenied):
        delete_snapshot(plan, actor=editor, name="Q3", confirmation="Q3", reason=REASON)
    delete_snapshot(plan, actor=admin, name="Q3", confirmation="Q3", reason=f"  {REASON} ")
    plan.commit()
    assert list_snapshots(plan) == []
    events = [(e.username, e.event, e.name, e.reason) for e in plan.exec(select(SnapshotEvent))]
    assert events == [("erik", "created", "Q3", None), ("hanna", "deleted", "Q3", REASON)]
    (deleted,) = deleted_reports(plan)
    assert (deleted.username, deleted.name, deleted.reason) == ("hanna", "Q3", REASON)
    assert deleted.occurred_at is not None


REASON = "Oprettet to gange ved en fejl"


@pytest.mark.parametrize(
    ("confirmation", "reason", "refusal"),
    [
        ("", REASON, "Skriv rapportens navn «Status BLU 29.9.2025» præcis"),
        ("status blu 29.9.2025", REASON, "Skriv rapportens navn «Status BLU 29.9.2025» præcis"),
        ("Status BLU 29.9", REASON, "Skriv rapportens navn"),
        ("Status BLU 29.9.2025", "", "Skriv hvorfor rapporten slettes \\(mindst 10 tegn\\)"),
        ("Status BLU 29.9.2025", "fejl      ", "Skriv hvorfor rapporten slettes"),
        ("Status BLU 29.9.2025", "x" * 501, "Begrundelsen må højst være 500 tegn"),
        ("Status BLU 29.9.2025", "Barnet 010190-1234 nævnt", "CPR"),
    ],
    ids=["empty", "other-case", "part", "no-reason", "short-reason", "long-reason", "cpr"],
)
def test_deleting_needs_the_typed_name_and_a_reason(
    plan: Session, confirmation: str, reason: str, refusal: str
) -> None:
    admin = actor_for(make_user(plan, "hanna", Role.admin))
    create_snapshot(plan, actor=admin, name="Status BLU 29.9.2025", taken_on=TODAY, today=TODAY)
    plan.commit()
    with pytest.raises(SnapshotError, match=refusal):
        delete_snapshot(
            plan,
            actor=admin,
            name="Status BLU 29.9.2025",
            confirmation=confirmation,
            reason=reason,
        )
    plan.rollback()
    assert [s.name for s in list_snapshots(plan)] == ["Status BLU 29.9.2025"]
    assert deleted_reports(plan) == []


def test_a_report_is_dated_the_day_it_freezes_unless_it_is_a_reconstruction(
    plan: Session,
) -> None:
    editor = actor_for(make_user(plan, "erik", Role.editor))
    earlier = dt.date(2026, 11, 1)
    with pytest.raises(SnapshotError) as refused:
        create_snapshot(plan, actor=editor, name="Q3", taken_on=earlier, today=TODAY)
    assert str(refused.value) == (
        "Rapporten fryser data, som de er i dag (23. november 2026), men er dateret "
        "1. november 2026. Dater den i dag, eller markér den som rekonstruktion."
    )
    with pytest.raises(SnapshotError, match="ligger i fremtiden"):
        create_snapshot(
            plan, actor=editor, name="Q3", taken_on=TODAY + dt.timedelta(days=1), today=TODAY
        )
    with pytest.raises(SnapshotError, match="En rekonstruktion dateres før i dag"):
        create_snapshot(
            plan, actor=editor, name="Q3", taken_on=TODAY, today=TODAY, reconstruction=True
        )
    assert list_snapshots(plan) == []

    create_snapshot(plan, actor=editor, name="Q3", taken_on=TODAY, today=TODAY)
    made = create_snapshot(
        plan, actor=editor, name="Q3 igen", taken_on=earlier, today=TODAY, reconstruction=True
    )
    plan.commit()
    frozen_on = made.frozen_on  # the real day the test runs: created_at is the clock's
    assert load_report(plan, "Q3").reconstruction_label == ""
    report = load_report(plan, "Q3 igen")
    assert (report.taken_on, report.frozen_on, report.reconstruction) == (
        earlier,
        frozen_on,
        True,
    )
    assert report.reconstruction_label == (
        f"Rekonstruktion: data fastfrosset {date_long_da(frozen_on)}, dateret 1. november 2026"
    )
    assert report_now(plan, today=TODAY).reconstruction_label == ""


def test_the_appendix_number_and_meeting_are_set_with_the_report_or_later(
    plan: Session,
) -> None:
    editor = actor_for(make_user(plan, "erik", Role.editor))
    viewer = actor_for(make_user(plan, "vera", Role.viewer))
    meeting = dt.date(2027, 1, 12)
    create_snapshot(
        plan,
        actor=editor,
        name="Q4",
        taken_on=TODAY,
        today=TODAY,
        appendix_number=3,
        meeting_on=meeting,
    )
    assert load_report(plan, "Q4").appendix_label == "Bilag 3 til mødet 12. januar 2027"
    with pytest.raises(SnapshotError, match="Bilagsnummeret skal være mellem 1 og 999"):
        set_appendix_details(plan, actor=editor, name="Q4", appendix_number=0, meeting_on=None)
    with pytest.raises(SnapshotError, match=r"Mødedatoen 1\. november 2026 ligger før rapportens"):
        set_appendix_details(
            plan, actor=editor, name="Q4", appendix_number=4, meeting_on=dt.date(2026, 11, 1)
        )
    with pytest.raises(PermissionDenied):
        set_appendix_details(plan, actor=viewer, name="Q4", appendix_number=4, meeting_on=None)
    set_appendix_details(plan, actor=editor, name="Q4", appendix_number=4, meeting_on=None)
    plan.commit()
    assert load_report(plan, "Q4").appendix_label == "Bilag 4"
    events = [(e.event, e.reason) for e in plan.exec(select(SnapshotEvent))]
    assert events == [("created", None), ("appendix", "Bilag 4")]
    set_appendix_details(plan, actor=editor, name="Q4", appendix_number=None, meeting_on=meeting)
    assert load_report(plan, "Q4").appendix_label == "Bilag til mødet 12. januar 2027"


def test_viewers_cannot_create_snapshots_or_edit_key_messages(plan: Session) -> None:
    viewer = actor_for(make_user(plan, "vera", Role.viewer))
    with pytest.raises(PermissionDenied):
        create_snapshot(plan, actor=viewer, name="Q3", taken_on=TODAY, today=TODAY)
    with pytest.raises(PermissionDenied):
        set_key_messages(plan, actor=viewer, texts=["a"] * 5)


def test_key_messages_are_validated(plan: Session) -> None:
    assert current_key_messages(plan) == list(SEED_KEY_MESSAGES)
    with pytest.raises(SnapshotError, match="præcis 5 pointer"):
        set_key_messages(plan, actor=Actor.command_line(), texts=["a"] * 4)
    with pytest.raises(SnapshotError, match="Pointe 2: Teksten ser ud til at indeholde et CPR"):
        set_key_messages(
            plan, actor=Actor.command_line(), texts=["a", "cpr 010190-1234", "c", "d", "e"]
        )


def test_the_restoration_side_by_side_is_in_danish_formats() -> None:
    def report(name: str, **figures: object) -> StatusReport:
        return StatusReport(name, TODAY, [], dict(figures), [], [])

    comparison = compare(
        report("Q3", cases=1023, pace_4_weeks=0.25, projected="2027-02-14"),
        report("Q4", cases=1019, pace_4_weeks=1.5, projected=None),
    )
    assert comparison.restoration == [
        ("Sager i genopretning", "1.023", "1.019"),
        ("Tempo pr. uge (4 uger)", "0,25", "1,5"),
        ("Forventet færdig", "14-02-2027", "–"),
    ]
