"""The committee appendix ('Bilag 3 til mødet 12. maj 2027'): one content model, rendered as
Word and as PDF, the same document in both.

Both are A4 in Danish (da-DK: the Word styles, the PDF's /Lang), with the municipality, the
plan and the report on every page's header, the report's date and "Side X af Y" in the footer,
and the file's properties (title, author = the app user who made the file, created = now).
Each theme's table has a status-note column (why something is Obs); its header row repeats on
every page, stays with the first row, and no row splits across pages. A reconstruction (a
report dated earlier than the day it froze the data) says so under the title and in the
footer of every page.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from docx.shared import Cm, Pt, RGBColor
from fpdf import FPDF
from fpdf.fonts import FontFace
from PIL import Image

from models.core.formatting import date_long_da, date_table_da
from models.core.time import utcnow
from models.core.word_tables import (
    LANGUAGE,
    add_page_of_pages,
    add_table,
    danish_a4_document,
    set_properties,
    shade,
    two_sided_line,
)
from models.plan.kinds import KIND_LABELS, ActionKind, rhythm_label
from models.plan.status import STATUS_COLORS, STATUS_TEXT_COLORS, Status
from models.reports.charts import chart_png, status_by_theme, status_by_theme_alt
from models.reports.compare import NO_STATUS_CHANGE, Comparison
from models.reports.snapshots import NOW_NAME, SnapshotAction, StatusReport
from models.restoration.wording import deadline_sentence

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
DEFAULT_PLAN_TITLE = "Udviklings- og genopretningsplan på familieområdet"
TABLE_HEADER = ("Nr.", "Handling", "Frist", "Status", "Statusnote")
TEXT_WIDTH_CM = 17.0  # A4 (21 cm) less 2 cm margins
DOCX_COLUMNS_CM = (1.4, 5.8, 2.3, 3.2, 4.3)
PDF_COLUMNS_MM = tuple(width * 10 for width in DOCX_COLUMNS_CM)
OVERDUE = " (overskredet)"
LATIN1_STANDINS = str.maketrans({"–": "-", "—": "-", "•": "-", "…": "...", "≤": "<=", "≥": ">="})
RECONSTRUCTION_FILL = "FFF4D6"


@dataclass(frozen=True)
class Appendix:
    label: str  # "Bilag 3 til mødet 12. maj 2027"
    title: str  # the report's name; "Status pr. 6. december 2026" for the state now
    subtitle: str
    reconstruction: str  # "Rekonstruktion: data fastfrosset …, dateret …" or ""
    header_left: str  # municipality · plan
    header_right: str  # the report ("Bilag 3 · Status BLU 24.11.2026")
    footer: str  # the report's date (and the reconstruction)
    deadline: str  # the restoration deadline at the report's date ("" without case data)
    key_messages: list[str]
    sentences: list[str]
    themes: list[tuple[str, list[tuple[str, str, str, str, str]]]]  # title, rows
    chart: bytes
    chart_text: str
    """The chart's text alternative (Word: the picture's description; PDF: its alt text)."""
    author: str
    created: dt.datetime

    @property
    def document_title(self) -> str:
        """The file's title property: `Bilag 3 til mødet 12. maj 2027: Status BLU 29.9.2025`."""
        return f"{self.label}: {self.title}"


def deadline_cell(action: SnapshotAction) -> str:
    """`30-06-2026`; `31-12-2026 (opr. 30-06-2025)` when moved; recurring and ongoing work by
    its kind (`Hver måned`, `Løbende`)."""
    if action.kind == ActionKind.recurring:
        return rhythm_label(action.rhythm).capitalize() or KIND_LABELS[ActionKind.recurring]
    if action.kind == ActionKind.ongoing:
        return KIND_LABELS[ActionKind.ongoing]
    if action.deadline is None:
        return "–"
    cell = date_table_da(action.deadline)
    if action.plan_deadline and action.plan_deadline != action.deadline:
        cell += f" (opr. {date_table_da(action.plan_deadline)})"
    return cell


def restoration_sentence(report: StatusReport) -> str:
    """The restoration deadline at the report's date: ahead or passed, and what remains."""
    target = report.restoration_target()
    if target is None:
        return ""
    open_steps = report.restoration.get("open_steps")
    return deadline_sentence(target, report.taken_on, open_steps, public=True)


def appendix(
    report: StatusReport,
    comparison: Comparison | None,
    municipality: str,
    *,
    plan_title: str = "",
    author: str = "",
    now: dt.datetime | None = None,
) -> Appendix:
    """The appendix of `report` (compared with an earlier one, if given), made by `author`
    (the app user's name; the municipality when it is made from the command line) at `now`."""
    themes: dict[str, list[tuple[str, str, str, str, str]]] = {}
    for action in report.actions:
        title = f"Tema {action.theme_code}: {action.theme_title}"
        status = action.status + (OVERDUE if action.overdue else "")
        row = (action.code, action.text, deadline_cell(action), status, action.note or "")
        themes.setdefault(title, []).append(row)
    sentences: list[str] = []
    if comparison is not None:
        sentences += comparison.sentences.get("", [])
        for theme, said in comparison.sentences.items():
            if theme and said != [NO_STATUS_CHANGE]:
                sentences += [f"Tema {theme}: {sentence}" for sentence in said]
    plan_title = plan_title or DEFAULT_PLAN_TITLE
    dated = date_long_da(report.taken_on)
    title = f"Status pr. {dated}" if report.name == NOW_NAME else report.name
    footer = f"Status pr. {dated}"
    if report.reconstruction_label:
        footer += f" · rekonstrueret, data fastfrosset {date_long_da(report.frozen_on)}"
    return Appendix(
        label=report.appendix_label,
        title=title,
        subtitle=", ".join(part for part in (plan_title, municipality) if part)
        + f" · status pr. {dated}",
        reconstruction=report.reconstruction_label,
        header_left=" · ".join(part for part in (municipality, plan_title) if part),
        header_right=(
            f"Bilag {report.appendix_number} · {title}" if report.appendix_number else title
        ),
        footer=footer,
        deadline=restoration_sentence(report),
        key_messages=report.key_messages,
        sentences=sentences,
        themes=list(themes.items()),
        chart=chart_png(status_by_theme(report)),
        chart_text=status_by_theme_alt(report),
        author=author or municipality,
        created=now or utcnow(),
    )


def _status(cell_text: str) -> Status:
    return Status(cell_text.removesuffix(OVERDUE))


# --- Word ---------------------------------------------------------------------------------


def build_docx(content: Appendix) -> bytes:
    document = danish_a4_document()
    set_properties(
        document,
        title=content.document_title,
        author=content.author,
        created=content.created,
        subject=content.subtitle,
    )
    section = document.sections[0]
    header = two_sided_line(section.header.paragraphs[0], content.header_left, Cm(TEXT_WIDTH_CM), 8)
    header.add_run(content.header_right).font.size = Pt(8)
    footer = two_sided_line(section.footer.paragraphs[0], content.footer, Cm(TEXT_WIDTH_CM), 8)
    add_page_of_pages(footer, size=8)

    label = document.add_paragraph()
    label.add_run(content.label).bold = True
    label.paragraph_format.space_after = Pt(2)
    document.add_heading(content.title, level=0)
    document.add_paragraph(content.subtitle)
    if content.reconstruction:
        notice = document.add_table(rows=1, cols=1)
        notice.style = "Table Grid"
        cell = notice.rows[0].cells[0]
        cell.text = content.reconstruction
        cell.paragraphs[0].runs[0].bold = True
        shade(cell, RECONSTRUCTION_FILL)
        document.add_paragraph()
    if content.deadline:
        document.add_heading("Genopretning af sager", level=1)
        document.add_paragraph(content.deadline)
    document.add_heading("5 pointer", level=1)
    for message in content.key_messages:
        document.add_paragraph(message, style="List Number")
    if content.sentences:
        document.add_heading("Siden sidste statusrapport", level=1)
        for sentence in content.sentences:
            document.add_paragraph(sentence, style="List Bullet")
    document.add_heading("Status pr. tema", level=1)
    picture = document.add_picture(io.BytesIO(content.chart), width=Cm(16.5))
    picture._inline.docPr.set("descr", content.chart_text)  # what a screen reader reads
    widths = [Cm(width) for width in DOCX_COLUMNS_CM]
    for title, rows in content.themes:
        document.add_heading(title, level=2)
        table = add_table(document, TABLE_HEADER, rows, widths, font_size=9)
        for table_row, row in zip(table.rows[1:], rows, strict=True):
            status_cell = table_row.cells[3]
            status = _status(row[3])
            shade(status_cell, STATUS_COLORS[status])
            run = status_cell.paragraphs[0].runs[0]
            run.bold = True
            run.font.color.rgb = RGBColor.from_string(STATUS_TEXT_COLORS[status].lstrip("#"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF ----------------------------------------------------------------------------------


class _Pdf(FPDF):
    def __init__(self, content: Appendix) -> None:
        super().__init__(format="A4")
        self.content = content
        self.set_margins(20, 25, 20)
        self.set_auto_page_break(auto=True, margin=22)
        if (FONT_DIR / "DejaVuSans.ttf").exists():
            self.add_font("body", "", str(FONT_DIR / "DejaVuSans.ttf"))
            self.add_font("body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
            self.body_family = "body"
        else:  # the core font covers Danish letters (Latin-1), not dashes or bullets
            self.body_family = "helvetica"

    def normalize_text(self, text: str) -> str:
        if self.body_family == "helvetica":
            text = text.translate(LATIN1_STANDINS).encode("latin-1", "replace").decode("latin-1")
        return super().normalize_text(text)

    def _two_sided(self, y: float, left: str, right: str) -> None:
        self.set_y(y)
        self.set_font(self.body_family, size=7.5)
        self.set_text_color(70, 70, 70)
        width = self.w - self.l_margin - self.r_margin
        self.cell(width, 4, left, align="L")
        self.set_x(self.l_margin)
        self.cell(width, 4, right, align="R")
        self.set_text_color(0, 0, 0)

    def header(self) -> None:
        self._two_sided(11, self.content.header_left, self.content.header_right)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        self._two_sided(-14, self.content.footer, f"Side {self.page_no()} af {{nb}}")


def build_pdf(content: Appendix) -> bytes:
    pdf = _Pdf(content)
    pdf.set_lang(LANGUAGE)
    pdf.set_title(content.document_title)
    pdf.set_author(content.author)
    pdf.set_subject(content.subtitle)
    pdf.set_creator(content.author)
    pdf.set_creation_date(content.created.astimezone(dt.UTC))
    pdf.add_page()
    family = pdf.body_family
    pdf.set_font(family, "B", 10)
    pdf.multi_cell(0, 5, content.label, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(family, "B", 20)
    pdf.multi_cell(0, 10, content.title, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(family, size=10)
    pdf.multi_cell(0, 5.5, content.subtitle, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(3)
    if content.reconstruction:
        pdf.set_font(family, "B", 10)
        pdf.set_fill_color(0xFF, 0xF4, 0xD6)
        pdf.multi_cell(
            0,
            6,
            content.reconstruction,
            border=1,
            fill=True,
            padding=2,
            new_x="LMARGIN",
            new_y="NEXT",
            align="L",
        )
        pdf.set_font(family, size=10)
        pdf.set_fill_color(255, 255, 255)
        pdf.ln(2)

    def heading(text: str, size: int = 13, keep: float = 0) -> None:
        if keep and pdf.will_page_break(keep):
            pdf.add_page()  # a heading never stands alone at the foot of a page
        pdf.ln(2)
        pdf.set_font(family, "B", size)
        pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.set_font(family, size=10)

    if content.deadline:
        heading("Genopretning af sager", keep=25)
        pdf.multi_cell(0, 5.5, content.deadline, new_x="LMARGIN", new_y="NEXT", align="L")
    heading("5 pointer", keep=25)
    for number, message in enumerate(content.key_messages, start=1):
        pdf.multi_cell(0, 5.5, f"{number}. {message}", new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(1)
    if content.sentences:
        heading("Siden sidste statusrapport", keep=25)
        for sentence in content.sentences:
            pdf.multi_cell(0, 5.5, f"• {sentence}", new_x="LMARGIN", new_y="NEXT", align="L")
    chart_width = 165
    with Image.open(io.BytesIO(content.chart)) as chart:
        chart_height = chart_width * chart.height / chart.width
    heading("Status pr. tema", keep=chart_height + 12)
    pdf.image(io.BytesIO(content.chart), w=chart_width, alt_text=content.chart_text)
    header_style = FontFace(emphasis="BOLD", fill_color=(0xDD, 0xE3, 0xEA))
    for title, rows in content.themes:
        heading(title, 11, keep=40)
        pdf.set_font(family, size=8.5)
        with pdf.table(
            col_widths=PDF_COLUMNS_MM,
            line_height=4.4,
            text_align="LEFT",
            v_align="TOP",
            headings_style=header_style,
            repeat_headings=1,
        ) as table:
            header = table.row()
            for label in TABLE_HEADER:
                header.cell(label)
            for row in rows:
                cells = table.row()
                for index, value in enumerate(row):
                    if index == 3:  # "Afsluttet/implementeret" may wrap after the slash
                        shown = value.replace("/", "/ ")
                        cells.cell(shown, style=_status_style(_status(value)))
                    else:
                        cells.cell(value)
        pdf.set_font(family, size=10)
    return bytes(pdf.output())


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return (int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16))


def _status_style(status: Status) -> FontFace:
    return FontFace(
        fill_color=_rgb(STATUS_COLORS[status]),
        color=_rgb(STATUS_TEXT_COLORS[status]),
        emphasis="BOLD",
    )
