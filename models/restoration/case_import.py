"""Import of restoration cases from the case system's CSV or Excel export.

One row per missing step; the case columns repeat on each of its rows (a case without missing
steps has one row with the step columns empty). Every row is checked first and every problem is
reported with line, column and reason in Danish; nothing is written unless the whole file is
valid. A valid file adds new cases and replaces existing ones (and their steps) by reference.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from models.auth.users import EDIT_PLAN, Actor, authorize
from models.core.applog import log_event
from models.core.cpr import contains_cpr
from models.core.db import INSERT_CHUNK, chunked
from models.core.tabular_files import parse_amount, parse_date, read_rows
from models.core.time import today_local, utcnow
from models.core.uploads import Problem, UploadError
from models.restoration.tables import (
    CASE_FIELDS,
    MissingStep,
    RestorationCase,
    Vocabulary,
    vocabulary,
)

MAX_PROBLEMS_SHOWN = 200
# Danish header -> field. The order is the template's.
COLUMNS: dict[str, str] = {
    "Sagsreference": "reference",
    "Team": "team",
    "Spor": "track_code",
    "Bekymringsgrad": "concern",
    "Lovmedholdelighed": "legality",
    "Gennemgået": "reviewed_on",
    "Genopretningsplan udarbejdet": "plan_made_on",
    "Familie orienteret": "family_informed_on",
    "Fuldt genoprettet": "restored_on",
    "Genberegnet": "recalculated_on",
    "Korrektion (kr.)": "correction_dkk",
    "Sagsskridt": "step_type",
    "Skridt frist": "due_on",
    "Skridt udført": "done_on",
}
REQUIRED = ("Sagsreference", "Team", "Spor")
HEADER_OF = {name: header for header, name in COLUMNS.items()}
FUTURE_DATE_FIELDS = {"due_on"}
DATE_FIELDS = {
    "reviewed_on",
    "plan_made_on",
    "family_informed_on",
    "restored_on",
    "recalculated_on",
    "due_on",
    "done_on",
}
REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$")
DIGITS = re.compile(r"\d")
STEP_FIELDS = ("step_type", "due_on", "done_on")


@dataclass
class ParsedCase:
    reference: str
    line: int
    fields: dict[str, Any]
    steps: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)


@dataclass
class ParsedFile:
    filename: str
    rows: int = 0
    cases: dict[str, ParsedCase] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def steps(self) -> int:
        return sum(len(case.steps) for case in self.cases.values())

    def messages(self, limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
        return [problem.describe(self.filename) for problem in self.problems[:limit]]


@dataclass(frozen=True)
class ImportSummary:
    new: int
    changed: int
    unchanged: int
    steps: int


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


class _RowReader:
    def __init__(self, parsed: ParsedFile, vocab: Vocabulary, today: dt.date) -> None:
        self.parsed = parsed
        self.vocab = vocab
        self.today = today
        self.allowed = {
            "team": vocab.teams,
            "track_code": vocab.tracks,
            "concern": vocab.concern_levels,
            "legality": vocab.legality,
            "step_type": vocab.step_types,
        }
        self._case_cells: tuple[tuple[str, type, Any], ...] | None = None
        self._case_values: dict[str, Any] = {}

    def problem(self, line: int, name: str, message: str) -> None:
        self.parsed.problems.append(Problem(line, HEADER_OF.get(name, name), message))

    def read(self, line: int, cells: dict[str, Any]) -> None:
        # A case's rows repeat its case cells: cells equal to the previous row's, which were
        # all valid, are not checked again (only the step cells and the order of dates are).
        case_cells = tuple(
            (name, type(raw), raw) for name, raw in cells.items() if name not in STEP_FIELDS
        )
        reuse = case_cells == self._case_cells
        values: dict[str, Any] = dict(self._case_values) if reuse else {}
        ok = True
        for name, raw in cells.items():
            if reuse and name not in STEP_FIELDS:
                continue
            text = _cell_text(raw)
            if len(DIGITS.findall(text)) >= 10 and contains_cpr(text):
                self.problem(line, name, "indeholder noget, der ligner et CPR-nummer")
                ok = False
                continue
            try:
                values[name] = self._value(name, raw, text)
            except ValueError as error:
                self.problem(line, name, str(error))
                ok = False
        if not reuse:
            case_ok = all(name in values for name, _, _ in case_cells)
            self._case_cells = case_cells if case_ok else None
            self._case_values = {name: values[name] for name, _, _ in case_cells} if case_ok else {}
        if ok:
            ok = self._check_order(line, values)
        if ok:
            self._add(line, values)

    def _value(self, name: str, raw: Any, text: str) -> Any:
        if name in DATE_FIELDS:
            # Only a step's deadline may lie ahead; what happened cannot be in the future.
            return parse_date(raw, latest=None if name in FUTURE_DATE_FIELDS else self.today)
        if name == "correction_dkk":
            return parse_amount(raw)
        if name == "reference":
            if not REFERENCE.match(text):
                raise ValueError(
                    f"'{text}' er ikke en gyldig sagsreference (1–32 tegn: bogstaver a–z, tal "
                    "og . _ / -)"
                )
            return text
        if name in ("reference", "team", "track_code") and not text:
            raise ValueError("må ikke være tom")
        allowed = self.allowed.get(name)
        if allowed is not None and text and text not in allowed:
            kind = {"step_type": "sagsskridt", "team": "team", "track_code": "spor"}.get(
                name, "værdi"
            )
            raise ValueError(f"ukendt {kind} '{text}' (tilladt: {', '.join(allowed)})")
        return text

    def _check_order(self, line: int, values: dict[str, Any]) -> bool:
        reviewed = values.get("reviewed_on")
        ok = True
        for name in (
            "plan_made_on",
            "family_informed_on",
            "restored_on",
            "recalculated_on",
            "done_on",
        ):
            later = values.get(name)
            if reviewed and later and later < reviewed:
                self.problem(line, name, f"ligger før Gennemgået ({reviewed:%d-%m-%Y})")
                ok = False
        if values.get("done_on") and not values.get("step_type"):
            self.problem(line, "step_type", "mangler, når Skridt udført er udfyldt")
            ok = False
        return ok

    def _add(self, line: int, values: dict[str, Any]) -> None:
        reference = values["reference"]
        case_fields = {name: values.get(name) for name in CASE_FIELDS}
        for name in ("concern", "legality"):
            case_fields[name] = case_fields[name] or ""
        case = self.parsed.cases.get(reference)
        if case is None:
            case = self.parsed.cases[reference] = ParsedCase(reference, line, case_fields)
        elif case.fields != case_fields:
            self.problem(
                line,
                "reference",
                f"sagsreferencen {reference} står også i linje {case.line} med andre "
                "sagsoplysninger (dobbelt reference)",
            )
            return
        if values.get("step_type"):
            step = (values["step_type"], values.get("due_on"), values.get("done_on"))
            if step in case.steps:
                self.problem(line, "step_type", f"samme sagsskridt står to gange for {reference}")
                return
            case.steps.append(step)


def parse_cases(
    data: bytes, filename: str, vocab: Vocabulary | None = None, *, today: dt.date | None = None
) -> ParsedFile:
    """Read and check a whole file; `problems` lists everything that is wrong."""
    rows = read_rows(data, filename)
    if not rows:
        raise UploadError(f"{filename}: filen er tom.")
    header_line, header = rows[0]
    names = [_cell_text(cell) for cell in header]
    missing = [column for column in REQUIRED if column not in names]
    if missing:
        raise UploadError(
            f"{filename}, linje {header_line}: kolonnerne {', '.join(missing)} mangler "
            "(hent skabelonen for det rigtige format)."
        )
    unknown = [name for name in names if name and name not in COLUMNS]
    if unknown:
        raise UploadError(
            f"{filename}, linje {header_line}: ukendte kolonner: {', '.join(unknown)}."
        )
    index = {COLUMNS[name]: position for position, name in enumerate(names) if name}
    parsed = ParsedFile(filename=filename)
    reader = _RowReader(parsed, vocab or vocabulary(), today or today_local())
    for line, row in rows[1:]:
        if not any(_cell_text(cell) for cell in row):
            continue
        parsed.rows += 1
        cells = {name: (row[i] if i < len(row) else None) for name, i in index.items()}
        reader.read(line, cells)
    if parsed.rows == 0:
        raise UploadError(f"{filename}: filen har ingen rækker under overskrifterne.")
    return parsed


def _existing(session: Session, references: list[str]) -> dict[str, RestorationCase]:
    found: dict[str, RestorationCase] = {}
    for chunk in chunked(references):
        for case in session.exec(
            select(RestorationCase).where(RestorationCase.reference.in_(chunk))  # type: ignore[attr-defined]
        ):
            found[case.reference] = case
    return found


def _steps_of(session: Session, case_ids: list[int]) -> dict[int, list[tuple]]:
    steps: dict[int, list[tuple]] = {case_id: [] for case_id in case_ids}
    for chunk in chunked(case_ids):
        rows = session.exec(
            select(
                MissingStep.case_id, MissingStep.step_type, MissingStep.due_on, MissingStep.done_on
            )
            .where(MissingStep.case_id.in_(chunk))  # type: ignore[attr-defined]
            .order_by(MissingStep.id)
        )
        for case_id, step_type, due_on, done_on in rows:
            steps[case_id].append((step_type, due_on, done_on))
    return steps


def summarise(
    session: Session, parsed: ParsedFile, existing: dict[str, RestorationCase] | None = None
) -> ImportSummary:
    """How many cases the file adds, changes and leaves as they are."""
    if existing is None:
        existing = _existing(session, list(parsed.cases))
    stored_steps = _steps_of(session, [case.id for case in existing.values() if case.id])
    new = changed = 0
    for reference, case in parsed.cases.items():
        current = existing.get(reference)
        if current is None:
            new += 1
            continue
        same_fields = all(getattr(current, name) == case.fields[name] for name in CASE_FIELDS)
        same_steps = sorted(map(repr, stored_steps.get(current.id or 0, []))) == sorted(
            map(repr, case.steps)
        )
        changed += not (same_fields and same_steps and not current.is_demo)
    unchanged = len(parsed.cases) - new - changed
    return ImportSummary(new=new, changed=changed, unchanged=unchanged, steps=parsed.steps)


def apply_import(session: Session, *, actor: Actor, parsed: ParsedFile) -> ImportSummary:
    """Write a valid file: add new cases, replace existing ones and their steps by reference."""
    authorize(session, actor, EDIT_PLAN)
    if parsed.problems:
        raise UploadError(
            f"{parsed.filename}: filen har {len(parsed.problems)} fejl; intet er indlæst."
        )
    existing = _existing(session, list(parsed.cases))
    summary = summarise(session, parsed, existing)
    _write(session, parsed, {reference: case.id for reference, case in existing.items()})  # type: ignore[misc]
    log_event(
        "import",
        user=actor.username,
        role=actor.role.value,
        kind="cases",
        count=summary.new + summary.changed,
    )
    return summary


def _write(session: Session, parsed: ParsedFile, existing: dict[str, int]) -> None:
    """Replace the existing cases' fields and steps, add the new cases, then every case's steps.

    Plain Core statements with lists of parameters (executemany, no RETURNING, no ORM
    objects), and one lookup of the new cases' ids by reference; all in the caller's
    transaction, so an error leaves nothing half written.
    """
    cases = RestorationCase.__table__  # type: ignore[attr-defined]
    steps = MissingStep.__table__  # type: ignore[attr-defined]
    now = utcnow()
    for chunk in chunked(list(existing.values())):
        session.execute(sa.delete(steps).where(steps.c.case_id.in_(chunk)))
    updates = [
        {"case_id": existing[reference], **case.fields, "is_demo": False, "updated_at": now}
        for reference, case in parsed.cases.items()
        if reference in existing
    ]
    if updates:
        session.execute(
            sa.update(cases).where(cases.c.id == sa.bindparam("case_id")),
            updates,
        )
    new = [reference for reference in parsed.cases if reference not in existing]
    for chunk in chunked(new, INSERT_CHUNK):
        session.execute(
            sa.insert(cases),
            [
                {"reference": r, **parsed.cases[r].fields, "is_demo": False, "updated_at": now}
                for r in chunk
            ],
        )
    ids = dict(existing)
    for chunk in chunked(new):
        ids.update(
            (reference, case_id)
            for case_id, reference in session.execute(
                sa.select(cases.c.id, cases.c.reference).where(cases.c.reference.in_(chunk))
            )
        )
    rows = [
        {"case_id": ids[reference], "step_type": step_type, "due_on": due, "done_on": done}
        for reference, case in parsed.cases.items()
        for step_type, due, done in case.steps
    ]
    for chunk in chunked(rows, INSERT_CHUNK):
        session.execute(sa.insert(steps), chunk)


_EXAMPLE_CASE = [
    "S-0412",
    "Børn og Unge",
    "A.1",
    "høj",
    "ikke lovmedholdelig",
    "15-10-2024",
    "20-11-2024",
    "25-11-2024",
    "",
    "",
    "",
]
TEMPLATE_EXAMPLE = [
    [*_EXAMPLE_CASE, "børnesamtale", "31-01-2025", "20-01-2025"],
    [*_EXAMPLE_CASE, "partshøring", "28-02-2025", ""],
    [
        "T-0107",
        "Handicap",
        "C.1",
        "",
        "",
        "02-12-2024",
        "",
        "14-03-2025",
        "",
        "10-03-2025",
        "-1.250,00",
        "",
        "",
        "",
    ],
]


def template_csv() -> bytes:
    """A CSV template (UTF-8 with BOM, semicolons) with the headers and three example rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(TEMPLATE_EXAMPLE)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
