"""One section of the weekly review's agenda as a grid: the items read-only, *Drøftet* and the
decision editable, saved through `models.reviews.service.record_discussions`.

The grid keeps the values it was loaded with while the group ticks and types; "Gem
drøftelser" (or closing the review) saves what differs from them. Cells are drawn on a canvas,
so user text (notes, decisions) is never rendered as markup.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from components.commands import flash, run_command
from components.texts import common
from components.texts import review as t
from models.auth.users import Actor
from models.core.formatting import count_da
from models.plan.status import STATUS_SYMBOLS, Status
from models.reviews.service import AgendaItem, ItemMark, ReviewView, record_discussions
from models.reviews.tables import MAX_DECISION_LENGTH, ReviewSection


def _status(status: str) -> str:
    try:
        return f"{STATUS_SYMBOLS[Status(status)]} {status}"
    except ValueError:
        return status


def _why(section: ReviewSection) -> str:
    return t.COL_CHANGE if section == ReviewSection.changed else t.COL_WHY


def agenda_frame(section: ReviewSection, items: list[AgendaItem]) -> pd.DataFrame:
    """The section's items, indexed by item id (hidden), in agenda order."""
    return pd.DataFrame(
        [
            {
                common.COL_CODE: item.code,
                common.COL_ACTION: item.text,
                common.COL_STATUS: _status(item.status),
                _why(section): item.detail,
                t.COL_DISCUSSED: item.discussed,
                t.COL_DECISION: item.decision,
            }
            for item in items
        ],
        index=pd.Index([item.id for item in items], name="id"),
    )


def pending_marks(original: pd.DataFrame, edited: pd.DataFrame) -> list[ItemMark]:
    """The items whose *Drøftet* or decision the grid changed."""
    marks = []
    for item_id, row in edited.iterrows():
        before = original.loc[item_id]
        discussed = bool(row[t.COL_DISCUSSED])
        decision = "" if pd.isna(row[t.COL_DECISION]) else str(row[t.COL_DECISION])
        if (discussed, decision) != (bool(before[t.COL_DISCUSSED]), before[t.COL_DECISION]):
            marks.append(ItemMark(int(item_id), discussed, decision))  # type: ignore[call-overload]
    return marks


def _column_config(section: ReviewSection) -> dict[str, Any]:
    """Widths that fit 1366 px with the sidebar (the browser journey clicks by them)."""
    return {
        common.COL_CODE: st.column_config.TextColumn(width=50, disabled=True),
        common.COL_ACTION: st.column_config.TextColumn(width=225, disabled=True),
        common.COL_STATUS: st.column_config.TextColumn(width=145, disabled=True),
        _why(section): st.column_config.TextColumn(width=200, disabled=True),
        t.COL_DISCUSSED: st.column_config.CheckboxColumn(width=80, help=t.DISCUSSED_HELP),
        t.COL_DECISION: st.column_config.TextColumn(width=200, max_chars=MAX_DECISION_LENGTH),
    }


def _key(review: ReviewView, section: ReviewSection, name: str) -> str:
    return f"review_{review.id}_{section.name}_{name}"


def render_section(
    review: ReviewView, section: ReviewSection, items: list[AgendaItem], actor: Actor
) -> list[ItemMark]:
    """The section's grid and its save button; returns the marks not saved yet."""
    generation_key = _key(review, section, "generation")
    generation = st.session_state.setdefault(generation_key, 0)
    original = agenda_frame(section, items)
    edited = st.data_editor(
        original,
        key=_key(review, section, f"grid{generation}"),
        column_config=_column_config(section),
        hide_index=True,
        num_rows="fixed",
        width="stretch",
    )
    marks = pending_marks(original, edited)
    if marks:
        st.caption(t.PENDING.format(items=count_da(len(marks), *t.ITEMS)))
    if st.button(t.SAVE, key=_key(review, section, "save"), disabled=not marks):
        changed = run_command(record_discussions, actor=actor, review_id=review.id, marks=marks)
        if changed is not None:
            st.session_state[generation_key] = generation + 1  # a fresh grid from the database
            flash(t.SAVED.format(items=count_da(len(marks), *t.ITEMS)))
            st.rerun()
    return marks
