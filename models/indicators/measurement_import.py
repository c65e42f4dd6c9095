"""Import of effect-goal measurements from CSV or Excel: all rows checked, all or nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session, select

from models.auth.users import EDIT_PLAN, Actor, authorize
from models.core.tabular_files import parse_date, read_rows
from models.core.uploads import Problem, UploadError
from models.indicators.service import record_measurement, validate_measurement
from models.indicators.tables import Indicator

COLUMNS = ("Effektmål", "Dato", "Værdi", "Kommentar")


@dataclass
class MeasurementRow:
    line: int
    code: str
    measured_on: dt.date
    value: float
    comment: str


@dataclass
class ParsedMeasurements:
    filename: str
    rows: list[MeasurementRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def parse_measurements(
    session: Session, data: bytes, filename: str, *, today: dt.date
) -> ParsedMeasurements:
    """Read and check every row against its indicator's unit; nothing is written."""
    rows = read_rows(data, filename)
    if not rows:
        raise UploadError(f"{filename}: filen er tom.")
    header = [str(cell or "").strip() for cell in rows[0][1]]
    missing = [name for name in COLUMNS[:3] if name not in header]
    if missing:
        raise UploadError(f"{filename}, linje 1: kolonnerne {', '.join(missing)} mangler.")
    index = {name: header.index(name) for name in COLUMNS if name in header}
    indicators = {i.code: i for i in session.exec(select(Indicator))}
    parsed = ParsedMeasurements(filename)
    seen: dict[tuple[str, dt.date], int] = {}
    for line, cells in rows[1:]:
        values = {name: cells[i] if i < len(cells) else None for name, i in index.items()}
        if not any(str(value or "").strip() for value in values.values()):
            continue
        code = str(values["Effektmål"] or "").strip()
        indicator = indicators.get(code)
        if indicator is None:
            parsed.problems.append(Problem(line, "Effektmål", f"ukendt effektmål '{code}'"))
            continue
        try:
            day = parse_date(values["Dato"])
            if day is None:
                raise ValueError("datoen mangler")
        except ValueError as error:
            parsed.problems.append(Problem(line, "Dato", str(error)))
            continue
        try:
            number, day, comment = validate_measurement(
                indicator, values["Værdi"], day, str(values.get("Kommentar") or ""), today
            )
        except ValueError as error:
            column = "Dato" if "fremtiden" in str(error) else "Værdi"
            parsed.problems.append(Problem(line, column, str(error)))
            continue
        if (code, day) in seen:
            parsed.problems.append(
                Problem(
                    line,
                    "Dato",
                    f"{code} har allerede en måling {day:%d-%m-%Y} i linje {seen[(code, day)]}",
                )
            )
            continue
        seen[(code, day)] = line
        parsed.rows.append(MeasurementRow(line, code, day, number, comment))
    return parsed


def apply_measurements(
    session: Session, *, actor: Actor, parsed: ParsedMeasurements, today: dt.date
) -> int:
    """Write every row (adding or correcting), audited; refused whole if any row is wrong."""
    authorize(session, actor, EDIT_PLAN)
    if parsed.problems:
        raise UploadError(
            f"{parsed.filename}: filen har {len(parsed.problems)} fejl; intet er indlæst."
        )
    for row in parsed.rows:
        record_measurement(
            session,
            actor=actor,
            indicator_code=row.code,
            measured_on=row.measured_on,
            value=row.value,
            comment=row.comment,
            today=today,
        )
    return len(parsed.rows)
