"""Every text argument of every write function passes the one text guard: a CPR-shaped text
or a control character (NUL) is refused with that function's own Danish error, and nothing at
all is written."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.auth.first_admin import SetupError, create_first_admin, get_or_create_setup_code
from models.auth.users import Actor, Role, UserError, create_user
from models.bootstrap import init_db
from models.core.cpr import CONTROL_MESSAGE, CPR_MESSAGE, guards_texts, texts_in
from models.indicators.service import MeasurementError, record_measurement
from models.plan.action_edits import save_action_edits
from models.reports.snapshots import SnapshotError, create_snapshot, set_key_messages
from models.reviews.service import ItemMark, ReviewError, close_review, record_discussions
from models.schema import metadata

CPR = "010190-1234"
TODAY = dt.date(2026, 12, 3)
SYSTEM = Actor.command_line()


def _user(session: Session, field: str, bad: str) -> object:
    values = {"username": "ny", "display_name": "Ny Bruger", "email": None, field: bad}
    return create_user(session, actor=SYSTEM, role=Role.viewer, password="x" * 12, **values)


WRITES: dict[str, tuple[Callable[[Session, str], object], type[Exception]]] = {
    "user-name": (lambda s, bad: _user(s, "display_name", bad), UserError),
    "user-email": (lambda s, bad: _user(s, "email", bad), UserError),
    "first-admin": (
        lambda s, bad: create_first_admin(
            s,
            setup_code=get_or_create_setup_code(s) or "",
            username="hanna",
            display_name=f"Hanna {bad}",
            password="x" * 12,
        ),
        SetupError,
    ),
    "edit-reason": (
        lambda s, bad: save_action_edits(s, actor=SYSTEM, edits=[], reason=f"Se {bad}"),
        ValueError,
    ),
    "measurement": (
        lambda s, bad: record_measurement(
            s,
            actor=SYSTEM,
            indicator_code="anbragte-boern",
            measured_on=TODAY,
            value=90,
            comment=f"Barn {bad}",
            today=TODAY,
        ),
        MeasurementError,
    ),
    "key-messages": (
        lambda s, bad: set_key_messages(s, actor=SYSTEM, texts=["a", "b", f"c {bad}", "d", "e"]),
        SnapshotError,
    ),
    "snapshot-name": (
        lambda s, bad: create_snapshot(
            s, actor=SYSTEM, name=f"Q4 {bad}", taken_on=TODAY, today=TODAY
        ),
        SnapshotError,
    ),
    "review-decision": (
        lambda s, bad: record_discussions(
            s, actor=SYSTEM, review_id=1, marks=[ItemMark(1, True, f"Beslutning {bad}")]
        ),
        ReviewError,
    ),
    "review-attendees": (
        lambda s, bad: close_review(s, actor=SYSTEM, review_id=1, attendees=f"Vera {bad}"),
        ReviewError,
    ),
}


def _dump(engine: Engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {
            name: [tuple(row) for row in connection.execute(sa.select(table))]
            for name, table in metadata.tables.items()
            if name != "setup_code"  # the first-admin call makes its code on first read
        }


@pytest.mark.parametrize(
    ("bad", "message"), [(CPR, CPR_MESSAGE), ("a\x00b", CONTROL_MESSAGE)], ids=["cpr", "nul"]
)
@pytest.mark.parametrize("write", WRITES)
def test_a_bad_text_in_any_text_argument_is_refused_and_nothing_is_written(
    engine: Engine, write: str, bad: str, message: str
) -> None:
    init_db(engine)
    call, error = WRITES[write]
    before = _dump(engine)
    with Session(engine) as session:
        with pytest.raises(error, match=re.escape(message[:40])):
            call(session, bad)
        session.commit()  # whatever the call left pending would be written now
    assert _dump(engine) == before
    assert not any(bad in str(rows) for rows in _dump(engine).values())


@pytest.mark.parametrize(
    ("value", "texts"),
    [
        ("a", ["a"]),
        (["a", ("b", {"k": "c"})], ["a", "b", "c"]),
        ({"x": 1, "y": "d"}, ["d"]),
        (42, []),
        (None, []),
    ],
)
def test_every_text_inside_an_argument_is_looked_at(value: object, texts: list[str]) -> None:
    assert list(texts_in(value)) == texts


def test_passwords_are_never_looked_at() -> None:
    @guards_texts(ValueError)
    def write(*, note: str, password: str) -> str:
        return note

    assert write(note="ok", password=CPR) == "ok"
    with pytest.raises(ValueError, match="CPR-nummer"):
        write(note=CPR, password="ok")
