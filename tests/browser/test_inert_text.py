"""User text is inert in a real browser (issue 13): markdown, HTML and links in a note, a
responsible party, a display name, a report name, a key message and an e-mail-like username are
shown as the characters that were typed, in every place they appear (the conflict warnings
included), and no page ever sends a request to a foreign host.

The payloads are planted through the project's own write functions, straight into the shared
server's database; every check runs on the page as Chromium rendered it. A payload that became
markup would show up three ways: a link, image, script, bold, code or heading element in the
DOM; a recorded request for evil.example (every request of every page is recorded, and anything
that is not local is aborted so that the closed network cannot make a test hang); and text that
no longer reads as typed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from openpyxl import load_workbook
from sqlmodel import Session, select

from components.safe_text import WORD_JOINER
from models.auth.users import Actor, Role, create_user
from models.core.time import today_local
from models.plan.action_edits import ActionEdit, Outcome, save_action_edits
from models.plan.status_workbook import COLUMNS, SHEET
from models.plan.tables import Action
from models.reports.snapshots import create_snapshot, current_key_messages, set_key_messages
from tests.browser.conftest import ARTIFACTS, Server, log_in, script_run, submit, wait_for_app
from tests.browser.test_editing_journeys import edit_cell, open_editor, save, stored
from tests.factories import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page, Route

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

LINK = "[klik her](https://evil.example/phish)"
IMAGE = "![x](https://evil.example/pixel.png)"
IMG_TAG = "<img src=https://evil.example/i.png onerror=alert(1)>"
BOLD_TAG = "<b>fed</b>"
BOLD = "**fed**"
BARE_URL = "https://evil.example/bare"
SCRIPT = "<script>alert(1)</script>"
CODE = "`kode`"
HEADING = "# Overskrift"
PAYLOADS = (LINK, IMAGE, IMG_TAG, BOLD_TAG, BOLD, BARE_URL, SCRIPT, CODE, HEADING)

# Every payload at the start of a line of its own (a note keeps its line breaks).
NOTE = "\n".join(PAYLOADS)
RESPONSIBLE = f"{HEADING} {BOLD} {LINK} {IMG_TAG}"  # at most 200 characters
# Display names and report names hold at most 120 characters: the payloads in two halves.
NAME_LINKS = f"{LINK} {IMAGE} {BOLD} {CODE} {BARE_URL}"
NAME_TAGS = f"{HEADING} {IMG_TAG} {BOLD_TAG} {SCRIPT}"
REPORT_PLANTED = f"{HEADING} {LINK} {IMG_TAG}"
REPORT_TYPED = f"{IMAGE} {BOLD_TAG} {BOLD} {CODE} {SCRIPT} {BARE_URL}"
KEY_MESSAGES = (NOTE, LINK, f"{IMG_TAG} {BARE_URL}", f"{BOLD} {BOLD_TAG} {CODE}", HEADING)
# The conflict: the first editor's note, and the second editor's own value, typed in the grid.
CONFLICT_NOTE = f"{LINK} {IMAGE} {IMG_TAG} {BOLD_TAG} {BARE_URL}\n{HEADING}"
CONFLICT_YOURS = f"{BOLD} {SCRIPT} {CODE}"

NOTE_ACTION = "A.1.1"
FIRST_EDITOR = "ida@evil.example"  # a valid username that markdown would make a mailto link
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
EDITOR = Actor("erik", Role.editor)

# Markup that a payload would have become, and any element that loads from a foreign host.
_MARKUP_FROM_PAYLOADS = """() => {
  const local = new Set(["127.0.0.1", "localhost"]);
  const found = [];
  const text = (el) => el.textContent.replace(/\\u2060/g, "");
  // Attributes that run code or name something to fetch or follow (text in an aria-label
  // or a title is only text).
  const urls = new Set(["href", "src", "srcset", "action", "formaction", "poster", "data",
    "xlink:href", "background", "ping", "style"]);
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) found.push(`${el.tagName} ${name}`);
      if (urls.has(name) && /evil\\.example/i.test(attr.value))
        found.push(`${el.tagName} ${name}=${attr.value}`);
    }
  }
  const loading = "img, image, script[src], link[href], iframe[src], source, video, audio, "
    + "embed, object";
  for (const el of document.querySelectorAll(loading)) {
    const value = el.getAttribute("src") || el.getAttribute("href")
      || el.getAttribute("data") || "";
    if (!value) continue;
    const url = new URL(value, document.baseURI);
    if (!["data:", "blob:", "about:"].includes(url.protocol) && !local.has(url.hostname))
      found.push(`${el.tagName} loads ${value}`);
  }
  for (const el of document.querySelectorAll("a")) if (text(el).includes("klik her"))
    found.push("a link made from the payload");
  for (const el of document.querySelectorAll("img")) if (el.getAttribute("alt") === "x")
    found.push("an image made from the payload");
  for (const el of document.querySelectorAll("b, strong")) if (text(el).trim() === "fed")
    found.push(`${el.tagName} fed`);
  for (const el of document.querySelectorAll("code, pre")) if (text(el).includes("kode"))
    found.push(`${el.tagName} kode`);
  for (const el of document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
    if (text(el).includes("Overskrift")) found.push(`${el.tagName} Overskrift`);
  for (const el of document.querySelectorAll("script")) if (el.textContent.includes("alert(1)"))
    found.push("a script made from the payload");
  return found;
}"""


def flat(text: str) -> str:
    """Text as read: without the invisible word joiners that stop auto-linking, and with any
    run of white space (a line break in a note, a soft break in markdown) as one space."""
    return " ".join(text.replace(WORD_JOINER, "").split())


def assert_inert(page: Page) -> None:
    """Nothing on the page is markup made from a payload, or loads from a foreign host."""
    wait_for_app(page)
    assert page.evaluate(_MARKUP_FROM_PAYLOADS) == []


def assert_reads(shown: str, *texts: str) -> None:
    """Every text in `texts` is in `shown` character for character (white space aside)."""
    missing = [text for text in texts if flat(text) not in flat(shown)]
    assert missing == [], f"not shown as typed: {missing!r} in {flat(shown)!r}"


def shows(locator: Locator, *texts: str) -> None:
    """The element is visible and its rendered text reads `texts` as typed."""
    expect(locator).to_be_visible()
    assert_reads(locator.inner_text(), *texts)


def grid_shows(grid: Locator, *texts: str, scroll_right: bool = False) -> None:
    """A data grid draws its cells on a canvas, and the cells in view also in an accessible
    table; `scroll_right` brings the last columns into view first."""
    expect(grid).to_be_visible()
    table = grid.locator("table")
    if scroll_right:
        grid.locator(".dvn-scroller").evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    for text in texts:
        expect(table).to_contain_text(flat(text))  # white space normalised, as flat() does


@dataclass
class Watched:
    """Pages whose every request is recorded; anything not local is aborted."""

    new_page: Callable[..., Page]
    requests: list[str] = field(default_factory=list)

    def open(self, width: int = 1366, height: int = 768) -> Page:
        page = self.new_page(width, height, locale="da-DK")
        page.context.route("**/*", _only_local)
        page.context.on("request", lambda request: self.requests.append(request.url))
        page.on("websocket", lambda socket: self.requests.append(socket.url))
        return page

    def assert_all_local(self) -> None:
        assert self.requests, "no request was recorded"
        foreign = sorted({url for url in self.requests if not _is_local(url)})
        assert foreign == [], f"requests to foreign hosts: {foreign}"


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or parts.hostname in LOCAL_HOSTS


def _only_local(route: Route) -> None:
    if _is_local(route.request.url):
        route.continue_()
    else:
        route.abort("blockedbyclient")


@pytest.fixture
def watched(new_page: Callable[..., Page]) -> Watched:
    return Watched(new_page)


def visit(page: Page, server: Server, path: str) -> None:
    """Open a page of the app by its URL (the login cookie keeps the user logged in)."""
    page.goto(f"{server.url}/{path}")
    wait_for_app(page)


def plant(server: Server, write: Callable[[Session], None]) -> None:
    """Run `write` in one transaction on the server's database (the app reads it next run)."""
    engine = server.engine()
    try:
        with Session(engine) as session:
            write(session)
            session.commit()
    finally:
        engine.dispose()


def test_the_guard_records_blocks_and_flags_a_foreign_image(watched: Watched) -> None:
    """The checks below would catch a payload that became an image: its request is recorded
    (and aborted), and the DOM check names the element."""
    page = watched.open()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.failure or ""))
    page.set_content(f"<p>{IMG_TAG}</p>")  # markup, as a payload must never become
    assert "https://evil.example/i.png" in watched.requests
    assert len(failed) == 1
    assert "ERR_BLOCKED_BY_CLIENT" in failed[0]  # aborted, never sent
    with pytest.raises(AssertionError, match=r"evil\.example"):
        watched.assert_all_local()
    assert page.evaluate(_MARKUP_FROM_PAYLOADS) != []


def test_a_note_and_a_responsible_party_are_inert_on_every_page(
    watched: Watched, app_server: Server
) -> None:
    """A note with every payload on a line of its own, and a responsible party, on A.1.1 (set
    to Obs): the overview's attention list, the theme page, the change log (viewer), and the
    editor's grid and change history (editor)."""

    def write(session: Session) -> None:
        action = session.exec(select(Action).where(Action.code == NOTE_ACTION)).one()
        values = {"status": "Obs", "note": NOTE, "responsible": RESPONSIBLE}
        [result] = save_action_edits(
            session, actor=EDITOR, edits=[ActionEdit(action.id or 0, action.version, values)]
        )
        assert result.outcome == Outcome.saved, result.message

    plant(app_server, write)
    saved = stored(app_server, NOTE_ACTION)
    assert (saved.note, saved.responsible) == (NOTE, RESPONSIBLE)  # stored exactly as typed

    viewer = watched.open()
    log_in(viewer, app_server.url, "vera")  # the overview, with its attention list (Obs open)
    obs = viewer.get_by_test_id("stExpander").filter(has_text="Obs (1)")
    shows(obs.locator("table.plan-actions tr", has_text=NOTE_ACTION), NOTE, RESPONSIBLE)
    assert_inert(viewer)

    visit(viewer, app_server, "tema_a")
    shows(viewer.locator("table.plan-actions tr", has_text=NOTE_ACTION), NOTE, RESPONSIBLE)
    assert_inert(viewer)

    visit(viewer, app_server, "change_log")
    grid_shows(viewer.get_by_test_id("stDataFrame"), NOTE, RESPONSIBLE, scroll_right=True)
    assert_inert(viewer)

    editor = watched.open()
    log_in(editor, app_server.url, "erik")
    grid_shows(open_editor(editor, app_server, "a"), NOTE, RESPONSIBLE)
    history = editor.get_by_test_id("stExpander").filter(has_text="Ændringshistorik").first
    with script_run(editor):
        history.get_by_text("Ændringshistorik").click()
    grid_shows(history.get_by_test_id("stDataFrame"), NOTE, RESPONSIBLE, scroll_right=True)
    assert_inert(editor)
    watched.assert_all_local()


def test_display_names_are_inert_in_the_sidebar_and_on_the_users_page(
    watched: Watched, app_server: Server
) -> None:
    """Two users whose display names hold the payloads: "Logget ind som" in each one's sidebar,
    and the admin's user list."""
    names = {"ida": (Role.editor, NAME_LINKS), "ole": (Role.viewer, NAME_TAGS)}

    def write(session: Session) -> None:
        for username, (role, name) in names.items():
            user = create_user(
                session,
                actor=Actor.command_line(),
                username=username,
                display_name=name,
                role=role,
                password=PASSWORD,
            )
            assert user.display_name == name

    plant(app_server, write)
    for username, (_, name) in names.items():
        page = watched.open()
        log_in(page, app_server.url, username)
        box = page.get_by_test_id("stSidebar").get_by_test_id("stMarkdown")
        logged_in_as = box.filter(has_text="Logget ind som")
        shows(logged_in_as, f"Logget ind som {name}")
        assert_inert(page)
        if username == "ida":
            logged_in_as.scroll_into_view_if_needed()
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "inert_sidebar_name.png"))

    admin = watched.open()
    log_in(admin, app_server.url, "hanna")
    visit(admin, app_server, "users")
    grid_shows(admin.get_by_test_id("stDataFrame").first, NAME_LINKS, NAME_TAGS)
    assert_inert(admin)
    ARTIFACTS.mkdir(exist_ok=True)
    admin.screenshot(path=str(ARTIFACTS / "inert_users.png"))
    watched.assert_all_local()


def choose(page: Page, label: str, option: str, *listed: str) -> None:
    """Pick `option` in the selectbox labelled `label`; the open list reads `listed` as text."""
    select = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))
    with script_run(page):
        select.click()
        options = page.get_by_role("option")
        expect(options.first).to_be_visible()
        assert_reads(page.get_by_role("listbox").inner_text(), option, *listed)
        assert_inert(page)  # the open list too
        choice = options.filter(has_text=flat(option))
        expect(choice).to_have_count(1)
        assert flat(choice.inner_text()) == flat(option)
        choice.click()


def test_report_names_and_key_messages_are_inert_on_the_reports_page_and_the_slide(
    watched: Watched, app_server: Server
) -> None:
    """Payload key messages and a planted payload report; the editor creates a second one on
    the page. The key-message form, the flash message, the report list, the comparison's
    selectbox and sentence (editor and viewer), and the key-message slide (presenter)."""
    today = today_local()

    def write(session: Session) -> None:
        set_key_messages(session, actor=EDITOR, texts=list(KEY_MESSAGES))
        assert current_key_messages(session) == list(KEY_MESSAGES)
        snapshot = create_snapshot(
            session,
            actor=EDITOR,
            name=REPORT_PLANTED,
            taken_on=today - dt.timedelta(days=30),
            today=today,
            reconstruction=True,
        )
        assert snapshot.name == REPORT_PLANTED

    plant(app_server, write)

    editor = watched.open()
    log_in(editor, app_server.url, "erik")
    visit(editor, app_server, "reports")
    editor.get_by_text("5 pointer (bruges i bilag og på borgermøde)").click()
    for number, message in enumerate(KEY_MESSAGES, start=1):
        expect(editor.get_by_label(f"{number}.", exact=True)).to_have_value(message)
    assert_inert(editor)

    editor.get_by_text("Opret statusrapport").click()
    editor.get_by_label("Navn (fx «Status BLU 29.9.2025»)").fill(REPORT_TYPED)
    submit(editor, editor.get_by_role("button", name="Frys status nu"))
    flash = editor.get_by_test_id("stAlert").filter(has_text="er oprettet")
    shows(flash, f"Statusrapporten «{REPORT_TYPED}» er oprettet.")
    grid_shows(editor.get_by_test_id("stDataFrame").first, REPORT_TYPED, REPORT_PLANTED)
    # The newest report is compared with the state now by default; then the planted one.
    sentences = editor.get_by_test_id("stMarkdown").filter(has_text="Siden «")
    shows(sentences, f"Siden «{REPORT_TYPED}»")
    assert_inert(editor)
    choose(editor, "Sammenlign med", REPORT_PLANTED, REPORT_TYPED)
    shows(sentences, f"Siden «{REPORT_PLANTED}»")
    assert_inert(editor)

    viewer = watched.open()
    log_in(viewer, app_server.url, "vera")
    visit(viewer, app_server, "reports")
    grid_shows(viewer.get_by_test_id("stDataFrame").first, REPORT_TYPED, REPORT_PLANTED)
    chosen = viewer.get_by_test_id("stSelectbox").filter(has_text="Sammenlign med")
    expect(chosen.get_by_role("combobox")).to_have_value(REPORT_TYPED)
    shows(viewer.get_by_test_id("stMarkdown").filter(has_text="Siden «"), f"Siden «{REPORT_TYPED}»")
    assert_inert(viewer)

    presenter = watched.open(1920, 1080)
    log_in(presenter, app_server.url, "pia")
    visit(presenter, app_server, "presentation?slide=4")
    expect(presenter.get_by_role("heading", name="5 pointer")).to_be_visible()
    lines = [f"{number}. {text}" for number, text in enumerate(KEY_MESSAGES, start=1)]
    shows(presenter.locator(".slide"), *lines)
    assert_inert(presenter)
    watched.assert_all_local()


def excel_with_note(workbook_bytes: bytes, code: str, note: str) -> bytes:
    """The status workbook as downloaded, with `code`'s note changed."""
    workbook = load_workbook(io.BytesIO(workbook_bytes))
    sheet = workbook[SHEET]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == code:
            row[COLUMNS.index("Statusnote")].value = note
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_conflict_warnings_show_the_other_editors_note_and_name_as_text(
    watched: Watched, app_server: Server
) -> None:
    """Two editors change B.1.1's note in the grid; the one who saves second is told what the
    first saved. The first editor's username holds an e-mail-like `@`, which markdown would
    link; the same editor's change then also meets an Excel file downloaded before it."""
    plant(
        app_server,
        lambda session: create_user(
            session,
            actor=Actor.command_line(),
            username=FIRST_EDITOR,
            display_name="Ida",
            role=Role.editor,
            password=PASSWORD,
        ),
    )
    first = watched.open()
    second = watched.open()
    log_in(first, app_server.url, FIRST_EDITOR)
    log_in(second, app_server.url, "hanna")
    visit(second, app_server, "bulk_update")
    with second.expect_download() as download:
        second.get_by_role("button", name="Hent Excel-fil").click()
    downloaded = download.value.path().read_bytes()

    first_grid = open_editor(first, app_server, "b")
    second_grid = open_editor(second, app_server, "b")
    edit_cell(first, first_grid, 0, "Statusnote", CONFLICT_NOTE)
    edit_cell(second, second_grid, 0, "Statusnote", CONFLICT_YOURS)
    expect(first.get_by_text("1 ikke-gemt ændring")).to_be_visible()
    expect(second.get_by_text("1 ikke-gemt ændring")).to_be_visible()
    save(first)
    expect(first.get_by_text("1 handling gemt: B.1.1.")).to_be_visible()
    assert stored(app_server, "B.1.1").note == CONFLICT_NOTE  # typed in the grid, kept as is
    assert_inert(first)

    save(second)
    warning = second.get_by_test_id("stAlert").filter(has_text="B.1.1 blev ikke gemt")
    shows(
        warning,
        f"B.1.1 blev ikke gemt: {FIRST_EDITOR} ændrede handlingen",
        f"Statusnote er nu «{CONFLICT_NOTE}» (din værdi: «{CONFLICT_YOURS}»)",
    )
    assert_inert(second)
    assert stored(app_server, "B.1.1").note == CONFLICT_NOTE
    warning.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    second.screenshot(path=str(ARTIFACTS / "inert_conflict.png"))

    visit(second, app_server, "bulk_update")
    upload = excel_with_note(downloaded, "B.1.1", CONFLICT_YOURS)
    second.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "statusser.xlsx", "mimeType": "application/octet-stream", "buffer": upload}]
    )
    wait_for_app(second)
    excel_warning = second.get_by_test_id("stAlert").filter(has_text="er ændret både i filen")
    shows(
        excel_warning,
        f"B.1.1 (linje 29) er ændret både i filen og i dashboardet ({FIRST_EDITOR}, ",
        f"Statusnote er «{CONFLICT_NOTE}» i dashboardet og «{CONFLICT_YOURS}» i filen",
    )
    assert_inert(second)
    watched.assert_all_local()
