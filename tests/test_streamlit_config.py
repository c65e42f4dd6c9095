"""`.streamlit/config.toml` is the production configuration: every option in it is one that
Streamlit knows (a misspelt option is silently ignored by Streamlit, so it fails here), of the
type Streamlit expects, and the security-relevant values stay as the README says."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from streamlit import config

CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"
OPTIONS = config._config_options_template  # Streamlit's registry of every option it reads
BOOL_OR_TEXT = {"client.showErrorLinks"}  # "auto", true or false


def options() -> dict[str, Any]:
    """The file's options by their full name (`server.address`)."""
    parsed = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    return {
        f"{section}.{name}": value
        for section, values in parsed.items()
        for name, value in values.items()
    }


@pytest.mark.parametrize("name", sorted(options()))
def test_every_option_is_one_streamlit_knows(name: str) -> None:
    assert name in OPTIONS, f"{name} is no Streamlit option"
    value, expected = options()[name], OPTIONS[name].type
    if name in BOOL_OR_TEXT:
        assert isinstance(value, bool | str)
    else:
        assert type(value) is expected, f"{name}: {value!r} is no {expected.__name__}"


def test_the_production_values_are_safe() -> None:
    production = {
        "server.address": "127.0.0.1",  # a container sets STREAMLIT_SERVER_ADDRESS=0.0.0.0
        "server.headless": True,
        "server.fileWatcherType": "none",
        "server.runOnSave": False,
        "server.enableXsrfProtection": True,
        "server.enableCORS": True,
        "client.showErrorDetails": "none",
        "client.showErrorLinks": False,
        "client.toolbarMode": "minimal",
        "browser.gatherUsageStats": False,
    }
    assert {name: options().get(name) for name in production} == production


def test_no_secret_and_no_port_is_committed() -> None:
    """Secrets come from the environment (STREAMLIT_SERVER_COOKIE_SECRET); the port stays
    Streamlit's 8501 that the README, the proxy examples and the health check use."""
    assert not set(options()) & {"server.cookieSecret", "server.port", "server.sslKeyFile"}
