"""What the operator set in Streamlit's own configuration (`.streamlit/config.toml`,
`STREAMLIT_*` variables, command-line flags), for the checks in `models.operations.health`.

No `st.*` call at import, so `manage.py` can ask as well as the running app.
"""

from __future__ import annotations


def cookie_secret_set() -> bool:
    """Whether Streamlit's `server.cookieSecret` was set (`STREAMLIT_SERVER_COOKIE_SECRET`
    or config.toml); else each process makes its own random one.

    The configuration is read first if this process has not read it yet (the command line);
    in the server it already has, and is not read again."""
    from streamlit import config

    config.get_config_options()
    return config.is_manually_set("server.cookieSecret")
