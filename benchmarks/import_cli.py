"""The case import end to end: `python manage.py import-cases FILE` with 100,000 step rows.

Runs on a copy of a SQLite database (the original stays as it was); on PostgreSQL, on the
database itself (it adds the file's 20,000 cases). Times the command from start to exit,
and `python manage.py --help` (the command line's start-up) beside it.

Run: .venv/bin/python -m benchmarks.import_cli --url sqlite:////tmp/x.db [--rows 100000]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from benchmarks.import_cases import make_file
from benchmarks.servers import PROJECT_ROOT, app_environment

ROWS = 100_000


@dataclass(frozen=True)
class ImportTiming:
    rows: int
    seconds: float
    startup: float
    output: str


def _copy_sqlite(url: str, folder: Path) -> str:
    source = sa.engine.make_url(url).database
    target = folder / "import.db"
    with sqlite3.connect(str(source)) as original, sqlite3.connect(str(target)) as copy:
        original.backup(copy)
    return f"sqlite:///{target}"


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603  (this interpreter, manage.py, fixed arguments)
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started, result.stdout.strip()


def import_cli(url: str, rows: int = ROWS) -> ImportTiming:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        file = folder / "sager.csv"
        file.write_bytes(make_file(rows))
        target = _copy_sqlite(url, folder) if url.startswith("sqlite") else url
        env = app_environment(target, folder)
        startup, _ = _timed([sys.executable, "manage.py", "--help"], env)
        seconds, output = _timed([sys.executable, "manage.py", "import-cases", str(file)], env)
    return ImportTiming(rows, seconds, startup, output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--rows", type=int, default=ROWS)
    args = parser.parse_args()
    timing = import_cli(args.url, args.rows)
    print(timing.output)
    print(
        f"import-cases, {timing.rows:,} rows: {timing.seconds:.1f} s end to end "
        f"(manage.py --help: {timing.startup:.1f} s; target < 10 s)"
    )


if __name__ == "__main__":
    main()
