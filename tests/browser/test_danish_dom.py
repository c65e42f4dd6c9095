"""The real DOM of every page is Danish, including the texts Streamlit's widgets write themselves
(the uploader's drop zone, the date picker's calendar, the grid's toolbar, heading links,
Streamlit's dialogs), which AppTest cannot see (tests/pages/test_danish_everywhere.py scans
what the script sends).

The browser runs in English (`en-US`): the app itself must make the widgets Danish, as for a
user whose browser is not set to Danish.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import log_in, wait_for_app
from tests.pages.test_danish_everywhere import PAGES

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

# Whole words, case-sensitive: Streamlit's English and the calendar of an English locale.
ENGLISH = re.compile(
    r"(?<![\w/])("
    r"Upload|Browse files|Drag and drop|per file|Past Week|Past Month|Date range|"
    r"Choose date|Choose an option|Page not found|Link to heading|Download|Search|"
    r"Show/hide columns|Fullscreen|Show password|Clear all|Selected values|Remove|"
    r"Collapse sidebar|Expand sidebar|App pages|Skip to main content|Open|Close|Dismiss|"
    r"Use arrow keys|None|nan|NaN|True|False"
    r")(?![\w])"
)
# An English calendar (plan texts may name a month, so only the calendar is scanned for these).
ENGLISH_CALENDAR = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Su|Mo|Tu|We|Th|Fr|Sa)\b"
)
# What a user reads or hears: the visible text, tooltips, accessible names and placeholders.
# Charts' own accessible descriptions (Vega's "X-axis for …") are the chart components' part.
_DOM_TEXT = """() => {
  const texts = [document.body.innerText];
  for (const element of document.querySelectorAll("[title], [aria-label], [placeholder]")) {
    if (element.closest(".vega-embed svg")) continue;
    for (const name of ["title", "aria-label", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  return texts;
}"""
PRESENTER_PAGES = ["presentation", "status_figures", "profile"]
INTERNAL_PAGES = [page.removeprefix("pages/").removesuffix(".py") for page in PAGES]


def english_in_dom(page: Page) -> list[tuple[str, str]]:
    found = []
    for text in page.evaluate(_DOM_TEXT):
        found.extend(
            (match[0], text[max(0, match.start() - 40) : match.end() + 40])
            for match in ENGLISH.finditer(text)
        )
    return found


def open_path(page: Page, app_url: str, path: str) -> None:
    page.goto(f"{app_url}/{path}")
    wait_for_app(page)


@pytest.mark.parametrize(
    ("username", "paths"),
    [("hanna", INTERNAL_PAGES), ("pia", PRESENTER_PAGES)],
    ids=["admin", "presenter"],
)
def test_every_page_is_danish_in_an_english_browser(
    new_page: Callable[..., Page], app_url: str, username: str, paths: list[str]
) -> None:
    page = new_page(locale="en-US")
    log_in(page, app_url, username)
    problems = {}
    for path in paths:
        open_path(page, app_url, path)
        found = english_in_dom(page)
        if found:
            problems[path] = found
    assert problems == {}


def test_the_date_picker_speaks_danish_and_starts_weeks_on_monday(
    new_page: Callable[..., Page], app_url: str
) -> None:
    page = new_page(locale="en-US")
    log_in(page, app_url, "vera")
    open_path(page, app_url, "change_log")
    page.get_by_role("button", name="Vælg periode").click()
    calendar = page.get_by_role("dialog")
    expect(calendar).to_be_visible()
    headers = calendar.locator("th").all_inner_texts()
    assert headers[:2] == ["M", "T"], headers  # mandag, tirsdag
    assert re.search(
        r"januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
        r"november|december",
        calendar.inner_text(),
    )
    expect(calendar.get_by_text("Seneste uge")).to_be_visible()
    calendar_texts = calendar.evaluate(
        "(element) => [element.innerText, ...[...element.querySelectorAll('[aria-label]')]"
        ".map((e) => e.getAttribute('aria-label'))]"
    )
    assert [
        ENGLISH_CALENDAR.findall(text) for text in calendar_texts if ENGLISH_CALENDAR.search(text)
    ] == []
    assert english_in_dom(page) == []


def test_the_uploader_is_danish_and_names_the_settings_limit(
    new_page: Callable[..., Page], app_url: str
) -> None:
    page = new_page(locale="en-US")
    log_in(page, app_url, "erik")
    open_path(page, app_url, "bulk_update")
    uploader = page.get_by_test_id("stFileUploader")
    expect(uploader.get_by_role("button", name="Vælg fil")).to_be_visible()
    expect(uploader).to_contain_text("Højst 30 MB pr. fil")  # the setting max_upload_mb
    assert english_in_dom(page) == []


def test_a_page_that_does_not_exist_is_explained_in_danish(
    new_page: Callable[..., Page], app_url: str
) -> None:
    page = new_page(locale="en-US")
    log_in(page, app_url, "vera")
    open_path(page, app_url, "users")  # an admin's page: vera may not open it
    expect(page.get_by_text("hører ikke til din rolle").first).to_be_visible()
    assert english_in_dom(page) == []
    open_path(page, app_url, "findes-ikke")  # no page at all: Streamlit's own dialog
    expect(page.get_by_text("Siden findes ikke").first).to_be_visible()
    assert english_in_dom(page) == []
