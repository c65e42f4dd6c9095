"""Scale generator: a database with N times today's data, built through the project's functions.

Factor 1 is about today's size: 400 restoration cases with about 1,020 missing steps (the
case import: `parse_cases` + `apply_import`), 520 audit rows of action changes over two years
(bulk-inserted, as the save would write them), 1 status report (`create_snapshot`), 2 users
besides the four benchmark users (`create_user`) and 12 monthly measurements per indicator
(`record_measurement`). Factor N multiplies cases, steps, audit rows, reports and users by N;
measurements grow to 5 years of months from factor 5 on. Factor 100: 40,000 cases, about
102,000 steps, 52,000 audit rows, 100 reports, 200 users, 60 months per indicator.

Reports: the first `--report-calls` (default 5) are made by `create_snapshot` and timed; the
rest copy the last one's rows under other names and dates (one report per week back in time),
so that a large factor does not spend minutes on identical reports.

The benchmark users, one per role, share the password BENCH_PASSWORD: bench-admin,
bench-editor (owns the first track's actions), bench-viewer and bench-presenter. The other
users' passwords are hashed with 4 bcrypt rounds to keep the build fast; the benchmark users'
with the configured rounds (12 unless DASHBOARD_BCRYPT_ROUNDS says otherwise).

Run: .venv/bin/python -m benchmarks.scale --factor 100 [--url sqlite:////tmp/x.db]
     (without --url: DATABASE_URL; the database must be new or empty)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import select

from benchmarks.scale_cases import CASES_PER_FACTOR, case_file
from models.auth.users import Actor, Role, create_user
from models.bootstrap import init_db
from models.core.db import create_db_engine, session_scope
from models.core.revisions import Area, bump
from models.core.settings import get_settings
from models.core.time import today_local, utcnow
from models.indicators.service import record_measurement
from models.indicators.tables import Indicator, Unit
from models.plan.owners import set_track_owner
from models.plan.queries import get_themes
from models.plan.status import Status
from models.plan.tables import Action, ActionChange
from models.reports.snapshots import Snapshot, SnapshotAction, SnapshotEvent, create_snapshot
from models.restoration.case_import import ParsedFile, apply_import, parse_cases

BENCH_PASSWORD = "benchmark-password-2026"  # noqa: S105  (synthetic benchmark users)
BENCH_USERS = {role: f"bench-{role.value}" for role in Role}
AUDIT_PER_FACTOR = 520
AUDIT_DAYS = 730
USERS_PER_FACTOR = 2
MONTHS_PER_FACTOR = 12
MAX_MONTHS = 60
REPORT_CALLS = 5
T = TypeVar("T")
NOTES = ("Afventer afklaring", "Drøftet i styregruppen", "Tidsplan justeret", "Opfølgning")


@dataclass(frozen=True)
class Size:
    """What factor N means in rows."""

    factor: int
    cases: int
    audit_rows: int
    reports: int
    users: int
    months: int

    @classmethod
    def of(cls, factor: int) -> Size:
        return cls(
            factor=factor,
            cases=CASES_PER_FACTOR * factor,
            audit_rows=AUDIT_PER_FACTOR * factor,
            reports=factor,
            users=USERS_PER_FACTOR * factor,
            months=min(MAX_MONTHS, MONTHS_PER_FACTOR * factor),
        )


@dataclass
class Built:
    """What `build` made and how long each part took (seconds)."""

    size: Size
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    report_calls: list[float] = field(default_factory=list)

    def lines(self) -> list[str]:
        counts = ", ".join(f"{value:,} {name}" for name, value in self.counts.items())
        parts = ", ".join(f"{name} {value:.1f} s" for name, value in self.seconds.items())
        calls = ", ".join(f"{value:.2f}" for value in self.report_calls)
        return [
            f"factor {self.size.factor}: {counts}",
            f"build {sum(self.seconds.values()):.1f} s ({parts})",
            f"create_snapshot calls: {calls} s",
        ]


@contextmanager
def bcrypt_rounds(rounds: int) -> Iterator[None]:
    """Hash with `rounds` meanwhile (the settings are read once and cached)."""
    name = "DASHBOARD_BCRYPT_ROUNDS"
    before = os.environ.get(name)
    os.environ[name] = str(rounds)
    get_settings.cache_clear()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before
        get_settings.cache_clear()


def _users(engine: Engine, size: Size, actor: Actor) -> list[str]:
    """The benchmark users and `size.users` others (a quarter editors); the editors' names."""
    with session_scope(engine, write=True) as session:
        for role, username in BENCH_USERS.items():
            create_user(
                session,
                actor=actor,
                username=username,
                display_name=f"Benchmark {role.value}",
                role=role,
                password=BENCH_PASSWORD,
            )
    editors = [BENCH_USERS[Role.editor]]
    with bcrypt_rounds(4), session_scope(engine, write=True) as session:
        for number in range(1, size.users + 1):
            role = Role.editor if number % 4 == 0 else Role.viewer
            username = f"user{number:04d}"
            create_user(
                session,
                actor=actor,
                username=username,
                display_name=f"Bruger {number}",
                role=role,
                password=BENCH_PASSWORD,
                email=f"{username}@example.dk",
            )
            if role is Role.editor:
                editors.append(username)
    with session_scope(engine, write=True) as session:
        tracks = [track.code for theme in get_themes(session) for track in theme.tracks]
        for number, code in enumerate(tracks):
            set_track_owner(
                session, actor=actor, track_code=code, owner=editors[number % len(editors)]
            )
    return editors


def _parse_cases(size: Size, today: dt.date) -> ParsedFile:
    parsed = parse_cases(case_file(size.cases, today), "scale.csv", today=today)
    assert not parsed.problems, parsed.messages(5)
    return parsed


def _import_cases(engine: Engine, parsed: ParsedFile, actor: Actor) -> None:
    with session_scope(engine, write=True) as session:
        apply_import(session, actor=actor, parsed=parsed)


def _audit_rows(engine: Engine, size: Size, editors: list[str]) -> None:
    rng = random.Random(11)  # noqa: S311  (synthetic benchmark data)
    now = utcnow()
    statuses = [status.value for status in Status]
    with session_scope(engine, write=True) as session:
        action_ids = list(session.exec(select(Action.id)))
        rows = []
        for number in range(size.audit_rows):
            kind = rng.random()
            if kind < 0.4:
                field_name, old, new = "status", rng.choice(statuses), rng.choice(statuses)
            elif kind < 0.8:
                field_name, old, new = "note", rng.choice(NOTES), f"{rng.choice(NOTES)} {number}"
            else:
                field_name, old, new = "responsible", "", rng.choice(editors)
            rows.append(
                {
                    "action_id": rng.choice(action_ids),
                    "changed_at": now - dt.timedelta(minutes=rng.randint(1, AUDIT_DAYS * 1440)),
                    "username": rng.choice(editors),
                    "field": field_name,
                    "old_value": old,
                    "new_value": new,
                    "note": "",
                }
            )
        session.execute(sa.insert(ActionChange), rows)
        bump(session, Area.plan)


def _month_ends(months: int, today: dt.date) -> list[dt.date]:
    ends = []
    day = today.replace(day=1) - dt.timedelta(days=1)
    for _ in range(months):
        ends.append(day)
        day = day.replace(day=1) - dt.timedelta(days=1)
    return ends[::-1]


def _measurements(engine: Engine, size: Size, actor: Actor, today: dt.date) -> int:
    rng = random.Random(5)  # noqa: S311  (synthetic benchmark data)
    count = 0
    with session_scope(engine, write=True) as session:
        for indicator in session.exec(select(Indicator)).all():
            base = indicator.target_value or indicator.target_high or 50.0
            for day in _month_ends(size.months, today):
                value = max(0.0, base * rng.uniform(0.7, 1.3))
                if indicator.unit == Unit.percent:
                    value = min(value, 100.0)
                text = str(round(value)) if indicator.unit == Unit.count else f"{value:.1f}"
                record_measurement(
                    session,
                    actor=actor,
                    indicator_code=indicator.code,
                    measured_on=day,
                    value=text.replace(".", ","),
                    comment="Månedlig opgørelse",
                    today=today,
                )
                count += 1
    return count


def _reports(engine: Engine, size: Size, actor: Actor, today: dt.date, calls: int) -> list[float]:
    """`calls` reports by create_snapshot (timed), the rest copies of the last, week by week."""
    timings = []
    calls = min(calls, size.reports)
    for number in range(calls):
        taken_on = today - dt.timedelta(weeks=calls - 1 - number)
        started = time.perf_counter()
        with session_scope(engine, write=True) as session:
            create_snapshot(
                session,
                actor=actor,
                name=f"Statusrapport {taken_on.isoformat()}",
                taken_on=taken_on,
                today=today,
                reconstruction=taken_on != today,
            )
        timings.append(time.perf_counter() - started)
    if size.reports <= calls:
        return timings
    with session_scope(engine, write=True) as session:
        last = session.exec(select(Snapshot).order_by(Snapshot.id.desc())).first()  # type: ignore[union-attr]
        assert last is not None
        rows = [
            row.model_dump(exclude={"id", "snapshot_id"})
            for row in session.exec(
                select(SnapshotAction).where(SnapshotAction.snapshot_id == last.id)
            )
        ]
        for number in range(calls, size.reports):
            taken_on = today - dt.timedelta(weeks=number)
            name = f"Statusrapport {taken_on.isoformat()}"
            created = dt.datetime.combine(taken_on, dt.time(10), tzinfo=dt.UTC)
            copy = Snapshot(
                **last.model_dump(exclude={"id", "name", "taken_on", "created_at"}),
                name=name,
                taken_on=taken_on,
                created_at=created,
            )
            session.add(copy)
            session.flush()
            session.execute(
                sa.insert(SnapshotAction), [{**row, "snapshot_id": copy.id} for row in rows]
            )
            session.add(
                SnapshotEvent(
                    username=actor.username, event="created", name=name, occurred_at=created
                )
            )
        bump(session, Area.reports)
    return timings


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()  # noqa: S608


def build(url: str, factor: int, *, report_calls: int = REPORT_CALLS) -> Built:
    """Make the database at `url` (new or empty) factor times today's size."""
    size = Size.of(factor)
    built = Built(size)
    actor = Actor.command_line()
    today = today_local()
    engine = create_db_engine(url)

    def timed(name: str, run: Callable[[], T]) -> T:
        started = time.perf_counter()
        result = run()
        built.seconds[name] = time.perf_counter() - started
        return result

    try:
        timed("schema and seed", lambda: init_db(engine))
        editors = timed("users", lambda: _users(engine, size, actor))
        parsed = timed("case file check", lambda: _parse_cases(size, today))
        timed("case import", lambda: _import_cases(engine, parsed, actor))
        timed("measurements", lambda: _measurements(engine, size, actor, today))
        timed("audit rows", lambda: _audit_rows(engine, size, editors))
        built.report_calls = timed(
            "reports", lambda: _reports(engine, size, actor, today, report_calls)
        )
        for name, table in (
            ("cases", "restoration_case"),
            ("steps", "missing_step"),
            ("audit rows", "action_change"),
            ("reports", "snapshot"),
            ("measurements", "measurement"),
            ("users", '"user"'),
            ("actions", "action"),
        ):
            built.counts[name] = _count(engine, table)
    finally:
        engine.dispose()
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factor", type=int, default=1)
    parser.add_argument("--url", help="database URL (default: DATABASE_URL)")
    parser.add_argument("--report-calls", type=int, default=REPORT_CALLS)
    args = parser.parse_args()
    url = args.url or os.environ.get("DATABASE_URL")
    if not url:
        parser.error("give --url or set DATABASE_URL")
    built = build(url, args.factor, report_calls=args.report_calls)
    print("\n".join(built.lines()))


if __name__ == "__main__":
    main()
