"""Reading the tabular files people upload, safely: CSV in the encodings Danish offices use,
or Excel (.xlsx) read by its real content; plus Danish dates and numbers. Every import uses it.

A file is refused as a whole (`UploadError`, naming file, line and column) when it cannot be
read for what it is: an unknown encoding, a legacy .xls, macros, external links, formulas
without a saved value, NUL or control characters, a row longer than its header, a repeated
column name, or more rows, columns or cells than an import may have. Nothing is guessed.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from models.core.cpr import CONTROL_CHARACTER
from models.core.settings import get_settings
from models.core.uploads import UploadError

MAX_ROWS = 250_000  # lines, the header included
MAX_COLUMNS = 60
MAX_CELLS = 4_000_000
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024  # an .xlsx is a zip: its parts, unpacked
CSV_FIELD_LIMIT = 100_000  # characters in one cell

EARLIEST_DATE = dt.date(2000, 1, 1)
DANISH_DATE = re.compile(r"(\d{1,2})[-.](\d{1,2})[-.](\d{4})")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Danish numbers: 1.234.567,89 or 1234567,89 or 1234; an optional sign.
DANISH_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
# cp850 (DOS) Danish letters read as Windows-1252 come out as these, between letters.
CP850_LETTERS = re.compile(r"[A-Za-z][\u2020\u2018\u2019\u203a\u2019][A-Za-z]")
SAVE_AS_UTF8 = 'Gem filen som "CSV UTF-8" eller som Excel-projektmappe (.xlsx) og prøv igen.'

Row = tuple[int, list[Any]]  # (line number, cells)


def _n(number: int) -> str:
    """1.234.567: a Danish thousands separator without importing Babel."""
    return f"{number:,}".replace(",", ".")


def _where(filename: str, line: int, column: int | None = None) -> str:
    place = f"{filename}, linje {line}"
    return f"{place}, kolonne {column}" if column else place


# --- CSV ---------------------------------------------------------------------------------


def decode_text(data: bytes, filename: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; anything else refused."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", filename)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", filename)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is None or CP850_LETTERS.search(text):
        raise UploadError(
            f"{filename}: tegnsættet kan ikke læses sikkert (det ligner DOS/cp850 eller et "
            f"andet gammelt tegnsæt, hvor æ, ø og å bliver forkerte). {SAVE_AS_UTF8}"
        )
    return text


def _strict(data: bytes, encoding: str, filename: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise UploadError(
            f"{filename}: filen siger, den er {encoding.upper()}, men er det ikke. {SAVE_AS_UTF8}"
        ) from None


def _csv_rows(data: bytes, filename: str) -> Iterator[Row]:
    text = decode_text(data, filename)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    previous = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise UploadError(
                    f"{_where(filename, reader.line_num)}: rækken kan ikke læses som CSV "
                    f"(fx en celle over {_n(CSV_FIELD_LIMIT)} tegn eller et citationstegn, der "
                    "ikke er lukket)."
                ) from error
            yield reader.line_num, cells
    finally:
        csv.field_size_limit(previous)


# --- Excel ---------------------------------------------------------------------------------


def _check_package(data: bytes, filename: str) -> bool:
    """Refuse what an import must not open; True when some sheet holds formulas."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = package.namelist()
        unzipped = sum(info.file_size for info in package.infolist())
    except zipfile.BadZipFile:
        raise UploadError(f"{filename}: kan ikke læses som en Excel-fil (.xlsx).") from None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise UploadError(
            f"{filename}: filen indeholder makroer og indlæses ikke. "
            "Gem den som Excel-projektmappe (.xlsx) uden makroer."
        )
    if any(name.startswith("xl/externalLinks/") for name in names):
        raise UploadError(
            f"{filename}: filen har kæder til andre filer (eksterne links) og indlæses ikke. "
            "Kopiér værdierne ind (Indsæt speciel → Værdier) og gem igen."
        )
    if unzipped > MAX_UNZIPPED_BYTES:
        raise UploadError(
            f"{filename}: filen fylder {unzipped // 1024 // 1024} MB udpakket (højst "
            f"{MAX_UNZIPPED_BYTES // 1024 // 1024} MB). Del den op i flere filer."
        )
    return any(
        b"<f" in package.read(name)
        for name in names
        if name.startswith("xl/worksheets/") and name.endswith(".xml")
    )


def _sheet(data: bytes, filename: str, name: str | None, *, data_only: bool) -> Any:
    from openpyxl import load_workbook  # only imports that read Excel pay for openpyxl

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as error:  # openpyxl raises many kinds for a file that is not xlsx
        raise UploadError(f"{filename}: kan ikke læses som en Excel-fil (.xlsx).") from error
    if name is not None and name not in workbook.sheetnames:
        raise UploadError(f"{filename}: arket '{name}' mangler.")
    sheet = workbook[name] if name is not None else workbook.worksheets[0]
    sheet.reset_dimensions()  # read the real content, never the declared dimension
    return sheet


def _xlsx_rows(data: bytes, filename: str, sheet: str | None) -> Iterator[Row]:
    has_formulas = _check_package(data, filename)
    values = _sheet(data, filename, sheet, data_only=True).iter_rows(values_only=True)
    formulas = (
        _sheet(data, filename, sheet, data_only=False).iter_rows(values_only=True)
        if has_formulas
        else None
    )
    for line, row in enumerate(values, 1):
        cells = list(row)
        if formulas is not None:
            for column, (value, written) in enumerate(zip(cells, next(formulas), strict=False), 1):
                if value is None and isinstance(written, str) and written.startswith("="):
                    raise UploadError(
                        f"{_where(filename, line, column)}: cellen har en formel uden gemt "
                        "værdi. Åbn filen i Excel, gem den, og prøv igen (eller indsæt værdier)."
                    )
        yield line, cells


# --- the shared reader ----------------------------------------------------------------------


def read_rows(data: bytes, filename: str, *, sheet: str | None = None) -> list[Row]:
    """(line number, cells) of a CSV (`;` or `,`) or .xlsx file; the first row is the header.

    `sheet` names the Excel sheet to read (and makes the file Excel-only); else the first.

    Checked while streaming: size, encoding, rows/columns/cells within the import limits,
    no control characters, no row longer than the header, no repeated column name.
    """
    limit = get_settings().max_upload_bytes
    if len(data) > limit:
        size = f"{len(data) / 1024 / 1024:.1f}".replace(".", ",")
        raise UploadError(
            f"{filename}: filen er for stor ({size} MB; højst {limit // 1024 // 1024} MB). "
            "Del den op i flere filer."
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UploadError(
            f"{filename}: filen er i det gamle Excel-format (.xls). "
            "Gem den som Excel-projektmappe (.xlsx) eller som CSV UTF-8."
        )
    is_xlsx = filename.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK"
    if sheet is not None and not is_xlsx:
        raise UploadError(f"{filename}: kan ikke læses som en Excel-fil (.xlsx).")
    rows = _xlsx_rows(data, filename, sheet) if is_xlsx else _csv_rows(data, filename)
    return list(_checked(rows, filename))


def _checked(rows: Iterator[Row], filename: str) -> Iterator[Row]:
    width = 0
    cells_seen = 0
    for count, (line, raw) in enumerate(rows, 1):
        if count > MAX_ROWS:
            raise UploadError(
                f"{filename}: filen har mere end {_n(MAX_ROWS)} rækker. Del den op i flere filer."
            )
        if not raw:  # a blank line (and every row of a gap in a sheet): nothing to check
            yield line, []
            continue
        cells = list(raw)
        while cells and cells[-1] in (None, ""):
            cells.pop()
        if len(cells) > MAX_COLUMNS:
            raise UploadError(
                f"{_where(filename, line)}: rækken har {len(cells)} kolonner (højst {MAX_COLUMNS})."
            )
        cells_seen += len(cells)
        if cells_seen > MAX_CELLS:
            raise UploadError(
                f"{filename}: filen har mere end {_n(MAX_CELLS)} udfyldte celler. "
                "Del den op i flere filer."
            )
        for column, value in enumerate(cells, 1):
            if isinstance(value, str) and CONTROL_CHARACTER.search(value):
                raise UploadError(
                    f"{_where(filename, line, column)}: cellen indeholder et kontroltegn "
                    "(fx NUL), som ikke hører hjemme i tekst."
                )
        if count == 1:
            _check_header(cells, filename)
            width = len(cells)
        elif len(cells) > width:
            raise UploadError(
                f"{_where(filename, line, width + 1)}: rækken har {len(cells)} celler, men "
                f"overskriften har {width}. Et beløb med komma skal stå i anførselstegn, "
                "eller brug semikolon som skilletegn."
            )
        yield line, cells


def _check_header(cells: list[Any], filename: str) -> None:
    seen: dict[str, int] = {}
    for column, value in enumerate(cells, 1):
        name = str(value or "").strip().casefold()
        if name and name in seen:
            raise UploadError(
                f"{_where(filename, 1, column)}: kolonnen '{str(value).strip()}' står der to "
                f"gange (også kolonne {seen[name]})."
            )
        seen[name] = column


# --- values ----------------------------------------------------------------------------------


def parse_date(
    value: Any,
    *,
    earliest: dt.date = EARLIEST_DATE,
    latest: dt.date | None = None,
) -> dt.date | None:
    """A Danish (31-12-2025, 31.12.2025) or ISO date, or an Excel date; None for empty.

    Outside [earliest, latest] is refused (`latest=None`: any future date is allowed).
    """
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        day = _date_from_text(str(value).strip())
    if day < earliest:
        raise ValueError(f"datoen {_dmy(day)} ligger før {_dmy(earliest)}")
    if latest is not None and day > latest:
        raise ValueError(f"datoen {_dmy(day)} ligger i fremtiden")
    return day


def _dmy(day: dt.date) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def _date_from_text(text: str) -> dt.date:
    danish, iso = DANISH_DATE.fullmatch(text), ISO_DATE.fullmatch(text)
    try:
        if danish:
            return dt.date(int(danish[3]), int(danish[2]), int(danish[1]))
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError:
        pass
    raise ValueError(
        f"'{text}' er ikke en gyldig dato (brug dd-mm-åååå, dd.mm.åååå eller åååå-mm-dd)"
    )


def parse_number(value: Any, *, what: str = "et tal") -> Decimal | None:
    """A finite number: a number cell, or Danish text (1.234,5; 1234,5; 1.250 = 1250).

    Ambiguous or foreign forms are refused rather than guessed: "7.5", "1,25,00", "1e20",
    "NaN", "inf". None for empty.
    """
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise ValueError(f"'{value}' er ikke {what}")
    if isinstance(value, int | float | Decimal):
        if isinstance(value, float | Decimal) and not math.isfinite(value):
            raise ValueError(f"'{value}' er ikke {what}")
        return Decimal(str(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    text = re.sub(r"(?i)kr\.?$", "", text)
    if not DANISH_NUMBER.fullmatch(text):
        hint = (
            " (brug komma som decimaltegn, fx 7,5)"
            if re.fullmatch(r"[+-]?\d+\.\d{1,2}|[+-]?\d+\.\d{4,}", text)
            else ""
        )
        raise ValueError(f"'{value}' er ikke {what}{hint}")
    return Decimal(text.replace(".", "").replace(",", "."))


def parse_amount(value: Any, *, bound: Decimal = Decimal("100000000")) -> Decimal | None:
    """Kroner with at most 2 decimals, within ±`bound` (default 100 mio. kr.)."""
    number = parse_number(value, what="et beløb i kroner")
    if number is None:
        return None
    if abs(number) > bound:
        raise ValueError(f"'{value}' er uden for det tilladte (højst {_n(int(bound))} kr.)")
    if number != number.quantize(Decimal("0.01")):
        raise ValueError(f"'{value}' har mere end 2 decimaler (øre)")
    return number.quantize(Decimal("0.01"))
