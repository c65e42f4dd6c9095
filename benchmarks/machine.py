"""The machine and software a benchmark ran on, for the results file."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from pathlib import Path

import sqlalchemy as sa
import streamlit

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _ram_gb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return float("nan")


def _git(*args: str) -> str:
    result = subprocess.run(  # noqa: S603  (git with fixed arguments)
        ["git", *args],  # noqa: S607
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip()


def database_version(url: str) -> str:
    if url.startswith("sqlite"):
        return f"SQLite {sqlite3.sqlite_version}"
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return str(connection.execute(sa.text("SELECT version()")).scalar_one()).split(",")[0]
    finally:
        engine.dispose()


def describe(url: str) -> list[tuple[str, str]]:
    """(what, value) pairs: CPU, cores, RAM, OS, Python, Streamlit, database, git commit."""
    dirty = (
        " (with uncommitted changes)"
        if _git("status", "--porcelain", "--untracked-files=no")
        else ""
    )
    subject = _git("log", "-1", "--format=%s")
    subject = subject if len(subject) <= 72 else subject[:71] + "…"
    return [
        ("CPU", _cpu_model()),
        ("cores", str(os.cpu_count())),
        ("RAM", f"{_ram_gb():.1f} GB"),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("Streamlit", streamlit.__version__),
        ("database", database_version(url)),
        (
            "git commit",
            f"{_git('rev-parse', '--short', 'HEAD')} {subject}{dirty}",
        ),
        ("load average at start", ", ".join(f"{value:.2f}" for value in os.getloadavg())),
    ]
