"""Login journeys in a real browser: first-run setup, user creation, roles, lock-out."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.conftest import (
    ARTIFACTS,
    PROJECT_ROOT,
    Server,
    log_in,
    log_out,
    running_app,
    script_run,
    submit,
    wait_for_app,
)
from tests.conftest import SEEDED
from tests.factories import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser
COOKIE_NAME = "genopretning_login"  # components.login_routes (importing components here warns)
COOKIE_REFUSED = "Dit gemte login gælder ikke længere"
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
PlaywrightTimeout = sync_api.TimeoutError


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[Server]:
    """A server started on the seeded plan with an empty user table: it must ask for the
    setup code (so it cannot be the shared server, which has users)."""
    with running_app(tmp_path, SEEDED) as server:
        yield server


def choose_option(page: Page, select: Locator, label: str) -> None:
    """Pick `label` in a Streamlit selectbox, retrying a click that a rerun swallowed."""
    option = page.get_by_role("option", name=label)
    for _ in range(3):  # a click that lands during a rerun does not open the list
        select.click()
        try:
            option.wait_for(timeout=5_000)
        except PlaywrightTimeout:
            continue
        option.click()
        return
    raise AssertionError(f"could not choose {label!r}")


def add_user(page: Page, username: str, role_label: str) -> None:
    form = page.get_by_test_id("stForm").filter(has=page.get_by_label("Navn", exact=True))
    form.get_by_label("Brugernavn").fill(username)
    form.get_by_label("Navn", exact=True).fill(username.title())
    choose_option(page, form.get_by_test_id("stSelectbox"), role_label)
    form.get_by_label("Adgangskode (mindst 12 tegn)").fill(PASSWORD)
    form.get_by_label("Gentag adgangskode").fill(PASSWORD)
    form.get_by_role("button", name="Opret bruger").click()
    expect(page.get_by_text(f"Brugeren {username} er oprettet.")).to_be_visible(timeout=30_000)
    wait_for_app(page)


def setup_code(server: Server) -> str:
    """The one-time code as the operator gets it: `manage.py setup-code` on the server's
    database."""
    result = subprocess.run(
        [sys.executable, "manage.py", "setup-code"],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "DATABASE_URL": server.database_url},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().split()[-1]


def test_setup_code_creates_the_first_admin_who_creates_an_editor_and_a_viewer(
    new_page: Callable[..., Page], fresh_server: Server
) -> None:
    page = new_page()
    page.goto(fresh_server.url)
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Første opsætning: opret administrator"
    )
    code = setup_code(fresh_server)
    log = fresh_server.log()
    assert "manage.py setup-code" in log  # the log says where the code is …
    assert code not in log  # … but never holds it

    page.get_by_label("Opsætningskode").fill("forkert-kode")
    page.get_by_label("Brugernavn").fill("hanna")
    page.get_by_label("Navn", exact=True).fill("Hanna Levy")
    page.get_by_label("Adgangskode (mindst 12 tegn)").fill(PASSWORD)
    page.get_by_label("Gentag adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Opret administrator").click()
    expect(page.get_by_text("Opsætningskoden er forkert")).to_be_visible(timeout=30_000)

    page.get_by_label("Opsætningskode").fill(code)
    page.get_by_role("button", name="Opret administrator").click()
    expect(page.get_by_text("Administratoren er oprettet")).to_be_visible(timeout=30_000)

    log_in(page, fresh_server.url, "hanna")
    page.get_by_test_id("stSidebarNav").get_by_text("Brugere").click()
    wait_for_app(page)
    add_user(page, "erik", "Redaktør")
    add_user(page, "vera", "Læser (styregruppe)")
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_contain_text("erik")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "users.png"))

    viewer = new_page()
    log_in(viewer, fresh_server.url, "vera")
    main = viewer.get_by_test_id("stMain")
    expect(main).to_contain_text("Handlinger i alt")
    expect(viewer.get_by_role("textbox")).to_have_count(0)
    expect(viewer.get_by_test_id("stSidebarNav")).not_to_contain_text("Brugere")
    viewer.goto(f"{fresh_server.url}/users")
    wait_for_app(viewer)
    expect(viewer.get_by_test_id("stMain")).not_to_contain_text("Brugere og roller")
    expect(viewer.get_by_test_id("stMain")).not_to_contain_text("Opret bruger")


def test_wrong_passwords_lock_the_username_and_say_so(page: Page, app_url: str) -> None:
    page.goto(app_url)
    wait_for_app(page)
    for _ in range(5):  # each attempt's run must end before the next (else two may merge)
        page.get_by_label("Brugernavn").fill("erik")
        page.get_by_label("Adgangskode").fill("forkert-adgangskode")
        submit(page, page.get_by_role("button", name="Log ind"))
    expect(page.get_by_text("For mange forkerte forsøg med dette brugernavn")).to_be_visible()
    page.get_by_label("Brugernavn").fill("erik")
    page.get_by_label("Adgangskode").fill(PASSWORD)
    submit(page, page.get_by_role("button", name="Log ind"))
    expect(page.get_by_text("For mange forkerte forsøg med dette brugernavn")).to_be_visible()
    expect(page.get_by_text("Logget ind som")).to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "locked.png"))


def login_cookies(page: Page) -> list[dict[str, Any]]:
    return [c for c in page.context.cookies() if c["name"] == COOKIE_NAME]


def test_logout_ends_the_session_and_a_copied_cookie_no_longer_logs_in(
    new_page: Callable[..., Page], app_url: str
) -> None:
    page = new_page()
    log_in(page, app_url, "vera", form=True)
    (cookie,) = login_cookies(page)
    assert (cookie["httpOnly"], cookie["sameSite"], cookie["secure"]) == (True, "Strict", False)
    page.reload()
    wait_for_app(page)
    expect(page.get_by_text("Logget ind som")).to_be_visible()  # the cookie resumes it
    copied = [dict(cookie)]

    log_out(page)
    assert login_cookies(page) == []
    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("button", name="Log ind")).to_be_visible()
    expect(page.get_by_text("Logget ind som")).to_have_count(0)

    thief = new_page()
    thief.context.add_cookies(copied)
    thief.goto(app_url)
    wait_for_app(thief)
    expect(thief.get_by_role("button", name="Log ind")).to_be_visible()
    expect(thief.get_by_text(COOKIE_REFUSED)).to_be_visible()
    expect(thief.get_by_text("Logget ind som")).to_have_count(0)


def test_a_new_password_ends_every_session_of_the_user(
    new_page: Callable[..., Page], app_server: Server
) -> None:
    page = new_page()
    log_in(page, app_server.url, "vera", form=True)
    copied = login_cookies(page)
    assert copied

    reset = subprocess.run(
        [sys.executable, "manage.py", "reset-password", "vera"],
        input="en-helt-ny-adgangskode\n",
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": app_server.database_url},
        timeout=120,
        check=False,
    )
    assert reset.returncode == 0, reset.stderr
    assert "brugerens logins er afsluttet" in reset.stdout

    thief = new_page()
    thief.context.add_cookies(copied)
    thief.goto(app_server.url)
    wait_for_app(thief)
    expect(thief.get_by_text(COOKIE_REFUSED)).to_be_visible()
    expect(thief.get_by_text("Logget ind som")).to_have_count(0)

    with script_run(page):  # the open tab is logged out on its next run
        page.get_by_test_id("stSidebarNav").get_by_text("Genopretning").click()
    expect(page.get_by_text("Du er blevet logget ud")).to_be_visible()
    expect(page.get_by_role("button", name="Log ind")).to_be_visible()
