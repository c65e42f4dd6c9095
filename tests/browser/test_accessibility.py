"""WCAG 2.1 AA in the browser: axe-core on every page for every role, and the keyboard.

axe-core runs inside Chromium through Playwright; it comes with the pinned test dependency
`axe-playwright-python` (its own copy of axe.min.js, nothing is fetched at test time). Every
page a role's navigation offers is visited, with its expanders opened (so the tables behind
the charts are checked too), and so is every slide of the citizen-meeting deck and the login
page before anyone has logged in. A serious or critical violation fails the test with the
page, the rule, its impact and the elements it found.
"""

from __future__ import annotations

import datetime as dt
import itertools
import urllib.request
from typing import TYPE_CHECKING, Any

import pytest
from sqlmodel import Session

from models.auth.users import Role
from models.presentation.slides import SLIDE_TITLES
from tests.browser.conftest import BROWSER_USERS, Server, log_in, wait_for_app
from tests.factories import plant_marker_text

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect
axe_playwright = pytest.importorskip(
    "axe_playwright_python.sync_playwright", reason="needs axe-playwright-python (dev deps)"
)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
PRESENTATION = "Borgermøde"
# Streamlit keeps its own toast/dialog containers and the hidden deploy menu out of sight;
# they are checked when shown. Nothing of the app's own is excluded.
_OPEN_EXPANDERS = """() => {
  for (const details of document.querySelectorAll("[data-testid='stExpander'] details")) {
    details.open = true;
  }
}"""


@pytest.fixture
def full_server(app_server: Server) -> Server:
    """The shared server with demo cases (so the restoration charts are drawn) and notes,
    reasons and comments in every place that has them."""
    engine = app_server.engine()
    try:
        with Session(engine) as session:
            plant_marker_text(session, dt.date.today())
            session.commit()
    finally:
        engine.dispose()
    return app_server


def _serious(results: dict[str, Any]) -> list[dict[str, Any]]:
    return [v for v in results["violations"] if v.get("impact") in FAILING_IMPACTS]


def describe(where: str, violations: list[dict[str, Any]]) -> list[str]:
    """One readable line per violation: where, rule, impact, what it asks and the elements."""
    lines = []
    for violation in violations:
        targets = "; ".join(
            " ".join(str(part) for part in node["target"])
            + (f" {node['html'][:120]}" if node.get("html") else "")
            for node in violation["nodes"][:8]
        )
        more = len(violation["nodes"]) - 8
        lines.append(
            f"{where}: {violation['id']} ({violation['impact']}) {violation['help']} -> "
            f"{targets}{f' (+{more} more)' if more > 0 else ''}"
        )
    return lines


def check_page(page: Page, where: str) -> list[str]:
    wait_for_app(page)
    page.evaluate(_OPEN_EXPANDERS)
    results = axe_playwright.Axe().run(page, options=AXE_OPTIONS).response
    return describe(where, _serious(results))


def nav_links(page: Page) -> list[tuple[str, str]]:
    """(label, href) of every page in the sidebar navigation."""
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav).to_be_visible()
    links = nav.get_by_role("link")
    return [
        (links.nth(i).inner_text().strip(), links.nth(i).get_attribute("href") or "")
        for i in range(links.count())
    ]


def test_describe_names_page_rule_impact_and_elements() -> None:
    violation = {
        "id": "color-contrast",
        "impact": "serious",
        "help": "Elements must meet minimum color contrast ratio thresholds",
        "nodes": [{"target": [".status-badge"]}, {"target": ["#root", "span.x"]}],
    }
    minor = {**violation, "impact": "minor"}
    assert _serious({"violations": [violation, minor]}) == [violation]
    assert describe("vera /overview", [violation]) == [
        "vera /overview: color-contrast (serious) Elements must meet minimum color contrast "
        "ratio thresholds -> .status-badge; #root span.x"
    ]


def test_the_login_page_has_no_serious_violations(page: Page, app_url: str) -> None:
    page.goto(app_url)
    wait_for_app(page)
    expect(page.get_by_role("button", name="Log ind")).to_be_visible()
    problems = check_page(page, "logged out /")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("username", "role"), BROWSER_USERS, ids=[r for _, r in BROWSER_USERS])
def test_every_page_of_every_role_has_no_serious_violations(
    page: Page, full_server: Server, username: str, role: Role
) -> None:
    log_in(page, full_server.url, username)
    links = nav_links(page)
    assert links, f"{username} sees no pages"
    problems: list[str] = []
    for label, href in links:
        page.goto(href)
        problems += check_page(page, f"{username} ({role}) {label}")
    deck = next((href for label, href in links if label.endswith(PRESENTATION)), None)
    assert deck is not None, f"{username} has no {PRESENTATION} page"
    for number in range(1, len(SLIDE_TITLES) + 1):
        page.goto(f"{deck}?slide={number}")
        wait_for_app(page)
        expect(page.get_by_role("heading", name=SLIDE_TITLES[number - 1])).to_be_visible()
        problems += check_page(page, f"{username} ({role}) {PRESENTATION} slide {number}")
    assert not problems, f"{len(problems)} serious or critical violations:\n" + "\n".join(problems)


def test_the_page_is_served_in_danish(page: Page, app_url: str) -> None:
    with urllib.request.urlopen(f"{app_url}/tema_a") as response:  # noqa: S310
        html = response.read().decode()
    assert '<html lang="da">' in html
    assert '<html lang="en">' not in html
    log_in(page, app_url, "vera")
    assert page.evaluate("document.documentElement.lang") == "da"


_TAB_WALK = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const inMain = !!el.closest("[data-testid='stMain']");
  const anchor = !!el.closest("[data-testid='stHeaderActionElements']");
  return {inMain, anchor, text: (el.innerText || el.getAttribute("aria-label") || el.tagName)
    .trim().slice(0, 60), tag: el.tagName};
}"""
_TABBABLE = """() => [...document.querySelectorAll(
  "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])")]
  .filter((el) => !el.disabled && el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== "hidden").length"""


@pytest.mark.parametrize("username", ["vera", "pia"])  # the overview; the deck's first slide
def test_the_keyboard_reaches_content_first_and_passes_through(
    page: Page, app_url: str, username: str
) -> None:
    """Tab from the top of the user's start page: no heading anchor takes a stop, the page's
    content is reached, and focus moves on through the whole page (no element keeps it)."""
    log_in(page, app_url, username)
    wait_for_app(page)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    tabbable = page.evaluate(_TABBABLE)
    seen: list[dict[str, Any]] = []
    for _ in range(tabbable + 5):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(_TAB_WALK))
    stops = [stop for stop in seen if stop is not None]
    assert not [stop for stop in stops if stop["anchor"]], "a heading anchor takes a Tab stop"
    assert any(stop["inMain"] for stop in stops), "Tab never reaches the page's content"
    repeated = [a for a, b in itertools.pairwise(stops) if a == b and a["inMain"]]
    assert len({(s["tag"], s["text"]) for s in stops}) > tabbable // 2, stops
    assert not repeated or len(repeated) < 3, f"focus stays on {repeated[0]}"
