"""The pages' queries use an index for their filters: no full scan of action_change,
restoration_case or missing_step, on SQLite and PostgreSQL.

The statements are the ones the pages run (built by `models.plan.change_log` and
`models.restoration.report`); each is executed with the database's EXPLAIN run on the very
SQL and parameters the driver gets. The database holds data at the scale the issue measures
(20,000 cases, 100,000 steps of which a few are open, 50,000 audit rows over two years), with
statistics gathered (ANALYZE), so the planners choose as they would in production, unforced.

Each statement names the watched table its filter is on, and that table must be read through
an index. A table it is only joined to (the cases of the open steps) may be read whole where the
planner finds a hash join cheaper than one lookup per row (PostgreSQL does for a few thousand
open steps of 20,000 cases): that is its cost model choosing, not a missing index.

Three of the report's statements are aggregates over every case or step (the counts per track,
and the steps found and done per day that the burn-down and the pace are made of): they read
each row once by design and are listed apart; every statement is in one list or the other.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.plan.change_log import authors_query, changes_query, count_query
from models.plan.tables import Action, ActionChange
from models.restoration.report import report_queries
from models.restoration.tables import MissingStep, RestorationCase
from tests.factories import seed_database

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
WATCHED = ("action_change", "restoration_case", "missing_step")
WHOLE_TABLE_AGGREGATES = {"cases_by_track", "opened_per_day", "done_per_day"}
"""The report's statements that count every case or step once (no filter to index)."""


def fill(engine: Engine, session: Session) -> int:
    """The data; returns the id of an action with changes."""
    seed_database(engine)
    rng = random.Random(19)  # noqa: S311  (test data)
    action_ids = list(session.exec(select(Action.id)))
    session.execute(
        sa.insert(ActionChange),
        [
            {
                "action_id": rng.choice(action_ids),
                "changed_at": NOW - dt.timedelta(minutes=rng.randint(1, 730 * 1440)),
                "username": f"user{rng.randint(1, 200)}",
                "field": "note",
                "old_value": "a",
                "new_value": "b",
                "note": "",
            }
            for _ in range(50_000)
        ],
    )
    first = dt.date(2024, 9, 2)
    cases = []
    for number in range(20_000):
        reviewed = first + dt.timedelta(days=rng.randint(0, 600))
        cases.append(
            {
                "reference": f"S-{number:06d}",
                "team": f"Team {number % 8}",
                "track_code": "C.1" if number % 10 == 0 else "A.1",
                "concern": ("", "lav", "høj")[number % 3],
                "legality": "",
                "reviewed_on": reviewed,
                "restored_on": reviewed + dt.timedelta(days=200) if rng.random() < 0.1 else None,
                "is_demo": False,
                "updated_at": NOW,
            }
        )
    session.execute(sa.insert(RestorationCase), cases)
    ids = list(session.exec(select(RestorationCase.id, RestorationCase.reviewed_on)))
    steps = []
    for case_id, reviewed in ids:
        for step in range(5):
            roll = rng.random()
            if roll < 0.02:
                done = None
            elif roll < 0.03:
                done = TODAY + dt.timedelta(days=rng.randint(1, 30))
            else:
                done = min(TODAY, reviewed + dt.timedelta(days=rng.randint(10, 700)))
            due = reviewed + dt.timedelta(days=rng.randint(30, 500))
            steps.append({"case_id": case_id, "step_type": f"skridt {step}", "due_on": due})
            steps[-1]["done_on"] = done
    session.execute(sa.insert(MissingStep), steps)
    session.commit()
    return action_ids[0]


def analyse(engine: Engine) -> None:
    """Gather the planner's statistics (PostgreSQL: VACUUM too, for index-only scans)."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    else:
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")


@contextmanager
def explaining(engine: Engine) -> Iterator[list[Any]]:
    """Collect the plan of each statement the engine runs (EXPLAIN on the same cursor, with
    the driver's own SQL and parameters), then let the statement run as usual."""
    plans: list[Any] = []
    postgres = engine.dialect.name == "postgresql"
    prefix = "EXPLAIN (FORMAT JSON) " if postgres else "EXPLAIN QUERY PLAN "

    def explain(_conn, cursor, statement, parameters, _context, _many) -> None:
        if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
            return  # the connection's own set-up
        cursor.execute(prefix + statement, parameters)
        rows = cursor.fetchall()
        plans.append(rows[0][0][0]["Plan"] if postgres else [row[-1] for row in rows])

    sa.event.listen(engine, "before_cursor_execute", explain)
    try:
        yield plans
    finally:
        sa.event.remove(engine, "before_cursor_execute", explain)


def full_scans(plan: Any) -> list[str]:
    """The watched tables that the plan reads from end to end.

    SQLite: a `SCAN <table>` step (with or without an index: SEARCH is the indexed lookup).
    PostgreSQL: a Seq Scan, or an index scan with no condition that is not cut short by a Limit.
    """
    if isinstance(plan, list):
        found = [re.match(r"SCAN (\w+)", detail) for detail in plan]
        return [match[1] for match in found if match and match[1] in WATCHED]
    scans = []

    def walk(node: dict, parent: str | None) -> None:
        relation = node.get("Relation Name")
        kind = node["Node Type"]
        if relation in WATCHED and (
            kind == "Seq Scan"
            or (
                (kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node)
                and parent != "Limit"
            )
        ):
            scans.append(relation)
        for child in node.get("Plans", []):
            walk(child, kind)

    walk(plan, None)
    return scans


def uses_index(plan: Any) -> bool:
    text = str(plan)
    return "INDEX" in text if isinstance(plan, list) else "Index" in text


REPORT_FILTERED = {
    "open_breakdown": "missing_step",
    "overdue": "missing_step",
    "restored_per_day": "restoration_case",
}


def page_statements(action_id: int) -> dict[str, tuple[sa.Select, str | None]]:
    """The change log's statements as the pages build them (the default week, a user, a
    theme, a status, an action's history, the authors) and the restoration report's, each
    with the watched table its filter is on (None: a whole-table aggregate)."""
    week = {"since": NOW - dt.timedelta(days=7), "until": NOW}
    filters: dict[str, dict[str, Any]] = {
        "week": week,
        "week_user": {**week, "usernames": ["user7", "user8"]},
        "week_theme": {**week, "theme_codes": ["A"]},
        "week_status": {**week, "statuses_now": ["I gang"]},
    }
    statements: dict[str, tuple[sa.Select, str | None]] = {}
    for name, given in filters.items():
        statements[f"changes_{name}"] = (changes_query(**given).limit(1000), "action_change")
        statements[f"count_{name}"] = (count_query(**given), "action_change")
    statements["action_history"] = (changes_query(action_id=action_id), "action_change")
    statements["authors"] = (authors_query(), "action_change")
    for name, statement in report_queries(TODAY).items():
        statements[f"report_{name}"] = (statement, REPORT_FILTERED.get(name))
    return statements


def test_the_pages_queries_use_indexes(engine: Engine, session: Session) -> None:
    action_id = fill(engine, session)
    analyse(engine)
    statements = page_statements(action_id)
    assert set(report_queries(TODAY)) == WHOLE_TABLE_AGGREGATES | set(REPORT_FILTERED)

    plans = {}
    for name, (statement, _) in statements.items():
        with engine.connect() as connection, explaining(engine) as found:
            connection.execute(statement).all()
        (plans[name],) = found

    filtered = {name: table for name, (_, table) in statements.items() if table}
    scanned = {name: table for name, table in filtered.items() if table in full_scans(plans[name])}
    assert scanned == {}, {name: plans[name] for name in scanned}
    unindexed = [name for name in filtered if not uses_index(plans[name])]
    assert unindexed == [], {name: plans[name] for name in unindexed}
    # The check sees a full scan where there is one: counting steps per review day reads them.
    assert full_scans(plans["report_opened_per_day"]), plans["report_opened_per_day"]
