"""deploy/systemd: the app unit's hardening, and the timers that run backups and reminders."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.deploy.proxy import DEPLOY

SYSTEMD = DEPLOY / "systemd"
PYTHON = "/opt/genopretning/.venv/bin/python"
SERVICES = (
    "genopretning.service",
    "genopretning-migrate.service",
    "genopretning-backup.service",
    "genopretning-reminders.service",
)


def unit(name: str) -> dict[str, dict[str, list[str]]]:
    """Section -> key -> every value given (systemd allows repeated keys)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] = {}
    for line in (SYSTEMD / name).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def one(values: dict[str, list[str]], key: str) -> str:
    (value,) = values[key]
    return value


def test_the_files() -> None:
    assert {path.name for path in SYSTEMD.iterdir()} == {
        *SERVICES,
        "genopretning-backup.timer",
        "genopretning-reminders.timer",
    }


@pytest.mark.parametrize("name", SERVICES)
def test_every_service_runs_hardened_as_the_app_user_with_the_env_file(name: str) -> None:
    service = unit(name)["Service"]
    assert one(service, "User") == "dashboard"
    assert one(service, "Group") == "dashboard"
    assert one(service, "EnvironmentFile") == "/etc/dashboard/env"
    assert one(service, "WorkingDirectory") == "/opt/genopretning"
    assert one(service, "ProtectSystem") == "strict"
    assert one(service, "ReadWritePaths") == "/var/lib/dashboard"
    assert one(service, "StateDirectory") == "dashboard"
    assert one(service, "NoNewPrivileges") == "true"
    assert one(service, "PrivateTmp") == "true"
    assert one(service, "ProtectHome") == "true"
    assert one(service, "CapabilityBoundingSet") == ""
    environment = " ".join(service["Environment"])
    assert "DASHBOARD_DATA_DIR=/var/lib/dashboard" in environment
    assert "PYTHONDONTWRITEBYTECODE=1" in environment


def test_the_app_checks_its_settings_before_it_starts_and_restarts_on_failure() -> None:
    app = unit("genopretning.service")
    service = app["Service"]
    assert one(service, "ExecStartPre") == f"{PYTHON} manage.py check-config"
    assert one(service, "ExecStart") == "/opt/genopretning/.venv/bin/streamlit run app.py"
    assert one(service, "Restart") == "on-failure"
    assert one(service, "Type") == "simple"
    environment = " ".join(service["Environment"])
    assert "STREAMLIT_SERVER_ADDRESS=127.0.0.1" in environment  # nginx on the host is in front
    assert "STREAMLIT_SERVER_FILE_WATCHER_TYPE=none" in environment
    assert one(app["Install"], "WantedBy") == "multi-user.target"


@pytest.mark.parametrize(
    ("name", "commands"),
    [
        ("genopretning-migrate.service", ["init-db"]),
        ("genopretning-backup.service", ["backup", "prune-logs"]),  # in this order
        ("genopretning-reminders.service", ["send-reminders"]),
    ],
)
def test_the_one_shot_services(name: str, commands: list[str]) -> None:
    service = unit(name)["Service"]
    assert one(service, "Type") == "oneshot"
    assert service["ExecStart"] == [f"{PYTHON} manage.py {command}" for command in commands]
    assert "Restart" not in service


@pytest.mark.parametrize(
    ("timer", "calendar"),
    [
        ("genopretning-backup.timer", "*-*-* 02:30:00 Europe/Copenhagen"),
        ("genopretning-reminders.timer", "Mon *-*-* 07:00:00 Europe/Copenhagen"),
    ],
)
def test_the_timers_start_their_service_daily_or_weekly(timer: str, calendar: str) -> None:
    sections = unit(timer)
    assert one(sections["Timer"], "OnCalendar") == calendar
    assert one(sections["Timer"], "Persistent") == "true"  # a missed run is made up
    assert "Unit" not in sections["Timer"]  # the service of the same name
    assert Path(SYSTEMD / timer.replace(".timer", ".service")).exists()
    assert one(sections["Install"], "WantedBy") == "timers.target"
