"""Case import's write: plain bulk statements, ids found by reference, all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import select

from models.auth.users import Actor
from models.core.db import session_scope
from models.restoration import case_import
from models.restoration.case_import import COLUMNS, apply_import, parse_cases
from models.restoration.tables import MissingStep, RestorationCase

HEADER = ";".join(COLUMNS)
STEP_TYPES = ("børnesamtale", "partshøring", "afgørelse")


def case_file(references: range, team: str = "Handicap", done: str = "") -> bytes:
    """Cases B-00000… with one row per step (three steps each, the `done` date on each)."""
    lines = [HEADER]
    for number in references:
        case = f"B-{number:05d};{team};A.1;lav;lovmedholdelig;01-09-2024;;;;;"
        lines += [f"{case};{step};;{done}" for step in STEP_TYPES[: 1 + number % 3]]
    return "\n".join(lines).encode()


def load(engine: Engine, data: bytes) -> None:
    with session_scope(engine, write=True) as session:
        apply_import(session, actor=Actor.command_line(), parsed=parse_cases(data, "sager.csv"))


def stored(engine: Engine) -> dict[str, tuple[str, list[tuple]]]:
    """Each case's team and its steps, by reference (steps joined through case_id)."""
    with session_scope(engine) as session:
        teams = dict(session.exec(select(RestorationCase.reference, RestorationCase.team)).all())
        rows = session.exec(
            select(RestorationCase.reference, MissingStep.step_type, MissingStep.done_on)
            .join(MissingStep, MissingStep.case_id == RestorationCase.id)  # type: ignore[arg-type]
            .order_by(MissingStep.id)
        )
        steps: dict[str, list[tuple]] = {}
        for reference, step_type, done_on in rows:
            steps.setdefault(reference, []).append((step_type, done_on))
    return {reference: (team, steps.get(reference, [])) for reference, team in teams.items()}


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append(statement)

    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks far smaller than the file, so that every statement runs in several chunks."""
    monkeypatch.setattr(case_import, "INSERT_CHUNK", 7)
    monkeypatch.setattr(case_import, "chunked", _chunked_by(5))


def _chunked_by(default: int):
    real = case_import.chunked

    def chunked(items, size: int = default):
        return real(items, min(size, default))

    return chunked


def test_new_and_replaced_cases_get_their_own_steps_across_chunks(
    engine: Engine, small_chunks: None
) -> None:
    load(engine, case_file(range(0, 40)))
    load(engine, case_file(range(20, 60), team="Børn og Unge", done="01-10-2024"))
    cases = stored(engine)
    assert len(cases) == 60
    for number in range(60):
        team, steps = cases[f"B-{number:05d}"]
        replaced = number >= 20
        assert team == ("Børn og Unge" if replaced else "Handicap")
        done = dt.date(2024, 10, 1) if replaced else None
        assert steps == [(step, done) for step in STEP_TYPES[: 1 + number % 3]]


def test_the_write_uses_plain_bulk_statements_without_returning(engine: Engine) -> None:
    """A bounded number of statements, none with RETURNING: not one statement per case."""
    load(engine, case_file(range(0, 10)))
    with statements(engine) as seen:
        load(engine, case_file(range(5, 300)))
    writes = [s for s in seen if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes, seen
    assert not [s for s in seen if "RETURNING" in s.upper()]
    assert len(writes) < 10, writes  # chunks of thousands: a few statements for 295 cases
    assert len(stored(engine)) == 300


def test_an_error_while_writing_leaves_nothing_half_written(
    engine: Engine, small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(engine, case_file(range(0, 10)))
    before = stored(engine)
    calls = {"steps": 0}
    real_insert = sa.insert

    def failing_insert(table, *args, **kwargs):
        if getattr(table, "name", None) == "missing_step":
            calls["steps"] += 1
            if calls["steps"] == 3:  # after two chunks of steps have been written
                raise RuntimeError("disk full")
        return real_insert(table, *args, **kwargs)

    monkeypatch.setattr(case_import.sa, "insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        load(engine, case_file(range(5, 40), team="Børn og Unge"))
    assert calls["steps"] == 3
    assert stored(engine) == before


def test_repeated_case_cells_are_checked_once_but_every_faulty_row_is_reported() -> None:
    """A case's rows repeat its case cells; the check is not redone for equal cells, but a
    faulty case is reported on each of its rows, and a step's date is still checked."""
    case = "B-1;Handicap;A.1;lav;lovmedholdelig;01-09-2024;;;;;"
    wrong = "B-2;Ukendt team;A.1;lav;lovmedholdelig;01-09-2024;;;;;"
    rows = [
        f"{case};afgørelse;;02-09-2024",
        f"{case};partshøring;;01-08-2024",  # done before the review: refused
        f"{wrong};afgørelse;;",
        f"{wrong};partshøring;;",
        f"{case};børnesamtale;;",  # B-1 again after another case
    ]
    parsed = parse_cases("\n".join([HEADER, *rows]).encode(), "sager.csv")
    assert [(p.line, p.column) for p in parsed.problems] == [
        (3, "Skridt udført"),
        (4, "Team"),
        (5, "Team"),
    ]
    assert parsed.cases["B-1"].steps == [
        ("afgørelse", None, dt.date(2024, 9, 2)),
        ("børnesamtale", None, None),
    ]
