"""AppTest renders of the status reports page (Statusrapporter)."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from models.auth.users import Actor, Role
from models.core.db import get_engine, session_scope
from models.core.formatting import date_long_da, date_table_da
from models.core.time import today_local
from models.reports.snapshots import create_snapshot, delete_snapshot, deleted_reports
from tests.pages.apptest import rendered_text, run_app


def test_the_report_page_creates_compares_and_offers_downloads(users: None) -> None:
    at = run_app("pages/reports.py", username="erik")
    assert at.title[0].value == "Statusrapporter til Børn & Læringsudvalget"
    assert at.info[0].value == "Der er endnu ingen statusrapporter."
    name_input = next(field for field in at.text_input if field.label.startswith("Navn"))
    name_input.input("Status BLU 29.9.2025")
    next(button for button in at.button if button.label == "Frys status nu").click().run()
    assert not at.exception
    assert at.success[0].value == "Statusrapporten «Status BLU 29.9.2025» er oprettet."
    assert [sb.value for sb in at.selectbox] == ["Status nu", "Status BLU 29.9.2025"]
    text = rendered_text(at)
    assert "Siden «Status BLU 29.9.2025»" in text
    labels = [element.proto.label for element in at.get("download_button")]
    assert labels == ["Excel (.xlsx)", "Word-bilag (.docx)", "PDF-bilag", "Diagram (PNG)"]


def test_a_viewer_reads_reports_but_cannot_create_them(users: None) -> None:
    at = run_app("pages/reports.py", username="vera")
    assert "Frys status nu" not in [button.label for button in at.button]
    assert not at.text_input


# --- reports are records --------------------------------------------------------------------

REPORT = "Status BLU 24.11.2026"


def make_report(**values: object) -> None:
    today = today_local()
    with session_scope(get_engine(), write=True) as session:
        create_snapshot(
            session,
            actor=Actor("erik", Role.editor),
            name=REPORT,
            taken_on=values.pop("taken_on", today),
            today=today,
            **values,
        )


def click(at: AppTest, label: str) -> AppTest:
    (button,) = [button for button in at.button if button.label == label]
    button.click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def choose(at: AppTest, name: str) -> AppTest:
    at.selectbox[0].set_value(name)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_back_dated_report_needs_the_reconstruction_mark_and_then_says_so(
    users: None,
) -> None:
    earlier = today_local() - dt.timedelta(days=35)
    at = run_app("pages/reports.py", username="erik")
    next(field for field in at.text_input if field.label.startswith("Navn")).input(REPORT)
    (date,) = [field for field in at.date_input if field.label == "Dato"]
    date.set_value(earlier)
    at.number_input[0].set_value(3)
    click(at, "Frys status nu")
    assert at.error[0].value.startswith("Rapporten fryser data, som de er i dag")
    assert "markér den som rekonstruktion" in at.error[0].value
    assert [sb.value for sb in at.selectbox] == []  # nothing was made

    (mark,) = [box for box in at.checkbox if box.label.startswith("Rekonstruktion")]
    mark.check()
    click(at, "Frys status nu")
    assert at.success[0].value == f"Statusrapporten «{REPORT}» er oprettet."
    choose(at, REPORT)
    label = (
        f"Rekonstruktion: data fastfrosset {date_long_da(today_local())}, "
        f"dateret {date_long_da(earlier)}"
    )
    assert [warning.value for warning in at.warning] == [label]
    assert "Bilag 3" in [caption.value for caption in at.caption]
    listed = at.dataframe[0].value
    assert list(listed.loc[0, ["Navn", "Bilag", "Rekonstruktion"]]) == [
        REPORT,
        "Bilag 3",
        f"ja, data fra {date_table_da(today_local())}",
    ]


def test_the_appendix_number_and_meeting_are_edited_on_a_saved_report(users: None) -> None:
    make_report()
    at = choose(run_app("pages/reports.py", username="erik"), REPORT)
    assert at.warning.len == 0  # dated the day it froze: no reconstruction
    assert at.dataframe[0].value.loc[0, "Bilag"] == "–"  # not known yet
    assert not [c.value for c in at.caption if c.value.startswith("Bilag")]
    at.number_input(key="appendix_number").set_value(4)
    at.date_input(key="appendix_meeting").set_value(dt.date(2027, 5, 12))
    click(at, "Gem bilagsoplysninger")
    assert at.success[0].value == f"Bilagsoplysningerne for «{REPORT}» er gemt."
    choose(at, REPORT)
    assert "Bilag 4 til mødet 12. maj 2027" in [caption.value for caption in at.caption]


def delete_form(at: AppTest, confirmation: str, reason: str) -> AppTest:
    (confirm,) = [f for f in at.text_input if f.label.startswith("Skriv rapportens navn")]
    confirm.input(confirmation)
    (why,) = [f for f in at.text_area if f.label.startswith("Begrundelse")]
    why.input(reason)
    return click(at, "Slet rapporten endeligt")


def test_an_admin_deletes_a_report_only_by_typing_its_name_and_a_reason(users: None) -> None:
    make_report()
    at = choose(run_app("pages/reports.py", username="hanna"), REPORT)
    assert "Slet rapport" not in [button.label for button in at.button]  # no one-click delete
    assert [f.label for f in at.text_input if f.label.startswith("Skriv rapportens navn")] == [
        f"Skriv rapportens navn «{REPORT}» for at bekræfte"
    ]

    delete_form(at, "Status BLU", "Oprettet to gange ved en fejl")
    assert (
        at.error[0].value == f"Skriv rapportens navn «{REPORT}» præcis for at bekræfte sletningen."
    )
    delete_form(at, REPORT, "fejl")
    assert at.error[0].value.startswith("Skriv hvorfor rapporten slettes (mindst 10 tegn)")
    assert [sb.value for sb in at.selectbox][:1] == [REPORT]  # still there

    delete_form(at, REPORT, "Oprettet to gange ved en fejl")
    assert at.success[0].value == f"Statusrapporten «{REPORT}» er slettet."
    assert at.info[0].value == "Der er endnu ingen statusrapporter."
    with session_scope(get_engine()) as session:
        (event,) = deleted_reports(session)
    assert (event.username, event.name, event.reason) == (
        "hanna",
        REPORT,
        "Oprettet to gange ved en fejl",
    )


def test_deleted_reports_are_listed_for_admins_with_who_and_why(users: None) -> None:
    make_report()
    with session_scope(get_engine(), write=True) as session:
        delete_snapshot(
            session,
            actor=Actor("hanna", Role.admin),
            name=REPORT,
            confirmation=REPORT,
            reason="Dobbeltoprettet ved en fejl",
        )
    make_report()  # a new report of the same name, so the page lists reports
    at = run_app("pages/reports.py", username="hanna")
    (deleted,) = [frame.value for frame in at.dataframe if "Begrundelse" in frame.value.columns]
    assert list(deleted.loc[0, ["Af", "Rapport", "Begrundelse"]]) == [
        "hanna",
        REPORT,
        "Dobbeltoprettet ved en fejl",
    ]
    editor = run_app("pages/reports.py", username="erik")
    assert not [frame for frame in editor.dataframe if "Begrundelse" in frame.value.columns]
    assert not [f for f in editor.text_input if f.label.startswith("Skriv rapportens navn")]
