"""Families' input in a real browser: an editor records a family-panel meeting with three input
items, links two of them to actions, changes one linked action's status in the theme page's
grid, and "I sagde – vi gjorde" shows the new status without any further edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from models.core.formatting import date_long_da
from models.core.time import today_local
from tests.browser.conftest import ARTIFACTS, Server, log_in, submit, wait_for_app
from tests.browser.test_auth_journeys import choose_option
from tests.browser.test_editing_journeys import edit_cell, open_editor, save, stored

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

C_1_2 = "C.1.2 Relevante medarbejdere modtager undervisning i reglerne for tabt arbejdsfortjeneste."
COMMUNICATION = "Kommunikation & inddragelse – og genopbygge tillid"
ITEMS = (  # (text, the action that answers it, the panel theme)
    ("Familier savner at blive ringet op, når der er nyt", "E.5.2", COMMUNICATION),
    ("Rådgivere skal kende reglerne for tabt arbejdsfortjeneste", "C.1.2", None),
    ("Ønske om faste mødetider i familiepanelet", None, None),
)


def open_form(page: Page, title: str) -> Locator:
    """The form in the expander `title`, opened (it may be open after a rerun already)."""
    expander = page.get_by_test_id("stExpander").filter(has_text=title).first
    form = expander.get_by_test_id("stForm")
    if not form.is_visible():
        expander.locator("summary").click()
    expect(form).to_be_visible()
    return form


def select_in(page: Page, form: Locator, label: str, option: str) -> None:
    choose_option(
        page,
        form.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True)),
        option,
    )


def link_action(page: Page, form: Locator, code: str) -> None:
    """Pick action `code` in the form's action list (a form: no rerun until it is sent)."""
    choices = form.get_by_test_id("stMultiSelect").filter(
        has=page.get_by_text("Handlinger, der svarer på inputtet", exact=True)
    )
    choices.click()
    choices.locator("input").fill(code)  # the list is long: filter it
    page.get_by_role("option", name=code, exact=False).first.click()
    page.keyboard.press("Escape")
    expect(choices).to_contain_text(code)


def test_an_editor_closes_the_loop_and_the_slide_follows_the_plan(
    page: Page, app_server: Server
) -> None:
    log_in(page, app_server.url, "erik")
    page.goto(f"{app_server.url}/family_input")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Input fra familier")).to_be_visible()

    # A family-panel meeting today, with six participants.
    form = open_form(page, "Registrér et møde")
    select_in(page, form, "Mødetype", "Familiepanel")
    form.get_by_label("Antal deltagere (tomt, hvis det ikke er opgjort)").fill("6")
    submit(page, form.get_by_role("button", name="Registrér mødet"))
    today = date_long_da(today_local())
    expect(page.get_by_text(f"Mødet er registreret: Familiepanel {today}.")).to_be_visible()
    expect(page.get_by_role("heading", name=f"Familiepanel {today}")).to_be_visible()

    # Three items; two answered by an action each.
    for number, (text, code, theme) in enumerate(ITEMS, start=1):
        form = open_form(page, "Tilføj input")
        form.get_by_role("textbox", name="Input (som kommunen opsummerer det)").fill(text)
        if theme:
            select_in(page, form, "Familiepanelets tema", theme)
        if code:
            select_in(page, form, "Svarstatus", "Besvaret med handling")
            link_action(page, form, code)
        submit(page, form.get_by_role("button", name="Tilføj input"))
        expect(page.get_by_text("Input er tilføjet.")).to_be_visible()
        expect(page.get_by_role("heading", name=f"Input ({number})")).to_be_visible()
    answers = page.locator(".family-answers")
    expect(answers).to_have_count(2)
    expect(answers.filter(has_text="C.1.2")).to_contain_text("Kommende opgave")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "family_input.png"), full_page=True)

    # C.1.2 changes status in the theme page's grid, as every status change does.
    grid = open_editor(page, app_server, "c")
    edit_cell(page, grid, 1, "Status", "I gang")
    save(page)
    expect(page.get_by_text("1 handling gemt: C.1.2.")).to_be_visible()
    assert stored(app_server, "C.1.2").status.value == "I gang"
    page.reload()
    wait_for_app(page)
    expect(page.get_by_text("Input fra familier, som sporet svarer på")).to_be_visible()
    expect(page.get_by_text(f"«{ITEMS[1][0]}» – Besvaret med handling")).to_be_visible()

    # The input page and the slide show the action's new status; nothing else was edited.
    page.goto(f"{app_server.url}/family_input")
    wait_for_app(page)
    expect(page.locator(".family-answers").filter(has_text="C.1.2")).to_contain_text("I gang")
    page.goto(f"{app_server.url}/presentation?slide=8")
    wait_for_app(page)
    slide = page.locator(".slide")
    expect(slide.get_by_role("heading", name="I sagde – vi gjorde", exact=True)).to_be_visible()
    expect(slide.get_by_role("heading", name=f"{COMMUNICATION}:")).to_be_visible()
    expect(slide).to_contain_text(f"I sagde: «{ITEMS[1][0]}» – vi gjorde: {C_1_2} (I gang)")
    expect(slide).to_contain_text(f"familiepanel {today} (6 deltagere)")
    page.screenshot(path=str(ARTIFACTS / "family_slide.png"))

    # The public status page (what *Udgiv* would publish) shows the same, from the same data.
    page.goto(f"{app_server.url}/public_site")
    wait_for_app(page)
    site = page.frame_locator("iframe[title='Forhåndsvisning af den offentlige statusside']")
    families = site.locator("section#familier")
    expect(families).to_contain_text(f"«{ITEMS[1][0]}»")
    expect(families.locator("li").filter(has_text="C.1.2").first).to_contain_text("I gang")
