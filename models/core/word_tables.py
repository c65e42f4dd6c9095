"""Word documents as the municipality files them (python-docx): A4, Danish (da-DK) as the
language of every style, real document properties, "Side X af Y" as page fields, and tables
whose header row repeats on every page, whose rows never split across pages, and whose header
never stands alone at the bottom of a page. Shared by the committee appendix and the review
minutes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

LANGUAGE = "da-DK"
A4 = (Mm(210), Mm(297))
HEADER_FILL = "DDE3EA"


def danish_a4_document(*, font_size: float = 10) -> Any:
    """A new document: A4 portrait, 2 cm side margins, Calibri, Danish as the language."""
    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(font_size)
    for section in document.sections:
        section.page_width, section.page_height = A4
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
        section.header_distance, section.footer_distance = Cm(1.1), Cm(1)
    _set_language(document)
    return document


def _set_language(document: Any) -> None:
    """da-DK in the document defaults, in every style that names a language, in the theme's
    font language, and in the Word 2010 copy of the styles (stylesWithEffects)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is not None and properties.find(qn("w:lang")) is None:
        properties.append(OxmlElement("w:lang"))
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.append(theme_lang)
    theme_lang.set(qn("w:val"), LANGUAGE)
    theme_lang.set(qn("w:eastAsia"), LANGUAGE)
    for part in document.part.package.iter_parts():
        if str(part.partname).endswith("/stylesWithEffects.xml"):
            part._blob = part.blob.replace(  # a plain XML part python-docx does not model
                b'w:val="en-US" w:eastAsia="en-US"',
                f'w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}"'.encode(),
            )


def set_properties(
    document: Any, *, title: str, author: str, created: dt.datetime, subject: str = ""
) -> None:
    """The file's properties as Word and Explorer show them (not python-docx's defaults)."""
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = author
    properties.last_modified_by = author
    properties.comments = ""
    properties.keywords = ""
    properties.language = LANGUAGE
    properties.revision = 1
    moment = created.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    properties.created = properties.modified = moment


def _field(paragraph: Any, instruction: str, placeholder: str) -> Any:
    """A complex field (`PAGE`, `NUMPAGES`) that Word and LibreOffice update when they lay
    out the pages; `placeholder` is the text shown until then."""
    runs = []
    for kind in ("begin", None, "separate", placeholder, "end"):
        run = paragraph.add_run()
        if kind in ("begin", "separate", "end"):
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif kind is None:
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = f" {instruction} "
            run._r.append(text)
        else:
            run.text = kind
        runs.append(run)
    return runs


def add_page_of_pages(paragraph: Any, size: float | None = None) -> None:
    """`Side X af Y` with the page number and the number of pages as fields."""
    runs = [paragraph.add_run("Side ")]
    runs += _field(paragraph, "PAGE", "1")
    runs.append(paragraph.add_run(" af "))
    runs += _field(paragraph, "NUMPAGES", "1")
    if size is not None:
        for run in runs:
            run.font.size = Pt(size)


def two_sided_line(paragraph: Any, left: str, right_width: Any, size: float) -> Any:
    """Put `left` at the margin and a right-aligned tab stop at `right_width` (the text width);
    returns the paragraph for the right-hand part (add a tab, then the text or fields)."""
    paragraph.paragraph_format.tab_stops.add_tab_stop(right_width, WD_TAB_ALIGNMENT.RIGHT)
    run = paragraph.add_run(left)
    run.font.size = Pt(size)
    paragraph.add_run("\t").font.size = Pt(size)
    return paragraph


def shade(cell: Any, hex_color: str) -> None:
    """Fill a table cell with a colour (`#RRGGBB` or `RRGGBB`)."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), hex_color.lstrip("#"))
    properties.append(shading)


def _row_flag(row: Any, tag: str) -> None:
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def add_table(
    document: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[Any],
    *,
    font_size: float | None = None,
) -> Any:
    """A grid table with fixed column widths and a bold, shaded header row that Word repeats on
    every page (`w:tblHeader`) and keeps with the first row; no row splits across a page
    (`w:cantSplit`). Text wraps inside its column. Returns the table."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, label in zip(table.rows[0].cells, header, strict=True):
        cell.text = label
        cell.paragraphs[0].runs[0].bold = True
        cell.paragraphs[0].paragraph_format.keep_with_next = True
        shade(cell, HEADER_FILL)
    _row_flag(table.rows[0], "w:tblHeader")
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid (LibreOffice reads this)
    for table_row in table.rows:
        _row_flag(table_row, "w:cantSplit")
        for cell, width in zip(table_row.cells, widths, strict=True):
            cell.width = width  # each cell (Word reads this)
            if font_size is not None:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(font_size)
    return table
