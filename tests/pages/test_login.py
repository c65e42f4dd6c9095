"""AppTest renders of app.py's gate: first run, the login form, and who reaches which page."""

from __future__ import annotations

import pytest

from tests.pages.apptest import (
    INTERNAL_PAGES,
    assert_unreachable,
    rendered_text,
    run_app,
    seeded_database,
)


def test_first_run_without_users_offers_only_the_setup_page() -> None:
    seeded_database()
    at = run_app()
    assert at.title[0].value == "Første opsætning: opret administrator"
    assert [field.label for field in at.text_input][:2] == ["Opsætningskode", "Brugernavn"]
    assert "Spor A.1" not in rendered_text(at)


def test_without_login_only_the_login_form_is_shown(users: None) -> None:
    at = run_app()
    text = rendered_text(at)
    assert [field.label for field in at.text_input] == ["Brugernavn", "Adgangskode"]
    for leak in ("Spor ", "Handlinger i alt", "Genopretning i alle sager", "Brugere og roller"):
        assert leak not in text


@pytest.mark.parametrize("page", [*INTERNAL_PAGES, "pages/users.py", "pages/status_figures.py"])
def test_without_login_no_page_can_be_reached(users: None, page: str) -> None:
    assert_unreachable(page)


@pytest.mark.parametrize("page", [*INTERNAL_PAGES, "pages/users.py"])
def test_a_presenter_reaches_no_internal_page(users: None, page: str) -> None:
    assert_unreachable(page, username="pia")


def test_a_deactivated_user_is_logged_out_on_the_next_run(users: None) -> None:
    from models.auth.users import Actor, set_active
    from models.core.db import get_engine, session_scope

    with session_scope(get_engine(), write=True) as session:
        set_active(session, actor=Actor.command_line(), username="vera", active=False)
    at = run_app(username="vera")
    assert [field.label for field in at.text_input] == ["Brugernavn", "Adgangskode"]
