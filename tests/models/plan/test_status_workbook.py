"""Excel round-trip: download, edit offline, upload, preview, apply all or nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.auth.users import Actor, Role
from models.core.db import session_scope
from models.plan.action_edits import ActionEdit, EditsRejected, Outcome, save_action_edits
from models.plan.queries import ActionView, get_themes
from models.plan.status_workbook import (
    COLUMNS,
    OWNERS_SHEET,
    SHEET,
    RowConflict,
    WorkbookError,
    build_status_workbook,
    read_status_workbook,
)
from tests.factories import actor_for, make_action, make_plan_seed, make_user, seed_database


def current_actions(session: Session) -> dict:
    return {a.id: a for theme in get_themes(session) for a in theme.actions}


def edit_cells(data: bytes, changes: dict[tuple[int, str], object]) -> bytes:
    """Change cells by (data row number counting from 1, column name), as a person would."""
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook[SHEET]
    for (row, column), value in changes.items():
        sheet.cell(row=row + 1, column=COLUMNS.index(column) + 1).value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def workbook(engine: Engine, session: Session) -> bytes:
    seed_database(engine)
    return build_status_workbook(session)


def test_download_has_one_row_per_action_with_hidden_id_version_and_downloaded_values(
    session: Session, workbook: bytes
) -> None:
    sheet = load_workbook(io.BytesIO(workbook))[SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert [row[0] for row in rows[1:]] == ["A.1.1", "A.1.2", "A.2.1", "B.1.1"]
    status, responsible, owner, note, _, version, *downloaded = rows[1][6:]
    assert (status, responsible, owner, note, version) == ("Kommende opgave", None, None, None, 1)
    assert downloaded == ["Kommende opgave", None, None, None]
    hidden = [
        name
        for index, name in enumerate(COLUMNS, start=1)
        if sheet.column_dimensions[get_column_letter(index)].hidden
    ]
    assert hidden == [
        "id",
        "version",
        "Status (hentet)",
        "Ansvarlig (hentet)",
        "Ejer (hentet)",
        "Statusnote (hentet)",
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet.data_validations.dataValidation[0].formula1 == (
        '"Kommende opgave,I gang,Obs,Afsluttet/implementeret"'
    )


def test_a_theme_can_be_downloaded_alone(session: Session, workbook: bytes) -> None:
    sheet = load_workbook(io.BytesIO(build_status_workbook(session, ["B"])))[SHEET]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["B.1.1"]


def test_round_trip_previews_exactly_the_change_and_applies_it(
    engine: Engine, session: Session, workbook: bytes
) -> None:
    editor = actor_for(make_user(session, "erik", Role.editor))
    uploaded = edit_cells(workbook, {(2, "Status"): "Obs", (2, "Statusnote"): "Afventer svar"})
    preview = read_status_workbook(uploaded, current_actions(session))
    assert preview.problems == []
    assert preview.unchanged == 3
    ((edit),) = preview.edits
    assert edit.values == {"status": "Obs", "note": "Afventer svar"}
    assert preview.lines == {edit.action_id: 3}
    assert preview.can_apply
    with session_scope(engine, write=True) as write:
        (result,) = save_action_edits(write, actor=editor, edits=preview.edits, all_or_nothing=True)
    assert result.outcome == Outcome.saved
    with Session(engine) as fresh:
        assert current_actions(fresh)[edit.action_id].status.value == "Obs"


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({(1, "Status"): "Færdig"}, "linje 2, kolonne Status: Ukendt status 'Færdig'."),
        ({(1, "Statusnote"): "cpr 010190-1234"}, "linje 2, kolonne Statusnote: Teksten ser ud"),
        ({(1, "id"): "abc"}, "linje 2, kolonne id: id og version skal være heltal."),
        ({(1, "Nr."): "Z.9.9"}, "linje 2, kolonne Nr.: handlingen findes ikke i planen."),
        ({(2, "id"): None, (2, "version"): None}, "linje 3, kolonne id: id og version skal"),
    ],
    ids=["status", "cpr", "id", "code", "no-id"],
)
def test_invalid_rows_are_reported_with_line_and_column(
    session: Session, workbook: bytes, changes: dict, problem: str
) -> None:
    preview = read_status_workbook(edit_cells(workbook, changes), current_actions(session))
    assert next(str(p) for p in preview.problems).startswith(problem)
    assert not preview.can_apply


def test_a_row_changed_in_the_file_and_in_the_app_after_download_is_a_conflict(
    session: Session, workbook: bytes
) -> None:
    editor = actor_for(make_user(session, "erik", Role.editor))
    first_id = next(iter(current_actions(session)))
    save_action_edits(session, actor=editor, edits=[ActionEdit(first_id, 1, {"note": "app"})])
    session.commit()
    uploaded = edit_cells(workbook, {(1, "Status"): "I gang"})
    preview = read_status_workbook(uploaded, current_actions(session))
    assert [c.action_id for c in preview.conflicts] == [first_id]
    assert preview.edits == []
    assert not preview.can_apply


def test_an_upload_that_changed_in_between_is_refused_by_the_write_path(
    engine: Engine, session: Session, workbook: bytes
) -> None:
    """Previewed cleanly, then someone saves the same action before *Gem*: nothing is saved."""
    editor = actor_for(make_user(session, "erik", Role.editor))
    first_id = next(iter(current_actions(session)))
    preview = read_status_workbook(
        edit_cells(workbook, {(1, "Status"): "I gang"}), current_actions(session)
    )
    assert preview.can_apply
    save_action_edits(session, actor=editor, edits=[ActionEdit(first_id, 1, {"note": "app"})])
    session.commit()
    with pytest.raises(EditsRejected), session_scope(engine, write=True) as write:
        save_action_edits(write, actor=editor, edits=preview.edits, all_or_nothing=True)
    with Session(engine) as fresh:
        assert current_actions(fresh)[first_id].status.value == "Kommende opgave"


def test_formula_looking_text_is_neutralised_in_the_download_and_restored_on_upload(
    engine: Engine, session: Session, workbook: bytes
) -> None:
    editor = actor_for(make_user(session, "erik", Role.editor))
    first_id = next(iter(current_actions(session)))
    save_action_edits(
        session, actor=editor, edits=[ActionEdit(first_id, 1, {"note": "=SUM(A1:A9)"})]
    )
    session.commit()
    data = build_status_workbook(session)
    sheet = load_workbook(io.BytesIO(data))[SHEET]
    cell = sheet.cell(row=2, column=COLUMNS.index("Statusnote") + 1)
    assert (cell.value, cell.data_type) == ("'=SUM(A1:A9)", "s")
    assert read_status_workbook(data, current_actions(session)).edits == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a workbook", "fil.xlsx: kan ikke læses som en Excel-fil (.xlsx)."),
        (b"x" * (30 * 1024 * 1024 + 1), "fil.xlsx: filen er for stor"),  # max_upload_mb
    ],
    ids=["not-xlsx", "too-big"],
)
def test_unreadable_files_are_refused(session: Session, data: bytes, message: str) -> None:
    with pytest.raises(WorkbookError) as error:
        read_status_workbook(data, {})
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    "note", ["'citat' fra mødet", "=1+1 som tekst", "-3 dage"], ids=["quote", "formula", "minus"]
)
def test_an_unchanged_note_survives_the_round_trip_as_written(
    engine: Engine, session: Session, note: str
) -> None:
    """Only the apostrophe the download added is taken off again; the user's own stays."""
    seed_database(engine)
    action = next(iter(current_actions(session).values()))
    save_action_edits(
        session,
        actor=actor_for(make_user(session, "ole", Role.editor)),
        edits=[ActionEdit(action.id, action.version, {"note": note})],
    )
    session.commit()
    data = build_status_workbook(session)
    preview = read_status_workbook(data, current_actions(session))
    assert (preview.edits, preview.problems) == ([], [])


# The acceptance case of issue 15: D.1.1 edited offline while someone changed B.1.1 in the app.
OFFLINE_PLAN = make_plan_seed(
    {"B": {"B.1": [make_action("B.1.1")]}, "D": {"D.1": [make_action("D.1.1")]}}
)


def edit_rows(data: bytes, changes: dict[str, dict[str, object]]) -> bytes:
    """Change cells by action number and column name, as a person would."""
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook[SHEET]
    for row in sheet.iter_rows(min_row=2):
        for column, value in changes.get(row[0].value, {}).items():
            row[COLUMNS.index(column)].value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def by_code(session: Session) -> dict[str, ActionView]:
    return {action.code: action for action in current_actions(session).values()}


@pytest.fixture
def offline(engine: Engine, session: Session) -> bytes:
    """The workbook downloaded, then B.1.1 changed in the app by hanna."""
    seed_database(engine, OFFLINE_PLAN)
    make_user(session, "erik", Role.editor)
    hanna = actor_for(make_user(session, "hanna", Role.editor))
    data = build_status_workbook(session)
    b = by_code(session)["B.1.1"]
    values = {"status": "I gang", "note": "Startet i appen"}
    save_action_edits(session, actor=hanna, edits=[ActionEdit(b.id, b.version, values)])
    session.commit()
    return data


def test_a_change_in_the_app_to_another_action_is_no_conflict(
    engine: Engine, session: Session, offline: bytes
) -> None:
    uploaded = edit_rows(offline, {"D.1.1": {"Status": "Afsluttet/implementeret"}})
    preview = read_status_workbook(uploaded, current_actions(session))
    actions = by_code(session)
    assert (preview.conflicts, preview.problems, preview.unchanged) == ([], [], 1)
    assert preview.edits == [
        ActionEdit(actions["D.1.1"].id, 1, {"status": "Afsluttet/implementeret"})
    ]
    assert preview.can_apply
    with session_scope(engine, write=True) as write:
        save_action_edits(
            write,
            actor=Actor("erik", Role.editor),
            edits=preview.edits,
            all_or_nothing=True,
        )
    with Session(engine) as fresh:
        after = by_code(fresh)
    assert after["D.1.1"].status.value == "Afsluttet/implementeret"
    assert (after["B.1.1"].status.value, after["B.1.1"].note) == ("I gang", "Startet i appen")


def test_a_file_that_also_changed_that_action_reports_the_one_conflict_with_both_values(
    session: Session, offline: bytes
) -> None:
    uploaded = edit_rows(
        offline,
        {
            "D.1.1": {"Status": "Afsluttet/implementeret"},
            "B.1.1": {"Status": "Obs", "Ansvarlig": "Familiechef"},
        },
    )
    preview = read_status_workbook(uploaded, current_actions(session))
    b = by_code(session)["B.1.1"]
    assert preview.conflicts == [
        RowConflict(
            action_id=b.id,
            code="B.1.1",
            line=2,
            file_values={"status": "Obs", "responsible": "Familiechef"},
            app_values={"status": "I gang", "responsible": ""},
            changed_by="hanna",
            changed_at=b.updated_at,
        )
    ]
    assert [edit.values for edit in preview.edits] == [{"status": "Afsluttet/implementeret"}]
    assert not preview.can_apply


def test_the_same_change_in_the_file_and_in_the_app_is_no_conflict(
    session: Session, offline: bytes
) -> None:
    uploaded = edit_rows(offline, {"B.1.1": {"Status": "I gang"}})
    preview = read_status_workbook(uploaded, current_actions(session))
    assert (preview.edits, preview.conflicts, preview.unchanged) == ([], [], 2)


def test_a_file_without_the_downloaded_values_counts_any_difference_as_a_conflict(
    session: Session, offline: bytes
) -> None:
    """A file from before the downloaded values were kept: for an action changed in the app
    since, there is no telling who changed what, so a difference is a conflict."""
    workbook = load_workbook(io.BytesIO(offline))
    sheet = workbook[SHEET]
    sheet.delete_cols(COLUMNS.index("Status (hentet)") + 1, 4)
    buffer = io.BytesIO()
    workbook.save(buffer)
    preview = read_status_workbook(buffer.getvalue(), current_actions(session))
    assert [conflict.code for conflict in preview.conflicts] == ["B.1.1"]
    assert preview.conflicts[0].file_values == {"status": "Kommende opgave", "note": ""}


def test_the_owner_column_offers_the_possible_owners_and_sets_the_owner(
    engine: Engine, session: Session, workbook: bytes
) -> None:
    editor = actor_for(make_user(session, "erik", Role.editor))
    make_user(session, "vera", Role.viewer)
    data = build_status_workbook(session)
    loaded = load_workbook(io.BytesIO(data))
    assert [row[0].value for row in loaded[OWNERS_SHEET].iter_rows()] == ["erik"]
    assert loaded[OWNERS_SHEET].sheet_state == "hidden"
    (owner_list,) = [
        v for v in loaded[SHEET].data_validations.dataValidation if "Ejere" in v.formula1
    ]
    assert (owner_list.formula1, str(owner_list.sqref)) == ("Ejere!$A$1:$A$1", "I2:I5")
    uploaded = edit_cells(data, {(1, "Ejer"): "Erik"})
    preview = read_status_workbook(uploaded, current_actions(session), owners=["erik"])
    (edit,) = preview.edits
    assert edit.values == {"owner": "Erik"}
    with session_scope(engine, write=True) as write:
        save_action_edits(write, actor=editor, edits=preview.edits, all_or_nothing=True)
    with Session(engine) as fresh:
        assert current_actions(fresh)[edit.action_id].owner == "erik"
        again = load_workbook(io.BytesIO(build_status_workbook(fresh)))[SHEET]
    assert again.cell(row=2, column=COLUMNS.index("Ejer") + 1).value == "erik"


@pytest.mark.parametrize("owner", ["vera", "ukendt"], ids=["viewer", "unknown"])
def test_an_owner_who_may_not_edit_is_a_row_problem(
    session: Session, workbook: bytes, owner: str
) -> None:
    uploaded = edit_cells(workbook, {(1, "Ejer"): owner})
    preview = read_status_workbook(uploaded, current_actions(session), owners=["erik"])
    assert [str(problem) for problem in preview.problems] == [
        f"linje 2, kolonne Ejer: Ejeren '{owner}' skal være en aktiv bruger, der må redigere "
        "(redaktør eller administrator)."
    ]
    assert not preview.can_apply


def test_an_owner_the_file_left_alone_is_no_problem_even_if_they_may_no_longer_edit(
    session: Session, workbook: bytes
) -> None:
    editor = actor_for(make_user(session, "erik", Role.editor))
    first = next(iter(current_actions(session).values()))
    save_action_edits(session, actor=editor, edits=[ActionEdit(first.id, 1, {"owner": "erik"})])
    session.commit()
    data = build_status_workbook(session)
    preview = read_status_workbook(data, current_actions(session), owners=[])
    assert (preview.problems, preview.edits, preview.unchanged) == ([], [], 4)
