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


def import_cases_elsewhere(rows: str) -> None:
    from models.restoration.case_import import apply_import, parse_cases

    with session_scope(get_engine(), write=True) as session:
        apply_import(
            session, actor=Actor.command_line(), parsed=parse_cases(rows.encode(), "sager.csv")
        )


def now_restoration_figures(at: object) -> dict[str, str]:
    """The comparison's restoration table on Statusrapporter: label -> the "Status nu" figure."""
    (table,) = [frame.value for frame in at.dataframe if "Status nu" in frame.value.columns]  # type: ignore[attr-defined]
    return dict(zip(table.iloc[:, 0], table["Status nu"], strict=True))


def test_the_reports_page_shows_cases_imported_by_another_instance_on_the_next_load(
    users: None,
) -> None:
    from models.core.time import today_local
    from models.reports.snapshots import create_snapshot

    today = today_local()
    with session_scope(get_engine(), write=True) as session:
        create_snapshot(
            session, actor=Actor("erik", Role.editor), name="Før", taken_on=today, today=today
        )
    import_cases_elsewhere("Sagsreference;Team;Spor;Gennemgået\nB-1;Handicap;A.1;01-10-2025")
    at = new_app("vera")
    at.run()
    at.switch_page("pages/reports.py")
    at.run()
    assert now_restoration_figures(at)["Sager i genopretning"] == "1"

    import_cases_elsewhere(
        "Sagsreference;Team;Spor;Gennemgået\nB-2;Handicap;A.1;01-10-2025\nB-3;Handicap;A.1;"
        "02-10-2025"
    )
    at.run()
    assert now_restoration_figures(at)["Sager i genopretning"] == "3"
    second = new_app("vera")  # a fresh load in the same process
    second.run()
    second.switch_page("pages/reports.py")
    second.run()
    assert now_restoration_figures(second)["Sager i genopretning"] == "3"
