"""The committee appendix ('Bilag 1'): one content model, rendered as Word and as PDF."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from fpdf import FPDF

from models.core.word_tables import add_table
from models.plan.kinds import KIND_LABELS, ActionKind, rhythm_label
from models.plan.status import STATUS_COLORS, STATUS_TEXT_COLORS, Status
from models.reports.charts import chart_png, status_by_theme
from models.reports.compare import NO_STATUS_CHANGE, Comparison
from models.reports.snapshots import SnapshotAction, StatusReport
from models.restoration.wording import deadline_sentence

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
TABLE_HEADER = ("Nr.", "Handling", "Frist", "Status")
DOCX_WIDTHS = (Cm(1.5), Cm(9.1), Cm(2.7), Cm(3.7))
LATIN1_STANDINS = str.maketrans({"–": "-", "—": "-", "•": "-", "…": "...", "≤": "<=", "≥": ">="})


@dataclass(frozen=True)
class Appendix:
    title: str
    subtitle: str
    deadline: str  # the restoration deadline at the report's date ("" without case data)
    key_messages: list[str]
    sentences: list[str]
    themes: list[tuple[str, list[tuple[str, str, str, str]]]]  # title, rows
    chart: bytes


def deadline_cell(action: SnapshotAction) -> str:
    """`30-06-2026`; `31-12-2026 (opr. 30-06-2025)` when moved; recurring and ongoing work by
    its kind (`Hver måned`, `Løbende`)."""
    if action.kind == ActionKind.recurring:
        return rhythm_label(action.rhythm).capitalize() or KIND_LABELS[ActionKind.recurring]
    if action.kind == ActionKind.ongoing:
        return KIND_LABELS[ActionKind.ongoing]
    if action.deadline is None:
        return "–"
    cell = f"{action.deadline:%d-%m-%Y}"
    if action.plan_deadline and action.plan_deadline != action.deadline:
        cell += f" (opr. {action.plan_deadline:%d-%m-%Y})"
    return cell


def restoration_sentence(report: StatusReport) -> str:
    """The restoration deadline at the report's date: ahead or passed, and what remains."""
    target = report.restoration_target()
    if target is None:
        return ""
    open_steps = report.restoration.get("open_steps")
    return deadline_sentence(target, report.taken_on, open_steps, public=True)


def appendix(report: StatusReport, comparison: Comparison | None, municipality: str) -> Appendix:
    themes: dict[str, list[tuple[str, str, str, str]]] = {}
    for action in report.actions:
        title = f"Tema {action.theme_code}: {action.theme_title}"
        deadline = deadline_cell(action)
        status = action.status + (" (overskredet)" if action.overdue else "")
        themes.setdefault(title, []).append((action.code, action.text, deadline, status))
    sentences: list[str] = []
    if comparison is not None:
        sentences += comparison.sentences.get("", [])
        for theme, said in comparison.sentences.items():
            if theme and said != [NO_STATUS_CHANGE]:
                sentences += [f"Tema {theme}: {sentence}" for sentence in said]
    return Appendix(
        title=f"Bilag: {report.name}",
        subtitle=(
            f"{municipality} · Udviklings- og genopretningsplanen · {report.taken_on:%d-%m-%Y}"
        ),
        deadline=restoration_sentence(report),
        key_messages=report.key_messages,
        sentences=sentences,
        themes=list(themes.items()),
        chart=chart_png(status_by_theme(report)),
    )


def _shade(cell: object, hex_color: str) -> None:
    properties = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), hex_color.lstrip("#"))
    properties.append(shading)


def build_docx(content: Appendix) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10)
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2)
    document.add_heading(content.title, level=0)
    document.add_paragraph(content.subtitle)
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
    document.add_picture(io.BytesIO(content.chart), width=Cm(16.5))
    for title, rows in content.themes:
        document.add_heading(title, level=2)
        table = add_table(document, TABLE_HEADER, rows, DOCX_WIDTHS)
        for table_row, row in zip(table.rows[1:], rows, strict=True):
            status_cell = table_row.cells[3]
            status = Status(row[3].replace(" (overskredet)", ""))
            _shade(status_cell, STATUS_COLORS[status])
            run = status_cell.paragraphs[0].runs[0]
            run.font.color.rgb = RGBColor.from_string(STATUS_TEXT_COLORS[status].lstrip("#"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Pdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
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
        self.set_auto_page_break(auto=True, margin=18)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.body_family, size=8)
        self.cell(0, 6, f"{self.footer_text} · side {self.page_no()}", align="C")


def build_pdf(content: Appendix) -> bytes:
    pdf = _Pdf(content.subtitle)
    pdf.add_page()
    family = pdf.body_family
    pdf.set_font(family, "B", 18)
    pdf.multi_cell(0, 9, content.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=10)
    pdf.multi_cell(0, 6, content.subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    def heading(text: str, size: int = 13) -> None:
        pdf.ln(2)
        pdf.set_font(family, "B", size)
        pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, size=10)

    if content.deadline:
        heading("Genopretning af sager")
        pdf.multi_cell(0, 5.5, content.deadline, new_x="LMARGIN", new_y="NEXT")
    heading("5 pointer")
    for number, message in enumerate(content.key_messages, start=1):
        pdf.multi_cell(0, 5.5, f"{number}. {message}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    if content.sentences:
        heading("Siden sidste statusrapport")
        for sentence in content.sentences:
            pdf.multi_cell(0, 5.5, f"• {sentence}", new_x="LMARGIN", new_y="NEXT")
    heading("Status pr. tema")
    pdf.image(io.BytesIO(content.chart), w=170)
    for title, rows in content.themes:
        heading(title, 11)
        pdf.set_font(family, size=8.5)
        with pdf.table(col_widths=(14, 100, 22, 40), line_height=4.6, text_align="LEFT") as table:
            header = table.row()
            for label in TABLE_HEADER:
                header.cell(label)
            for row in rows:
                cells = table.row()
                for value in row[:3]:
                    cells.cell(value)
                status = Status(row[3].replace(" (overskredet)", ""))
                fill = tuple(int(STATUS_COLORS[status][i : i + 2], 16) for i in (1, 3, 5))
                cells.cell(row[3], style=_style(fill, STATUS_TEXT_COLORS[status]))
        pdf.set_font(family, size=10)
    return bytes(pdf.output())


def _style(fill: tuple[int, ...], text_color: str) -> object:
    from fpdf.fonts import FontFace

    color = tuple(int(text_color[i : i + 2], 16) for i in (1, 3, 5))
    return FontFace(fill_color=fill, color=color, emphasis="BOLD")
