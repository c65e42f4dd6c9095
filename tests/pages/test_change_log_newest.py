"""The change log page shows the newest 1,000 changes of a long period and says how many the
period has (counted in the database); the CSV download holds them all."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from tests.pages.apptest import run_app


def test_a_long_period_shows_the_newest_thousand_and_the_count(users: None) -> None:
    from sqlmodel import select

    from models.core.db import get_engine, session_scope
    from models.core.formatting import datetime_table_da
    from models.core.time import utcnow
    from models.plan.tables import Action, ActionChange

    now = utcnow().replace(second=0, microsecond=0)
    with session_scope(get_engine(), write=True) as session:
        action_id = session.exec(select(Action.id).where(Action.code == "B.1.1")).one()
        session.execute(
            sa.insert(ActionChange),
            [
                {
                    "action_id": action_id,
                    "changed_at": now - dt.timedelta(minutes=5 * number),
                    "username": "erik",
                    "field": "note",
                    "old_value": f"Note {number}",
                    "new_value": f"Note {number + 1}",
                    "note": "",
                }
                for number in range(1, 1206)
            ],
        )

    at = run_app("pages/change_log.py", username="vera")

    assert at.caption[0].value == "Viser de nyeste 1.000 af 1.205 ændringer – hent CSV for alle."
    table = at.dataframe[0].value
    assert len(table) == 1000
    assert table.iloc[0]["Tidspunkt"] == datetime_table_da(now - dt.timedelta(minutes=5))
    assert table.iloc[-1]["Til"] == "Note 1001"
