"""Tripwires for the Streamlit workarounds listed in the README: each fails, with the README
row to re-check, if an upgrade of Streamlit removes what we rely on.

The behaviour itself is tested where users meet it (browser journeys and page tests); these
tests name the exact internals, so a broken upgrade says which workaround broke.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import streamlit
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web.server.app_discovery import discover_asgi_app

from components.action_editor import ROW_HEIGHT_PX
from components.shell import danish_widgets_script
from components.texts import widgets as widget_texts
from models.core.chart_axes import MONTH_LABELS, NUMBER_LABELS, month_axis, number_axis

APP = Path(__file__).resolve().parents[1] / "app.py"


def test_streamlit_run_serves_app_py_as_an_asgi_app_with_our_routes() -> None:
    """README: 'st.App in the entry script' (app.py).

    `streamlit run app.py` serves app.py's `app` (with the login-cookie routes) only if it
    still finds it by reading the file; the same file is then each session's script, run as
    "__main__".
    """
    found = discover_asgi_app(APP)
    assert (found.is_asgi_app, found.app_name, found.import_string) == (True, "app", "app:app")
    source = APP.read_text(encoding="utf-8")
    assert 'if __name__ == "__main__":' in source
    assert "app = st.App(\n        __file__,\n        routes=ROUTES," in source
    assert "on_script_error=on_script_error" in source  # the Danish error page


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


def test_the_grid_wraps_text_only_in_rows_taller_than_4rem() -> None:
    """README: 'Wrapping text in the editor grid' (components/action_editor.py).

    The grid's frontend lets text cells wrap only when `row_height` is above 4rem (64 px);
    our row height must stay above it.
    """
    bundles = Path(streamlit.__file__).parent.glob("static/static/js/*.js")
    condition = re.compile(r"rowHeight>[\w$]+\(`4rem`\)")  # minified: e.rowHeight>P(`4rem`)
    assert any(condition.search(bundle.read_text(encoding="utf-8")) for bundle in bundles)
    assert ROW_HEIGHT_PX > 64


def _frontend_bundles() -> str:
    return "\n".join(
        bundle.read_text(encoding="utf-8")
        for bundle in Path(streamlit.__file__).parent.glob("static/static/js/*.js")
    )


def test_the_widget_texts_we_translate_are_still_streamlits() -> None:
    """README: 'Danish texts for Streamlit's own widgets' (components/shell.py,
    components/texts/widgets.py).

    Each English text we put Danish in place of must still be in Streamlit's frontend: a text
    an upgrade rewords would otherwise come back in English unnoticed (the browser test
    tests/browser/test_danish_dom.py then fails on the page that shows it).
    """
    bundles = _frontend_bundles()
    missing = [english for english in widget_texts.EXACT if english not in bundles]
    assert missing == [], f"no longer in Streamlit's frontend: {missing}"
    assert " per file`" in bundles  # the uploader's limit, see widget_texts.PATTERNS


def test_the_frontend_takes_its_locale_from_navigator_language() -> None:
    """README: 'Danish texts for Streamlit's own widgets': the date picker's month names and
    first weekday follow `navigator.language`, which our script sets to da-DK."""
    bundles = _frontend_bundles()
    assert "locale:window.navigator.language" in bundles
    # The script's own element is hidden by these test ids (no gap above the page's title).
    assert "`stElementContainer`" in bundles
    assert "`stHtml`" in bundles
    assert '["language", "da-DK"]' in danish_widgets_script()


def test_the_upload_route_reads_the_upload_limit_on_every_request() -> None:
    """README: 'One upload limit' (components/uploads.py): the server's upload route reads
    `server.maxUploadSize` per request, so setting it from `max_upload_mb` at run time holds."""
    from streamlit.web.server.starlette import starlette_routes

    assert 'config.get_option("server.maxUploadSize")' in inspect.getsource(starlette_routes)
