"""A PostgreSQL server of the tests' own that can really be stopped and started again.

The shared TEST_DATABASE_URL server must keep running for every other test, so the outage
tests make a throwaway cluster: `initdb` as the `postgres` OS user in a temporary directory,
`pg_ctl start` on a free port (listening on 127.0.0.1, its socket in that directory), one
database `dashboard` for the app. `stop()` is what an operator's `systemctl stop postgresql`
does to the app (`pg_ctl stop -m fast`: connections are cut), `start()` brings it back on the
same port. Making a cluster costs a few seconds: use one per test module.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from tests.conftest import skip_or_fail

OS_USER = "postgres"
DATABASE = "dashboard"
START_TIMEOUT_S = 60


def postgres_binaries() -> Path | None:
    """The newest installed PostgreSQL's bin directory (Debian: /usr/lib/postgresql/N/bin)."""
    found = [Path(path) for path in glob.glob("/usr/lib/postgresql/*/bin")]
    found = [path for path in found if (path / "initdb").exists() and (path / "pg_ctl").exists()]
    return max(found, key=lambda path: int(path.parent.name), default=None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StoppableCluster:
    """One throwaway cluster: `url` reaches its `dashboard` database while it runs."""

    def __init__(self, root: Path, binaries: Path) -> None:
        self.root = root
        self.binaries = binaries
        self.data = root / "data"
        self.port = _free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [str(self.binaries / tool), *args],
            user=OS_USER,
            group=OS_USER,
            cwd=self.root,
            check=True,
            capture_output=True,
            timeout=START_TIMEOUT_S + 30,
        )

    def create(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        self.start()
        admin = sa.create_engine(self.url.replace(f"/{DATABASE}", "/postgres"))
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {DATABASE}")
        admin.dispose()

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options,
            "-w", "-t", str(START_TIMEOUT_S), "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def destroy(self) -> None:
        if self.running():
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def stoppable_postgres() -> Iterator[StoppableCluster]:
    """A new cluster, running, with an empty `dashboard` database; removed afterwards.

    Needs root (to run initdb as `postgres`) and PostgreSQL's server binaries; without them
    the test is skipped, or fails under REQUIRE_SERVICES=1 (CI)."""
    binaries = postgres_binaries()
    if binaries is None:
        skip_or_fail("the outage tests need PostgreSQL's server binaries in /usr/lib/postgresql")
    if os.geteuid() != 0:
        skip_or_fail("the outage tests run initdb as the postgres OS user: they need root")
    try:
        account = pwd.getpwnam(OS_USER)
    except KeyError:
        skip_or_fail(f"the outage tests need the {OS_USER} OS user")
    assert binaries is not None
    root = Path(tempfile.mkdtemp(prefix="outage-pg-"))  # not under pytest's root-only tmp
    os.chown(root, account.pw_uid, account.pw_gid)
    cluster = StoppableCluster(root, binaries)
    try:
        cluster.create()
        yield cluster
    finally:
        cluster.destroy()
