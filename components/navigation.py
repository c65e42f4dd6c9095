"""The app's page list for `st.navigation`: the overview and one page per theme."""

from __future__ import annotations

import streamlit as st

from components import texts
from components.data import load_theme_codes

PAGES_DIR = "pages"


def theme_page_path(code: str) -> str:
    """The script of theme `code`'s page, e.g. pages/tema_a.py."""
    return f"{PAGES_DIR}/tema_{code.lower()}.py"


def build_pages() -> dict[str, list[st.Page]]:
    """Navigation sections with their pages, built on every run."""
    overview = st.Page(
        f"{PAGES_DIR}/overview.py",
        title=texts.NAV_OVERVIEW,
        icon=":material/dashboard:",
        default=True,
    )
    themes = [
        st.Page(
            theme_page_path(code),
            title=texts.THEME_NAV_LABEL.format(code=code, title=title),
        )
        for code, title in load_theme_codes()
    ]
    return {texts.NAV_SECTION_MAIN: [overview], texts.NAV_SECTION_THEMES: themes}
