"""The page *Offentlig statusside*: the site as it would be published, *Udgiv*, and the
earlier publications. The preview and the zip come from the same `render_site` call, so what
the editor sees is what is published."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.commands import run_command
from components.readers import current_revision
from components.safe_text import inert
from components.texts import public_site as t
from models.auth.users import Actor
from models.core import time as clock
from models.core.db import session_scope
from models.core.formatting import date_table_da, datetime_long_da, datetime_table_da
from models.presentation.public_site import (
    Publication,
    SiteFiles,
    list_publications,
    preview_html,
    publish_zip,
    read_site,
    render_site,
    zip_name,
)

_PUBLISHED = "_public_site_published"  # (message, zip name, zip bytes) of this tab's last Udgiv
PREVIEW_HEIGHT = 900


@st.cache_data(show_spinner=False, max_entries=4)
def _site(today: dt.date, revision: object) -> SiteFiles:
    with session_scope() as session:
        return render_site(read_site(session, today=today, now=clock.utcnow()))


def load_site(today: dt.date) -> SiteFiles:
    """The site's files as they would be published now. They are generated once per day and
    state of the data (the charts are rendered to SVG, about 0.8 s at a hundred times today's
    data) and say when: nothing they show has changed since then."""
    return _site(today, current_revision())


def load_publications(actor: Actor) -> list[Publication]:
    with session_scope() as session:
        return list_publications(session, actor=actor)


def publish_controls(actor: Actor, files: SiteFiles, today: dt.date) -> None:
    """*Udgiv*: record the publication of exactly `files` and offer them as a zip."""
    if st.button(t.PUBLISH, type="primary", help=t.PUBLISH_HELP):
        result = run_command(publish_zip, actor=actor, files=files, status_date=today)
        if result is not None:
            publication, data = result
            message = t.PUBLISHED.format(
                moment=datetime_long_da(publication.published_at), sha=publication.manifest_sha256
            )
            st.session_state[_PUBLISHED] = (message, zip_name(today), data)
    published = st.session_state.get(_PUBLISHED)
    if published is not None:
        message, name, data = published
        st.success(inert(message))
        st.download_button(
            t.DOWNLOAD, data, file_name=name, mime="application/zip", on_click="ignore"
        )
    st.caption(t.CLI_HINT)


def show_preview(files: SiteFiles) -> None:
    st.subheader(t.PREVIEW)
    st.iframe(preview_html(files), height=PREVIEW_HEIGHT, alt=t.PREVIEW_ALT)


def show_publications(actor: Actor) -> None:
    st.subheader(t.HISTORY)
    publications = load_publications(actor)
    if not publications:
        st.info(t.NO_HISTORY)
        return
    st.dataframe(
        pd.DataFrame(
            [
                (
                    datetime_table_da(p.published_at),
                    p.username,
                    p.destination,
                    date_table_da(p.status_date),
                    p.file_count,
                    p.manifest_sha256,
                )
                for p in publications
            ],
            columns=list(t.HISTORY_COLUMNS),
        ).astype(str),
        hide_index=True,
        width="stretch",
    )
