"""Exports read back: the right actions, statuses, sheets and sentences; formulas stay text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

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
    assert "Status pr. 23. november 2026" in text
    assert "Bilag:" not in text
    assert before.key_messages[0] in text
    assert "Siden «Status BLU 29.9.2025» (23. november 2026) har 1 handling skiftet status." in text
    assert "Tema A: 1 ny Obs (A.4.1)" in text
    assert len(document.tables) == 6
    rows = sum(len(table.rows) - 1 for table in document.tables)
    assert rows == 87
    assert len(document.inline_shapes) == 1  # the status chart as an image
    description = document.inline_shapes[0]._inline.docPr.get("descr")
    assert description.startswith("Tema A: ")  # its text alternative, with the figures
    assert " i gang, " in description


def test_pdf_appendix_says_the_same(reports) -> None:
    _, now, comparison = reports
    reader = PdfReader(io.BytesIO(build_pdf(appendix(now, comparison, "Faxe Kommune"))))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Status pr. 23. november 2026" in text
    assert "5 pointer" in text
    assert "1 ny Obs (A.4.1)" in text
    for code in ("A.1.1", "C.1.5", "F.4.3"):
        assert code in text
    alt_texts = _pdf_alt_texts(reader)
    assert len(alt_texts) == 1  # the status chart's text alternative, with the figures
    assert alt_texts[0].startswith("Tema A: ")


def _pdf_alt_texts(reader: PdfReader) -> list[str]:
    """The /Alt entries of the PDF's structure tree (the images' text alternatives)."""
    texts = []
    pending = [reader.trailer["/Root"].get("/StructTreeRoot")]
    while pending:
        node = pending.pop()
        if node is None:
            continue
        node = node.get_object()
        if isinstance(node, list):
            pending.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        if "/Alt" in node:
            texts.append(str(node["/Alt"]))
        kids = node.get("/K")
        if kids is not None:
            pending.extend(kids if isinstance(kids, list) else [kids])
    return texts


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
    assert "Status pr. 23. november 2026" in text
    assert "Faxe Kommune · Udviklings- og genopretningsplan på familieområdet" in text
    assert "Side 1 af " in text


# --- the appendix as the municipality files it ------------------------------------------------

MADE_AT = dt.datetime(2026, 12, 6, 8, 15, tzinfo=dt.UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def filed(engine: Engine, session: Session):
    """Demo cases; report 'Status BLU 24.11.2026' made on 6 Dec 2026 for 1 Nov 2026 (a
    reconstruction), appendix 3 to the meeting of 12 May 2027; A.4.1 is Obs with a note. Its
    appendix as Word and PDF, made by Erik Ærø: (content, docx bytes, pdf bytes)."""
    from models.restoration.demo_cases import seed_demo

    init_db(engine)
    today = dt.date(2026, 12, 6)
    seed_demo(session, actor=CLI, today=today)
    action = session.exec(select(Action).where(Action.code == "A.4.1")).one()
    save_action_edits(
        session,
        actor=CLI,
        edits=[ActionEdit(action.id, action.version, {"status": "Obs", "note": OBS_NOTE})],
    )
    create_snapshot(
        session,
        actor=CLI,
        name="Status BLU 24.11.2026",
        taken_on=dt.date(2026, 11, 1),
        today=today,
        reconstruction=True,
        appendix_number=3,
        meeting_on=dt.date(2027, 5, 12),
    )
    session.commit()
    report = load_report(session, "Status BLU 24.11.2026")
    content = appendix(
        report,
        None,
        "Faxe Kommune",
        plan_title="Udviklings- og genopretningsplan på familieområdet",
        author="Erik Ærø",
        now=MADE_AT,
    )
    return content, build_docx(content), build_pdf(content)


OBS_NOTE = "Forsinket: leverandøren har udskudt leverancen til februar."
RECONSTRUCTION = "Rekonstruktion: data fastfrosset {frozen}, dateret 1. november 2026"
HEADER = (
    "Faxe Kommune · Udviklings- og genopretningsplan på familieområdet",
    "Bilag 3 · Status BLU 24.11.2026",
)


def frozen_on(content) -> str:
    """The day the fixture's report froze (the clock's today, as the model stores it)."""
    return content.reconstruction.split("fastfrosset ")[1].split(",")[0]


def test_the_word_appendix_is_a4_danish_with_header_footer_and_page_fields(filed) -> None:
    content, data, _ = filed
    document = Document(io.BytesIO(data))
    (section,) = document.sections
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    assert not [name for name, xml in parts.items() if b"en-US" in xml]
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults.get(f"{W}val") == "da-DK"
    header = section.header.paragraphs[0].text
    assert header == "\t".join(HEADER)
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith(
        f"Status pr. 1. november 2026 · rekonstrueret, data fastfrosset {frozen_on(content)}\tSide "
    )
    fields = [text.text.strip() for text in footer._p.iter(f"{W}instrText")]
    assert fields == ["PAGE", "NUMPAGES"]
    assert [c.get(f"{W}fldCharType") for c in footer._p.iter(f"{W}fldChar")] == [
        "begin",
        "separate",
        "end",
    ] * 2
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert text.startswith("Bilag 3 til mødet 12. maj 2027\nStatus BLU 24.11.2026\n")
    assert "Udviklings- og genopretningsplan på familieområdet, Faxe Kommune" in text
    notice = document.tables[0].rows[0].cells[0].text
    assert notice == RECONSTRUCTION.format(frozen=frozen_on(content))


def test_the_word_tables_repeat_their_header_keep_rows_whole_and_show_the_note(filed) -> None:
    _, data, _ = filed
    document = Document(io.BytesIO(data))
    themes = document.tables[1:]  # after the reconstruction notice
    assert len(themes) == 6
    for table in themes:
        header = table.rows[0]
        assert [cell.text for cell in header.cells] == [
            "Nr.",
            "Handling",
            "Frist",
            "Status",
            "Statusnote",
        ]
        assert header._tr.trPr.find(f"{W}tblHeader") is not None
        assert all(c.paragraphs[0].paragraph_format.keep_with_next for c in header.cells)
        for row in table.rows:
            assert row._tr.trPr.find(f"{W}cantSplit") is not None
    widths = [round(cell.width.cm, 1) for cell in themes[0].rows[0].cells]
    assert sum(widths) == pytest.approx(17.0)
    assert widths[4] >= 4  # room for a note that wraps
    row = next(r for t in themes for r in t.rows if r.cells[0].text == "A.4.1")
    assert [cell.text for cell in row.cells][3:] == ["Obs (overskredet)", OBS_NOTE]


def test_the_word_appendix_has_its_own_properties(filed) -> None:
    _, data, _ = filed
    properties = Document(io.BytesIO(data)).core_properties
    assert properties.title == "Bilag 3 til mødet 12. maj 2027: Status BLU 24.11.2026"
    assert (properties.author, properties.last_modified_by) == ("Erik Ærø", "Erik Ærø")
    assert properties.created == MADE_AT
    assert properties.language == "da-DK"
    assert "python-docx" not in (properties.comments + properties.author)


def test_the_pdf_appendix_is_the_same_document(filed) -> None:
    content, _, data = filed
    reader = PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/Lang"] == "da-DK"
    metadata = reader.metadata
    assert metadata.title == "Bilag 3 til mødet 12. maj 2027: Status BLU 24.11.2026"
    assert metadata.author == "Erik Ærø"
    assert metadata.creation_date == MADE_AT
    pages = reader.pages
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
        assert " ".join(HEADER) in lines[0] or all(part in lines for part in HEADER)
        assert f"Side {number} af {len(pages)}" in " ".join(lines)
        assert "Status pr. 1. november 2026 · rekonstrueret" in " ".join(lines)
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Bilag 3 til mødet 12. maj 2027" in text
    assert RECONSTRUCTION.format(frozen=frozen_on(content)) in text
    assert "Nr. Handling Frist Status Statusnote" in text
    assert OBS_NOTE in text
    assert text.count("Nr. Handling Frist Status Statusnote") > 6  # repeated on new pages


def test_a_reconstruction_says_so_in_the_workbook(engine: Engine, session: Session) -> None:
    init_db(engine)
    create_snapshot(
        session,
        actor=CLI,
        name="Q3",
        taken_on=dt.date(2026, 9, 29),
        today=TODAY,
        reconstruction=True,
    )
    session.commit()
    report = load_report(session, "Q3")
    overview = load_workbook(io.BytesIO(build_report_xlsx(report)))["Oversigt"]
    assert overview["A2"].value == report.reconstruction_label
    assert overview["A2"].value.startswith("Rekonstruktion: data fastfrosset ")
    assert overview["A2"].value.endswith(", dateret 29. september 2026")


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
    rows = dict((code, deadline) for _, theme in content.themes for code, _, deadline, *_ in theme)
    assert rows["C.1.2"] == "31-03-2027 (opr. 31-03-2025)"
    assert (rows["A.2.6"], rows["E.4.3"]) == ("Hver 6. uge", "Løbende")
    for text in (docx_text(build_docx(content)), pdf_text(build_pdf(content))):
        assert said in " ".join(text.split())
        assert "31-03-2027 (opr. 31-03-2025)" in " ".join(text.split())


def test_recurring_and_ongoing_actions_are_never_overdue_in_a_report(reports) -> None:
    _, now, _ = reports
    overdue = {action.code for action in now.actions if action.overdue}
    assert not {"A.2.6", "D.3.1", "E.4.3"} & overdue
