"""User management for admins: users and roles, passwords, deactivation, the login log."""

import pandas as pd
import streamlit as st

from components.commands import run_command, show_flash
from components.readers import (
    load_login_blocks,
    load_login_events,
    load_owned_codes,
    load_users,
)
from components.shell import current_actor, require_shell
from components.texts import common
from components.texts import users as t
from models.auth.login import unlock
from models.auth.users import (
    MANAGE_USERS,
    ROLE_LABELS,
    Role,
    User,
    create_user,
    reset_password,
    set_active,
    set_role,
)
from models.core.formatting import count_da, datetime_table_da

require_shell(__file__, MANAGE_USERS)
actor = current_actor()


def user_table(users: list[User], owned: dict[str, list[str]]) -> pd.DataFrame:
    rows = [
        {
            t.COLUMNS["username"]: user.username,
            t.COLUMNS["display_name"]: user.display_name,
            t.COLUMNS["email"]: user.email or "",
            t.COLUMNS["role"]: ROLE_LABELS[user.role],
            t.COLUMNS["active"]: common.YES if user.active else common.NO,
            t.COLUMNS["created_at"]: datetime_table_da(user.created_at),
            t.COLUMNS["last_login_at"]: datetime_table_da(user.last_login_at),
            t.COLUMNS["owns"]: ", ".join(owned.get(user.username, [])) or "–",
        }
        for user in users
    ]
    return pd.DataFrame(rows)


def pick_role(key: str) -> Role:
    roles = list(Role)
    return st.selectbox(
        t.FIELD_ROLE,
        roles,
        index=roles.index(Role.viewer),
        format_func=lambda role: ROLE_LABELS[role],
        key=key,
    )


users = load_users()
owned = load_owned_codes()
events = load_login_events()
usernames = [user.username for user in users]

st.title(t.TITLE)
show_flash()
st.dataframe(user_table(users, owned), hide_index=True, width="stretch")
add, role, password, active, blocks, log = st.tabs(
    [
        t.TAB_ADD,
        t.TAB_ROLE,
        t.TAB_PASSWORD,
        t.TAB_ACTIVE,
        t.TAB_BLOCKS,
        t.TAB_LOG,
    ]
)
with add, st.form("add_user", clear_on_submit=True):
    new_username = st.text_input(t.FIELD_USERNAME)
    new_name = st.text_input(t.FIELD_NAME)
    new_email = st.text_input(t.FIELD_EMAIL)
    new_role = pick_role("add_role")
    new_password = st.text_input(t.FIELD_PASSWORD, type="password")
    new_repeat = st.text_input(t.FIELD_PASSWORD_REPEAT, type="password")
    if st.form_submit_button(t.ADD_BUTTON, type="primary"):
        if new_password != new_repeat:
            st.error(t.PASSWORDS_DIFFER)
        else:
            run_command(
                create_user,
                success=t.CREATED.format(username=new_username.strip().lower()),
                actor=actor,
                username=new_username,
                display_name=new_name,
                role=new_role,
                password=new_password,
                email=new_email or None,
            )
with role, st.form("set_role"):
    target = st.selectbox(t.SELECT, usernames, key="role_user")
    chosen = pick_role("role_role")
    if st.form_submit_button(t.ROLE_BUTTON):
        run_command(
            set_role,
            success=t.ROLE_CHANGED.format(username=target, role=ROLE_LABELS[chosen]),
            actor=actor,
            username=target,
            role=chosen,
        )
with password, st.form("reset_password", clear_on_submit=True):
    target = st.selectbox(t.SELECT, usernames, key="password_user")
    new_password = st.text_input(t.FIELD_PASSWORD, type="password")
    new_repeat = st.text_input(t.FIELD_PASSWORD_REPEAT, type="password")
    if st.form_submit_button(t.PASSWORD_BUTTON):
        if new_password != new_repeat:
            st.error(t.PASSWORDS_DIFFER)
        else:
            run_command(
                reset_password,
                success=t.PASSWORD_RESET.format(username=target),
                actor=actor,
                username=target,
                password=new_password,
            )
with active, st.form("set_active"):
    target = st.selectbox(t.SELECT, usernames, key="active_user")
    deactivate_col, activate_col = st.columns(2)
    deactivate = deactivate_col.form_submit_button(t.DEACTIVATE_BUTTON)
    activate = activate_col.form_submit_button(t.ACTIVATE_BUTTON)
    if deactivate or activate:
        state = t.STATE_ACTIVE if activate else t.STATE_DEACTIVATED
        message = t.ACTIVE_CHANGED.format(username=target, state=state)
        still_owned = owned.get(target or "", [])
        if deactivate and still_owned:
            message += " " + t.STILL_OWNS.format(
                username=target,
                actions=count_da(len(still_owned), *common.ACTIONS),
                codes=", ".join(still_owned),
            )
        run_command(set_active, success=message, actor=actor, username=target, active=activate)
with blocks:
    st.caption(t.BLOCKS_INTRO)
    current = load_login_blocks()
    if not current:
        st.info(t.NO_BLOCKS)
    else:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t.BLOCK_COLUMNS["username"]: block.username,
                        t.BLOCK_COLUMNS["client"]: block.client or t.ALL_ADDRESSES,
                        t.BLOCK_COLUMNS["failures"]: block.failures,
                        t.BLOCK_COLUMNS["until"]: datetime_table_da(block.until),
                    }
                    for block in current
                ]
            ),
            hide_index=True,
            width="stretch",
        )
        with st.form("unlock"):
            blocked = sorted({block.username for block in current})
            target = st.selectbox(t.SELECT, blocked, key="unlock_user")
            if st.form_submit_button(t.UNLOCK_BUTTON):
                run_command(
                    unlock,
                    success=t.UNLOCKED.format(username=target),
                    actor=actor,
                    username=target,
                )
with log:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t.LOG_COLUMNS["occurred_at"]: datetime_table_da(event.occurred_at),
                    t.LOG_COLUMNS["username"]: event.username,
                    t.LOG_COLUMNS["outcome"]: t.OUTCOME_LABELS[event.outcome],
                    t.LOG_COLUMNS["client"]: event.client or "",
                    t.LOG_COLUMNS["actor"]: event.actor or "",
                }
                for event in events
            ]
        ),
        hide_index=True,
        width="stretch",
    )
