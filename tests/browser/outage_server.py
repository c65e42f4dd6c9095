"""`streamlit run app.py` on a database the outage tests break: a stoppable PostgreSQL or a
SQLite file on a disk that fills up.

The shared server of tests/browser/conftest.py always runs on a copy of a SQLite template; these
tests need their own database URL, so this starts the same command on it (and registers the
server where `log_in` finds it, for login cookies).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.bootstrap import init_db
from models.core.db import create_db_engine
from tests.browser.conftest import (
    BROWSER_USERS,
    PROJECT_ROOT,
    TEST_COOKIE_KEY,
    _free_port,
    _servers,
    _wait_for_health,
)
from tests.factories import make_user


@dataclass
class OutageServer:
    """A running app: its address, its log (stdout and stderr) and its database."""

    url: str
    log_path: Path
    database_url: str

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def engine(self) -> Engine:
        return create_db_engine(self.database_url)


def seed_browser_database(database_url: str) -> None:
    """What init-db loads, plus the browser tests' users (BROWSER_USERS)."""
    engine = create_db_engine(database_url)
    try:
        init_db(engine)
        with Session(engine) as session:
            for username, role in BROWSER_USERS:
                make_user(session, username, role)
    finally:
        engine.dispose()


@contextmanager
def app_on(database_url: str, log_dir: Path) -> Iterator[OutageServer]:
    """The app served on a free port against `database_url` (already seeded)."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DASHBOARD_COOKIE_KEY": TEST_COOKIE_KEY,
        "DASHBOARD_BCRYPT_ROUNDS": "4",
    }
    log_path = log_dir / "streamlit.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", "app.py",
                "--server.port", str(port),
                "--server.address", "127.0.0.1",
                "--server.headless", "true",
                "--server.fileWatcherType", "none",
                "--browser.gatherUsageStats", "false",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        base_url = f"http://127.0.0.1:{port}"
        try:
            _wait_for_health(base_url, process)
            server = OutageServer(base_url, log_path, database_url)
            _servers[base_url] = server  # type: ignore[assignment]  # log_in's cookies
            yield server
        finally:
            _servers.pop(base_url, None)
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
