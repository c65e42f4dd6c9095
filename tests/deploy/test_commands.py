"""Every `manage.py COMMAND` the deployment files run or mention is a real command."""

from __future__ import annotations

import re

import pytest

from manage import cli
from tests.deploy.proxy import DEPLOY

# `manage.py init-db` in a shell line, and "manage.py", "init-db" in an exec-form list.
MENTION = re.compile(r"""manage\.py["']?,?\s*["']?([a-z][a-z-]*)""")


def mentions() -> list[tuple[str, str]]:
    found = {
        (str(path.relative_to(DEPLOY)), command)
        for path in DEPLOY.rglob("*")
        if path.is_file()
        for command in MENTION.findall(path.read_text())
    }
    return sorted(found)


def test_the_deployment_runs_the_operations_commands() -> None:
    commands = {command for _, command in mentions()}
    assert {"init-db", "healthcheck", "check-config", "backup", "prune-logs"} <= commands
    assert "send-reminders" in commands


@pytest.mark.parametrize(("file", "command"), mentions())
def test_a_mentioned_command_exists(file: str, command: str) -> None:
    assert command in cli.commands, f"{file} runs `manage.py {command}`, which does not exist"


def test_a_wrong_name_would_be_caught() -> None:
    assert MENTION.findall('CMD ["python", "manage.py", "health-check"]') == ["health-check"]
    assert "health-check" not in cli.commands
