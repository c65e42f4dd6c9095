"""Bulk status update through Excel: download the current statuses, edit offline, upload back.

The workbook carries each action's id and the version it was downloaded at, so the upload goes
through the same write path as the grid: keyed by id, conflicts reported, all or nothing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlmodel import Session

from models.core.errors import DomainError
from models.core.formatting import date_da
from models.core.spreadsheet_safety import FORMULA_STARTS, neutralise
from models.core.tabular_files import read_rows
from models.core.uploads import UploadError
from models.plan.action_edits import ActionEdit, normalise_values
from models.plan.queries import ActionView, ThemeView, get_themes
from models.plan.status import STATUS_ORDER

SHEET = "Statusser"
COLUMNS = (
    "Nr.",
    "Tema",
    "Spor",
    "Handling",
    "Tidsplan",
    "Frist",
    "Status",
    "Ansvarlig",
    "Statusnote",
    "id",
    "version",
)
EDITABLE = {"Status": "status", "Ansvarlig": "responsible", "Statusnote": "note"}
WIDTHS = {
    "Nr.": 8,
    "Tema": 6,
    "Spor": 6,
    "Handling": 60,
    "Tidsplan": 30,
    "Frist": 13,
    "Status": 24,
    "Ansvarlig": 20,
    "Statusnote": 60,
    "id": 6,
    "version": 8,
}


class WorkbookError(DomainError):
    """The uploaded file cannot be read; the message names the file and where."""


def build_status_workbook(session: Session, theme_codes: list[str] | None = None) -> bytes:
    """The current statuses of the given themes (default all) as an .xlsx file."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE3EA")
    for theme in get_themes(session, theme_codes):
        for track in theme.tracks:
            for action in track.actions:
                sheet.append(_row(theme, track.code, action))
    for index, name in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDTHS[name]
        if name in ("id", "version"):
            sheet.column_dimensions[letter].hidden = True
    statuses = ",".join(status.value for status in STATUS_ORDER)
    validation = DataValidation(type="list", formula1=f'"{statuses}"', allow_blank=False)
    validation.error = "Vælg en af de fire statusser."
    sheet.add_data_validation(validation)
    status_letter = get_column_letter(COLUMNS.index("Status") + 1)
    validation.add(f"{status_letter}2:{status_letter}{sheet.max_row}")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _row(theme: ThemeView, track_code: str, action: ActionView) -> list[object]:
    values = [
        action.code,
        theme.code,
        track_code,
        action.text,
        action.timeline,
        date_da(action.deadline) if action.deadline else "",
        action.status.value,
        action.responsible,
        action.note,
        action.id,
        action.version,
    ]
    return [neutralise(value) for value in values]


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"linje {self.line}, kolonne {self.column}: {self.message}"


@dataclass
class UploadPreview:
    """What an upload would do: the edits, and every row that cannot be used."""

    edits: list[ActionEdit] = field(default_factory=list)
    lines: dict[int, int] = field(default_factory=dict)  # action id -> line in the file
    problems: list[RowProblem] = field(default_factory=list)
    unchanged: int = 0
    current: dict[int, ActionView] = field(default_factory=dict)

    @property
    def conflicts(self) -> list[ActionEdit]:
        """Edits to actions that changed in the app after the file was downloaded."""
        return [e for e in self.edits if self.current[e.action_id].version != e.base_version]

    @property
    def can_apply(self) -> bool:
        return bool(self.edits) and not self.problems and not self.conflicts


def _text(value: object) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    # Undo our own neutralising only: an apostrophe before something formula-like.
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def read_status_workbook(
    data: bytes, current: dict[int, ActionView], *, filename: str = "fil.xlsx"
) -> UploadPreview:
    """Compare an uploaded workbook with the current actions; nothing is written here."""
    try:
        rows = read_rows(data, filename, sheet=SHEET)
    except UploadError as error:
        raise WorkbookError(str(error)) from None
    header = [_text(cell) for cell in (rows[0][1] if rows else [])]
    missing = [name for name in ("Nr.", "id", "version", *EDITABLE) if name not in header]
    if missing:
        raise WorkbookError(f"{filename}, linje 1: kolonnerne {', '.join(missing)} mangler.")
    position = {name: header.index(name) for name in header if name}
    preview = UploadPreview(current=current)
    seen: set[int] = set()
    for line, row in rows[1:]:
        if not any(cell not in (None, "") for cell in row):
            continue
        cells = {
            name: (row[index] if index < len(row) else None) for name, index in position.items()
        }
        _read_row(line, cells, current, seen, preview)
    return preview


def _read_row(
    line: int,
    cells: dict[str, object],
    current: dict[int, ActionView],
    seen: set[int],
    preview: UploadPreview,
) -> None:
    try:
        action_id, version = int(cells["id"]), int(cells["version"])  # type: ignore[arg-type]
    except (TypeError, ValueError):
        preview.problems.append(RowProblem(line, "id", "id og version skal være heltal."))
        return
    action = current.get(action_id)
    if action is None or action.code != _text(cells["Nr."]):
        preview.problems.append(RowProblem(line, "Nr.", "handlingen findes ikke i planen."))
        return
    if action_id in seen:
        preview.problems.append(RowProblem(line, "Nr.", f"{action.code} står flere gange."))
        return
    seen.add(action_id)
    wanted = {name: _text(cells[column]) for column, name in EDITABLE.items()}
    for column, name in EDITABLE.items():
        try:
            normalise_values({name: wanted[name]})
        except ValueError as error:
            preview.problems.append(RowProblem(line, column, str(error)))
            return
    now = {"status": action.status.value, "responsible": action.responsible, "note": action.note}
    changed = {name: value for name, value in wanted.items() if value != now[name]}
    if not changed:
        preview.unchanged += 1
        return
    preview.edits.append(ActionEdit(action_id=action_id, base_version=version, values=changed))
    preview.lines[action_id] = line
