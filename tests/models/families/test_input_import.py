"""Importing a meeting's input items: all or nothing, every problem with file, line and column."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Actor, PermissionDenied, Role
from models.core.uploads import UploadError
from models.families.input_import import (
    COLUMNS,
    apply_input_import,
    parse_inputs,
    template_csv,
)
from models.families.queries import meeting_inputs
from models.families.tables import FamilyChange, FamilyInput, FamilyMeeting, ResponseStatus
from tests.factories import actor_for, make_user

HEADER = ";".join(COLUMNS)


def the_meeting(session: Session) -> int:
    return session.exec(select(FamilyMeeting.id)).one()


def count(session: Session) -> tuple[int, int]:
    return (
        len(session.exec(select(FamilyInput)).all()),
        len(session.exec(select(FamilyChange)).all()),
    )


VALID = "\n".join(
    [
        HEADER,
        "Kommunikation & inddragelse – og genopbygge tillid;3;Familier savner at blive "
        "ringet op;Besvaret med handling;Faste telefontider;E.5.2;;Fra bord 4",
        "kultur;Hvad gjorde dig glad at høre?;Godt at høre om Genvejen;;;;F.1;",
        ";;Mere om tabt arbejdsfortjeneste;Under behandling;;;;",
    ]
)


def test_a_valid_file_adds_its_rows_to_the_meeting(seeded_session: Session, editor: Actor) -> None:
    meeting_id = the_meeting(seeded_session)
    parsed = parse_inputs(seeded_session, VALID.encode(), "noter.csv", meeting_id=meeting_id)
    assert parsed.problems == []
    assert apply_input_import(seeded_session, actor=editor, parsed=parsed) == 3
    seeded_session.commit()
    items = meeting_inputs(seeded_session, meeting_id)[-3:]
    assert [(i.theme, i.question, i.status, [a.code for a in i.actions]) for i in items] == [
        ("kommunikation", 3, ResponseStatus.answered, ["E.5.2"]),
        ("kultur", 2, ResponseStatus.received, []),
        (None, None, ResponseStatus.in_progress, []),
    ]
    assert [t.code for t in items[1].tracks] == ["F.1"]
    assert items[0].internal_note == "Fra bord 4"
    audited = seeded_session.exec(
        select(FamilyChange.username).where(FamilyChange.input_id == items[0].id)
    ).all()
    assert set(audited) == {"erik"}


def test_every_problem_is_named_by_file_line_and_column_and_nothing_is_written(
    seeded_session: Session, editor: Actor
) -> None:
    rows = [
        HEADER,
        ";;Et godt input;;;;;",  # line 2: fine
        "Økonomi;9;Mette Hansen savnede svar;Færdig;;Z.1.1;;",  # line 3: five problems
        ";;010190-1234 blev nævnt;;;;;",  # line 4
        ";;Et andet input;Ikke muligt – begrundet;;;;",  # line 5: no reason
        ";;Et godt input;;;;;",  # line 6: repeats line 2
        ";;Overhold Barnets lov;;;;;",  # line 7: already on the meeting (seeded)
        "kultur;;;;;;;",  # line 8: no input
        ";;Sag S-0412 venter;Besvaret med handling;;;;",  # line 9
    ]
    before = count(seeded_session)
    parsed = parse_inputs(
        seeded_session,
        "\n".join(rows).encode(),
        "noter.csv",
        meeting_id=the_meeting(seeded_session),
    )
    messages = parsed.messages()
    expected = [
        "noter.csv, linje 3, kolonne Tema: Ukendt tema «Økonomi»",
        "noter.csv, linje 3, kolonne Spørgsmål: Spørgsmål «9» findes ikke på mødet (vælg 1–6).",
        "noter.csv, linje 3, kolonne Input: Input ligner et navn («Mette»)",
        "noter.csv, linje 3, kolonne Svarstatus: Ukendt svarstatus «Færdig»",
        "noter.csv, linje 3, kolonne Handlinger: Planen har ingen handling Z.1.1.",
        "noter.csv, linje 4, kolonne Input: Teksten ser ud til at indeholde et CPR-nummer",
        "noter.csv, linje 5, kolonne Svarstatus: Svarstatus «Ikke muligt – begrundet» kræver",
        "noter.csv, linje 6, kolonne Input: samme input står også i linje 2",
        "noter.csv, linje 7, kolonne Input: står allerede som input på mødet",
        "noter.csv, linje 8, kolonne Input: mangler",
        "noter.csv, linje 9, kolonne Input: Input ligner en sagsreference («S-0412»)",
    ]
    assert len(messages) == len(expected)
    for message, start in zip(messages, expected, strict=True):
        assert message.startswith(start), (message, start)
    with pytest.raises(UploadError, match=r"noter\.csv: filen har 11 fejl; intet er indlæst\."):
        apply_input_import(seeded_session, actor=editor, parsed=parsed)
    seeded_session.commit()
    assert count(seeded_session) == before


def test_an_excel_file_is_read_too(seeded_session: Session, editor: Actor) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Input", "Svarstatus", "Handlinger"])
    sheet.append(["Ønske om fast kontaktperson", "Besvaret med handling", "E.5.2"])
    sheet.append(["Mere information om møder", None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = parse_inputs(
        seeded_session, buffer.getvalue(), "noter.xlsx", meeting_id=the_meeting(seeded_session)
    )
    assert parsed.problems == []
    assert [values["text"] for _, values in parsed.rows] == [
        "Ønske om fast kontaktperson",
        "Mere information om møder",
    ]
    assert apply_input_import(seeded_session, actor=editor, parsed=parsed) == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Tema;Spørgsmål\n;1", "noter.csv, linje 1: kolonnen Input mangler"),
        ("Input;Farve\nx;rød", "noter.csv, linje 1: ukendte kolonner: Farve."),
        ("Input\n\n", "noter.csv: filen har ingen rækker under overskrifterne."),
        ("", "noter.csv: filen er tom."),
    ],
)
def test_a_file_that_cannot_be_read_says_why(
    seeded_session: Session, text: str, message: str
) -> None:
    with pytest.raises(UploadError, match=message):
        parse_inputs(
            seeded_session, text.encode(), "noter.csv", meeting_id=the_meeting(seeded_session)
        )


def test_the_template_is_a_valid_file(seeded_session: Session) -> None:
    parsed = parse_inputs(
        seeded_session, template_csv(), "skabelon.csv", meeting_id=the_meeting(seeded_session)
    )
    assert parsed.problems == []
    assert len(parsed.rows) == 2


def test_a_viewer_cannot_import(seeded_engine: Engine, seeded_session: Session) -> None:
    viewer = actor_for(make_user(seeded_session, "vera", Role.viewer))
    parsed = parse_inputs(
        seeded_session, VALID.encode(), "noter.csv", meeting_id=the_meeting(seeded_session)
    )
    with pytest.raises(PermissionDenied):
        apply_input_import(seeded_session, actor=viewer, parsed=parsed)
    assert isinstance(Actor.command_line(), Actor)
