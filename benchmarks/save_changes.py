"""Benchmark: the time to save 50 action changes in one transaction (target < 100 ms on SQLite).

Run: .venv/bin/python -m benchmarks.save_changes [--runs 20] [--database-url URL]
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Actor, Role, create_user
from models.bootstrap import init_db
from models.core.db import create_db_engine, session_scope
from models.plan.action_edits import ActionEdit, Outcome, save_action_edits
from models.plan.tables import Action

CHANGES = 50


def time_saves(engine: Engine, editor: Actor, runs: int) -> list[float]:
    """Seconds of `runs` saves of CHANGES actions (note and responsible each) by `editor`."""
    timings = []
    for run in range(runs):
        with Session(engine) as session:
            actions = session.exec(select(Action).order_by(Action.id).limit(CHANGES)).all()
            edits = [
                ActionEdit(a.id, a.version, {"note": f"Kørsel {run}", "responsible": f"T{run}"})
                for a in actions
            ]
        start = time.perf_counter()
        with session_scope(engine, write=True) as session:
            results = save_action_edits(session, actor=editor, edits=edits)
        timings.append(time.perf_counter() - start)
        assert all(r.outcome == Outcome.saved for r in results)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.db'}"
        engine = create_db_engine(url)
        init_db(engine)
        with Session(engine) as session:
            create_user(
                session,
                actor=Actor.command_line(),
                username="bench",
                display_name="Bench",
                role=Role.editor,
                password=secrets.token_urlsafe(16),
            )
            session.commit()
        editor = Actor("bench", Role.editor)
        timings = [1000 * seconds for seconds in time_saves(engine, editor, args.runs)]
        engine.dispose()
    print(f"database: {url.split(':', 1)[0]}; {CHANGES} changes x 2 fields, {args.runs} runs")
    print(
        f"save 50 changes: median {statistics.median(timings):.1f} ms, "
        f"min {min(timings):.1f} ms, max {max(timings):.1f} ms (target < 100 ms)"
    )


if __name__ == "__main__":
    main()
