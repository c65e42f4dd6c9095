"""Bulk status update through Excel: download the current statuses, edit offline, upload back.

The workbook carries each action's id and the version it was downloaded at, so the upload goes
through the same write path as the grid: keyed by id, conflicts reported, all or nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Collection
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session

from models.core.errors import DomainError
from models.core.formatting import date_table_da
from models.core.spreadsheet_safety import FORMULA_STARTS, neutralise
from models.core.tabular_files import read_rows
from models.core.uploads import UploadError
from models.plan.action_edits import (
    OWNER_MESSAGE,
    ActionEdit,
    eligible_owners,
    normalise_values,
)
from models.plan.queries import ActionView, ThemeView, get_themes
from models.plan.status import STATUS_ORDER, Status

SHEET = "Statusser"
OWNERS_SHEET = "Ejere"
EDITABLE = {"Status": "status", "Ansvarlig": "responsible", "Ejer": "owner", "Statusnote": "note"}
DOWNLOADED = {column: f"{column} (hentet)" for column in EDITABLE}
"""Hidden copies of the editable cells as they were downloaded: an upload tells a change made
in the file from a change made in the app since (only the former is the file's)."""
COLUMNS = (
    "Nr.",
    "Tema",
    "Spor",
    "Handling",
    "Tidsplan",
    "Frist",
    "Status",
    "Ansvarlig",
    "Ejer",
    "Statusnote",
    "id",
    "version",
    *DOWNLOADED.values(),
)
REQUIRED = ("Nr.", "id", "version", "Status", "Ansvarlig", "Statusnote")
"""A file from before owners (no Ejer column) can still be uploaded; its owners stay."""
HIDDEN = ("id", "version", *DOWNLOADED.values())
WIDTHS = {
    "Nr.": 8,
    "Tema": 6,
    "Spor": 6,
    "Handling": 60,
    "Tidsplan": 30,
    "Frist": 13,
    "Status": 24,
    "Ansvarlig": 20,
    "Ejer": 14,
    "Statusnote": 60,
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
        sheet.column_dimensions[letter].width = WIDTHS.get(name, 8)
        sheet.column_dimensions[letter].hidden = name in HIDDEN
    statuses = ",".join(status.value for status in STATUS_ORDER)
    validation = DataValidation(type="list", formula1=f'"{statuses}"', allow_blank=False)
    validation.error = "Vælg en af de fire statusser."
    sheet.add_data_validation(validation)
    validation.add(_column_range(sheet, "Status"))
    _owner_choices(workbook, sheet, eligible_owners(session))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(COLUMNS.index('version') + 1)}{sheet.max_row}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _column_range(sheet: Worksheet, column: str) -> str:
    letter = get_column_letter(COLUMNS.index(column) + 1)
    return f"{letter}2:{letter}{max(sheet.max_row, 2)}"


def _owner_choices(workbook: Workbook, sheet: Worksheet, owners: list[str]) -> None:
    """A drop-down of the users who may own an action (a hidden sheet holds the list); the
    upload checks the owner again, so a list that is out of date by then does no harm."""
    choices = workbook.create_sheet(OWNERS_SHEET)
    choices.sheet_state = "hidden"
    for owner in owners:
        choices.append([owner])
    if not owners:
        return
    validation = DataValidation(
        type="list", formula1=f"{OWNERS_SHEET}!$A$1:$A${len(owners)}", allow_blank=True
    )
    validation.error = "Vælg en redaktør eller administrator, eller lad feltet stå tomt."
    sheet.add_data_validation(validation)
    validation.add(_column_range(sheet, "Ejer"))


def cell_text(action: ActionView, name: str) -> str:
    """An editable field of the action as the workbook shows it ("" when empty)."""
    value = getattr(action, name)
    if value is None:
        return ""
    return value.value if isinstance(value, Status) else str(value)


def _row(theme: ThemeView, track_code: str, action: ActionView) -> list[object]:
    editable = [cell_text(action, name) or None for name in EDITABLE.values()]
    status, responsible, owner, note = editable
    values = [
        action.code,
        theme.code,
        track_code,
        action.text,
        action.timeline,
        date_table_da(action.deadline) if action.deadline else "",
        status,
        responsible,
        owner,
        note,
        action.id,
        action.version,
        *editable,
    ]
    return [neutralise(value) for value in values]


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"linje {self.line}, kolonne {self.column}: {self.message}"


@dataclass(frozen=True)
class RowConflict:
    """A row changed in the file whose action was also changed in the app after the download:
    nothing of the row is applied, and both values are shown."""

    action_id: int
    code: str
    line: int
    file_values: dict[str, str]
    """The fields the file changed, with the file's values."""
    app_values: dict[str, str]
    """The same fields as the app holds them now."""
    changed_by: str | None
    changed_at: dt.datetime | None


@dataclass
class UploadPreview:
    """What an upload would do: the edits, every row that cannot be used, and every row that
    was changed both in the file and in the app since the download."""

    edits: list[ActionEdit] = field(default_factory=list)
    lines: dict[int, int] = field(default_factory=dict)  # action id -> line in the file
    problems: list[RowProblem] = field(default_factory=list)
    conflicts: list[RowConflict] = field(default_factory=list)
    unchanged: int = 0
    current: dict[int, ActionView] = field(default_factory=dict)

    @property
    def can_apply(self) -> bool:
        return bool(self.edits) and not self.problems and not self.conflicts


def _text(value: object) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    # Undo our own neutralising only: an apostrophe before something formula-like.
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def _same(name: str, first: str, second: str) -> bool:
    if name == "owner":  # user names are stored in lower case
        return first.casefold() == second.casefold()
    return first == second


def read_status_workbook(
    data: bytes,
    current: dict[int, ActionView],
    *,
    owners: Collection[str] = (),
    filename: str = "fil.xlsx",
) -> UploadPreview:
    """Compare an uploaded workbook with the current actions; nothing is written here.

    `owners` are the users who may own an action (`eligible_owners`); an owner that the file
    sets must be one of them.
    """
    try:
        rows = read_rows(data, filename, sheet=SHEET)
    except UploadError as error:
        raise WorkbookError(str(error)) from None
    header = [_text(cell) for cell in (rows[0][1] if rows else [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise WorkbookError(f"{filename}, linje 1: kolonnerne {', '.join(missing)} mangler.")
    position = {name: header.index(name) for name in header if name}
    preview = UploadPreview(current=current)
    seen: set[int] = set()
    eligible = {owner.casefold() for owner in owners}
    for line, row in rows[1:]:
        if not any(cell not in (None, "") for cell in row):
            continue
        cells = {
            name: (row[index] if index < len(row) else None) for name, index in position.items()
        }
        _read_row(line, cells, current, eligible, seen, preview)
    return preview


def _read_row(
    line: int,
    cells: dict[str, object],
    current: dict[int, ActionView],
    owners: set[str],
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
    columns = [column for column in EDITABLE if column in cells]  # an old file has no Ejer
    wanted = {EDITABLE[column]: _text(cells[column]) for column in columns}
    for column in columns:
        try:
            normalise_values({EDITABLE[column]: wanted[EDITABLE[column]]})
        except ValueError as error:
            preview.problems.append(RowProblem(line, column, str(error)))
            return
    now = {name: cell_text(action, name) for name in wanted}
    downloaded = {
        EDITABLE[column]: _text(cells[DOWNLOADED[column]])
        for column in columns
        if DOWNLOADED[column] in cells
    }
    # Without the downloaded value (an older file) only an unchanged action tells it; for a
    # changed one, any difference from the app counts as the file's change.
    base = {name: downloaded.get(name, now[name]) for name in wanted}
    in_file = {name: value for name, value in wanted.items() if not _same(name, value, base[name])}
    owner = in_file.get("owner")
    if owner and owner.casefold() not in owners:
        preview.problems.append(RowProblem(line, "Ejer", OWNER_MESSAGE.format(owner=owner)))
        return
    if not in_file or all(_same(name, value, now[name]) for name, value in in_file.items()):
        preview.unchanged += 1  # nothing new, or the app already holds the file's values
        return
    preview.lines[action_id] = line
    if action.version != version:
        preview.conflicts.append(
            RowConflict(
                action_id=action_id,
                code=action.code,
                line=line,
                file_values=in_file,
                app_values={name: now[name] for name in in_file},
                changed_by=action.updated_by,
                changed_at=action.updated_at,
            )
        )
        return
    preview.edits.append(ActionEdit(action_id=action_id, base_version=version, values=in_file))
