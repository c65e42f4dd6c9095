"""Grid edits become write-path edits keyed by action id, with the version the grid showed."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.action_editor import (
    EMPTY,
    Refused,
    _apply_refused,
    editor_frame,
    last_touched_cell,
    owner_options,
    pending_confirmations,
    pending_edits,
)
from components.texts import common
from models.plan.action_edits import ActionEdit
from models.plan.confirmations import Confirmation
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
    assert frame.loc["A.1.1", common.COL_PLAN_DEADLINE] == "31-03-2025"
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


def test_the_grid_columns_put_status_note_freshness_confirmation_and_owner_first() -> None:
    frame = editor_frame(list(BASE.values()))
    assert list(frame.columns[:6]) == [
        common.COL_ACTION,
        common.COL_STATUS,
        common.COL_NOTE,
        "Senest opdateret/bekræftet",
        "Bekræft uændret",
        "Ejer",
    ]


def test_empty_dates_and_an_action_nobody_touched_show_a_dash() -> None:
    undated = action_view("A.3.1", id=31, end_date=None)
    frame = editor_frame([undated])
    assert frame.loc["A.3.1", common.COL_PLAN_DEADLINE] == "–"
    assert frame.loc["A.3.1", "Senest opdateret/bekræftet"] == "–"
    assert frame.loc["A.3.1", common.COL_REVISED_DEADLINE] is None  # the grid shows "–"
    assert EMPTY == "–"


def test_the_last_update_or_confirmation_shows_its_local_date_and_who() -> None:
    updated = action_view(
        "A.1.1",
        updated_at=dt.datetime(2026, 11, 2, 9, 0),
        updated_by="hanna",
        confirmed_at=dt.datetime(2026, 12, 5, 23, 30),  # 6 December in Copenhagen
        confirmed_by="erik",
    )
    assert last_touched_cell(updated) == "06-12-2026, erik"


def test_a_change_by_the_plan_file_is_not_a_persons_update() -> None:
    seeded = action_view("A.1.1", updated_at=dt.datetime(2026, 11, 2), updated_by="system")
    assert last_touched_cell(seeded) == "–"


def test_the_owner_is_edited_by_username_and_cleared_by_the_empty_choice() -> None:
    owned = {"A.1.1": BASE["A.1.1"].model_copy(update={"owner": "hanna"}), "A.1.2": BASE["A.1.2"]}
    original = editor_frame(list(owned.values()))
    assert (original.loc["A.1.1", "Ejer"], original.loc["A.1.2", "Ejer"]) == ("hanna", "")
    edited = original.copy()
    edited.loc["A.1.1", "Ejer"] = ""
    edited.loc["A.1.2", "Ejer"] = "erik"
    assert pending_edits(original, edited, owned) == [
        ActionEdit(11, 3, {"owner": ""}),  # the write path stores no owner
        ActionEdit(12, 1, {"owner": "erik"}),
    ]


def test_owner_choices_are_nobody_and_the_possible_owners_plus_any_current_owner() -> None:
    owned = [BASE["A.1.1"].model_copy(update={"owner": "tidligere"}), BASE["A.1.2"]]
    assert owner_options(["erik", "hanna"], owned) == ["", "erik", "hanna", "tidligere"]


def test_a_ticked_row_without_changes_is_confirmed_with_the_version_the_grid_showed() -> None:
    original = editor_frame(list(BASE.values()))
    assert not original["Bekræft uændret"].any()
    edited = original.copy()
    edited["Bekræft uændret"] = True
    edited.loc["A.1.2", common.COL_NOTE] = "Ny note"  # changed: saved, not confirmed
    edits = pending_edits(original, edited, BASE)
    assert pending_confirmations(edited, BASE, edits) == [Confirmation(11, 3)]
    assert [edit.action_id for edit in edits] == [12]


def test_a_refused_rows_typed_values_come_back_as_pending_edits_on_its_old_version() -> None:
    stored = editor_frame(list(BASE.values()))
    refused = {
        "A.1.2": Refused(
            BASE["A.1.2"], {common.COL_NOTE: "cpr 010190-1234", common.COL_STATUS: "Obs"}, "CPR"
        )
    }
    shown = _apply_refused(stored, refused)
    assert shown.loc["A.1.2", common.COL_NOTE] == "cpr 010190-1234"
    assert shown.loc["A.1.1", common.COL_NOTE] == ""
    assert pending_edits(stored, shown, BASE) == [
        ActionEdit(12, 1, {"status": "Obs", "note": "cpr 010190-1234"})
    ]
