"""Min profil: every logged-in user sees their own details and turns reminder e-mails on or off."""

import streamlit as st

from components.commands import run_command, show_flash
from components.readers import load_user
from components.safe_text import inert
from components.shell import current_actor, require_shell
from components.texts import profile as t
from models.auth.users import ROLE_LABELS, set_email_reminders

require_shell(__file__)
actor = current_actor()
me = load_user(actor.username)
if me is None:
    st.stop()

st.title(t.TITLE)
show_flash()
with st.container(border=True):
    for label, value in (
        (t.NAME, me.display_name),
        (t.USERNAME, me.username),
        (t.EMAIL, me.email or t.NO_EMAIL),
        (t.ROLE, ROLE_LABELS[me.role]),
    ):
        st.markdown(f"**{label}:** {inert(value)}")

st.subheader(t.REMINDERS_TITLE)
enabled = st.toggle(t.REMINDERS_TOGGLE, value=me.email_reminders, key="profile_reminders")
st.caption(t.REMINDERS_HELP)
if not me.email:
    st.info(t.NO_EMAIL_INFO)
if enabled != me.email_reminders:
    run_command(
        set_email_reminders,
        success=t.REMINDERS_ON if enabled else t.REMINDERS_OFF,
        actor=actor,
        username=actor.username,
        enabled=enabled,
    )
