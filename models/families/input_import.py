"""Import of input items for one meeting from CSV or Excel: the notes typed up afterwards.

Columns (Danish): *Input* (required), *Tema*, *Spørgsmål* (the question's number or its exact
text), *Svarstatus* (empty: Modtaget), *Svar*, *Handlinger* and *Spor* (codes, separated by
commas), *Intern bemærkning*. Every row is checked first and every problem is reported with
file, line, column and reason in Danish; nothing is written unless the whole file is valid
(the case import's rule). A valid file adds its rows as new items of the meeting.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from models.auth.users import EDIT_PLAN, Actor, authorize
from models.core.cpr import unsafe_text
from models.core.tabular_files import read_rows
from models.core.uploads import Problem, UploadError
from models.families.panel import PanelConfig, panel_config
from models.families.service import (
    FamilyInputError,
    add_inputs,
    check_response,
    clean_input_values,
)
from models.families.tables import FamilyInput, FamilyMeeting, ResponseStatus

MAX_PROBLEMS_SHOWN = 200
# Danish header -> field, in the template's order.
COLUMNS: dict[str, str] = {
    "Tema": "theme",
    "Spørgsmål": "question",
    "Input": "text",
    "Svarstatus": "status",
    "Svar": "response",
    "Handlinger": "actions",
    "Spor": "tracks",
    "Intern bemærkning": "internal_note",
}
REQUIRED = ("Input",)
HEADER_OF = {name: header for header, name in COLUMNS.items()}


@dataclass
class ParsedInputs:
    filename: str
    meeting_id: int
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def messages(self, limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
        return [problem.describe(self.filename) for problem in self.problems[:limit]]


def _cell(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _header(rows: list, filename: str) -> dict[str, int]:
    if not rows:
        raise UploadError(f"{filename}: filen er tom.")
    line, cells = rows[0]
    names = [_cell(cell) for cell in cells]
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise UploadError(
            f"{filename}, linje {line}: kolonnen {', '.join(missing)} mangler "
            "(hent skabelonen for det rigtige format)."
        )
    unknown = [name for name in names if name and name not in COLUMNS]
    if unknown:
        raise UploadError(f"{filename}, linje {line}: ukendte kolonner: {', '.join(unknown)}.")
    return {COLUMNS[name]: position for position, name in enumerate(names) if name}


class _RowReader:
    def __init__(
        self, session: Session, parsed: ParsedInputs, meeting: FamilyMeeting, config: PanelConfig
    ) -> None:
        self.session = session
        self.parsed = parsed
        self.meeting = meeting
        self.config = config
        stored = session.exec(select(FamilyInput.text).where(FamilyInput.meeting_id == meeting.id))
        self.stored = {text.casefold() for text in stored}
        self.seen: dict[str, int] = {}

    def problem(self, line: int, name: str, message: str) -> None:
        self.parsed.problems.append(Problem(line, HEADER_OF.get(name, name), message))

    def read(self, line: int, cells: dict[str, str]) -> None:
        values: dict[str, Any] = {}
        ok = True
        for name, text in cells.items():
            problem = unsafe_text(text)
            try:
                if problem:
                    raise FamilyInputError(problem)
                values[name] = clean_input_values(
                    self.session, self.meeting, {name: text}, self.config
                )[name]
            except FamilyInputError as error:
                self.problem(line, name, str(error))
                ok = False
        if not ok:
            return
        state = {
            "status": values.get("status"),
            "response": values.get("response", ""),
            "actions": values.get("actions", ()),
            "tracks": values.get("tracks", ()),
        }
        try:
            check_response({**state, "status": state["status"] or ResponseStatus.received})
        except FamilyInputError as error:
            self.problem(line, "status", str(error))
            return
        key = values["text"].casefold()
        if key in self.stored:
            self.problem(line, "text", "står allerede som input på mødet")
            return
        if key in self.seen:
            self.problem(line, "text", f"samme input står også i linje {self.seen[key]}")
            return
        self.seen[key] = line
        self.parsed.rows.append((line, values))


def parse_inputs(
    session: Session,
    data: bytes,
    filename: str,
    *,
    meeting_id: int,
    config: PanelConfig | None = None,
) -> ParsedInputs:
    """Read and check a whole file against the meeting and the plan; nothing is written."""
    meeting = session.get(FamilyMeeting, meeting_id)
    if meeting is None:
        raise UploadError("Mødet findes ikke.")
    rows = read_rows(data, filename)
    index = _header(rows, filename)
    parsed = ParsedInputs(filename, meeting_id)
    reader = _RowReader(session, parsed, meeting, config or panel_config())
    for line, row in rows[1:]:
        cells = {name: _cell(row[i] if i < len(row) else None) for name, i in index.items()}
        if not any(cells.values()):
            continue
        if not cells.get("text"):
            reader.problem(line, "text", "mangler")
            continue
        reader.read(line, cells)
    if not parsed.rows and not parsed.problems:
        raise UploadError(f"{filename}: filen har ingen rækker under overskrifterne.")
    return parsed


def apply_input_import(session: Session, *, actor: Actor, parsed: ParsedInputs) -> int:
    """Add a valid file's rows to its meeting (all or nothing); returns how many."""
    authorize(session, actor, EDIT_PLAN)
    if parsed.problems:
        raise UploadError(
            f"{parsed.filename}: filen har {len(parsed.problems)} fejl; intet er indlæst."
        )
    return add_inputs(
        session,
        actor=actor,
        meeting_id=parsed.meeting_id,
        rows=[values for _line, values in parsed.rows],
    )


TEMPLATE_EXAMPLE = [
    [
        "Kommunikation & inddragelse – og genopbygge tillid",
        "3",
        "Familier savner at blive ringet op, når der er nyt i deres sag",
        "Besvaret med handling",
        "Vi indfører faste telefontider for rådgiverne.",
        "E.5.2",
        "",
        "",
    ],
    ["", "", "Ønske om et fast kontaktpunkt ved skift af rådgiver", "Modtaget", "", "", "", ""],
]


def template_csv() -> bytes:
    """A CSV template (UTF-8 with BOM, semicolons) with the headers and two example rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(TEMPLATE_EXAMPLE)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
