"""The inline editor for one track: a data_editor keyed by action code, saved by action id.

The grid shows the actions as they were when the editor started editing (with their
versions), not as they are on every rerun, so a save based on an old version is reported as a
conflict instead of silently overwriting someone else's change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from components.readers import load_action_history
from components.safe_text import inert
from components.texts import common
from components.texts import theme as t
from models.auth.users import Actor, PermissionDenied
from models.core.db import session_scope
from models.core.formatting import count_da, date_da, datetime_da
from models.plan.action_edits import (
    FIELD_LABELS,
    ActionEdit,
    EditResult,
    Outcome,
    save_action_edits,
)
from models.plan.kinds import KIND_LABELS, RHYTHM_LABELS, ActionKind, rhythm_label
from models.plan.queries import ActionView, TrackView
from models.plan.status import STATUS_ORDER, Status

# Grid column -> action field; the order is the grid's.
EDITABLE_COLUMNS = {
    common.COL_STATUS: "status",
    common.COL_RESPONSIBLE: "responsible",
    common.COL_NOTE: "note",
    common.COL_REVISED_DEADLINE: "revised_end_date",
    common.COL_REVISED_REASON: "revised_reason",
    common.COL_KIND: "kind",
    common.COL_RHYTHM: "rhythm",
}


def _state_key(track_code: str, name: str) -> str:
    return f"editor_{name}_{track_code}"


def editor_frame(actions: list[ActionView]) -> pd.DataFrame:
    """One row per action, indexed by action code (never by row position)."""
    rows = {
        action.code: {
            common.COL_ACTION: action.text,
            common.COL_STATUS: action.status.value,
            common.COL_NOTE: action.note,
            common.COL_RESPONSIBLE: action.responsible,
            common.COL_PLAN_DEADLINE: date_da(action.end_date),
            common.COL_TIMELINE_PHRASE: action.timeline or "–",
            common.COL_REVISED_DEADLINE: action.revised_end_date,
            common.COL_REVISED_REASON: action.revised_reason,
            common.COL_KIND: KIND_LABELS[action.kind],
            common.COL_RHYTHM: rhythm_label(action.rhythm),
        }
        for action in actions
    }
    frame = pd.DataFrame.from_dict(rows, orient="index")
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


def _column_config() -> dict[str, Any]:
    """Editable columns come right after the action text, so they fit without scrolling."""
    return {
        common.COL_ACTION: st.column_config.TextColumn(width=260, disabled=True),
        common.COL_STATUS: st.column_config.SelectboxColumn(
            options=[status.value for status in STATUS_ORDER], required=True, width=175
        ),
        common.COL_NOTE: st.column_config.TextColumn(max_chars=2000, width=260),
        common.COL_RESPONSIBLE: st.column_config.TextColumn(max_chars=200, width=120),
        common.COL_PLAN_DEADLINE: st.column_config.TextColumn(width=95, disabled=True),
        common.COL_TIMELINE_PHRASE: st.column_config.TextColumn(width=180, disabled=True),
        common.COL_REVISED_DEADLINE: st.column_config.DateColumn(format="DD-MM-YYYY", width=115),
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
        return date_da(value)
    return str(value) if value else "–"


def _show_results(results: list[EditResult], attempted: dict[int, dict[str, Any]]) -> None:
    saved = [r.code for r in results if r.outcome == Outcome.saved]
    if saved:
        st.success(
            t.SAVED.format(actions=count_da(len(saved), *common.ACTIONS), codes=", ".join(saved))
        )
    for result in results:
        if result.outcome == Outcome.conflict:
            wanted = attempted.get(result.action_id, {})
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
                    when=datetime_da(result.last_changed_at),
                    current=current,
                )
            )
        elif result.outcome == Outcome.invalid:
            st.error(inert(f"{result.code}: {result.message}"))


def _history(track: TrackView) -> None:
    """Each action's change history, read only while its expander is open.

    The expander reports its state (`on_change="rerun"`): closed, nothing inside runs, so the
    history query runs only for a reader who opens it.
    """
    history = st.expander(t.HISTORY, key=_state_key(track.code, "history_open"), on_change="rerun")
    if not history.open:
        return
    with history:
        codes = {action.code: action for action in track.actions}
        code = st.selectbox(
            t.HISTORY_SELECT,
            list(codes),
            format_func=lambda c: f"{c} {codes[c].text[:70]}",
            key=_state_key(track.code, "history"),
        )
        rows = load_action_history(codes[code].id)
        if not rows:
            st.caption(t.HISTORY_EMPTY)
            return
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        common.COL_CHANGED_AT: datetime_da(row.changed_at),
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


def render_track_editor(track: TrackView, actor: Actor) -> None:
    """The editable grid for one track, its save button and its change history."""
    generation = st.session_state.setdefault(_state_key(track.code, "generation"), 0)
    grid_key = _state_key(track.code, f"grid{generation}")
    base_key = _state_key(track.code, "base")
    results_key = _state_key(track.code, "results")
    has_pending = bool(st.session_state.get(grid_key, {}).get("edited_rows"))
    if has_pending:
        st.session_state.pop(results_key, None)  # new edits: the last save's report is done
    if not has_pending or base_key not in st.session_state:
        st.session_state[base_key] = {action.code: action for action in track.actions}
    base: dict[str, ActionView] = st.session_state[base_key]
    original = editor_frame(list(base.values()))
    edited = st.data_editor(
        original, key=grid_key, column_config=_column_config(), num_rows="fixed", width="stretch"
    )
    edits = pending_edits(original, edited, base)
    if results_key in st.session_state:
        _show_results(*st.session_state[results_key])
    if edits:
        codes = ", ".join(code for code in base if base[code].id in {e.action_id for e in edits})
        fields = sum(len(edit.values) for edit in edits)
        st.warning(
            t.PENDING.format(
                fields=count_da(fields, *t.UNSAVED_CHANGES),
                actions=count_da(len(edits), *common.ACTIONS),
                codes=codes,
            )
        )
    if st.button(
        t.SAVE,
        key=_state_key(track.code, "save"),
        type="primary",
        disabled=not edits,
    ):
        try:
            with session_scope(write=True) as session:
                results = save_action_edits(session, actor=actor, edits=edits)
        except PermissionDenied as error:
            st.error(inert(error))
            return
        attempted = {edit.action_id: edit.values for edit in edits}
        st.session_state[results_key] = (results, attempted)
        st.session_state[_state_key(track.code, "generation")] = generation + 1
        del st.session_state[base_key]
        st.rerun()
    _history(track)
