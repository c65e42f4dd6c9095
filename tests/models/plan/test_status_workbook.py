"""Excel round-trip: download, edit offline, upload, preview, apply all or nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.auth.users import Role
from models.core.db import session_scope
from models.plan.action_edits import ActionEdit, EditsRejected, Outcome, save_action_edits
from models.plan.queries import get_themes
from models.plan.status_workbook import (
    COLUMNS,
    SHEET,
    WorkbookError,
    build_status_workbook,
    read_status_workbook,
)
from tests.factories import actor_for, make_user, seed_database


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


def test_download_has_one_row_per_action_with_hidden_id_and_version(
    session: Session, workbook: bytes
) -> None:
    sheet = load_workbook(io.BytesIO(workbook))[SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert [row[0] for row in rows[1:]] == ["A.1.1", "A.1.2", "A.2.1", "B.1.1"]
    assert rows[1][6:] == ("Kommende opgave", None, None, rows[1][9], 1)  # empty cells
    assert sheet.column_dimensions["J"].hidden
    assert sheet.column_dimensions["K"].hidden
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


def test_an_action_changed_in_the_app_after_download_is_a_conflict(
    engine: Engine, session: Session, workbook: bytes
) -> None:
    editor = actor_for(make_user(session, "erik", Role.editor))
    first_id = next(iter(current_actions(session)))
    save_action_edits(session, actor=editor, edits=[ActionEdit(first_id, 1, {"note": "app"})])
    session.commit()
    uploaded = edit_cells(workbook, {(1, "Status"): "I gang"})
    preview = read_status_workbook(uploaded, current_actions(session))
    assert [e.action_id for e in preview.conflicts] == [first_id]
    assert not preview.can_apply
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
