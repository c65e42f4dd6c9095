"""Entry point: `streamlit run app.py`.

Streamlit finds `app` below and serves it (`st.App`): Streamlit's own server plus the login
cookie routes, its HTML page marked as Danish (`components.html_lang`), security headers on
every response (`components.security_headers`). It then runs this file as the script of every
browser session, where `__name__` is "__main__".
"""

import streamlit as st

if __name__ == "__main__":
    from components.auth import gate, render_user_box
    from components.navigation import build_pages
    from components.readers import ensure_database
    from components.shell import resume_requested_page, shell_run
    from components.texts import common as texts

    st.set_page_config(page_title=texts.APP_TITLE, page_icon=texts.APP_ICON, layout="wide")
    ensure_database()
    state = gate()
    page = st.navigation(build_pages(state), expanded=True)
    render_user_box(state)
    resume_requested_page()
    with shell_run(state):
        page.run()
else:
    from starlette.middleware import Middleware
    from streamlit.runtime.pages_manager import PagesManager

    from components.errors import on_script_error
    from components.html_lang import DanishHtmlMiddleware
    from components.login_routes import ROUTES
    from components.security_headers import SecurityHeadersMiddleware
    from models.core import applog

    applog.configure()  # the operators' log: JSON lines on stderr
    # Out of Streamlit's legacy `pages/` mode from the start: otherwise the first request after
    # a start runs pages/<name>.py alone, which `require_shell` sends through app.py and back
    # (three script runs for one page load); app.py calls st.navigation on every run anyway.
    PagesManager.uses_pages_directory = False
    app = st.App(
        __file__,
        routes=ROUTES,
        middleware=[Middleware(SecurityHeadersMiddleware), Middleware(DanishHtmlMiddleware)],
        on_script_error=on_script_error,
    )
