"""One page load, one script run: the login is read from the request's cookies, not sent back.

A fresh load of a page (new browser context) must run the script exactly once, whether the
browser brings a valid login cookie, a refused one or none. A component that reports a value
back after it mounts (as streamlit-authenticator's cookie component did), a `st.rerun` or a
`st.switch_page` on the way would each show here as a second run. The runs are counted on
the page's websocket: the browser's `rerun_script` requests and the server's `script_finished`
messages (one per script run, reruns included) until the page has settled.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.conftest import Server, login_cookie, wait_for_app

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page, WebSocket

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect
SETTLE_MS = 2_500
"""How long a settled page is watched for a late run (a component answers within ms)."""


class RunCounter:
    """Counts the script runs of one page over its websocket."""

    def __init__(self, page: Page) -> None:
        self.sent: Counter[str] = Counter()
        self.finished: list[int] = []
        page.on("websocket", self._watch)

    def _watch(self, socket: WebSocket) -> None:
        socket.on("framesent", self._sent)
        socket.on("framereceived", self._received)

    def _sent(self, payload: Any) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        message = BackMsg()
        message.ParseFromString(_bytes(payload))
        self.sent[message.WhichOneof("type") or ""] += 1

    def _received(self, payload: Any) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = ForwardMsg()
        message.ParseFromString(_bytes(payload))
        if message.WhichOneof("type") == "script_finished":
            self.finished.append(message.script_finished)

    def runs(self) -> tuple[int, int]:
        """(rerun requests from the browser, script runs finished on the server)."""
        return self.sent["rerun_script"], len(self.finished)


def _bytes(payload: Any) -> bytes:
    return payload if isinstance(payload, bytes) else payload.encode("latin-1")


def _load(page: Page, url: str, ready_text: str) -> RunCounter:
    counter = RunCounter(page)
    page.goto(url)
    wait_for_app(page)
    expect(page.get_by_text(ready_text).first).to_be_visible()
    wait_for_app(page)
    page.wait_for_timeout(SETTLE_MS)  # not a timing assertion: a late second run shows here
    return counter


def test_the_first_load_after_a_start_runs_the_script_once(
    page: Page, pristine_app_url: str
) -> None:
    """No legacy `pages/` detour (page script, app.py, page again) on a server's first load."""
    counter = _load(page, f"{pristine_app_url}/tema_c", "Log ind")
    assert counter.runs() == (1, 1), counter.finished


@pytest.mark.parametrize("path", ["/", "/overview", "/tema_c", "/my_actions", "/reports"])
def test_a_fresh_load_with_a_login_cookie_runs_the_script_once(
    new_page: Callable[..., Page], app_server: Server, path: str
) -> None:
    page = new_page(locale="da-DK")
    page.context.add_cookies([login_cookie(app_server, "erik")])
    counter = _load(page, f"{app_server.url}{path}", "Logget ind som")
    assert counter.runs() == (1, 1), counter.finished


def test_a_fresh_load_without_a_cookie_runs_the_login_page_once(page: Page, app_url: str) -> None:
    counter = _load(page, f"{app_url}/overview", "Log ind")
    assert counter.runs() == (1, 1), counter.finished


def test_a_refused_cookie_is_deleted_in_the_same_single_run(
    new_page: Callable[..., Page], app_server: Server
) -> None:
    page = new_page(locale="da-DK")
    cookie = {**login_cookie(app_server, "erik"), "value": "not-a-signed-token"}
    page.context.add_cookies([cookie])
    with page.expect_response(lambda r: r.url.endswith("/auth/logout")) as deleted:
        counter = _load(page, f"{app_server.url}/overview", "Dit gemte login gælder ikke længere")
    assert deleted.value.status == 204
    assert counter.runs() == (1, 1), counter.finished
    assert not [c for c in page.context.cookies() if c["name"] == cookie["name"]]
