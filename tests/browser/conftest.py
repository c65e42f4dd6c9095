"""Real-browser fixtures: the app served by `streamlit run` and Debian's Chromium via Playwright.

One server and one Chromium serve the whole test session (each xdist worker has its own).
Before each test the server's SQLite database is put back to its template while the server
runs (`Server.reset`), so every test starts from the seeded plan with BROWSER_USERS, whatever
the tests before it did. Two tests are about a server's own start and get a server of their
own: the first-run setup (a server started on a database without users) and the first request
after a start (which uses the shared server when it is still untouched, and runs first for that
reason).
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.auth.users import Role
from tests.conftest import (
    SEEDED,
    TEST_COOKIE_KEY,
    DatabaseTemplates,
    database_templates_of_session,
    skip_or_fail,
)
from tests.factories import PASSWORD, make_user

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BROWSER_DIR = Path(__file__).resolve().parent
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
ARTIFACTS = PROJECT_ROOT / "artifacts"

BROWSER_USERS = (
    ("hanna", Role.admin),
    ("erik", Role.editor),
    ("vera", Role.viewer),
    ("pia", Role.presenter),
)
BROWSER_TEMPLATE = "browser"  # the seeded plan with BROWSER_USERS


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in tests/browser as `browser` (so `-m "not browser"` leaves them out),
    and run the tests that want an untouched server first, while the shared one still is."""
    browser_items = {item for item in items if BROWSER_DIR in item.path.parents}
    in_one_worker = config.pluginmanager.hasplugin("xdist")  # with `-n 2 --dist loadgroup`
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
        if in_one_worker:  # one app server and one Chromium, beside the other worker's tests
            item.add_marker(pytest.mark.xdist_group("browser"))
    wanting = [item for item in items if "pristine_app_url" in getattr(item, "fixturenames", ())]
    if wanting:
        rest = [item for item in items if item not in set(wanting)]
        first = next((n for n, item in enumerate(rest) if item in browser_items), len(rest))
        items[:] = [*rest[:first], *wanting, *rest[first:]]


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
            time.sleep(0.1)  # polling the server's health endpoint, not waiting on the UI
    raise RuntimeError(f"streamlit did not answer within {SERVER_START_TIMEOUT_S} s")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        skip_or_fail(
            f"browser tests need Debian's Chromium at {CHROMIUM} "
            "(apt-get install -y chromium); .ci/run installs it"
        )
    return CHROMIUM


def _add_browser_users(engine: Engine) -> None:
    with Session(engine) as session:
        for username, role in BROWSER_USERS:
            make_user(session, username, role)


def browser_templates() -> DatabaseTemplates:
    templates = database_templates_of_session()
    templates.define(BROWSER_TEMPLATE, _add_browser_users, base=SEEDED)
    return templates


def _schema(connection: sqlite3.Connection, schema: str) -> list[tuple[str, str, str]]:
    return connection.execute(
        f"SELECT type, name, sql FROM {schema}.sqlite_master ORDER BY type, name"  # noqa: S608
    ).fetchall()


def restore_sqlite(database: Path, template: Path) -> None:
    """Make every table of `database` hold exactly the rows of `template`, in one transaction
    on a connection of our own, while the server keeps its connections (WAL: they see the new
    rows from their next transaction on). Refuses if the schema is not the template's."""
    connection = sqlite3.connect(database, timeout=30, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")  # rows go back in any order
        connection.execute("ATTACH DATABASE ? AS template", (str(template),))
        if _schema(connection, "main") != _schema(connection, "template"):
            raise RuntimeError(f"{database} no longer has its template's schema")
        tables = [name for kind, name, _ in _schema(connection, "template") if kind == "table"]
        connection.execute("BEGIN IMMEDIATE")
        for table in tables:  # sqlite_sequence included, where AUTOINCREMENT made one
            connection.execute(f'DELETE FROM main."{table}"')  # noqa: S608
            connection.execute(f'INSERT INTO main."{table}" SELECT * FROM template."{table}"')  # noqa: S608
        connection.execute("COMMIT")
        connection.execute("DETACH DATABASE template")
    finally:
        connection.close()


@dataclass
class Server:
    url: str
    log_path: Path
    database_url: str
    database: Path
    template: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def reset(self) -> None:
        """The database back to the template the server started on (see restore_sqlite)."""
        restore_sqlite(self.database, self.template)

    def engine(self) -> Engine:
        from models.core.db import create_db_engine

        return create_db_engine(self.database_url)


@contextmanager
def running_app(workdir: Path, template: str = BROWSER_TEMPLATE) -> Iterator[Server]:
    """`streamlit run app.py` on a free port against a copy of the session's `template`."""
    templates = browser_templates()
    port = _free_port()
    database = workdir / "browser.db"
    templates.copy_sqlite(template, database)
    database_url = f"sqlite:///{database}"
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
        template_file = templates.sqlite_template(template)
        server = _servers[base_url] = Server(
            base_url, log_path, database_url, database, template_file
        )
        yield server
    finally:
        _servers.pop(base_url, None)
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


class SharedServer:
    """The session's one app server, started when a test first needs it."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.server: Server | None = None
        self.touched = False  # has a test used it (a page request may have been made)?
        self._running: Iterator[Server] | None = None

    def get(self) -> Server:
        if self.server is None:
            self._running = running_app(self.workdir)
            self.server = self._running.__enter__()
        return self.server

    def close(self) -> None:
        if self._running is not None:
            self._running.__exit__(None, None, None)


@pytest.fixture(scope="session")
def shared_server(
    chromium_path: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SharedServer]:
    shared = SharedServer(tmp_path_factory.mktemp("app"))
    try:
        yield shared
    finally:
        shared.close()


@pytest.fixture
def app_server(shared_server: SharedServer) -> Server:
    """The shared app server, its database reset to the seeded plan with BROWSER_USERS."""
    server = shared_server.get()
    server.reset()
    shared_server.touched = True
    return server


@pytest.fixture
def app_url(app_server: Server) -> str:
    return app_server.url


@pytest.fixture
def pristine_app_url(
    shared_server: SharedServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A server that has not run a page yet: the shared one if no test has used it so far
    (these tests are ordered first), else a new one for this test."""
    if not shared_server.touched:
        server = shared_server.get()
        server.reset()
        shared_server.touched = True
        yield server.url
        return
    with running_app(tmp_path_factory.mktemp("pristine")) as server:
        yield server.url


EXPECT_TIMEOUT_MS = 30_000  # a loaded 2-core CI machine can take seconds to rerun a page


@pytest.fixture(scope="session")
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
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Open a page in a browser context of its own (one user each); all closed after the test,
    so that no session of an earlier test stays connected to the shared server."""
    contexts = []

    def open_page(width: int = 1366, height: int = 768, locale: str | None = None) -> Page:
        options = {"locale": locale} if locale else {}
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page(locale="da-DK")


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit has finished running the page's script."""
    page.wait_for_selector(APP_READY, timeout=60_000)


# Script states are `initial`, `running`, `notRunning`, `rerunRequested`, … on the app root.
_WATCH_SCRIPT_STATE = """() => {
  const state = "data-test-script-state";
  const app = document.querySelector("[data-testid='stApp']");
  window.__stRunStarted = false;
  if (window.__stRunObserver) window.__stRunObserver.disconnect();
  // One callback may carry several changes (running, then notRunning): read every record.
  window.__stRunObserver = new MutationObserver((records) => {
    const left = records.some((record) => record.oldValue !== "notRunning");
    if (left || app.getAttribute(state) !== "notRunning") window.__stRunStarted = true;
  });
  window.__stRunObserver.observe(
    app, {attributes: true, attributeOldValue: true, attributeFilter: [state]});
}"""
_RUN_FINISHED = """() => window.__stRunStarted === true && document.querySelector(
  "[data-testid='stApp']").getAttribute("data-test-script-state") === "notRunning"
"""


@contextmanager
def script_run(page: Page) -> Iterator[None]:
    """Wait, after the block, until the script run that the block's action started has ended.

    `wait_for_app` alone can return before a click's rerun has even begun (the state is still
    the previous run's `notRunning`); this watches the state change from the click on.
    """
    page.wait_for_selector(APP_READY, timeout=60_000)
    page.evaluate(_WATCH_SCRIPT_STATE)
    yield
    try:
        page.wait_for_function(_RUN_FINISHED, timeout=60_000)
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "script-run-timeout.png"))
        raise


_RUN_STARTED = "() => window.__stRunStarted === true"


def submit(page: Page, target: Any, attempts: int = 3) -> None:
    """Click `target` (a button) and wait for the script run the click starts to end.

    On a loaded machine a click can land while the page is still settling and start no run;
    such a click is repeated (a click that started a run is never repeated).
    """
    _until_a_run_starts(page, target.click, attempts, "clicks")


def press_key(page: Page, key: str, attempts: int = 3) -> None:
    """Press `key` on the page and wait for the script run it starts to end; a press that
    started no run (it landed while the page was settling) is repeated, never one that did."""
    _until_a_run_starts(page, lambda: page.keyboard.press(key), attempts, f"presses of {key}")


def _until_a_run_starts(page: Page, act: Callable[[], Any], attempts: int, what: str) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(attempts):
        page.wait_for_selector(APP_READY, timeout=60_000)
        page.evaluate(_WATCH_SCRIPT_STATE)
        act()
        try:
            page.wait_for_function(_RUN_STARTED, timeout=10_000)
        except PlaywrightTimeout:
            continue
        page.wait_for_function(_RUN_FINISHED, timeout=60_000)
        return
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "submit-no-run.png"))
    raise AssertionError(f"no script run started after {attempts} {what}")


# Every running app server by its URL (log_in opens login sessions in its database).
_servers: dict[str, Server] = {}
# Users who have logged in through the real form on a server at least once.
_form_logins: set[tuple[str, str]] = set()


def login_cookie(server: Server, username: str) -> dict[str, Any]:
    """The cookie a browser holds after `username` logged in on `server`: a real login
    session in the server's database, exchanged for its signed cookie as the page does."""
    from components.login_routes import COOKIE_NAME  # here: components warn at collection
    from models.auth.sessions import open_session, redeem_handoff
    from models.core.db import session_scope

    engine = server.engine()
    try:
        with session_scope(engine, write=True) as session:
            opened = open_session(session, username=username)
            issued = redeem_handoff(session, code=opened.handoff_code)
    finally:
        engine.dispose()
    assert issued is not None
    return {
        "name": COOKIE_NAME,
        "value": issued.token,
        "url": server.url,
        "httpOnly": True,
        "sameSite": "Strict",
    }


def _cookie_route(path: str) -> Callable[[Any], bool]:
    return lambda response: response.url.endswith(path) and response.request.method == "POST"


def log_out(page: Page) -> None:
    """Click *Log ud* and wait until the server has deleted the login cookie."""
    with page.expect_response(_cookie_route("/auth/logout"), timeout=60_000) as deleted:
        page.get_by_role("button", name="Log ud").click()
    assert deleted.value.status == 204
    page.get_by_role("button", name="Log ind").wait_for(timeout=60_000)
    wait_for_app(page)


def log_in(
    page: Page, app_url: str, username: str, password: str = PASSWORD, *, form: bool = False
) -> None:
    """Log in and wait for the user's first page.

    A user's first login on a server, and every one with `form=True` or another password,
    goes through the real form; later ones arrive with the login cookie that the form would
    have left (a real session in the server's database, see `login_cookie`), as a returning
    browser does. That saves the form's reruns in most tests.
    """
    key = (app_url, username)
    if not form and password == PASSWORD and key in _form_logins:
        page.context.add_cookies([login_cookie(_servers[app_url], username)])
        page.goto(app_url)
    else:
        page.goto(app_url)
        wait_for_app(page)
        page.get_by_label("Brugernavn").fill(username)
        page.get_by_label("Adgangskode").fill(password)
        # After a login, the page exchanges its one-time code for the HttpOnly cookie.
        with page.expect_response(_cookie_route("/auth/session"), timeout=60_000) as issued:
            page.get_by_role("button", name="Log ind").click()
        assert issued.value.status == 204, f"no login cookie: HTTP {issued.value.status}"
    try:
        page.get_by_text("Logget ind som").wait_for(timeout=60_000)
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"login-failed-{username}.png"))
        raise
    wait_for_app(page)
    if password == PASSWORD and app_url in _servers:
        _form_logins.add(key)
