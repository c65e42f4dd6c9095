"""Start-up: bring the schema up to date and load what the app ships with (plan, indicators,
key messages). Idempotent; it never touches what users have changed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from models.core.db import get_engine, session_scope
from models.indicators.service import seed_indicators
from models.plan.plan_file import DEFAULT_PLAN_PATH, load_plan_file
from models.plan.seed import SeedReport, seed_plan
from models.reports.snapshots import seed_key_messages
from models.schema import create_schema


def init_db(engine: Engine | None = None, plan_path: Path = DEFAULT_PLAN_PATH) -> SeedReport:
    """Create the schema and load the plan, in one transaction; safe to run any number of times."""
    engine = engine or get_engine()
    plan_seed = load_plan_file(plan_path)
    create_schema(engine)
    with session_scope(engine, write=True) as session:
        report = seed_plan(session, plan_seed)
        report.created += seed_indicators(session)
        report.created += seed_key_messages(session)
        return report
