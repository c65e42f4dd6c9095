"""The app and the floor (a one-line Streamlit page) as `streamlit run` servers, and what the
operating system says about them (RSS, CPU time), for the page benchmark.

Both run from the project root, so both read its `.streamlit/config.toml`. Every server is
stopped on leaving its context (terminate, then kill), also on an error or Ctrl-C.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
FLOOR_SCRIPT = 'import streamlit as st\n\nst.write("floor")\n'
FLOOR_TEXT = "floor"
COOKIE_KEY = "benchmark-cookie-key-0123456789abcdef"
START_TIMEOUT_S = 120


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    log: Path

    def rss_mb(self) -> float:
        """Resident memory now (MB), from /proc."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def peak_rss_mb(self) -> float:
        """The highest resident memory so far (MB)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_s(self) -> float:
        """User + system CPU seconds the server has used so far."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_environment(database_url: str, data_dir: Path) -> dict[str, str]:
    """The app's settings for a benchmark server: this database, a temporary data folder."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DASHBOARD_DATA_DIR": str(data_dir),
        "DASHBOARD_COOKIE_KEY": os.environ.get("DASHBOARD_COOKIE_KEY", COOKIE_KEY),
    }


def _wait_for_health(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited ({process.returncode}); see {log}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)  # polling the health endpoint until the server answers
    raise RuntimeError(f"streamlit did not answer within {START_TIMEOUT_S} s; see {log}")


@contextmanager
def streamlit_server(script: Path, env: dict[str, str], log: Path) -> Iterator[Server]:
    """`streamlit run script` on a free local port, stopped on leaving."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603  (this interpreter, fixed arguments)
            command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_for_health(url, process, log)
            yield Server(url, process.pid, log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def app_and_floor(database_url: str, workdir: Path) -> Iterator[tuple[Server, Server]]:
    """The app on `database_url` and the floor page, each a server of its own, same config."""
    data_dir = workdir / "data"
    data_dir.mkdir(exist_ok=True)
    floor = workdir / "floor.py"
    floor.write_text(FLOOR_SCRIPT, encoding="utf-8")
    env = app_environment(database_url, data_dir)
    with (
        streamlit_server(PROJECT_ROOT / "app.py", env, workdir / "app.log") as app,
        streamlit_server(floor, env, workdir / "floor.log") as floor_server,
    ):
        yield app, floor_server
