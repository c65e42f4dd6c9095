"""Case import: every problem with line, column and reason; nothing written unless all is valid."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
import sqlalchemy as sa
from openpyxl import Workbook
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Actor, PermissionDenied, Role
from models.core.uploads import UploadError
from models.restoration.case_import import (
    COLUMNS,
    apply_import,
    parse_cases,
    summarise,
    template_csv,
)
from models.restoration.tables import MissingStep, RestorationCase
from tests.factories import actor_for, make_user

HEADER = ";".join(COLUMNS)
ROW_A = "S-0412;Børn og Unge;A.1;høj;ikke lovmedholdelig;15-10-2024;20-11-2024;25-11-2024;;;;"
VALID = "\n".join(
    [
        HEADER,
        ROW_A + "børnesamtale;31-01-2025;20-01-2025",
        ROW_A + "partshøring;28.02.2025;",
        "T-0107;Handicap;C.1;;;2024-12-02;;2025-03-14;;2025-03-10;-1.250,50;;;",
    ]
)


def write(engine: Engine, text: str, filename: str = "sager.csv", encoding: str = "utf-8"):
    parsed = parse_cases(text.encode(encoding), filename)
    with Session(engine) as session:
        summary = apply_import(session, actor=Actor.command_line(), parsed=parsed)
        session.commit()
    return summary


def stored(engine: Engine) -> dict[str, tuple]:
    with Session(engine) as session:
        cases = {c.id: c for c in session.exec(select(RestorationCase))}
        steps: dict[int, list] = {}
        for step in session.exec(select(MissingStep).order_by(MissingStep.id)):
            steps.setdefault(step.case_id, []).append((step.step_type, step.due_on, step.done_on))
    return {c.reference: (c.team, c.track_code, steps.get(i, [])) for i, c in cases.items()}


def test_a_valid_file_is_imported(engine: Engine) -> None:
    summary = write(engine, VALID)
    assert (summary.new, summary.changed, summary.unchanged, summary.steps) == (2, 0, 0, 2)
    assert stored(engine) == {
        "S-0412": (
            "Børn og Unge",
            "A.1",
            [
                ("børnesamtale", dt.date(2025, 1, 31), dt.date(2025, 1, 20)),
                ("partshøring", dt.date(2025, 2, 28), None),
            ],
        ),
        "T-0107": ("Handicap", "C.1", []),
    }
    with Session(engine) as session:
        c1 = session.exec(
            select(RestorationCase).where(RestorationCase.reference == "T-0107")
        ).one()
    assert (c1.correction_dkk, c1.recalculated_on) == (Decimal("-1250.50"), dt.date(2025, 3, 10))


@pytest.mark.parametrize(
    ("encoding", "prefix", "separator"),
    [("utf-8", "", ";"), ("utf-8", "\ufeff", ";"), ("cp1252", "", ";"), ("utf-8", "", ",")],
    ids=["utf-8", "utf-8-bom", "windows-1252", "comma"],
)
def test_encodings_and_separators_keep_danish_letters(
    engine: Engine, encoding: str, prefix: str, separator: str
) -> None:
    # In a comma file, a Danish amount (with its decimal comma) stands in quotes.
    text = prefix + VALID.replace(";", separator).replace("-1.250,50", '"-1.250,50"')
    write(engine, text, encoding=encoding)
    assert stored(engine)["S-0412"][0] == "Børn og Unge"
    assert stored(engine)["S-0412"][2][0][0] == "børnesamtale"


def test_an_excel_file_is_read_the_same_way(engine: Engine) -> None:
    workbook = Workbook()
    sheet = workbook.active
    for line in VALID.split("\n"):
        sheet.append([cell or None for cell in line.split(";")])
    sheet["F2"] = dt.datetime(2024, 10, 15)  # a real date cell
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = parse_cases(buffer.getvalue(), "sager.xlsx")
    assert parsed.problems == []
    assert parsed.cases["S-0412"].fields["reviewed_on"] == dt.date(2024, 10, 15)


BAD_ROWS = [
    (
        ROW_A.replace("Børn og Unge", "Ungeteamet") + ";;",
        "Team",
        "ukendt team 'Ungeteamet' (tilladt: Børn og Unge, Handicap, Modtagelsen)",
    ),
    (
        ROW_A.replace("15-10-2024", "30-02-2025") + ";;",
        "Gennemgået",
        "'30-02-2025' er ikke en gyldig dato",
    ),
    (
        ROW_A + "børnesamtale;31-01-2025;01-10-2024",
        "Skridt udført",
        "ligger før Gennemgået (15-10-2024)",
    ),
    (
        ROW_A.replace("25-11-2024", "01-10-2024") + ";;",
        "Familie orienteret",
        "ligger før Gennemgået (15-10-2024)",
    ),
    (
        ROW_A.replace(";;;;", ";;;010190-1234;") + ";;",
        "Korrektion (kr.)",
        "indeholder noget, der ligner et CPR-nummer",
    ),
    (ROW_A + "hjemmebesøg;;", "Sagsskridt", "ukendt sagsskridt 'hjemmebesøg'"),
    (
        ROW_A.replace("S-0412", "Anna Jensen") + ";;",
        "Sagsreference",
        "'Anna Jensen' er ikke en gyldig sagsreference",
    ),
    (
        ROW_A.replace("høj", "lav") + "partshøring;;",
        "Sagsreference",
        "sagsreferencen S-0412 står også i linje 2 med andre sagsoplysninger (dobbelt reference)",
    ),
]


@pytest.mark.parametrize(
    ("row", "column", "message"),
    BAD_ROWS,
    ids=[
        "team",
        "impossible-date",
        "done-before-created",
        "informed-before-review",
        "cpr",
        "step-type",
        "name-as-reference",
        "duplicate-reference",
    ],
)
def test_each_problem_is_reported_and_nothing_is_written(
    engine: Engine, row: str, column: str, message: str
) -> None:
    text = "\n".join([HEADER, ROW_A + "børnesamtale;31-01-2025;", row])
    parsed = parse_cases(text.encode(), "sager.csv")
    assert next(p.describe("sager.csv") for p in parsed.problems).startswith(
        f"sager.csv, linje 3, kolonne {column}: {message}"
    )
    with Session(engine) as session, pytest.raises(UploadError, match="intet er indlæst"):
        apply_import(session, actor=Actor.command_line(), parsed=parsed)
    assert stored(engine) == {}


def test_all_problems_of_a_file_are_listed_not_just_the_first(engine: Engine) -> None:
    rows = [
        ROW_A.replace("Børn og Unge", "X") + ";;",
        ROW_A.replace("15-10-2024", "32-01-2025") + ";;",
    ]
    parsed = parse_cases("\n".join([HEADER, *rows]).encode(), "sager.csv")
    assert [(p.line, p.column) for p in parsed.problems] == [(2, "Team"), (3, "Gennemgået")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "sager.csv: filen er tom."),
        (b"Navn;Team\nx;y", "sager.csv, linje 1: kolonnerne Sagsreference, Spor mangler"),
        (HEADER.encode() + b"\n", "sager.csv: filen har ingen rækker under overskrifterne."),
        (b"x" * (30 * 1024 * 1024 + 1), "sager.csv: filen er for stor (30,0 MB; højst 30 MB)."),
    ],
    ids=["empty", "wrong-header", "no-rows", "too-big"],
)
def test_unreadable_files_are_refused_whole(data: bytes, message: str) -> None:
    with pytest.raises(UploadError) as error:
        parse_cases(data, "sager.csv")
    assert str(error.value).startswith(message)


def test_a_second_import_replaces_by_reference_and_counts_new_changed_unchanged(
    engine: Engine,
) -> None:
    write(engine, VALID)
    updated = VALID.replace("partshøring;28.02.2025;", "partshøring;28.02.2025;01.03.2025")
    extra = "M-0001;Modtagelsen;A.1;lav;lovmedholdelig;01-09-2024;;;;;;afgørelse;;"
    parsed = parse_cases((updated + "\n" + extra).encode(), "sager.csv")
    with Session(engine) as session:
        preview = summarise(session, parsed)
    assert (preview.new, preview.changed, preview.unchanged) == (1, 1, 1)
    write(engine, updated + "\n" + extra)
    steps = stored(engine)["S-0412"][2]
    assert steps[1] == ("partshøring", dt.date(2025, 2, 28), dt.date(2025, 3, 1))
    with Session(engine) as session:
        assert session.exec(select(sa.func.count()).select_from(MissingStep)).one() == 3


def test_a_viewer_cannot_import(engine: Engine, session: Session) -> None:
    viewer = actor_for(make_user(session, "vera", Role.viewer))
    with pytest.raises(PermissionDenied):
        apply_import(session, actor=viewer, parsed=parse_cases(VALID.encode(), "sager.csv"))


def test_the_template_imports_cleanly() -> None:
    parsed = parse_cases(template_csv(), "skabelon.csv")
    assert parsed.problems == []
    assert set(parsed.cases) == {"S-0412", "T-0107"}
