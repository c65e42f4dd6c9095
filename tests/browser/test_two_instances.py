"""Two app instances behind the deployment's proxy, on one PostgreSQL database (issue 17).

The process layout of deploy/compose.yaml without containers: the deploy step
(`manage.py init-db`) once on a fresh database, two `streamlit run app.py` processes in
multi-instance mode with the same shared secrets and their own data directories, and Debian's
nginx with deploy/nginx/dashboard.conf.template (TLS, sticky sessions, security headers) in
front. An editor logs in through the proxy with the real form and changes a key message; the
other instance, its caches warmed before the edit, shows the change on its next load to the
login cookie the proxy's instance issued.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sqlalchemy as sa

from tests.browser.conftest import (
    PROJECT_ROOT,
    _free_port,
    _wait_for_health,
    log_in,
    submit,
    wait_for_app,
)
from tests.conftest import PG_SKIP_REASON, skip_or_fail
from tests.deploy.compose_file import environment
from tests.deploy.proxy import (
    ROUTE_COOKIE,
    SECURITY_HEADERS,
    Proxy,
    nginx_binary,
    running_proxy,
    tls_context,
)
from tests.factories import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

EDITOR = "erik"  # logs in through the proxy and edits
WARMER = "ulla"  # warms both instances' caches first, directly
KEY_MESSAGES = "5 pointer (bruges i bilag og på borgermøde)"
MARKER = "Pointe gemt gennem proxyen på den ene instans"
LOGIN_COOKIE = "genopretning_login"  # components.login_routes.COOKIE_NAME


@dataclass
class Instance:
    url: str
    log_path: Path

    @property
    def address(self) -> str:
        return self.url.removeprefix("http://")

    def events(self) -> list[dict[str, Any]]:
        """The application log's JSON lines (Streamlit's own lines are skipped)."""
        lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        return [json.loads(line) for line in lines if line.startswith('{"time"')]

    def logins(self, username: str) -> int:
        return sum(
            event["event"] == "login"
            and event.get("user") == username
            and event.get("outcome") == "success"
            for event in self.events()
        )


@dataclass
class Deployment:
    proxy: Proxy
    instances: tuple[Instance, Instance]


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the TEST_DATABASE_URL server; dropped at the end."""
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    name = f"two_instances_{os.getpid()}_{secrets.token_hex(4)}"
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield sa.engine.make_url(server_url).set(database=name).render_as_string(False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def manage(env: dict[str, str], *arguments: str, stdin: str | None = None) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT_ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"manage.py {arguments[0]}: {result.stderr}"


@contextmanager
def running_instances(workdir: Path, env: dict[str, str]) -> Iterator[tuple[Instance, Instance]]:
    """Two `streamlit run app.py` processes, each with its own port and data directory."""
    processes: list[subprocess.Popen[bytes]] = []
    instances = []
    with ExitStack() as logs:
        try:
            for number in (1, 2):
                port = _free_port()
                data = workdir / f"app{number}"
                data.mkdir()
                log_path = workdir / f"app{number}.log"
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "streamlit", "run", "app.py",
                         "--server.port", str(port), "--server.address", "127.0.0.1",
                         "--server.headless", "true", "--server.fileWatcherType", "none",
                         "--browser.gatherUsageStats", "false"],
                        cwd=PROJECT_ROOT,
                        env={**env, "DASHBOARD_DATA_DIR": str(data)},
                        stdout=logs.enter_context(log_path.open("wb")),
                        stderr=subprocess.STDOUT,
                    )
                )  # fmt: skip
                instances.append(Instance(f"http://127.0.0.1:{port}", log_path))
            for instance, process in zip(instances, processes, strict=True):
                _wait_for_health(instance.url, process)
            yield instances[0], instances[1]
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture(scope="module")
def deployment(
    chromium_path: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Deployment]:
    nginx_binary()
    server_url = os.environ.get("TEST_DATABASE_URL")
    if not server_url:
        skip_or_fail(PG_SKIP_REASON)
    assert server_url is not None
    workdir = tmp_path_factory.mktemp("two-instances")
    with fresh_database(server_url) as database_url:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DASHBOARD_MULTI_INSTANCE": "1",
            "DASHBOARD_COOKIE_KEY": secrets.token_urlsafe(48),
            "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_urlsafe(48),
            "DASHBOARD_BCRYPT_ROUNDS": "4",
            "DASHBOARD_DATA_DIR": str(workdir / "cli"),
        }
        manage(env, "init-db")  # the deploy step, once
        for username, name in ((EDITOR, "Erik Redaktør"), (WARMER, "Ulla Redaktør")):
            manage(env, "add-user", username, "--role", "editor", "--name", name, stdin=PASSWORD)
        max_body_mb = int(environment("proxy")["PROXY_MAX_BODY_MB"])
        with running_instances(workdir, env) as instances:
            upstreams = (instances[0].address, instances[1].address)
            with running_proxy(workdir / "proxy", upstreams, max_body_mb) as proxy:
                yield Deployment(proxy, instances)


def new_context(browser: Browser, **options: Any) -> BrowserContext:
    return browser.new_context(viewport={"width": 1366, "height": 768}, locale="da-DK", **options)


def open_reports(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/reports")
    wait_for_app(page)


def key_message_field(page: Page, number: int) -> Any:
    """Open the key-message form on *Statusrapporter*; the text area of message `number`."""
    page.get_by_text(KEY_MESSAGES).click()
    field = page.get_by_label(f"{number}.", exact=True)
    expect(field).to_be_visible()
    return field


def test_the_proxy_answers_with_security_headers_and_a_routing_cookie(
    deployment: Deployment,
) -> None:
    request = urllib.request.Request(f"{deployment.proxy.https_url}/")  # noqa: S310
    with urllib.request.urlopen(request, context=tls_context(), timeout=30) as response:  # noqa: S310
        assert response.status == 200
        headers = response.headers
        assert "<html" in response.read().decode()
    for name, value in SECURITY_HEADERS.items():
        assert headers.get_all(name) == [value], name
    (cookie,) = headers.get_all("Set-Cookie")
    assert cookie.startswith(f"{ROUTE_COOKIE}=")
    assert cookie.endswith("; Path=/; HttpOnly; Secure; SameSite=Lax")


def test_an_edit_through_the_proxy_shows_on_the_other_instance(
    deployment: Deployment, browser: Browser
) -> None:
    # Both instances have shown the key messages before the edit: their caches are warm.
    before = {}
    for instance in deployment.instances:
        warm = new_context(browser)
        try:
            page = warm.new_page()
            log_in(page, instance.url, WARMER, form=True)
            open_reports(page, instance.url)
            before[instance.url] = key_message_field(page, 5).input_value()
        finally:
            warm.close()
    assert set(before.values()) != {""}
    assert MARKER not in before.values()

    # The editor logs in through the proxy with the real form.
    proxied = new_context(browser, ignore_https_errors=True)
    sockets: list[str] = []
    try:
        page = proxied.new_page()
        page.on("websocket", lambda socket: sockets.append(socket.url))
        log_in(page, deployment.proxy.https_url, EDITOR, form=True)
        served = [instance for instance in deployment.instances if instance.logins(EDITOR)]
        assert len(served) == 1, "exactly one instance logged the editor in"
        (mine,) = served
        (other,) = [instance for instance in deployment.instances if instance is not mine]

        open_reports(page, deployment.proxy.https_url)
        key_message_field(page, 5).fill(MARKER)
        submit(page, page.get_by_role("button", name="Gem pointer"))
        expect(page.get_by_text("Pointerne er gemt.")).to_be_visible()

        cookies = {cookie["name"]: cookie for cookie in proxied.cookies()}
    finally:
        proxied.close()

    # Streamlit's websocket ran through the proxy, and every request of this browser (its
    # routing cookie) went to the one instance: sticky sessions.
    https = deployment.proxy.https_url.replace("https://", "wss://")
    assert f"{https}/_stcore/stream" in sockets
    route = cookies[ROUTE_COOKIE]
    assert (route["httpOnly"], route["secure"], route["sameSite"]) == (True, True, "Lax")
    served_by = {
        upstream for value, _, _, upstream in deployment.proxy.routes() if value == route["value"]
    }
    assert served_by == {mine.address}
    login = cookies[LOGIN_COOKIE]
    assert login["secure"] is True  # the instance saw https in X-Forwarded-Proto
    assert login["httpOnly"] is True

    # The other instance, opened directly with the cookie the proxied one issued: no login
    # form (the cookie key is shared), and the new key message on this load.
    direct = new_context(browser)
    try:
        direct.add_cookies(
            [{"name": LOGIN_COOKIE, "value": login["value"], "url": other.url, "httpOnly": True}]
        )
        page = direct.new_page()
        open_reports(page, other.url)
        expect(page.get_by_text("Logget ind som")).to_be_visible()
        expect(page.get_by_label("Brugernavn")).to_have_count(0)
        expect(key_message_field(page, 5)).to_have_value(MARKER)
    finally:
        direct.close()
    assert other.logins(EDITOR) == 0  # it never saw the editor's password
    assert [event for event in other.events() if event.get("level") == "error"] == []
    # The operators' logs of both instances: the login is there, the content and the
    # password are not.
    assert any(event["event"] == "login" for event in mine.events())
    for instance in deployment.instances:
        text = instance.log_path.read_text(encoding="utf-8", errors="replace")
        assert MARKER not in text
        assert PASSWORD not in text
