"""Exports read back: the right actions, statuses, sheets and sentences; formulas stay text."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Actor
from models.bootstrap import init_db
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.tables import Action
from models.reports.compare import compare
from models.reports.document import appendix, build_docx, build_pdf
from models.reports.snapshots import create_snapshot, load_report, report_now
from models.reports.xlsx import build_report_xlsx

TODAY = dt.date(2026, 11, 23)
CLI = Actor.command_line()


@pytest.fixture
def reports(engine: Engine, session: Session):
    """A snapshot, then A.4.1 set to Obs with a note like a formula: (before, now, comparison)."""
    init_db(engine)
    create_snapshot(session, actor=CLI, name="Status BLU 29.9.2025", taken_on=TODAY, today=TODAY)
    action = session.exec(select(Action).where(Action.code == "A.4.1")).one()
    save_action_edits(
        session,
        actor=CLI,
        edits=[ActionEdit(action.id, action.version, {"status": "Obs", "note": "=1+1"})],
    )
    session.commit()
    before = load_report(session, "Status BLU 29.9.2025")
    now = report_now(session, today=TODAY)
    return before, now, compare(before, now)


def test_xlsx_has_an_overview_a_sheet_per_theme_and_the_comparison(reports) -> None:
    _, now, comparison = reports
    workbook = load_workbook(io.BytesIO(build_report_xlsx(now, comparison)))
    assert workbook.sheetnames == [
        "Oversigt",
        "Tema A",
        "Tema B",
        "Tema C",
        "Tema D",
        "Tema E",
        "Tema F",
        "Sammenligning",
    ]
    actions = sum(workbook[f"Tema {code}"].max_row - 1 for code in "ABCDEF")
    assert actions == 87
    theme_a = workbook["Tema A"]
    assert theme_a.freeze_panes == "A2"
    assert theme_a.auto_filter.ref == theme_a.dimensions
    row = next(r for r in theme_a.iter_rows(min_row=2) if r[0].value == "A.4.1")
    status, note = row[5], row[7]
    assert (status.value, status.fill.fgColor.rgb[-6:]) == ("Obs", "D55E00")
    assert (note.value, note.data_type) == ("'=1+1", "s")  # stored as text, not a formula
    comparison_rows = list(workbook["Sammenligning"].iter_rows(min_row=2, values_only=True))
    assert comparison_rows == [
        ("A", "A.4.1", comparison.rows[0].text, "Kommende opgave", "Obs", "Ja", None, None)
    ]
    overview = list(workbook["Oversigt"].iter_rows(min_row=4, values_only=True))
    assert [row[-1] for row in overview] == [27, 9, 5, 15, 17, 14]


def test_docx_appendix_has_title_key_points_sentences_tables_and_chart(reports) -> None:
    before, now, comparison = reports
    document = Document(io.BytesIO(build_docx(appendix(now, comparison, "Faxe Kommune"))))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Bilag: Status nu" in text
    assert before.key_messages[0] in text
    assert "Siden «Status BLU 29.9.2025» (23-11-2026) har 1 handling skiftet status." in text
    assert "Tema A: 1 ny Obs (A.4.1)" in text
    assert len(document.tables) == 6
    rows = sum(len(table.rows) - 1 for table in document.tables)
    assert rows == 87
    assert len(document.inline_shapes) == 1  # the status chart as an image


def test_pdf_appendix_says_the_same(reports) -> None:
    _, now, comparison = reports
    reader = PdfReader(io.BytesIO(build_pdf(appendix(now, comparison, "Faxe Kommune"))))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Bilag: Status nu" in text
    assert "5 pointer" in text
    assert "1 ny Obs (A.4.1)" in text
    for code in ("A.1.1", "C.1.5", "F.4.3"):
        assert code in text


def test_pdf_without_the_dejavu_font_falls_back_to_latin_1(
    reports,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path,
) -> None:
    import models.reports.document as document

    monkeypatch.setattr(document, "FONT_DIR", tmp_path)  # no fonts here
    _, now, comparison = reports
    reader = PdfReader(io.BytesIO(build_pdf(appendix(now, comparison, "Faxe Kommune"))))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Bilag: Status nu" in text
    assert "Læringsudvalget" in text or "pointer" in text


def test_a_report_name_like_a_formula_stays_text_in_the_overview(
    engine: Engine, session: Session
) -> None:
    init_db(engine)
    name = '=HYPERLINK("https://example.invalid","Q4")'
    create_snapshot(session, actor=CLI, name=name, taken_on=TODAY, today=TODAY)
    session.commit()
    workbook = load_workbook(io.BytesIO(build_report_xlsx(load_report(session, name))))
    title = workbook["Oversigt"]["A1"]
    assert (title.value, title.data_type) == ("'" + name, "s")


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def moved(engine: Engine, session: Session):
    """Demo cases, and a committee decision that moved C.1.2's deadline."""
    from models.plan.decisions import record_decision
    from models.restoration.demo_cases import seed_demo

    init_db(engine)
    seed_demo(session, actor=CLI, today=dt.date(2026, 11, 25))
    record_decision(
        session,
        actor=CLI,
        decided_on=dt.date(2026, 2, 20),
        body="Børn & Læringsudvalget",
        text="C.1.2 flyttes.",
        deadlines={"C.1.2": dt.date(2027, 3, 31)},
        today=dt.date(2026, 2, 20),
    )
    session.commit()
    return session


@pytest.mark.parametrize(
    ("taken_on", "said"),
    [
        (
            dt.date(2026, 11, 25),
            "Frist for genopretning af alle åbne sager: 30. juni 2026 – passeret for 4 måneder "
            "siden.",
        ),
        (
            dt.date(2026, 3, 1),
            "Frist for genopretning af alle åbne sager: 30. juni 2026 – om 3 måneder.",
        ),
    ],
    ids=["after-the-deadline", "before-the-deadline"],
)
def test_the_appendix_states_the_deadline_at_its_date_and_both_deadlines_of_a_moved_action(
    moved: Session, taken_on: dt.date, said: str
) -> None:
    create_snapshot(moved, actor=CLI, name="Bilag", taken_on=taken_on, today=taken_on)
    report = load_report(moved, "Bilag")
    content = appendix(report, None, "Faxe Kommune")
    assert content.deadline.startswith(said)
    assert content.deadline.endswith("manglende sagsskridt er endnu ikke gennemført.")
    rows = dict((code, deadline) for _, theme in content.themes for code, _, deadline, _ in theme)
    assert rows["C.1.2"] == "31-03-2027 (opr. 31-03-2025)"
    assert (rows["A.2.6"], rows["E.4.3"]) == ("Hver 6. uge", "Løbende")
    for text in (docx_text(build_docx(content)), pdf_text(build_pdf(content))):
        assert said in " ".join(text.split())
        assert "31-03-2027 (opr. 31-03-2025)" in " ".join(text.split())


def test_recurring_and_ongoing_actions_are_never_overdue_in_a_report(reports) -> None:
    _, now, _ = reports
    overdue = {action.code for action in now.actions if action.overdue}
    assert not {"A.2.6", "D.3.1", "E.4.3"} & overdue
