"""The status report as an Excel workbook: an overview sheet, one sheet per theme, a comparison."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.core.formatting import date_table_da
from models.core.spreadsheet_safety import neutralise
from models.plan.status import STATUS_COLORS, STATUS_ORDER, STATUS_TEXT_COLORS, Status
from models.reports.compare import Comparison
from models.reports.snapshots import StatusReport

THEME_COLUMNS = (
    ("Nr.", 8),
    ("Spor", 7),
    ("Handling", 60),
    ("Tidsplan", 32),
    ("Frist", 12),
    ("Status", 24),
    ("Ansvarlig", 18),
    ("Statusnote", 50),
    ("Overskredet", 12),
)
HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
STATUS_FILLS = {
    status.value: (
        PatternFill("solid", fgColor=STATUS_COLORS[status][1:]),
        STATUS_TEXT_COLORS[status][1:],
    )
    for status in Status
}


def _append(sheet: Worksheet, values: list[object]) -> None:
    """Every row goes in through here: any text that starts like a formula is neutralised
    (report names and titles included), so nothing in the workbook runs."""
    sheet.append([neutralise(value) for value in values])


def _header(sheet: Worksheet, columns: tuple[tuple[str, int], ...]) -> None:
    _append(sheet, [name for name, _ in columns])
    for index, (_, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _finish(sheet: Worksheet) -> None:
    sheet.auto_filter.ref = sheet.dimensions
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)


def _colour_status(sheet: Worksheet, column: int) -> None:
    for row in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
        cell = row[0]
        style = STATUS_FILLS.get(str(cell.value))
        if style:
            cell.fill, cell.font = style[0], Font(bold=True, color=style[1])


def build_report_xlsx(report: StatusReport, comparison: Comparison | None = None) -> bytes:
    workbook = Workbook()
    overview = workbook.active
    overview.title = "Oversigt"
    _append(overview, [report.name, date_table_da(report.taken_on)])
    overview["A1"].font = Font(bold=True, size=14)
    columns = (("Tema", 50), *((s.value, 16) for s in STATUS_ORDER), ("I alt", 8))
    _append(overview, [report.reconstruction_label] if report.reconstruction_label else [])
    overview["A2"].font = Font(bold=True, color="8A4B00")
    _append(overview, [name for name, _ in columns])
    for index, (_, width) in enumerate(columns, start=1):
        overview.cell(row=3, column=index).font = Font(bold=True)
        overview.cell(row=3, column=index).fill = HEADER_FILL
        overview.column_dimensions[get_column_letter(index)].width = width
    themes = dict.fromkeys((a.theme_code, a.theme_title) for a in report.actions)
    for code, title in themes:
        actions = [a for a in report.actions if a.theme_code == code]
        counts = [sum(a.status == s.value for a in actions) for s in STATUS_ORDER]
        _append(overview, [f"{code}: {title}", *counts, len(actions)])
    overview.freeze_panes = "A4"

    for code, _title in themes:
        sheet = workbook.create_sheet(f"Tema {code}")
        _header(sheet, THEME_COLUMNS)
        for action in (a for a in report.actions if a.theme_code == code):
            _append(
                sheet,
                [
                    action.code,
                    action.track_code,
                    action.text,
                    action.timeline,
                    action.deadline,
                    action.status,
                    action.responsible,
                    action.note,
                    "Ja" if action.overdue else "",
                ],
            )
            sheet.cell(row=sheet.max_row, column=5).number_format = "DD-MM-YYYY"
        _colour_status(sheet, 6)
        _finish(sheet)

    if comparison is not None:
        sheet = workbook.create_sheet("Sammenligning")
        compare_columns = (
            ("Tema", 7),
            ("Nr.", 8),
            ("Handling", 60),
            ("Fra", 24),
            ("Til", 24),
            ("Ny Obs", 9),
            ("Nyligt overskredet", 18),
            ("Afsluttet", 11),
        )
        _header(sheet, compare_columns)
        for row in comparison.rows:
            _append(
                sheet,
                [
                    row.theme_code,
                    row.code,
                    row.text,
                    row.old_status or "",
                    row.new_status,
                    "Ja" if row.newly_obs else "",
                    "Ja" if row.newly_overdue else "",
                    "Ja" if row.completed else "",
                ],
            )
        _colour_status(sheet, 4)
        _colour_status(sheet, 5)
        _finish(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
