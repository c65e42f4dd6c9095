"""Benchmark: the wall time of `python manage.py list-users`, start to exit (target < 0.8 s).

Sets up a temporary SQLite database through the command line itself (init-db, add-user with
the password on stdin), then runs `list-users` as a subprocess N times, interleaved with
`python -c pass` (the interpreter's own start, the floor no command can beat), and prints the
10 slowest imports of one `python -X importtime manage.py list-users`.

Run: .venv/bin/python -m benchmarks.cli_startup [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
USERS = (("hanna", "admin", "Hanna Levy"), ("erik", "editor", "Erik"), ("vera", "viewer", "Vera"))
TARGET_S = 0.8


def manage(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(  # noqa: S603  (this interpreter, manage.py, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child): CPU time says more on a shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, check=True)  # noqa: S603
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def slowest_imports(env: dict[str, str], count: int = 10) -> list[tuple[int, int, str]]:
    """(cumulative µs, self µs, module) of the slowest imports, nesting shown by indentation."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "manage.py", "list-users"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative), int(own), name.rstrip()))
    return sorted(rows, reverse=True)[:count]


def describe(label: str, timings: list[tuple[float, float]]) -> str:
    wall = [w for w, _ in timings]
    cpu = [c for _, c in timings]
    return (
        f"{label:<28} wall median {statistics.median(wall):.3f} s "
        f"(min {min(wall):.3f}, max {max(wall):.3f}); CPU median {statistics.median(cpu):.3f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{Path(folder) / 'bench.db'}"}
        manage(env, "init-db")
        for username, role, name in USERS:
            password = secrets.token_urlsafe(16) + "\n"
            manage(env, "add-user", username, "--role", role, "--name", name, stdin=password)
        listing = manage(env, "list-users").splitlines()
        assert len(listing) == len(USERS) + 1, listing

        floor_command = [sys.executable, "-c", "pass"]
        list_command = [sys.executable, "manage.py", "list-users"]
        timed(list_command, env)  # warm the file cache (and __pycache__) first
        floor, listed = [], []
        for _ in range(args.runs):  # interleaved, so that other load hits both alike
            floor.append(timed(floor_command, env))
            listed.append(timed(list_command, env))
        imports = slowest_imports(env)

    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"{args.runs} runs each, SQLite with {len(USERS)} users; load average {load}")
    print(describe("python -c pass", floor))
    print(describe("python manage.py list-users", listed))
    median = statistics.median(wall for wall, _ in listed)
    above = median - statistics.median(wall for wall, _ in floor)
    verdict = "met" if median < TARGET_S else "MISSED"
    print(f"list-users above the floor: {above:.3f} s; target < {TARGET_S} s (wall): {verdict}")
    print("\n10 slowest imports (python -X importtime manage.py list-users):")
    print(f"{'cumulative':>12} {'self':>10}  module")
    for cumulative, own, name in imports:
        print(f"{cumulative / 1000:>9.1f} ms {own / 1000:>7.1f} ms  {name}")


if __name__ == "__main__":
    main()
