"""AppTest renders of the user page (Brugere)."""

from __future__ import annotations

import pytest

from tests.pages.apptest import assert_unreachable, rendered_text, run_app


@pytest.mark.parametrize("username", ["erik", "vera", "pia"])
def test_only_admins_reach_the_user_page(users: None, username: str) -> None:
    assert_unreachable("pages/users.py", username=username)


def test_an_admin_reaches_the_user_page(users: None) -> None:
    at = run_app("pages/users.py", username="hanna")
    assert at.title[0].value == "Brugere og roller"
    assert "hanna" in rendered_text(at)
    assert "Opret bruger" in [tab.label for tab in at.tabs]
