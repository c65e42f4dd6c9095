"""deploy/Dockerfile and its ignore file: a non-root, Chromium-free runtime image without
secrets or local data."""

from __future__ import annotations

import json

import pytest

from tests.deploy.image_file import DOCKERFILE, arguments, dockerfile_user, ignored, instructions
from tests.test_repository import tracked_files

# Paths a developer's checkout may hold that must never reach the image.
NEVER_IN_THE_IMAGE = [
    ".streamlit/secrets.toml",
    "data/dashboard.db",
    "data/dashboard.db-wal",
    "data/dashboard.db-shm",
    "data/dashboard.sqlite3",
    "data/cookie.key",
    "data/backups/dashboard-2026-12-06.sqlite3",
    "data/backups/dashboard-2026-12-06.sqlite3.manifest.json",
    "data/secrets/smtp.txt",
    ".env",
    "deploy/.env",
    "deploy/certs/privkey.pem",
    ".venv/bin/python",
    ".git/config",
    "tests/conftest.py",
    "tests/browser/conftest.py",
    "benchmarks/cli_startup.py",
    "artifacts/script-run-timeout.png",
    "components/__pycache__/auth.cpython-311.pyc",
    "models/core/__pycache__/settings.cpython-311.pyc",
    "requirements-dev.txt",
    ".ci/run",
    "README.md",
    "models/core/local.db",
]
# What the app needs at run time.
IN_THE_IMAGE = [
    "app.py",
    "manage.py",
    "requirements.txt",
    ".streamlit/config.toml",
    "data/plan.yaml",
    "data/indicators.yaml",
    "components/auth.py",
    "models/core/settings.py",
    "models/migrations/script.py.mako",
    "pages/overview.py",
]


@pytest.mark.parametrize("path", NEVER_IN_THE_IMAGE)
def test_the_ignore_file_keeps_secrets_data_and_tools_out(path: str) -> None:
    assert ignored(path)


@pytest.mark.parametrize("path", IN_THE_IMAGE)
def test_the_ignore_file_lets_the_runtime_in(path: str) -> None:
    assert not ignored(path)


def test_every_tracked_runtime_file_goes_into_the_image() -> None:
    tracked = tracked_files()
    runtime = ("app.py", "manage.py", "components/", "models/", "pages/", "data/")
    missing = [path for path in tracked if path.startswith(runtime) and ignored(path)]
    assert missing == []


def test_the_base_image_and_the_runtime_dependencies() -> None:
    assert arguments("FROM") == ["python:3.11-slim-bookworm"]
    runs = " ".join(arguments("RUN"))
    assert "pip install --no-cache-dir --disable-pip-version-check -r requirements.txt" in runs
    assert "requirements-dev" not in DOCKERFILE.read_text()
    assert "apt-get install -y --no-install-recommends fonts-dejavu-core postgresql-client" in runs
    assert "rm -rf /var/lib/apt/lists/*" in runs
    assert arguments("COPY") == ["requirements.txt ./", ". ."]
    for word in ("chromium", "playwright", "build-essential", "gcc", "g++", "-dev "):
        assert word not in DOCKERFILE.read_text().lower(), word


def test_it_runs_as_a_fixed_non_root_user() -> None:
    user = dockerfile_user()
    uid, _, gid = user.partition(":")
    assert uid.isdigit(), "a numeric uid (Kubernetes' runAsNonRoot can check it)"
    assert gid.isdigit()
    assert int(uid) >= 1000
    assert int(gid) >= 1000
    runs = " ".join(arguments("RUN"))
    assert f"useradd --system --uid {uid}" in runs
    assert f"groupadd --system --gid {gid}" in runs
    assert "chown dashboard:dashboard /var/lib/dashboard" in runs
    # USER comes after every RUN: nothing installs as the app's user, nothing runs as root later.
    words = [word for word, _ in instructions()]
    assert words.index("USER") > max(n for n, word in enumerate(words) if word == "RUN")


def _env() -> dict[str, str]:
    values = {}
    for rest in arguments("ENV"):
        for pair in rest.split():
            name, _, value = pair.partition("=")
            values[name] = value
    return values


def test_it_works_on_a_read_only_root_file_system() -> None:
    env = _env()
    assert env["PYTHONDONTWRITEBYTECODE"] == "1"
    assert env["HOME"] == "/tmp"
    assert env["XDG_CACHE_HOME"].startswith("/tmp/")
    assert env["DASHBOARD_DATA_DIR"] == "/var/lib/dashboard"
    assert arguments("VOLUME") == ['["/var/lib/dashboard"]']


def test_the_commit_the_streamlit_server_and_the_health_check() -> None:
    env = _env()
    assert "DASHBOARD_APP_COMMIT=unknown" in arguments("ARG")
    assert env["DASHBOARD_APP_COMMIT"] == "${DASHBOARD_APP_COMMIT}"
    assert env["STREAMLIT_SERVER_ADDRESS"] == "0.0.0.0"  # noqa: S104 - in a container
    assert env["STREAMLIT_SERVER_HEADLESS"] == "true"
    (healthcheck,) = arguments("HEALTHCHECK")
    options, _, command = healthcheck.partition(" CMD ")
    assert json.loads(command) == ["python", "manage.py", "healthcheck"]
    assert "--interval=" in options
    assert [json.loads(cmd) for cmd in arguments("CMD")] == [["streamlit", "run", "app.py"]]
