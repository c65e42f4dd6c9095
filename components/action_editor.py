"""The inline action editor: a data_editor for any list of actions, keyed by action code and
saved by action id.

`render_action_editor(actions, key, actor)` draws one grid with its save button; every piece of
its state lives under `key`, so several grids on one page (a theme's tracks, the sections of
*Mine handlinger*) are independent. `render_track_editor(track, actor)` is the theme pages'
grid for one track.

The grid shows the actions as they were when the editor started editing (with their
versions), not as they are on every rerun, so a save based on an old version is reported as a
conflict instead of silently overwriting someone else's change. A row the write path refuses
(e.g. a note that looks like a CPR number) keeps what the editor typed, with the reason, for
correction; saved rows show their new values. A save the database cannot take (it does not
answer, or its disk is full) saves nothing and leaves the grid as typed; when the page itself
could not be shown, what was typed comes back after *Prøv igen* (see `components.errors`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
import streamlit as st

from components.errors import OUTAGE_ERRORS, keep_unsaved, save_failed, take_lost_edits
from components.readers import load_action_history, load_owner_choices
from components.safe_text import inert
from components.texts import common
from components.texts import errors as error_texts
from components.texts import theme as t
from models.auth.users import Actor, PermissionDenied
from models.core.db import session_scope
from models.core.formatting import (
    DATE_INPUT_FORMAT,
    count_da,
    date_long_da,
    date_table_da,
    datetime_long_da,
    datetime_table_da,
)
from models.core.time import local_date
from models.plan.action_edits import (
    FIELD_LABELS,
    ActionEdit,
    EditResult,
    Outcome,
    save_action_edits,
)
from models.plan.confirmations import Confirmation, ConfirmationError, confirm_actions
from models.plan.kinds import KIND_LABELS, RHYTHM_LABELS, ActionKind, rhythm_label
from models.plan.queries import ActionView, TrackView
from models.plan.status import STATUS_ORDER, Status

# Grid column -> action field.
EDITABLE_COLUMNS = {
    common.COL_STATUS: "status",
    common.COL_NOTE: "note",
    common.COL_OWNER: "owner",
    common.COL_RESPONSIBLE: "responsible",
    common.COL_REVISED_DEADLINE: "revised_end_date",
    common.COL_REVISED_REASON: "revised_reason",
    common.COL_KIND: "kind",
    common.COL_RHYTHM: "rhythm",
}
# The grid's columns in order: what an editor needs for the weekly round (status, note,
# freshness, confirmation, owner) fits at 1366 px; the rest is a horizontal scroll away.
COLUMN_ORDER = (
    common.COL_ACTION,
    common.COL_STATUS,
    common.COL_NOTE,
    t.COL_LAST_TOUCHED,
    t.COL_CONFIRM,
    common.COL_OWNER,
    common.COL_RESPONSIBLE,
    common.COL_PLAN_DEADLINE,
    common.COL_TIMELINE_PHRASE,
    common.COL_REVISED_DEADLINE,
    common.COL_REVISED_REASON,
    common.COL_KIND,
    common.COL_RHYTHM,
)
ROW_HEIGHT_PX = 78
"""Four lines of text: above 64 px the grid wraps long texts (Streamlit 1.67); a double
click on a cell shows all of it."""
HEADER_HEIGHT_PX = 35
MAX_ROWS_SHOWN = 8
"""More rows than this scroll inside the grid (the save button stays near)."""
EMPTY = "–"


def _state_key(key: str, name: str) -> str:
    return f"editor_{name}_{key}"


def last_touched_cell(action: ActionView) -> str:
    """`3. dec. 2026, erik`: when a person last updated or confirmed the action; – if never."""
    touched = action.last_touched
    if touched is None:
        return EMPTY
    when, who = touched
    return t.LAST_TOUCHED_CELL.format(date=date_table_da(local_date(when)), user=who)


def editor_frame(actions: list[ActionView]) -> pd.DataFrame:
    """One row per action, indexed by action code (never by row position), columns in the
    grid's order."""
    rows = {
        action.code: {
            common.COL_ACTION: action.text,
            common.COL_STATUS: action.status.value,
            common.COL_NOTE: action.note,
            t.COL_LAST_TOUCHED: last_touched_cell(action),
            t.COL_CONFIRM: False,
            common.COL_OWNER: action.owner or "",
            common.COL_RESPONSIBLE: action.responsible,
            common.COL_PLAN_DEADLINE: date_table_da(action.end_date),
            common.COL_TIMELINE_PHRASE: action.timeline or EMPTY,
            common.COL_REVISED_DEADLINE: action.revised_end_date,
            common.COL_REVISED_REASON: action.revised_reason,
            common.COL_KIND: KIND_LABELS[action.kind],
            common.COL_RHYTHM: rhythm_label(action.rhythm),
        }
        for action in actions
    }
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=list(COLUMN_ORDER))
    frame.index.name = common.COL_CODE
    return frame


def _clean(value: Any) -> Any:
    """A grid cell as a plain Python value: empty cells None, timestamps dates."""
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip()
    return value


def _same(old: Any, new: Any) -> bool:
    return (_clean(old) or None) == (_clean(new) or None)


def pending_edits(
    original: pd.DataFrame, edited: pd.DataFrame, base: dict[str, ActionView]
) -> list[ActionEdit]:
    """The changed editable cells, as edits keyed by action id with the version they saw."""
    edits = []
    for code in original.index:
        values = {
            field: _clean(edited.at[code, column])
            for column, field in EDITABLE_COLUMNS.items()
            if not _same(original.at[code, column], edited.at[code, column])
        }
        if values:
            action = base[code]
            edits.append(
                ActionEdit(action_id=action.id, base_version=action.version, values=values)
            )
    return edits


def pending_confirmations(
    edited: pd.DataFrame, base: dict[str, ActionView], edits: list[ActionEdit]
) -> list[Confirmation]:
    """Rows ticked *Bekræft uændret* and changed nowhere else, with the version they saw (a
    ticked row with changes is saved instead: a save is an update)."""
    changed = {edit.action_id for edit in edits}
    return [
        Confirmation(action_id=base[code].id, base_version=base[code].version)
        for code in edited.index
        if bool(_clean(edited.at[code, t.COL_CONFIRM])) and base[code].id not in changed
    ]


def owner_options(eligible: list[str], actions: list[ActionView]) -> list[str]:
    """No owner, then the users who may own an action; an owner who no longer may (e.g. made
    inactive) is still listed for the actions that have them, so their cell shows them."""
    current = {action.owner for action in actions if action.owner}
    return ["", *sorted(set(eligible) | current)]


def _column_config(owners: list[str]) -> dict[str, Any]:
    """Texts wrap (see ROW_HEIGHT_PX); the action number stays in view when scrolling right."""
    return {
        "_index": st.column_config.TextColumn(width=56),
        common.COL_ACTION: st.column_config.TextColumn(
            width=153, disabled=True, help=t.ACTION_HELP
        ),
        common.COL_STATUS: st.column_config.SelectboxColumn(
            options=[status.value for status in STATUS_ORDER], required=True, width=150
        ),
        common.COL_NOTE: st.column_config.TextColumn(max_chars=2000, width=153),
        t.COL_LAST_TOUCHED: st.column_config.TextColumn(width=178, disabled=True),
        t.COL_CONFIRM: st.column_config.CheckboxColumn(width=134, help=t.CONFIRM_HELP),
        common.COL_OWNER: st.column_config.SelectboxColumn(
            options=owners, width=80, help=t.OWNER_HELP
        ),
        common.COL_RESPONSIBLE: st.column_config.TextColumn(max_chars=200, width=120),
        common.COL_PLAN_DEADLINE: st.column_config.TextColumn(width=95, disabled=True),
        common.COL_TIMELINE_PHRASE: st.column_config.TextColumn(width=180, disabled=True),
        common.COL_REVISED_DEADLINE: st.column_config.DateColumn(
            format=DATE_INPUT_FORMAT, width=115
        ),
        common.COL_REVISED_REASON: st.column_config.TextColumn(max_chars=500, width=200),
        common.COL_KIND: st.column_config.SelectboxColumn(
            options=list(KIND_LABELS.values()), required=True, width=130
        ),
        common.COL_RHYTHM: st.column_config.SelectboxColumn(
            options=["", *RHYTHM_LABELS.values()], width=120
        ),
    }


def _display(value: Any) -> str:
    if isinstance(value, Status):
        return value.value
    if isinstance(value, ActionKind):
        return KIND_LABELS[value]
    if isinstance(value, str) and value in RHYTHM_LABELS:
        return RHYTHM_LABELS[value]
    if isinstance(value, dt.date):
        return date_long_da(value)
    return str(value) if value else EMPTY


@dataclass(frozen=True)
class Refused:
    """A row the write path refused: what the editor typed stays in the grid, on the version
    they saw, with the reason."""

    action: ActionView
    typed: dict[str, Any]
    """Grid column -> the typed value."""
    reason: str
    kept: bool = False
    """Not refused: a failed run took it off the page before it could be saved."""


@dataclass
class SaveReport:
    """What the last press of *Gem ændringer* did, shown until the editor edits again."""

    saved: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    conflicts: list[tuple[EditResult, dict[str, Any]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _show_report(report: SaveReport) -> None:
    if report.saved:
        st.success(
            t.SAVED.format(
                actions=count_da(len(report.saved), *common.ACTIONS), codes=", ".join(report.saved)
            )
        )
    if report.confirmed:
        st.success(
            t.CONFIRMED.format(
                actions=count_da(len(report.confirmed), *common.ACTIONS),
                codes=", ".join(report.confirmed),
            )
        )
    for result, wanted in report.conflicts:
        current = "; ".join(
            t.CONFLICT_FIELD.format(
                field=FIELD_LABELS[name],
                stored=inert(_display(result.current[name])),
                yours=inert(_display(value)),
            )
            for name, value in wanted.items()
        )
        st.warning(
            t.CONFLICT.format(
                code=result.code,
                who=inert(result.last_changed_by or "?"),
                when=datetime_long_da(result.last_changed_at),
                current=current,
            )
        )
    for error in report.errors:
        st.error(inert(error))


def _history(actions: list[ActionView], key: str) -> None:
    """Each action's change history, read only while its expander is open.

    The expander reports its state (`on_change="rerun"`): closed, nothing inside runs, so the
    history query runs only for a reader who opens it.
    """
    if not actions:
        return
    history = st.expander(t.HISTORY, key=_state_key(key, "history_open"), on_change="rerun")
    if not history.open:
        return
    with history:
        codes = {action.code: action for action in actions}
        code = st.selectbox(
            t.HISTORY_SELECT,
            list(codes),
            format_func=lambda c: f"{c} {codes[c].text[:70]}",
            key=_state_key(key, "history"),
        )
        rows = load_action_history(codes[code].id)
        if not rows:
            st.caption(t.HISTORY_EMPTY)
            return
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        common.COL_CHANGED_AT: datetime_table_da(row.changed_at),
                        common.COL_USER: row.username,
                        common.COL_FIELD: row.field_label,
                        common.COL_OLD: row.old_text,
                        common.COL_NEW: row.new_text,
                    }
                    for row in rows
                ]
            ),
            hide_index=True,
            width="stretch",
        )


def _save(
    actor: Actor, edits: list[ActionEdit], confirmations: list[Confirmation]
) -> tuple[list[EditResult], list[str], list[str]] | None:
    """Save the edits in one transaction, then record each confirmation in its own (one that
    is refused does not hold back the others). None when the actor may not edit."""
    try:
        results: list[EditResult] = []
        if edits:
            with session_scope(write=True) as session:
                results = save_action_edits(session, actor=actor, edits=edits)
        confirmed: list[str] = []
        errors: list[str] = []
        for confirmation in confirmations:
            try:
                with session_scope(write=True) as session:
                    confirmed += confirm_actions(session, actor=actor, confirmations=[confirmation])
            except ConfirmationError as error:
                errors.append(str(error))
            except OUTAGE_ERRORS as error:
                if not (results or confirmed):
                    raise
                errors.append(save_failed(error))  # the rest is saved; these ticks are not
                break
    except PermissionDenied as error:
        st.error(inert(error))
        return None
    except OUTAGE_ERRORS as error:  # nothing was saved (rolled back): the grid stays as typed
        st.error(save_failed(error))
        return None
    return results, confirmed, errors


def _typed(stored: pd.DataFrame, edited: pd.DataFrame, code: str) -> dict[str, Any]:
    """The editable cells of one row that differ from the stored values, as typed."""
    return {
        column: edited.at[code, column]
        for column in EDITABLE_COLUMNS
        if not _same(stored.at[code, column], edited.at[code, column])
    }


def _refused_rows(
    base: dict[str, ActionView],
    stored: pd.DataFrame,
    edited: pd.DataFrame,
    results: list[EditResult],
) -> dict[str, Refused]:
    """The rows the write path found invalid, with what was typed in them."""
    return {
        result.code: Refused(base[result.code], _typed(stored, edited, result.code), result.message)
        for result in results
        if result.outcome == Outcome.invalid and result.code in base
    }


def _show_pending(
    base: dict[str, ActionView],
    edited: pd.DataFrame,
    edits: list[ActionEdit],
    confirmations: list[Confirmation],
    refused: dict[str, Refused],
) -> None:
    """Why a row was refused (while it still holds what was refused), what is unsaved, and
    what will be confirmed."""
    codes_of = {action.id: code for code, action in base.items()}
    pending = [code for code in base if base[code].id in {edit.action_id for edit in edits}]
    for code, row in refused.items():
        if code in pending and all(
            _same(edited.at[code, column], value) for column, value in row.typed.items()
        ):
            if row.kept:
                st.warning(error_texts.KEPT_ROW.format(code=code))
            else:
                st.error(inert(t.REFUSED.format(code=code, reason=row.reason)))
    if edits:
        st.warning(
            t.PENDING.format(
                fields=count_da(sum(len(edit.values) for edit in edits), *t.UNSAVED_CHANGES),
                actions=count_da(len(edits), *common.ACTIONS),
                codes=", ".join(pending),
            )
        )
    if confirmations:
        st.info(
            t.PENDING_CONFIRM.format(
                actions=count_da(len(confirmations), *common.ACTIONS),
                codes=", ".join(codes_of[c.action_id] for c in confirmations),
            )
        )


def _height(rows: int) -> int | Literal["content"]:
    """Every row without a scrollbar, up to MAX_ROWS_SHOWN (the default shows only 400 px)."""
    if rows <= MAX_ROWS_SHOWN:
        return "content"
    return HEADER_HEIGHT_PX + MAX_ROWS_SHOWN * ROW_HEIGHT_PX + 2


def _apply_refused(frame: pd.DataFrame, refused: dict[str, Refused]) -> pd.DataFrame:
    """The grid's data: the stored values, with what was typed in refused rows on top."""
    shown = frame.copy()
    for code, row in refused.items():
        if code in shown.index:
            for column, value in row.typed.items():
                shown.at[code, column] = value
    return shown


def render_action_editor(actions: list[ActionView], key: str, actor: Actor) -> None:
    """The editable grid for `actions`, its save button and their change history.

    `key` names this grid's state, e.g. a track code; give each grid on a page its own (the
    sections of *Mine handlinger*: "mine_kraever", …). An empty list draws an empty grid, so a
    page that has nothing to show says so instead of calling this.
    """
    lost = take_lost_edits(key)
    if lost is not None:
        _keep_lost(key, lost)
    generation = st.session_state.setdefault(_state_key(key, "generation"), 0)
    grid_key = _state_key(key, f"grid{generation}")
    base_key = _state_key(key, "base")
    report_key = _state_key(key, "report")
    refused_key = _state_key(key, "refused")
    refused: dict[str, Refused] = st.session_state.get(refused_key, {})
    typing = bool(st.session_state.get(grid_key, {}).get("edited_rows"))
    if typing:
        st.session_state.pop(report_key, None)  # new edits: the last save's report is done
    if not (typing or refused) or base_key not in st.session_state:
        fresh = {action.code: action for action in actions}
        # A refused row stays on the version the editor saw: a change made since is a conflict.
        fresh.update({code: row.action for code, row in refused.items() if code in fresh})
        st.session_state[base_key] = fresh
    base: dict[str, ActionView] = st.session_state[base_key]
    stored = editor_frame(list(base.values()))
    owners = owner_options(load_owner_choices(), list(base.values()))
    edited = st.data_editor(
        _apply_refused(stored, refused),
        key=grid_key,
        column_config=_column_config(owners),
        num_rows="fixed",
        width="stretch",
        row_height=ROW_HEIGHT_PX,
        height=_height(len(base)),
        placeholder=EMPTY,
    )
    edits = pending_edits(stored, edited, base)
    confirmations = pending_confirmations(edited, base, edits)
    keep_unsaved(key, {code: typed for code in base if (typed := _typed(stored, edited, code))})
    if report_key in st.session_state:
        _show_report(st.session_state[report_key])
    _show_pending(base, edited, edits, confirmations, refused)
    buttons = st.container(horizontal=True)
    if buttons.button(
        t.SAVE,
        key=_state_key(key, "save"),
        type="primary",
        disabled=not (edits or confirmations),
    ):
        saved = _save(actor, edits, confirmations)
        if saved is None:
            return
        results, confirmed, errors = saved
        st.session_state[refused_key] = _refused_rows(base, stored, edited, results)
        attempted = {edit.action_id: edit.values for edit in edits}
        st.session_state[report_key] = SaveReport(
            saved=[r.code for r in results if r.outcome == Outcome.saved],
            confirmed=confirmed,
            conflicts=[
                (r, attempted.get(r.action_id, {}))
                for r in results
                if r.outcome == Outcome.conflict
            ],
            errors=errors,
        )
        _restart(key)
    if (edits or confirmations or refused) and buttons.button(
        t.DISCARD, key=_state_key(key, "discard")
    ):
        st.session_state.pop(refused_key, None)
        st.session_state.pop(report_key, None)
        _restart(key)
    _history(list(base.values()), key)


def _keep_lost(key: str, lost: dict[str, dict[str, Any]]) -> None:
    """After a failed run took the grid off the page: a new grid holding what was typed, on the
    versions first seen (a change saved meanwhile by someone else is a conflict)."""
    base: dict[str, ActionView] = st.session_state.get(_state_key(key, "base"), {})
    refused_key = _state_key(key, "refused")
    kept = {
        code: Refused(base[code], typed, reason="", kept=True)
        for code, typed in lost.items()
        if code in base
    }
    st.session_state[refused_key] = {**st.session_state.get(refused_key, {}), **kept}
    generation_key = _state_key(key, "generation")
    st.session_state[generation_key] = st.session_state.get(generation_key, 0) + 1


def _restart(key: str) -> None:
    """A new grid on the data as stored now (plus what `refused` keeps), on the next run."""
    generation = st.session_state[_state_key(key, "generation")]
    st.session_state[_state_key(key, "generation")] = generation + 1
    st.session_state.pop(_state_key(key, "base"), None)
    st.rerun()


def render_track_editor(track: TrackView, actor: Actor) -> None:
    """The editable grid for one track of a theme page."""
    render_action_editor(track.actions, track.code, actor)
