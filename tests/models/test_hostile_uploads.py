"""Hostile and awkward files against every import: a Danish message, and nothing written.

Each runs on SQLite and PostgreSQL; the dimension bomb also within a memory and time bound
measured in the test process, for all three Excel paths.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import tracemalloc
import zipfile
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from openpyxl import Workbook
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.bootstrap import init_db
from models.core.uploads import UploadError
from models.indicators.measurement_import import parse_measurements
from models.plan.queries import get_themes
from models.plan.status_workbook import SHEET, WorkbookError, read_status_workbook
from models.restoration.case_import import COLUMNS, parse_cases
from models.schema import metadata

TODAY = dt.date(2026, 12, 3)
MEMORY_BOUND = 200 * 1024 * 1024
TIME_BOUND_S = 5.0


def _workbook(header: list[str], rows: list[list[object]], title: str | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rewrite_sheets(data: bytes, change: Callable[[bytes], bytes]) -> bytes:
    """The same workbook with every sheet's XML passed through `change`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name.startswith("xl/worksheets/sheet"):
                content = change(content)
            target.writestr(name, content)
    return out.getvalue()


def _declare_everything(data: bytes) -> bytes:
    """The same workbook whose sheet declares the dimension A1:XFD1048576."""
    return _rewrite_sheets(
        data,
        lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml),
    )


def _far_cell(data: bytes) -> bytes:
    """The same workbook with one more cell, in the sheet's very last row."""
    last_row = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return _rewrite_sheets(
        data, lambda xml: xml.replace(b"</sheetData>", last_row + b"</sheetData>")
    )


def _row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for name, table in metadata.tables.items()
        }


def _cases(session: Session, data: bytes, filename: str) -> object:
    return parse_cases(data, filename, today=TODAY)


def _measurements(session: Session, data: bytes, filename: str) -> object:
    return parse_measurements(session, data, filename, today=TODAY)


def _statuses(session: Session, data: bytes, filename: str) -> object:
    current = {a.id: a for theme in get_themes(session) for a in theme.actions}
    return read_status_workbook(data, current, filename=filename)


PATHS: dict[str, tuple[Callable[..., object], list[str], str | None]] = {
    "cases": (_cases, list(COLUMNS), None),
    "measurements": (_measurements, ["Effektmål", "Dato", "Værdi", "Kommentar"], None),
    "statuses": (_statuses, ["Nr.", "id", "version", "Status", "Ansvarlig", "Statusnote"], SHEET),
}


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    init_db(engine)
    return engine


def _bounded(read: Callable[[], object]) -> tuple[float, int, list[BaseException]]:
    """Run `read` twice: timed alone, then under tracemalloc (which slows Python several
    times) for the peak memory. Returns seconds, peak bytes and what each run raised."""
    raised: list[BaseException] = []
    started = time.perf_counter()
    try:
        read()
    except (UploadError, WorkbookError) as error:
        raised.append(error)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    try:
        read()
    except (UploadError, WorkbookError) as error:
        raised.append(error)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return elapsed, peak, raised


@pytest.mark.parametrize("path", PATHS)
def test_the_dimension_bomb_reads_as_its_content_within_bounds(seeded: Engine, path: str) -> None:
    """Declared A1:XFD1048576, holding only a header: read as what it holds."""
    reader, header, title = PATHS[path]
    bomb = _declare_everything(_workbook(header, [], title))
    assert len(bomb) < 10_000
    before = _row_counts(seeded)
    with Session(seeded) as session:
        elapsed, peak, raised = _bounded(lambda: reader(session, bomb, "bombe.xlsx"))
    assert elapsed < TIME_BOUND_S, f"{path}: {elapsed:.1f} s"
    assert peak < MEMORY_BOUND, f"{path}: {peak / 1024 / 1024:.0f} MB"
    # A header without rows is either an empty preview or the import's "no rows" refusal.
    assert all("bombe.xlsx" in str(error) for error in raised)
    assert _row_counts(seeded) == before


@pytest.mark.parametrize("path", PATHS)
def test_a_cell_in_the_last_row_is_refused_in_time(seeded: Engine, path: str) -> None:
    """Refused once the row limit is passed, while streaming (memory: see the bomb above)."""
    reader, header, title = PATHS[path]
    bomb = _far_cell(_workbook(header, [], title))
    before = _row_counts(seeded)
    started = time.perf_counter()
    with (
        Session(seeded) as session,
        pytest.raises((UploadError, WorkbookError)) as error,
    ):
        reader(session, bomb, "bombe.xlsx")
    elapsed = time.perf_counter() - started
    assert str(error.value) == (
        "bombe.xlsx: filen har mere end 250.000 rækker. Del den op i flere filer."
    )
    assert elapsed < TIME_BOUND_S, f"{path}: {elapsed:.1f} s"
    assert _row_counts(seeded) == before


HOSTILE_CSV = [
    ("Sagsreference;Team\nS-1;Bj\x9brn\n".encode("latin-1"), "ligner DOS/cp850"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "gamle Excel-format (.xls)"),
    (b"Sagsreference;Team\nS-1;B\x00U\n", "linje 2, kolonne 2: cellen indeholder et kontroltegn"),
    (b"Sagsreference;Team\nS-1;" + b"x" * 100_001 + b"\n", "rækken kan ikke læses som CSV"),
    (b"Sagsreference,Team\nS-1,-1,25,00\n", "linje 2, kolonne 3: rækken har 4 celler"),
    (b"Sagsreference;Team;Team\nS-1;a;b\n", "kolonnen 'Team' står der to gange"),
]


@pytest.mark.parametrize(("data", "message"), HOSTILE_CSV)
@pytest.mark.parametrize("path", ["cases", "measurements"])
def test_hostile_text_files_are_refused_and_write_nothing(
    seeded: Engine, path: str, data: bytes, message: str
) -> None:
    reader = PATHS[path][0]
    before = _row_counts(seeded)
    with Session(seeded) as session, pytest.raises(UploadError, match=re.escape(message)):
        reader(session, data, "fil.csv")
    assert _row_counts(seeded) == before
