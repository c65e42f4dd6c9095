"""Planbeslutninger: decisions that move the plan's deadlines, recorded and listed."""

import pandas as pd
import streamlit as st

from components.commands import run_command, show_flash
from components.readers import load_decisions, load_themes
from components.safe_text import inert
from components.shell import current_actor, require_shell
from components.texts import decisions as t
from models.auth.users import EDIT_PLAN, READ_INTERNAL
from models.core.formatting import date_da, datetime_da
from models.core.time import today_local
from models.plan.decisions import decision_label, record_decision
from models.plan.kinds import ActionKind

require_shell(__file__, READ_INTERNAL)
actor = current_actor()
today = today_local()
st.title(t.TITLE)
st.caption(t.INTRO)
show_flash()


def moves_from(frame: pd.DataFrame) -> dict[str, object] | None:
    """The grid's rows as {code: new deadline}; None (with an error shown) if a row is half
    filled in."""
    moves: dict[str, object] = {}
    for number, (code, deadline) in enumerate(
        zip(frame[t.COL_ACTION], frame[t.COL_DEADLINE], strict=True), start=1
    ):
        if pd.isna(code) and pd.isna(deadline):
            continue
        if pd.isna(code) or pd.isna(deadline):
            st.error(t.INCOMPLETE_ROW.format(row=number))
            return None
        moves[str(code).split(" ", 1)[0]] = pd.Timestamp(deadline).date()
    return moves


if actor.role in EDIT_PLAN:
    options = [
        f"{action.code} {action.text[:70]}"
        for theme in load_themes()
        for action in theme.actions
        if action.kind == ActionKind.deadline
    ]
    with st.form("decision", clear_on_submit=True):
        st.subheader(t.FORM_TITLE)
        left, right = st.columns(2)
        decided_on = left.date_input(
            t.DECIDED_ON, value=today, max_value=today, format="DD-MM-YYYY"
        )
        body = right.text_input(t.BODY, value=t.BODY_DEFAULT)
        reference = st.text_input(t.REFERENCE)
        text = st.text_area(t.TEXT)
        move_restoration = st.checkbox(t.MOVE_RESTORATION)
        restoration_deadline = st.date_input(
            t.RESTORATION_DEADLINE, value=None, format="DD-MM-YYYY"
        )
        st.caption(t.MOVES)
        moves = st.data_editor(
            pd.DataFrame(
                {
                    t.COL_ACTION: pd.Series(dtype="object"),
                    t.COL_DEADLINE: pd.Series(dtype="datetime64[ns]"),
                }
            ),
            num_rows="dynamic",
            width="stretch",
            hide_index=True,
            column_config={
                t.COL_ACTION: st.column_config.SelectboxColumn(options=options, width="large"),
                t.COL_DEADLINE: st.column_config.DateColumn(format="DD-MM-YYYY"),
            },
            key="decision_moves",
        )
        if st.form_submit_button(t.SUBMIT, type="primary"):
            deadlines = moves_from(moves)
            if deadlines is not None:
                run_command(
                    record_decision,
                    success=lambda decision: t.SAVED.format(label=decision_label(decision)),
                    actor=actor,
                    decided_on=decided_on,
                    body=body,
                    reference=reference,
                    text=text,
                    deadlines=deadlines,
                    restoration_deadline=restoration_deadline if move_restoration else None,
                    today=today,
                )

st.subheader(t.LIST_TITLE)
decisions = load_decisions()
if not decisions:
    st.info(t.EMPTY)
for decision, moved in decisions:
    with st.container(border=True):
        st.markdown(f"**{inert(decision_label(decision))}**")
        st.text(decision.text)
        lines = []
        if decision.restoration_deadline:
            lines.append(t.RESTORATION_MOVED.format(date=date_da(decision.restoration_deadline)))
        lines += [
            t.ACTION_MOVED.format(code=move.code, old=date_da(move.old), new=date_da(move.new))
            for move in moved
        ]
        if lines:
            st.markdown("\n".join(f"- {inert(line)}" for line in lines))
        st.caption(
            t.RECORDED_BY.format(
                user=inert(decision.created_by), when=datetime_da(decision.created_at)
            )
        )
