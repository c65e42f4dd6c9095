"""deploy/compose.yaml as compose reads it (YAML merge keys resolved), and its interpolations."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import yaml

from tests.deploy.proxy import DEPLOY

COMPOSE = DEPLOY / "compose.yaml"
ENV_EXAMPLE = DEPLOY / "env.example"
APPS = ("app1", "app2")
# ${NAME}, ${NAME:-default}, ${NAME:?message} and the like
INTERPOLATION = re.compile(r"\$\{([A-Z][A-Z0-9_]*)(?::?[-?+][^}]*)?\}")
REQUIRED = re.compile(r"^\$\{([A-Z][A-Z0-9_]*):\?[^}]+\}$")


@cache
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def service(name: str) -> dict[str, Any]:
    return compose()["services"][name]


def environment(name: str) -> dict[str, str]:
    env = service(name).get("environment", {})
    assert isinstance(env, dict), f"{name}: environment as a mapping, please"
    return {key: str(value) for key, value in env.items()}


def env_example_names() -> dict[str, bool]:
    """The variables env.example names: True for an active line, False for a commented one."""
    names = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.fullmatch(r"(# )?([A-Z][A-Z0-9_]*)=(.*)", line.strip())
        if match:
            names[match[2]] = match[1] is None
    return names


class MissingVariable(LookupError):
    """A `${NAME:?message}` whose variable is unset or empty: compose refuses to start."""


def interpolate(value: str, env: dict[str, str]) -> str:
    """`value` with compose's ${NAME}, ${NAME:-default} and ${NAME:?message} resolved."""

    def resolve(match: re.Match[str]) -> str:
        name, operator, word = match[1], match[2] or "", match[3] or ""
        found = env.get(name, "")
        if operator == ":?" and not found:
            raise MissingVariable(f"{name}: {word}")
        if operator == ":-" and not found:
            return word
        return found

    return re.sub(r"\$\{([A-Z][A-Z0-9_]*)(?:(:[-?])([^}]*))?\}", resolve, value)
