"""The page list for `st.navigation`, built on every run from the user's current role.

Every page has its script's name as URL (e.g. /presentation) for every role, so a link or
bookmark works whoever opens it. Streamlit serves the default page at "/" only (its own name
then gives "Page not found"). The deck must keep its URL, so for the presenter, whose first
page it is, the default is a hidden start page that sends them on to the deck. For the other
roles the overview (or an editor's own actions) stays the default page at "/": a redirect
there costs every login an extra run. A known page's URL that the user's role does not have
shows a Danish message instead of Streamlit's English dialog; for someone not logged in, it
shows the login form and, after the login, the page asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from components.auth import AuthState
from components.readers import load_theme_codes, load_themes
from components.texts import common
from components.texts import family_input as family_texts
from components.texts import login as login_texts
from components.texts import navigation as nav_texts
from components.texts import profile as profile_texts
from components.texts import public_site as public_site_texts
from components.texts import review as review_texts
from models.auth.users import EDIT_PLAN, MANAGE_USERS, PRESENT, READ_INTERNAL
from models.plan.owners import my_actions

PAGES_DIR = "pages"
APP_ROOT = Path(__file__).resolve().parents[1]
START_URL = "start"


def theme_page_path(code: str) -> str:
    """The script of theme `code`'s page, e.g. pages/tema_a.py."""
    return f"{PAGES_DIR}/tema_{code.lower()}.py"


def _page(name: str, title: str, icon: str, *, default: bool = False) -> st.Page:
    return st.Page(f"{PAGES_DIR}/{name}.py", title=title, icon=icon, url_path=name, default=default)


def page_names() -> list[str]:
    """The URL name of every page script (pages/overview.py: overview)."""
    return sorted(path.stem for path in (APP_ROOT / PAGES_DIR).glob("*.py"))


def _hidden(
    run: Callable[[], None], url_path: str, title: str, *, default: bool = False
) -> st.Page:
    return st.Page(run, title=title, url_path=url_path, default=default, visibility="hidden")


ENTRY_PAGES = ("login", "setup", "no_access")
"""The pages of someone not (yet) let in; once logged in, their URLs lead to the start."""


def _start_pages(first: st.Page) -> list[st.Page]:
    """The default page ("/") and the entry pages' URLs: each goes straight on to `first`,
    keeping the query parameters."""

    def start() -> None:
        st.switch_page(first, query_params=st.query_params.to_dict())

    return [
        _hidden(start, START_URL, nav_texts.START_TITLE, default=True),
        *(_hidden(start, name, nav_texts.START_TITLE) for name in ENTRY_PAGES),
    ]


def _no_access() -> None:
    st.warning(nav_texts.NO_ACCESS, icon=":material/block:")


def _with_other_urls(
    sections: dict[str, list[st.Page]],
    other: Callable[[], None] | str,
    *,
    default: str,
    title: str = nav_texts.NO_ACCESS_TITLE,
    skip: tuple[str, ...] = (),
) -> dict[str, list[st.Page]]:
    """`sections` plus a hidden page for every other known page URL, which runs `other`.

    `default` is the URL name of the default page in `sections` (its `url_path` reads "").
    """
    taken = {page.url_path for pages in sections.values() for page in pages}
    taken |= {default, *skip}
    hidden = []
    for name in page_names():
        if name in taken:
            continue
        if isinstance(other, str):  # the same script under this URL
            hidden.append(st.Page(other, title=title, url_path=name, visibility="hidden"))
        else:
            hidden.append(_hidden(other, name, title))
    if hidden:
        sections.setdefault("", []).extend(hidden)
    return sections


def _single(name: str, title: str, icon: str) -> dict[str, list[st.Page]]:
    """One page at "/" (login, setup, no access) that every other page URL shows as well."""
    script = f"{PAGES_DIR}/{name}.py"
    sections = {"": [st.Page(script, title=title, icon=icon, url_path=name, default=True)]}
    return _with_other_urls(sections, script, default=name, title=title)


def owns_actions(username: str) -> bool:
    return bool(my_actions(load_themes(), username))


def build_pages(state: AuthState) -> dict[str, list[st.Page]]:
    """Only the pages this run's user may open; anything else is unreachable, even by URL."""
    if state.setup_needed:
        return _single("setup", common.NAV_SETUP, ":material/key:")
    if state.sso_denied_email is not None:
        return _single("no_access", login_texts.NO_ACCESS_TITLE, ":material/block:")
    if state.actor is None:
        return _single("login", common.NAV_LOGIN, ":material/login:")
    role = state.actor.role
    sections: dict[str, list[st.Page]] = {}
    # An editor who owns actions starts on their own actions; everyone else on the overview.
    owner_start = role in EDIT_PLAN and owns_actions(state.actor.username)
    start = None
    if role in READ_INTERNAL:
        start = "my_actions" if owner_start else "overview"
    if role in READ_INTERNAL:
        sections[common.NAV_SECTION_MAIN] = [
            _page("overview", common.NAV_OVERVIEW, ":material/dashboard:", default=not owner_start),
            _page("restoration", common.NAV_RESTORATION, ":material/trending_down:"),
            _page("indicators", common.NAV_INDICATORS, ":material/target:"),
            _page("reports", common.NAV_REPORTS, ":material/description:"),
            _page("change_log", common.NAV_CHANGE_LOG, ":material/history:"),
            _page("review", review_texts.TITLE, ":material/checklist:"),
            _page("decisions", common.NAV_DECISIONS, ":material/gavel:"),
            _page("family_input", family_texts.TITLE, ":material/diversity_3:"),
        ]
        sections[common.NAV_SECTION_THEMES] = [
            st.Page(
                theme_page_path(code), title=common.THEME_NAV_LABEL.format(code=code, title=title)
            )
            for code, title in load_theme_codes()
        ]
    if role in EDIT_PLAN:
        sections[common.NAV_SECTION_MAIN].append(
            _page("bulk_update", common.NAV_BULK, ":material/upload_file:")
        )
        sections[common.NAV_SECTION_MAIN].insert(
            0,
            _page("my_actions", common.NAV_MY_ACTIONS, ":material/task_alt:", default=owner_start),
        )
    if role in PRESENT:
        sections.setdefault(common.NAV_SECTION_PRESENTATION, []).extend(
            [
                _page("presentation", common.NAV_PRESENTATION, ":material/co_present:"),
                _page("status_figures", common.NAV_STATUS_FIGURES, ":material/bar_chart:"),
            ]
        )
    if role in EDIT_PLAN:
        sections[common.NAV_SECTION_PRESENTATION].append(
            _page("public_site", public_site_texts.TITLE, ":material/public:")
        )
    if role in MANAGE_USERS:
        sections[common.NAV_SECTION_ADMIN] = [
            _page("users", common.NAV_USERS, ":material/manage_accounts:")
        ]
    sections[profile_texts.NAV_SECTION] = [
        _page("profile", profile_texts.NAV_TITLE, ":material/person:")
    ]
    if start is not None:
        # The entry pages' URLs stay unknown: after a login on "/login" the tab's page is no
        # longer found and Streamlit opens the default page, without a "Page not found".
        return _with_other_urls(sections, _no_access, default=start, skip=ENTRY_PAGES)
    # The presenter's first page is the deck, which must keep its own URL: "/" is a start page.
    deck = sections[common.NAV_SECTION_PRESENTATION][0]
    sections.setdefault("", [])[:0] = _start_pages(deck)
    return _with_other_urls(sections, _no_access, default=START_URL)
