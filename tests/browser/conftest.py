"""Real-browser fixtures: the app served by `streamlit run` and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlmodel import Session

from models.auth.users import Role
from models.bootstrap import init_db
from models.core.db import create_db_engine
from tests.conftest import TEST_COOKIE_KEY, skip_or_fail
from tests.factories import PASSWORD, make_user

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_START_TIMEOUT_S = 90
APP_READY = "[data-testid='stApp'][data-test-script-state='notRunning']"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_health(base_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)  # polling the server's health endpoint, not waiting on the UI
    raise RuntimeError(f"streamlit did not answer within {SERVER_START_TIMEOUT_S} s")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        skip_or_fail(
            f"browser tests need Debian's Chromium at {CHROMIUM} "
            "(apt-get install -y chromium); .ci/run installs it"
        )
    return CHROMIUM


BROWSER_USERS = (("hanna", Role.admin), ("erik", Role.editor), ("vera", Role.viewer))


@dataclass
class Server:
    url: str
    log_path: Path
    database_url: str

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def _seed(
    database_url: str,
    users: tuple[tuple[str, Role], ...],
    prepare: Callable[[Session], None] | None = None,
) -> None:
    engine = create_db_engine(database_url)
    init_db(engine)
    with Session(engine) as session:
        for username, role in users:
            make_user(session, username, role)
        if prepare is not None:
            prepare(session)
            session.commit()
    engine.dispose()


@contextmanager
def running_app(
    workdir: Path,
    users: tuple[tuple[str, Role], ...],
    prepare: Callable[[Session], None] | None = None,
) -> Iterator[Server]:
    """`streamlit run app.py` on a free port against a fresh SQLite file with `users`."""
    port = _free_port()
    database_url = f"sqlite:///{workdir / 'browser.db'}"
    _seed(database_url, users, prepare)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DASHBOARD_COOKIE_KEY": TEST_COOKIE_KEY,
        "DASHBOARD_BCRYPT_ROUNDS": "4",
    }
    log_path = workdir / "streamlit.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(base_url, process)
        yield Server(base_url, log_path, database_url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app with an admin, an editor and a viewer; one server per test module."""
    with running_app(tmp_path_factory.mktemp("app"), BROWSER_USERS) as server:
        yield server


@pytest.fixture(scope="module")
def app_url(app_server: Server) -> str:
    return app_server.url


EXPECT_TIMEOUT_MS = 30_000  # a loaded 2-core CI machine can take seconds to rerun a page


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Browser]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")
    sync_api.expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="da-DK")
    page = context.new_page()
    yield page
    context.close()


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit has finished running the page's script."""
    page.wait_for_selector(APP_READY, timeout=60_000)


def log_in(page: Page, app_url: str, username: str, password: str = PASSWORD) -> None:
    """Log in through the real form and wait for the user's first page."""
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()
    try:
        page.get_by_text("Logget ind som").wait_for(timeout=60_000)
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"login-failed-{username}.png"))
        raise
    wait_for_app(page)


ARTIFACTS = PROJECT_ROOT / "artifacts"
