"""Several instances: the app refuses to start when a secret they must share is generated."""

from __future__ import annotations

import pytest

from models.core.settings import get_settings
from tests.pages.apptest import new_app, rendered_text


def test_the_app_refuses_several_instances_with_a_generated_cookie_key(
    users: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASHBOARD_MULTI_INSTANCE", "1")
    monkeypatch.delenv("DASHBOARD_COOKIE_KEY")
    get_settings.cache_clear()
    at = new_app()
    at.run()
    assert [error.value.replace("\\", "") for error in at.error] == [  # inert: _ escaped
        "DASHBOARD_MULTI_INSTANCE er slået til, men cookie-nøglen er ikke sat: sæt "
        "DASHBOARD_COOKIE_KEY (samme værdi på alle instanser); en genereret nøgle gælder kun én "
        "server. DASHBOARD_MULTI_INSTANCE kræver PostgreSQL (DATABASE_URL); SQLite er til én "
        "server. DASHBOARD_MULTI_INSTANCE er slået til, men Streamlits server.cookieSecret er "
        "ikke sat: sæt STREAMLIT_SERVER_COOKIE_SECRET (samme værdi på alle instanser)."
    ]
    assert "Brugernavn" not in rendered_text(at)  # no login form: the app did not start


def test_one_instance_starts_on_generated_secrets(users: None) -> None:
    at = new_app()
    at.run()
    assert not at.error
    assert "Brugernavn" in rendered_text(at)
