"""Benchmark: the server-side script run of Statusrapporter and the change log (two years) on
a large database, against an empty one-line page timed in the same run (the floor).

Builds a SQLite database with `--steps` missing-step rows (5 per case, the case import's own
generator and import), `--changes` audit rows spread over two years and one status report;
then times each page's script run with AppTest, interleaved with the floor, and prints
min/median/max and the median's ratio to the floor. The first run of each page (cold caches)
is printed apart.

Run: .venv/bin/python -m benchmarks.report_page [--steps 100000] [--changes 50000] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from benchmarks.import_cases import make_file
from models.auth.users import Actor, Role, create_user
from models.bootstrap import init_db
from models.core.db import create_db_engine, dispose_engines, session_scope
from models.core.settings import get_settings
from models.core.time import today_local, utcnow
from models.plan.tables import Action, ActionChange
from models.reports.snapshots import create_snapshot
from models.restoration.case_import import apply_import, parse_cases

FLOOR = "import streamlit as st\nst.write('floor')\n"
PERIOD_DAYS = 730


def build(url: str, steps: int, changes: int) -> None:
    """The database: cases and steps, audit rows over two years, a report, a viewer."""
    engine = create_db_engine(url)
    init_db(engine)
    actor = Actor.command_line()
    with session_scope(engine, write=True) as session:
        # the generator's done dates run to 2027: check them against a later day
        parsed = parse_cases(make_file(steps), "bench.csv", today=dt.date(2030, 1, 1))
        apply_import(session, actor=actor, parsed=parsed)
    rng = random.Random(11)  # noqa: S311  (synthetic benchmark data)
    now = utcnow()
    with Session(engine) as session:
        action_ids = list(session.exec(select(Action.id)))
        session.execute(
            sa.insert(ActionChange),
            [
                {
                    "action_id": rng.choice(action_ids),
                    "changed_at": now - dt.timedelta(minutes=rng.randint(1, PERIOD_DAYS * 1440)),
                    "username": f"user{rng.randint(1, 200)}",
                    "field": "note",
                    "old_value": f"Note {number}",
                    "new_value": f"Note {number + 1}",
                    "note": "",
                }
                for number in range(changes)
            ],
        )
        create_user(
            session,
            actor=actor,
            username="bench",
            display_name="Bench",
            role=Role.admin,
            password=secrets.token_urlsafe(16),
        )
        create_snapshot(
            session, actor=actor, name="Benchmark", taken_on=today_local(), today=today_local()
        )
        session.commit()
    engine.dispose()


def page_app(page: str) -> tuple[AppTest, float]:
    """A logged-in AppTest on `page` as the benchmark shows it, and its first (cold) run."""
    from tests.pages.apptest import new_app  # the same served-mode AppTest as the tests

    at = new_app("bench")
    at.run()
    at.switch_page(page)
    if page == "pages/change_log.py":  # two years of changes rather than the last week
        at.run()
        today = today_local()
        at.date_input[0].set_value((today - dt.timedelta(days=PERIOD_DAYS), today))
    first = timed(lambda: at.run(timeout=300))
    assert not at.exception, [e.value for e in at.exception]
    return at, first


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        started = time.perf_counter()
        build(url, args.steps, args.changes)
        print(
            f"database: {args.steps:,} steps, {args.changes:,} audit rows, 1 report "
            f"({time.perf_counter() - started:.1f} s)"
        )
        os.environ["DATABASE_URL"] = url
        os.environ.setdefault("DASHBOARD_COOKIE_KEY", "benchmark-cookie-key-0123456789abcdef")
        get_settings.cache_clear()  # building the database read the settings before the URL
        dispose_engines()
        floor = AppTest.from_string(FLOOR)
        floor.run()
        pages = {"Statusrapporter": "pages/reports.py", "Ændringslog": "pages/change_log.py"}
        started_apps = {name: page_app(page) for name, page in pages.items()}
        apps = {name: at for name, (at, _) in started_apps.items()}
        first = {name: cold for name, (_, cold) in started_apps.items()}
        times: dict[str, list[float]] = {"floor": [], **{name: [] for name in pages}}
        for _ in range(args.runs):
            for name, at in apps.items():
                times["floor"].append(timed(floor.run))
                times[name].append(timed(lambda at=at: at.run(timeout=300)))
                assert not at.exception, [e.value for e in at.exception]
        base = statistics.median(times["floor"])
        print(f"{'script run':<16}{'min':>9}{'median':>9}{'max':>9}{'× floor':>9}{'first':>9}")
        for name, values in times.items():
            median = statistics.median(values)
            cold = f"{first[name]:9.3f}" if name in first else f"{'':>9}"
            print(
                f"{name:<16}{min(values):9.3f}{median:9.3f}{max(values):9.3f}"
                f"{median / base:9.1f}{cold}"
            )


if __name__ == "__main__":
    main()
