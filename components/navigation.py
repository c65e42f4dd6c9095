"""The page list for `st.navigation`, built on every run from the user's current role."""

from __future__ import annotations

import streamlit as st

from components.auth import AuthState
from components.readers import load_theme_codes, load_themes
from components.texts import common
from components.texts import login as login_texts
from components.texts import profile as profile_texts
from components.texts import review as review_texts
from models.auth.users import EDIT_PLAN, MANAGE_USERS, PRESENT, READ_INTERNAL
from models.plan.owners import my_actions

PAGES_DIR = "pages"


def theme_page_path(code: str) -> str:
    """The script of theme `code`'s page, e.g. pages/tema_a.py."""
    return f"{PAGES_DIR}/tema_{code.lower()}.py"


def _page(name: str, title: str, icon: str, *, default: bool = False) -> st.Page:
    return st.Page(f"{PAGES_DIR}/{name}.py", title=title, icon=icon, default=default)


def owns_actions(username: str) -> bool:
    return bool(my_actions(load_themes(), username))


def build_pages(state: AuthState) -> dict[str, list[st.Page]]:
    """Only the pages this run's user may open; anything else is unreachable, even by URL."""
    if state.setup_needed:
        return {"": [_page("setup", common.NAV_SETUP, ":material/key:", default=True)]}
    if state.sso_denied_email is not None:
        return {
            "": [_page("no_access", login_texts.NO_ACCESS_TITLE, ":material/block:", default=True)]
        }
    if state.actor is None:
        return {"": [_page("login", common.NAV_LOGIN, ":material/login:", default=True)]}
    role = state.actor.role
    sections: dict[str, list[st.Page]] = {}
    # An editor who owns actions starts on their own actions; everyone else on the overview.
    owner_start = role in EDIT_PLAN and owns_actions(state.actor.username)
    if role in READ_INTERNAL:
        sections[common.NAV_SECTION_MAIN] = [
            _page("overview", common.NAV_OVERVIEW, ":material/dashboard:", default=not owner_start),
            _page("restoration", common.NAV_RESTORATION, ":material/trending_down:"),
            _page("indicators", common.NAV_INDICATORS, ":material/target:"),
            _page("reports", common.NAV_REPORTS, ":material/description:"),
            _page("change_log", common.NAV_CHANGE_LOG, ":material/history:"),
            _page("review", review_texts.TITLE, ":material/checklist:"),
            _page("decisions", common.NAV_DECISIONS, ":material/gavel:"),
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
                _page(
                    "presentation",
                    common.NAV_PRESENTATION,
                    ":material/co_present:",
                    default=role not in READ_INTERNAL,
                ),
                _page("status_figures", common.NAV_STATUS_FIGURES, ":material/bar_chart:"),
            ]
        )
    if role in MANAGE_USERS:
        sections[common.NAV_SECTION_ADMIN] = [
            _page("users", common.NAV_USERS, ":material/manage_accounts:")
        ]
    sections[profile_texts.NAV_SECTION] = [
        _page("profile", profile_texts.NAV_TITLE, ":material/person:")
    ]
    return sections
