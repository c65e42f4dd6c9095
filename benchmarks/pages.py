"""Page benchmark: every page of the app in headless Chromium against the floor, in one run.

Starts the app on the given database and the floor (a one-line Streamlit page) as two
`streamlit run` servers with the same config, logs in once per role through the login form
and keeps the browser's storage state. Then, `--runs` times, for every page at the lowest role
that sees it (plus the editor on the editable theme pages and Effektmål): a floor load and a
page load, interleaved, each in a fresh browser context, each timed from `goto` until the
script has finished (the app root's script state `notRunning`, and the page's own content:
the user box for the app, the text for the floor). One untimed load of every page first
fills the caches (its time is shown as "first").

Also: ten sessions opening the overview at once against one (wall time and server CPU), and
the server's RSS after every page and with the ten sessions open.

Run: .venv/bin/python -m benchmarks.pages --url sqlite:////tmp/x.db [--runs 3]
     (a database built by `python -m benchmarks.scale`)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.scale import BENCH_PASSWORD, BENCH_USERS
from benchmarks.servers import FLOOR_TEXT, PROJECT_ROOT, Server, app_and_floor
from models.auth.users import Role

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = PROJECT_ROOT / "artifacts"
APP_READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
USER_BOX = "Logget ind som"
ERRORS = "[data-testid='stException'], [data-testid='stAlertContentError']"
TIMEOUT_MS = 180_000
CONCURRENT = 10
CONCURRENT_RUNS = 2  # each: one session, then ten at once
# Counts the script runs of one load (each change of the app root's script state).
COUNT_RUNS = """
window.__runs = 0;
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.getAttribute("data-test-script-state") === "running") window.__runs += 1;
  }
}).observe(document, {
  subtree: true, attributes: true, attributeFilter: ["data-test-script-state"]});
"""


@dataclass(frozen=True)
class PageCase:
    """One page as one role opens it: its URL path ("" for the role's start page)."""

    name: str
    path: str
    role: Role


def theme_codes() -> list[str]:
    return sorted(
        path.stem.removeprefix("tema_") for path in (PROJECT_ROOT / "pages").glob("tema_*.py")
    )


def page_cases() -> list[PageCase]:
    """Every page at the lowest role that sees it; the editor on what it edits."""
    themes = [f"tema_{code}" for code in theme_codes()]
    viewer = [
        "restoration",
        "indicators",
        "reports",
        "change_log",
        "review",
        "decisions",
        "family_input",
        *themes,
        "profile",
    ]
    return [
        PageCase("overview", "", Role.viewer),
        *(PageCase(name, name, Role.viewer) for name in viewer),
        PageCase("presentation", "presentation", Role.presenter),
        PageCase("status_figures", "status_figures", Role.presenter),
        PageCase("my_actions", "", Role.editor),  # the start page of an editor who owns a track
        *(PageCase(name, name, Role.editor) for name in ("bulk_update", "public_site")),
        *(PageCase(name, name, Role.editor) for name in [*themes, "indicators"]),
        PageCase("users", "users", Role.admin),
    ]


@dataclass
class Timings:
    first: float = float("nan")
    loads: list[float] = field(default_factory=list)
    runs: list[int] = field(default_factory=list)
    errors: int = 0

    @property
    def min(self) -> float:
        return min(self.loads, default=float("nan"))

    @property
    def median(self) -> float:
        return statistics.median(self.loads) if self.loads else float("nan")

    @property
    def max(self) -> float:
        return max(self.loads, default=float("nan"))


@dataclass
class PageResults:
    floor: Timings
    pages: dict[PageCase, Timings]
    logins: dict[Role, float]
    one_session: list[float]
    ten_sessions: list[float]
    cpu_one: list[float]
    cpu_ten: list[float]
    floor_one: list[float]
    floor_ten: list[float]
    rss_after_pages: float
    rss_ten_sessions: float
    rss_peak: float
    runs: int


def _wait_app(page: Page) -> None:
    page.wait_for_selector(APP_READY, timeout=TIMEOUT_MS)
    page.get_by_text(USER_BOX).first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_selector(APP_READY, timeout=TIMEOUT_MS)


def _wait_floor(page: Page) -> None:
    page.get_by_text(FLOOR_TEXT).first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_selector(APP_READY, timeout=TIMEOUT_MS)


def _cookie_issued(response: Any) -> bool:
    return response.url.endswith("/auth/session") and response.request.method == "POST"


def _log_in(browser: Browser, app: Server, role: Role) -> tuple[dict[str, Any], float]:
    """Log in through the form; the storage state (the login cookie) and the login's time."""
    context = browser.new_context(locale="da-DK")
    try:
        page = context.new_page()
        page.goto(app.url)
        page.wait_for_selector(APP_READY, timeout=TIMEOUT_MS)
        page.get_by_label("Brugernavn").fill(BENCH_USERS[role])
        page.get_by_label("Adgangskode").fill(BENCH_PASSWORD)
        started = time.perf_counter()
        # The page exchanges the login's one-time code for the HttpOnly cookie: wait for it.
        with page.expect_response(_cookie_issued, timeout=TIMEOUT_MS) as issued:
            page.get_by_role("button", name="Log ind").click()
        assert issued.value.status == 204, f"no login cookie: HTTP {issued.value.status}"
        _wait_app(page)
        return context.storage_state(), time.perf_counter() - started
    finally:
        context.close()


def _error_type() -> type[Exception]:
    from playwright.sync_api import Error

    return Error


def _load(
    browser: Browser, url: str, wait: Callable[[Page], None], state: dict[str, Any] | None
) -> tuple[float, int, bool]:
    """(seconds, script runs, error shown) of one load in a fresh context."""
    context = browser.new_context(locale="da-DK", storage_state=state)
    try:
        context.add_init_script(COUNT_RUNS)
        page = context.new_page()
        started = time.perf_counter()
        try:
            page.goto(url, timeout=TIMEOUT_MS)
            wait(page)
        except _error_type() as error:  # counted as an error; the run goes on
            ARTIFACTS.mkdir(exist_ok=True)
            shot = ARTIFACTS / f"benchmark-{url.rsplit('/', 1)[-1] or 'start'}.png"
            page.screenshot(path=str(shot), full_page=True)
            print(f"  {url}: {str(error).splitlines()[0]} (screenshot {shot})")
            return float("nan"), 0, True
        elapsed = time.perf_counter() - started
        return elapsed, page.evaluate("window.__runs"), page.locator(ERRORS).count() > 0
    finally:
        context.close()


def _sessions(
    browser: Browser,
    app: Server,
    state: dict[str, Any] | None,
    count: int,
    wait: Callable[[Page], None] = _wait_app,
) -> tuple[float, float, list]:
    """(wall seconds, server CPU seconds) of `count` sessions opening the overview (or the
    floor, with `wait=_wait_floor`) at once; the contexts stay open (the caller closes them
    after reading the RSS)."""
    contexts = [browser.new_context(locale="da-DK", storage_state=state) for _ in range(count)]
    pages = [context.new_page() for context in contexts]
    cpu = app.cpu_s()
    started = time.perf_counter()
    for page in pages:
        page.goto(app.url, wait_until="commit", timeout=TIMEOUT_MS)
    for page in pages:
        wait(page)
    return time.perf_counter() - started, app.cpu_s() - cpu, contexts


def _record(timings: Timings, load: tuple[float, int, bool]) -> None:
    seconds, runs, error = load
    timings.errors += error
    if seconds == seconds:  # not NaN: the load finished
        timings.loads.append(seconds)
        timings.runs.append(runs)


def run_pages(database_url: str, runs: int, progress: Callable[[str], None] = print) -> PageResults:
    from playwright.sync_api import sync_playwright

    cases = page_cases()
    with (
        tempfile.TemporaryDirectory() as folder,
        app_and_floor(database_url, Path(folder)) as (app, floor),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            logins = {
                role: _log_in(browser, app, role)
                for role in (Role.presenter, Role.viewer, Role.editor, Role.admin)
            }
            states = {role: state for role, (state, _) in logins.items()}
            floor_timings = Timings()
            pages = {case: Timings() for case in cases}
            floor_timings.first = _load(browser, floor.url, _wait_floor, None)[0]
            for case in cases:
                pages[case].first = _load(
                    browser, f"{app.url}/{case.path}", _wait_app, states[case.role]
                )[0]
                progress(
                    f"  first load {case.role.value:<9} {case.name:<16} {pages[case].first:6.2f} s"
                )
            for number in range(runs):
                for case in cases:
                    _record(floor_timings, _load(browser, floor.url, _wait_floor, None))
                    _record(
                        pages[case],
                        _load(browser, f"{app.url}/{case.path}", _wait_app, states[case.role]),
                    )
                progress(f"  run {number + 1}/{runs} done")
            rss_after_pages = app.rss_mb()
            one, ten, cpu_one, cpu_ten, floor_one, floor_ten = [], [], [], [], [], []
            rss_ten = 0.0
            for _ in range(min(runs, CONCURRENT_RUNS)):
                # The empty page the same way: what the machine (browser and server on the
                # same cores) does to ten sessions at once by itself.
                for count, walls in ((1, floor_one), (CONCURRENT, floor_ten)):
                    wall, _, contexts = _sessions(browser, floor, None, count, _wait_floor)
                    walls.append(wall)
                    for context in contexts:
                        context.close()
                wall, cpu, contexts = _sessions(browser, app, states[Role.viewer], 1)
                one.append(wall)
                cpu_one.append(cpu)
                for context in contexts:
                    context.close()
                wall, cpu, contexts = _sessions(browser, app, states[Role.viewer], CONCURRENT)
                ten.append(wall)
                cpu_ten.append(cpu)
                rss_ten = max(rss_ten, app.rss_mb())
                for context in contexts:
                    context.close()
            return PageResults(
                floor=floor_timings,
                pages=pages,
                logins={role: seconds for role, (_, seconds) in logins.items()},
                one_session=one,
                ten_sessions=ten,
                cpu_one=cpu_one,
                cpu_ten=cpu_ten,
                floor_one=floor_one,
                floor_ten=floor_ten,
                rss_after_pages=rss_after_pages,
                rss_ten_sessions=rss_ten,
                rss_peak=app.peak_rss_mb(),
                runs=runs,
            )
        finally:
            browser.close()


def verdict(value: float, target: float) -> str:
    """ "met" or "missed" (a figure that could not be measured is missed)."""
    return "met" if value <= target else "missed"


def summary_lines(results: PageResults, target: float | None = None) -> list[str]:
    """A markdown table: every page's load times, its ratio to the floor, the target's verdict."""
    base = results.floor.median
    head = "| page | role | min s | median s | max s | × floor | first s | runs/load |"
    rule = "|---|---|--:|--:|--:|--:|--:|--:|"
    if target is not None:
        head, rule = f"{head} target ≤ {target:g}× |", f"{rule}---|"
    lines = [head, rule]
    rows = [
        ("floor (empty page)", "", results.floor),
        *((c.name, c.role.value, t) for c, t in results.pages.items()),
    ]
    for name, role, timings in rows:
        ratio = timings.median / base
        runs = statistics.median(timings.runs) if timings.runs else float("nan")
        line = (
            f"| {name} | {role} | {timings.min:.2f} | {timings.median:.2f} | {timings.max:.2f} "
            f"| {ratio:.2f} | {timings.first:.2f} | {runs:.0f} |"
        )
        if target is not None:
            line += f" {verdict(ratio, target) if timings.loads else 'missed'} |"
        if timings.errors:
            line += f" {timings.errors} load(s) failed or showed an error"
        lines.append(line)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="the database URL (built by benchmarks.scale)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = run_pages(args.url, args.runs)
    print("\n".join(summary_lines(results)))
    print(f"logins: {', '.join(f'{r.value} {s:.2f} s' for r, s in results.logins.items())}")
    one, ten = statistics.median(results.one_session), statistics.median(results.ten_sessions)
    cpu = statistics.median(results.cpu_ten) / statistics.median(results.cpu_one)
    print(f"overview: one session {one:.2f} s, ten at once {ten:.2f} s ({ten / one:.1f}×)")
    print(f"server CPU: ten sessions {cpu:.1f}× one")
    print(
        f"server RSS: {results.rss_after_pages:.0f} MB after every page, "
        f"{results.rss_ten_sessions:.0f} MB with ten sessions, peak {results.rss_peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
