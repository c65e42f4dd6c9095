"""AppTest renders of the Excel update page."""

from __future__ import annotations

import pytest

from tests.pages.apptest import PLAN, assert_unreachable, run_app


@pytest.mark.parametrize("username", ["vera", "pia"])
def test_only_editors_reach_the_excel_update(users: None, username: str) -> None:
    assert_unreachable("pages/bulk_update.py", username=username)


def test_the_excel_update_page_offers_the_download(users: None) -> None:
    at = run_app("pages/bulk_update.py", username="erik")
    assert at.title[0].value == "Opdatér statusser via Excel"
    assert at.multiselect[0].value == [theme.code for theme in PLAN.themes]
