"""Planbeslutninger: decisions that move the plan's deadlines, recorded and listed."""

import streamlit as st

from components.commands import flash, run_command, show_flash
from components.readers import load_decisions, load_themes
from components.safe_text import inert
from components.shell import current_actor, require_shell
from components.texts import decisions as t
from models.auth.users import EDIT_PLAN, READ_INTERNAL
from models.core.formatting import DATE_INPUT_FORMAT, date_long_da, datetime_long_da
from models.core.time import today_local
from models.plan.decisions import decision_label, record_decision
from models.plan.kinds import ActionKind

require_shell(__file__, READ_INTERNAL)
actor = current_actor()
today = today_local()
st.title(t.TITLE)
st.caption(t.INTRO)
show_flash()


FORM = "decision_form"  # a new number after each recorded decision: new, empty widgets


def key(name: str) -> str:
    return f"decision_{name}_{st.session_state.setdefault(FORM, 0)}"


if actor.role in EDIT_PLAN:
    actions = {
        action.code: action
        for theme in load_themes()
        for action in theme.actions
        if action.kind == ActionKind.deadline
    }
    with st.container(border=True):
        st.subheader(t.FORM_TITLE)
        left, right = st.columns(2)
        decided_on = left.date_input(
            t.DECIDED_ON, value=today, max_value=today, format=DATE_INPUT_FORMAT, key=key("on")
        )
        body = right.text_input(t.BODY, value=t.BODY_DEFAULT, key=key("body"))
        reference = st.text_input(t.REFERENCE, key=key("reference"))
        text = st.text_area(t.TEXT, key=key("text"))
        move_restoration = st.checkbox(t.MOVE_RESTORATION, key=key("restoration"))
        restoration_deadline = (
            st.date_input(
                t.RESTORATION_DEADLINE,
                value=None,
                format=DATE_INPUT_FORMAT,
                key=key("restoration_date"),
            )
            if move_restoration
            else None
        )
        chosen = st.multiselect(
            t.MOVES,
            list(actions),
            format_func=lambda code: f"{code} {actions[code].text[:80]}",
            placeholder=t.MOVES_PLACEHOLDER,
            key=key("actions"),
        )
        deadlines = {}
        for code in chosen:
            action = actions[code]
            current = date_long_da(action.deadline)
            deadlines[code] = st.date_input(
                t.NEW_DEADLINE.format(code=code, current=current),
                value=None,
                format=DATE_INPUT_FORMAT,
                key=key(f"deadline_{code}"),
            )
        if st.button(t.SUBMIT, type="primary"):
            missing = [code for code, day in deadlines.items() if day is None]
            if missing or (move_restoration and restoration_deadline is None):
                st.error(t.MISSING_DATES.format(codes=", ".join(missing) or t.RESTORATION_NAMED))
            else:
                decision = run_command(
                    record_decision,
                    actor=actor,
                    decided_on=decided_on,
                    body=body,
                    reference=reference,
                    text=text,
                    deadlines=deadlines,
                    restoration_deadline=restoration_deadline,
                    today=today,
                )
                if decision is not None:
                    st.session_state[FORM] += 1
                    flash(t.SAVED.format(label=decision_label(decision)))
                    st.rerun()

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
            lines.append(
                t.RESTORATION_MOVED.format(date=date_long_da(decision.restoration_deadline))
            )
        lines += [
            t.ACTION_MOVED.format(
                code=move.code, old=date_long_da(move.old), new=date_long_da(move.new)
            )
            for move in moved
        ]
        if lines:
            st.markdown("\n".join(f"- {inert(line)}" for line in lines))
        st.caption(
            t.RECORDED_BY.format(
                user=inert(decision.created_by), when=datetime_long_da(decision.created_at)
            )
        )
