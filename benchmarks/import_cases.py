"""Benchmark: import 100,000 missing-step rows (target < 10 s) and render the restoration page.

Run: .venv/bin/python -m benchmarks.import_cases [--rows 100000] [--database-url URL]

Without --database-url it runs on a new SQLite file; a given database (e.g. PostgreSQL) must
be empty, as the import then adds every case.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import secrets
import tempfile
import time
from pathlib import Path

from sqlmodel import Session

from models.auth.users import Actor, Role, create_user
from models.bootstrap import init_db
from models.core.db import create_db_engine, dispose_engines, session_scope
from models.core.settings import get_settings
from models.restoration.case_import import COLUMNS, apply_import, parse_cases
from models.restoration.report import build_report
from models.restoration.tables import vocabulary

STEPS_PER_CASE = 5


def make_file(rows: int) -> bytes:
    rng = random.Random(7)  # noqa: S311  (synthetic benchmark data)
    vocab = vocabulary()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(COLUMNS)
    start = dt.date(2024, 9, 2)
    for case in range(rows // STEPS_PER_CASE):
        reviewed = start + dt.timedelta(days=rng.randint(0, 200))
        case_cells = [
            f"B-{case:06d}",
            rng.choice(vocab.teams),
            "A.1",
            rng.choice(vocab.concern_levels),
            rng.choice(vocab.legality),
            reviewed.strftime("%d-%m-%Y"),
            "",
            "",
            "",
            "",
            "",
        ]
        for step_type in rng.sample(vocab.step_types, STEPS_PER_CASE):
            # At most 2024-09-02 + 200 + 600 days = 11 Nov 2026: no completion in the future.
            done = reviewed + dt.timedelta(days=rng.randint(10, 600))
            writer.writerow([*case_cells, step_type, "", done.strftime("%d-%m-%Y")])
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", help="an empty database (default: a SQLite file)")
    args = parser.parse_args()
    data = make_file(args.rows)
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.db'}"
        engine = create_db_engine(url)
        init_db(engine)
        started = time.perf_counter()
        parsed = parse_cases(data, "bench.csv")
        parsed_at = time.perf_counter()
        with session_scope(engine, write=True) as session:
            summary = apply_import(session, actor=Actor.command_line(), parsed=parsed)
        done = time.perf_counter()
        assert not parsed.problems
        assert summary.steps == args.rows
        print(
            f"file: {len(data) / 1024 / 1024:.1f} MB, {args.rows:,} step rows, "
            f"{len(parsed.cases):,} cases"
        )
        print(
            f"import: {done - started:.2f} s (check {parsed_at - started:.2f} s, "
            f"write {done - parsed_at:.2f} s; target < 10 s)"
        )
        with Session(engine) as session:
            started = time.perf_counter()
            build_report(session, today=dt.date(2026, 11, 23), deadline=dt.date(2026, 6, 30))
            print(f"restoration report from the database: {time.perf_counter() - started:.2f} s")
            create_user(
                session,
                actor=Actor.command_line(),
                username="bench",
                display_name="B",
                role=Role.viewer,
                password=secrets.token_urlsafe(16),
            )
            session.commit()
        engine.dispose()
        print(f"restoration page script (AppTest, first run): {page_time(url):.2f} s")


def page_time(url: str) -> float:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DASHBOARD_COOKIE_KEY", "benchmark-cookie-key-0123456789abcdef")
    get_settings.cache_clear()  # read before DATABASE_URL pointed here
    dispose_engines()
    from tests.pages.apptest import new_app  # the same served-mode AppTest as the tests

    at = new_app("bench")
    at.run()
    at.switch_page("pages/restoration.py")
    started = time.perf_counter()
    at.run(timeout=120)
    elapsed = time.perf_counter() - started
    assert not at.exception
    assert at.title[0].value == "Genopretning af sager"
    return elapsed


if __name__ == "__main__":
    main()
