"""One answer to "did the operator set Streamlit's server.cookieSecret?" for the app and for
`manage.py check-config`: read as Streamlit reads it (STREAMLIT_* variables, config.toml),
in a process of its own so that this one's Streamlit configuration plays no part."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_SET = "Streamlits server.cookieSecret er ikke sat"


@pytest.mark.parametrize(
    ("secret", "answer"), [(None, "False"), ("delt-hemmelighed-0123456789", "True")]
)
def test_the_environment_variable_sets_it(secret: str | None, answer: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "STREAMLIT_SERVER_COOKIE_SECRET"}
    if secret is not None:
        env["STREAMLIT_SERVER_COOKIE_SECRET"] = secret
    script = "from components.streamlit_options import cookie_secret_set as s; print(s())"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == answer, result.stderr


def test_check_config_asks_the_same_question() -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "STREAMLIT_SERVER_COOKIE_SECRET"},
        "DASHBOARD_MULTI_INSTANCE": "1",
    }
    refused = subprocess.run(
        [sys.executable, "manage.py", "check-config"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 1
    assert NOT_SET in refused.stdout + refused.stderr
    env["STREAMLIT_SERVER_COOKIE_SECRET"] = "delt-hemmelighed-0123456789"
    shared = subprocess.run(
        [sys.executable, "manage.py", "check-config"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert NOT_SET not in shared.stdout + shared.stderr
    assert "kræver PostgreSQL" in shared.stdout + shared.stderr  # the other checks still run
