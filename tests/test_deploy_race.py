"""The deploy step raced: five `manage.py init-db` processes at once on a fresh database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from models.core.db import create_db_engine

PROJECT_ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def test_five_concurrent_init_db_runs_all_succeed(db_url: str) -> None:
    """Each run takes the schema lock in turn (PostgreSQL: an advisory lock; SQLite: BEGIN
    IMMEDIATE); the later ones find the work done. None fails, nothing is loaded twice."""
    env = {**os.environ, "DATABASE_URL": db_url}
    runs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "init-db"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(RUNS)
    ]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    assert [code for code, _, _ in results] == [0] * RUNS, results
    assert all(out.startswith("Databasen er klar:") for _, out, _ in results)
    engine = create_db_engine(db_url)
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM action")).scalar_one() == 87
        assert connection.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    engine.dispose()
