"""Tripwires for the Streamlit workarounds listed in the README: each fails, with the README
row to re-check, if an upgrade of Streamlit or its login libraries removes what we rely on.

The behaviour itself is tested where users meet it (browser journeys and page tests); these
tests name the exact internals, so a broken upgrade says which workaround broke.
"""

from __future__ import annotations

import inspect

import extra_streamlit_components as stx
from streamlit.runtime.pages_manager import PagesManager
from streamlit_authenticator.models.authentication_model import AuthenticationModel

from components import auth
from models.core.chart_axes import MONTH_LABELS, NUMBER_LABELS, month_axis, number_axis


def test_password_checks_still_go_through_the_method_we_swap() -> None:
    """README: 'the private authenticator method that is swapped' (components/auth.py).

    Lock-out and audit live in our check; if the library stopped calling
    `check_credentials` from `login`, passwords would be checked without them.
    """
    assert "self.check_credentials(username, password)" in inspect.getsource(
        AuthenticationModel.login
    )
    source = inspect.getsource(auth._build_authenticator)
    assert "authentication_model" in source
    assert "model.check_credentials = _check_credentials" in source


def test_the_cookie_helper_exposes_the_cookies_it_has_seen() -> None:
    """README: 'the cookie component's first rerun' (components/auth.py).

    The login form waits until the browser's cookie component has reported once; we read
    that from the component's `cookies`, set by its constructor.
    """
    assert "self.cookies = self.cookie_manager(" in inspect.getsource(stx.CookieManager.__init__)
    assert "cookie_model.cookie_manager.cookies" in inspect.getsource(auth._cookie_helper_ready)


def test_apptest_can_still_be_switched_out_of_legacy_pages_mode() -> None:
    """README: 'the AppTest page-manager patch' (tests/pages/apptest.py).

    AppTest resets the legacy `pages/` mode through this class attribute on every run.
    """
    assert "uses_pages_directory" in vars(PagesManager)
    assert "PagesManager.uses_pages_directory" in inspect.getsource(PagesManager.__init__)


def test_axes_format_danish_labels_with_vega_expressions() -> None:
    """README: 'Vega locale ignored' (models/core/chart_axes.py)."""
    assert number_axis().to_dict()["labelExpr"] == NUMBER_LABELS
    assert month_axis().to_dict()["labelExpr"] == MONTH_LABELS
    assert "'okt.'" in MONTH_LABELS
