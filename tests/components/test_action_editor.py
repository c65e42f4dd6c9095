"""Grid edits become write-path edits keyed by action id, with the version the grid showed."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.action_editor import editor_frame, pending_edits
from components.texts import common
from models.plan.action_edits import ActionEdit
from models.plan.queries import ActionView
from tests.factories import action_view


def view(code: str, action_id: int, version: int) -> ActionView:
    return action_view(
        code,
        id=action_id,
        timeline="Primo 2025",
        start_date=dt.date(2025, 1, 1),
        end_date=dt.date(2025, 3, 31),
        version=version,
    )


BASE = {"A.1.1": view("A.1.1", 11, 3), "A.1.2": view("A.1.2", 12, 1)}


def test_the_frame_is_indexed_by_action_code_and_shows_the_plan_fields() -> None:
    frame = editor_frame(list(BASE.values()))
    assert list(frame.index) == ["A.1.1", "A.1.2"]
    assert frame.loc["A.1.1", common.COL_PLAN_DEADLINE] == "31. mar. 2025"
    assert frame.loc["A.1.1", common.COL_STATUS] == "Kommende opgave"


def test_unedited_grid_gives_no_edits() -> None:
    frame = editor_frame(list(BASE.values()))
    assert pending_edits(frame, frame.copy(), BASE) == []


def test_changed_cells_become_edits_keyed_by_id_with_the_grids_version() -> None:
    original = editor_frame(list(BASE.values()))
    edited = original.copy()
    edited.loc["A.1.2", common.COL_STATUS] = "Obs"
    edited.loc["A.1.2", common.COL_NOTE] = "  Afventer svar  "
    edited.loc["A.1.2", common.COL_REVISED_DEADLINE] = pd.Timestamp("2026-09-30")
    edited.loc["A.1.1", common.COL_NOTE] = ""  # unchanged: empty stays empty
    assert pending_edits(original, edited, BASE) == [
        ActionEdit(
            action_id=12,
            base_version=1,
            values={
                "status": "Obs",
                "note": "Afventer svar",
                "revised_end_date": dt.date(2026, 9, 30),
            },
        )
    ]


def test_rows_reordered_in_the_grid_still_map_to_their_actions() -> None:
    original = editor_frame(list(BASE.values()))
    edited = original.iloc[::-1].copy()
    edited.loc["A.1.1", common.COL_RESPONSIBLE] = "Familiechef"
    (edit,) = pending_edits(original, edited, BASE)
    assert (edit.action_id, edit.base_version, edit.values) == (
        11,
        3,
        {"responsible": "Familiechef"},
    )


def test_a_cleared_revised_deadline_is_sent_as_none() -> None:
    revised = {"A.1.1": BASE["A.1.1"].model_copy(update={"revised_end_date": dt.date(2026, 1, 1)})}
    original = editor_frame(list(revised.values()))
    edited = original.copy()
    edited.loc["A.1.1", common.COL_REVISED_DEADLINE] = None
    (edit,) = pending_edits(original, edited, revised)
    assert edit.values == {"revised_end_date": None}


def test_kind_and_rhythm_are_edited_by_their_danish_labels() -> None:
    original = editor_frame(list(BASE.values()))
    assert original.loc["A.1.1", common.COL_KIND] == "Frist"
    assert original.loc["A.1.1", common.COL_RHYTHM] == ""
    edited = original.copy()
    edited.loc["A.1.1", common.COL_KIND] = "Tilbagevendende"
    edited.loc["A.1.1", common.COL_RHYTHM] = "hver 6. uge"
    assert pending_edits(original, edited, BASE) == [
        ActionEdit(11, 3, {"kind": "Tilbagevendende", "rhythm": "hver 6. uge"})
    ]
