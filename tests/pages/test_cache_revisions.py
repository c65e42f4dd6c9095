"""Cached pages and files follow writes made by another instance (issue 17): the write goes to
the database directly, past this process's caches, as another server process's would."""

from __future__ import annotations

import io

from docx import Document

from models.auth.users import Actor, Role
from models.core.db import get_engine, session_scope
from models.reports.snapshots import current_key_messages, set_key_messages
from tests.pages.apptest import new_app, rendered_text

NEW_POINT = "Ny pointe fra den anden server"


def edit_key_messages_elsewhere() -> None:
    with session_scope(get_engine(), write=True) as session:
        texts = current_key_messages(session)
        set_key_messages(session, actor=Actor("hanna", Role.admin), texts=[*texts[:4], NEW_POINT])


def test_slide_4_shows_key_messages_edited_by_another_instance(users: None) -> None:
    at = new_app("pia")
    at.query_params["slide"] = "4"
    at.run()
    assert NEW_POINT not in rendered_text(at)

    edit_key_messages_elsewhere()
    at.run()

    assert NEW_POINT in rendered_text(at)


def test_the_word_export_of_now_follows_key_messages_edited_by_another_instance(
    users: None,
) -> None:
    import datetime as dt

    from components.exports import report_files
    from models.reports.snapshots import NOW_NAME

    today = dt.date(2026, 12, 6)

    def word_text() -> str:
        docx = report_files(NOW_NAME, None, today, "Hanna").docx
        return "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)

    assert NEW_POINT not in word_text()
    edit_key_messages_elsewhere()
    assert NEW_POINT in word_text()
