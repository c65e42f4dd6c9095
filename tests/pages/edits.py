"""The edits of tests/pages/test_edit_visibility.py, made through the models' write functions.

Imports models only (no Streamlit), so that another process can make the same edit:
`python -m tests.pages.edits KIND` writes to the database of its DATABASE_URL.
"""

from __future__ import annotations

import datetime as dt
import sys

from sqlmodel import select

from models.auth.users import Actor, Role
from models.core.db import get_engine, session_scope

ACTION = "A.1.1"  # "I gang" in the seeded plan
NEW_STATUS = "Afsluttet/implementeret"
NEW_POINT = "Pointe skrevet af redigeringstesten"
INDICATOR = "sygefravaer"
MEASURED = "17,3"  # a value no seeded measurement has
CASES = (
    "Sagsreference;Team;Spor;Gennemgået;Sagsskridt\n"
    "R-1;Handicap;A.1;01-10-2025;afgørelse\n"
    "R-2;Handicap;A.1;02-10-2025;partshøring\n"
    "R-3;Børn og Unge;A.1;03-10-2025;\n"
    "R-4;Handicap;C.1;04-10-2025;\n"
)
EDITOR = Actor("hanna", Role.admin)


def set_status() -> None:
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        action = session.exec(select(Action).where(Action.code == ACTION)).one()
        (result,) = save_action_edits(
            session,
            actor=EDITOR,
            edits=[ActionEdit(action.id, action.version, {"status": NEW_STATUS})],  # type: ignore[arg-type]
        )
    assert result.changed_fields == ("status",), result


def set_key_message() -> None:
    from models.reports.snapshots import current_key_messages, set_key_messages

    with session_scope(get_engine(), write=True) as session:
        texts = current_key_messages(session)
        set_key_messages(session, actor=EDITOR, texts=[*texts[:4], NEW_POINT])


def record_a_measurement() -> None:
    from models.core.time import today_local
    from models.indicators.service import record_measurement

    today = today_local()
    with session_scope(get_engine(), write=True) as session:
        record_measurement(
            session,
            actor=EDITOR,
            indicator_code=INDICATOR,
            measured_on=today,
            value=MEASURED,
            today=today,
        )


def import_cases() -> None:
    from models.restoration.case_import import apply_import, parse_cases

    with session_scope(get_engine(), write=True) as session:
        apply_import(
            session, actor=Actor.command_line(), parsed=parse_cases(CASES.encode(), "sager.csv")
        )


WRITES = {
    "status": set_status,
    "key_message": set_key_message,
    "measurement": record_a_measurement,
    "case_import": import_cases,
}


def own_the_action(username: str) -> None:
    """Make `username` the owner of ACTION (so that it is on their *Mine handlinger*)."""
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        action = session.exec(select(Action).where(Action.code == ACTION)).one()
        save_action_edits(
            session,
            actor=Actor.command_line(),
            edits=[ActionEdit(action.id, action.version, {"owner": username})],  # type: ignore[arg-type]
        )


if __name__ == "__main__":
    WRITES[sys.argv[1]]()
    print(f"written at {dt.datetime.now(dt.UTC).isoformat()}")
