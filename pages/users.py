"""User management for admins: users and roles, passwords, deactivation, the login log."""

import pandas as pd
import streamlit as st

from components import texts
from components.commands import run_command, show_flash
from components.data import load_login_events, load_users
from components.shell import current_actor, require_shell
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
from models.core.formatting import datetime_da

require_shell(__file__, MANAGE_USERS)
actor = current_actor()


def user_table(users: list[User]) -> pd.DataFrame:
    rows = [
        {
            texts.USERS_COLUMNS["username"]: user.username,
            texts.USERS_COLUMNS["display_name"]: user.display_name,
            texts.USERS_COLUMNS["email"]: user.email or "",
            texts.USERS_COLUMNS["role"]: ROLE_LABELS[user.role],
            texts.USERS_COLUMNS["active"]: "Ja" if user.active else "Nej",
            texts.USERS_COLUMNS["created_at"]: datetime_da(user.created_at),
            texts.USERS_COLUMNS["last_login_at"]: datetime_da(user.last_login_at),
        }
        for user in users
    ]
    return pd.DataFrame(rows)


def pick_role(key: str) -> Role:
    roles = list(Role)
    return st.selectbox(
        texts.FIELD_ROLE,
        roles,
        index=roles.index(Role.viewer),
        format_func=lambda role: ROLE_LABELS[role],
        key=key,
    )


users = load_users()
events = load_login_events()
usernames = [user.username for user in users]

st.title(texts.USERS_TITLE)
show_flash()
st.dataframe(user_table(users), hide_index=True, width="stretch")
add, role, password, active, log = st.tabs(
    [
        texts.USERS_TAB_ADD,
        texts.USERS_TAB_ROLE,
        texts.USERS_TAB_PASSWORD,
        texts.USERS_TAB_ACTIVE,
        texts.USERS_TAB_LOG,
    ]
)
with add, st.form("add_user", clear_on_submit=True):
    new_username = st.text_input(texts.FIELD_USERNAME)
    new_name = st.text_input(texts.FIELD_NAME)
    new_email = st.text_input(texts.FIELD_EMAIL)
    new_role = pick_role("add_role")
    new_password = st.text_input(texts.FIELD_PASSWORD, type="password")
    new_repeat = st.text_input(texts.FIELD_PASSWORD_REPEAT, type="password")
    if st.form_submit_button(texts.USERS_ADD_BUTTON, type="primary"):
        if new_password != new_repeat:
            st.error(texts.PASSWORDS_DIFFER)
        else:
            run_command(
                create_user,
                success=texts.USERS_CREATED.format(username=new_username.strip().lower()),
                actor=actor,
                username=new_username,
                display_name=new_name,
                role=new_role,
                password=new_password,
                email=new_email or None,
            )
with role, st.form("set_role"):
    target = st.selectbox(texts.USERS_SELECT, usernames, key="role_user")
    chosen = pick_role("role_role")
    if st.form_submit_button(texts.USERS_ROLE_BUTTON):
        run_command(
            set_role,
            success=texts.USERS_ROLE_CHANGED.format(username=target, role=ROLE_LABELS[chosen]),
            actor=actor,
            username=target,
            role=chosen,
        )
with password, st.form("reset_password", clear_on_submit=True):
    target = st.selectbox(texts.USERS_SELECT, usernames, key="password_user")
    new_password = st.text_input(texts.FIELD_PASSWORD, type="password")
    new_repeat = st.text_input(texts.FIELD_PASSWORD_REPEAT, type="password")
    if st.form_submit_button(texts.USERS_PASSWORD_BUTTON):
        if new_password != new_repeat:
            st.error(texts.PASSWORDS_DIFFER)
        else:
            run_command(
                reset_password,
                success=texts.USERS_PASSWORD_RESET.format(username=target),
                actor=actor,
                username=target,
                password=new_password,
            )
with active, st.form("set_active"):
    target = st.selectbox(texts.USERS_SELECT, usernames, key="active_user")
    deactivate_col, activate_col = st.columns(2)
    deactivate = deactivate_col.form_submit_button(texts.USERS_DEACTIVATE_BUTTON)
    activate = activate_col.form_submit_button(texts.USERS_ACTIVATE_BUTTON)
    if deactivate or activate:
        state = "aktiv" if activate else "deaktiveret"
        run_command(
            set_active,
            success=texts.USERS_ACTIVE_CHANGED.format(username=target, state=state),
            actor=actor,
            username=target,
            active=activate,
        )
with log:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    texts.LOG_COLUMNS["occurred_at"]: datetime_da(event.occurred_at),
                    texts.LOG_COLUMNS["username"]: event.username,
                    texts.LOG_COLUMNS["outcome"]: texts.LOGIN_OUTCOME_LABELS[event.outcome],
                }
                for event in events
            ]
        ),
        hide_index=True,
        width="stretch",
    )
