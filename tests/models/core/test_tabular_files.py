"""The one reader for uploaded tables: encodings, Excel by its real content, Danish numbers."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook

from models.core import tabular_files
from models.core.tabular_files import parse_amount, parse_date, parse_number, read_rows
from models.core.uploads import UploadError

CSV = "Navn;Beløb\nBjørn Ærø;1.250,50\nÅse;7\n"


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def repack(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The same .xlsx with parts replaced, added (name → bytes) or removed (name → None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name not in change:
                target.writestr(name, source.read(name))
        for name, content in change.items():
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def sheet_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(SHEET)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (CSV.encode("utf-8"), "Bjørn Ærø"),
        (b"\xef\xbb\xbf" + CSV.encode("utf-8"), "Bjørn Ærø"),
        (CSV.encode("cp1252"), "Bjørn Ærø"),
        (CSV.encode("utf-16"), "Bjørn Ærø"),  # with its BOM
        (b"\xfe\xff" + CSV.encode("utf-16-be"), "Bjørn Ærø"),
    ],
    ids=["utf-8", "utf-8-bom", "windows-1252", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_office_encodings_keep_danish_letters(data: bytes, expected: str) -> None:
    rows = read_rows(data, "f.csv")
    assert rows == [(1, ["Navn", "Beløb"]), (2, [expected, "1.250,50"]), (3, ["Åse", "7"])]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (CSV.encode("cp850"), "f.csv: tegnsættet kan ikke læses sikkert (det ligner DOS/cp850"),
        ("Navn\nKåre Ødegård\n".encode("cp850"), "ligner DOS/cp850"),
        (b"\xef\xbb\xbfNavn\n\xff\xfe\n", "f.csv: filen siger, den er UTF-8, men er det ikke."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "gamle Excel-format (.xls)"),
        (
            b"Navn;Note\nA;hej\x00der\n",
            "f.csv, linje 2, kolonne 2: cellen indeholder et kontroltegn",
        ),
        (
            b"Navn;Note\nA;" + b"x" * 100_001 + b"\n",
            "f.csv, linje 2: rækken kan ikke læses som CSV",
        ),
        (b"Navn,Bel\xc3\xb8b\nA,-1,25,00\n", "f.csv, linje 2, kolonne 3: rækken har 4 celler, men"),
        (
            b"Navn;Note;navn\nA;b;c\n",
            "f.csv, linje 1, kolonne 3: kolonnen 'navn' står der to gange",
        ),
    ],
    ids=[
        "cp850",
        "cp850-capitals",
        "lying-bom",
        "legacy-xls",
        "nul",
        "huge-cell",
        "long-row",
        "dup",
    ],
)
def test_unreadable_text_files_are_refused_by_what_is_wrong(data: bytes, message: str) -> None:
    with pytest.raises(UploadError, match=re.escape(message)):
        read_rows(data, "f.csv")


def test_an_xlsx_is_read_by_its_content_not_its_declared_dimension() -> None:
    """A 5 kB sheet that declares A1:XFD1048576 reads as the two rows it has."""
    data = xlsx([["Navn", "Værdi"], ["A", 1]])
    xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', sheet_xml(data))
    bomb = repack(data, {SHEET: xml})
    assert len(bomb) < 10_000
    assert read_rows(bomb, "bombe.xlsx") == [(1, ["Navn", "Værdi"]), (2, ["A", 1])]


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"A1": "Navn", "A1048576": "x"}, "filen har mere end 250.000 rækker"),
        ({"A1": "Navn", "BZ2": "x"}, "bombe.xlsx, linje 2: rækken har 78 kolonner (højst 60)"),
    ],
    ids=["rows", "columns"],
)
def test_an_xlsx_over_the_limits_is_refused_while_streaming(
    cells: dict[str, str], message: str
) -> None:
    workbook = Workbook()
    for ref, value in cells.items():
        workbook.active[ref] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(UploadError, match=re.escape(message)):
        read_rows(buffer.getvalue(), "bombe.xlsx")


def test_the_cell_budget_counts_filled_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular_files, "MAX_CELLS", 5)
    with pytest.raises(UploadError, match="mere end 5 udfyldte celler"):
        read_rows(xlsx([["a", "b"], [1, 2], [3, 4]]), "f.xlsx")


def test_macros_external_links_and_formulas_without_values_are_refused() -> None:
    data = xlsx([["Navn", "Værdi"], ["A", 1]])
    with pytest.raises(UploadError, match="indeholder makroer"):
        read_rows(repack(data, {"xl/vbaProject.bin": b"\0"}), "m.xlsm")
    with pytest.raises(UploadError, match="kæder til andre filer"):
        read_rows(repack(data, {"xl/externalLinks/externalLink1.xml": b"<x/>"}), "l.xlsx")
    no_value = xlsx([["Navn", "Værdi"], ["A", "=1+1"]])
    with pytest.raises(UploadError, match=re.escape("f.xlsx, linje 2, kolonne 2: cellen har en")):
        read_rows(no_value, "f.xlsx")


def test_a_formula_with_its_saved_value_reads_as_the_value() -> None:
    data = xlsx([["Navn", "Værdi"], ["A", "=1+1"]])
    xml = sheet_xml(data).replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>2</v>")
    xml = xml.replace(b"<f>1+1</f><v/>", b"<f>1+1</f><v>2</v>").replace(
        b"<f>1+1</f></c>", b"<f>1+1</f><v>2</v></c>"
    )
    assert b"<v>2</v>" in xml
    assert read_rows(repack(data, {SHEET: xml}), "f.xlsx")[1] == (2, ["A", 2])


def test_the_size_limit_comes_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from models.core.settings import get_settings

    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "1")
    get_settings.cache_clear()
    with pytest.raises(
        UploadError, match=re.escape("stor.csv: filen er for stor (1,0 MB; højst 1 MB)")
    ):
        read_rows(b"a\n" + b"x" * (1024 * 1024), "stor.csv")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.250", Decimal("1250")),
        ("1.234,5", Decimal("1234.5")),
        ("7,5", Decimal("7.5")),
        ("-1.250,75", Decimal("-1250.75")),
        (" 1 234,50 kr.", Decimal("1234.50")),
        ("1.000.000", Decimal("1000000")),
        (12, Decimal("12")),
        (7.5, Decimal("7.5")),
        ("", None),
        (None, None),
    ],
)
def test_danish_numbers(value: object, expected: Decimal | None) -> None:
    assert parse_number(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("7.5", "'7.5' er ikke et tal (brug komma som decimaltegn, fx 7,5)"),
        ("1.25", "(brug komma som decimaltegn"),
        ("1,25,00", "'1,25,00' er ikke et tal"),
        ("1e20", "'1e20' er ikke et tal"),
        ("NaN", "'NaN' er ikke et tal"),
        ("inf", "'inf' er ikke et tal"),
        (float("nan"), "'nan' er ikke et tal"),
        (float("-inf"), "'-inf' er ikke et tal"),
        (True, "'True' er ikke et tal"),
        ("mange", "'mange' er ikke et tal"),
    ],
)
def test_ambiguous_or_foreign_numbers_are_refused(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_number(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1e20, "er uden for det tilladte (højst 100.000.000 kr.)"),
        ("1.250,505", "har mere end 2 decimaler"),
    ],
)
def test_amounts_in_kroner_are_bounded_and_whole_oere(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_amount(value)


TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("value", "latest", "expected"),
    [
        ("31-12-2025", TODAY, dt.date(2025, 12, 31)),
        ("31.12.2025", TODAY, dt.date(2025, 12, 31)),
        ("2025-12-31", TODAY, dt.date(2025, 12, 31)),
        (dt.datetime(2025, 1, 2, 8, 0), TODAY, dt.date(2025, 1, 2)),
        ("03-12-2026", TODAY, TODAY),
        ("04-12-2026", None, dt.date(2026, 12, 4)),  # a deadline may lie ahead
        ("", TODAY, None),
    ],
)
def test_dates(value: object, latest: dt.date | None, expected: dt.date | None) -> None:
    assert parse_date(value, latest=latest) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("04-12-2026", "datoen 04-12-2026 ligger i fremtiden"),
        ("0001-01-01", "datoen 01-01-0001 ligger før 01-01-2000"),
        ("30-02-2025", "'30-02-2025' er ikke en gyldig dato"),
    ],
)
def test_dates_outside_their_bounds_are_refused(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_date(value, latest=TODAY)
