"""Reading tabular files people upload: CSV in the encodings and separators Danish offices
use, or Excel; plus Danish dates and amounts. Shared by every import."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl import load_workbook

from models.core.settings import get_settings
from models.core.uploads import UploadError

DANISH_DATE = re.compile(r"(\d{1,2})[-.](\d{1,2})[-.](\d{4})")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _csv_rows(data: bytes) -> list[tuple[int, list[Any]]]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(reader.line_num, row) for row in reader]


def _xlsx_rows(data: bytes, filename: str) -> list[tuple[int, list[Any]]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not xlsx
        raise UploadError(f"{filename}: kan ikke læses som en Excel-fil (.xlsx).") from error
    sheet = workbook.worksheets[0]
    return [(line, list(row)) for line, row in enumerate(sheet.iter_rows(values_only=True), 1)]


def read_rows(data: bytes, filename: str) -> list[tuple[int, list[Any]]]:
    """(line number, cells) of a CSV (UTF-8 with/without BOM or Windows-1252; ; or ,) or XLSX."""
    limit = get_settings().max_upload_bytes
    if len(data) > limit:
        raise UploadError(
            f"{filename}: filen er for stor ({len(data) / 1024 / 1024:.1f} MB; højst "
            f"{limit // 1024 // 1024} MB). Del den op i flere filer."
        )
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        return _xlsx_rows(data, filename)
    return _csv_rows(data)


def parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
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


def parse_amount(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value)).quantize(Decimal("0.01"))
    text = str(value).strip().replace(" ", "").replace("kr.", "").replace("kr", "")
    if "," in text:  # Danish: 1.234,50
        text = text.replace(".", "").replace(",", ".")
    try:
        return Decimal(text).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(f"'{value}' er ikke et beløb i kroner") from None
