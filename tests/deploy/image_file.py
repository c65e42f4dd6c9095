"""deploy/Dockerfile as instructions, and its ignore file as BuildKit applies it."""

from __future__ import annotations

import re
from functools import cache

from tests.deploy.proxy import DEPLOY

DOCKERFILE = DEPLOY / "Dockerfile"
DOCKERIGNORE = DEPLOY / "Dockerfile.dockerignore"


@cache
def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per instruction; continuation lines joined, comments dropped."""
    result: list[tuple[str, str]] = []
    pending = ""
    for line in DOCKERFILE.read_text().splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        pending += " " + stripped
        if pending.endswith("\\"):
            pending = pending[:-1]
            continue
        word, _, rest = pending.strip().partition(" ")
        result.append((word.upper(), " ".join(rest.split())))
        pending = ""
    return result


def arguments(instruction: str) -> list[str]:
    return [rest for word, rest in instructions() if word == instruction]


def dockerfile_user() -> str:
    users = arguments("USER")
    assert users, "the Dockerfile sets no USER"
    return users[-1]


def _pattern(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern (Go's filepath.Match plus `**`) as a regular expression."""
    out = ""
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out += "(?:.*/)?"
            index += 3
            continue
        if pattern.startswith("**", index):
            out += ".*"
            index += 2
            continue
        out += {"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char))
        index += 1
    return re.compile(out)


@cache
def _rules() -> list[tuple[bool, re.Pattern[str]]]:
    rules = []
    for line in DOCKERIGNORE.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        include = line.startswith("!")
        pattern = line.lstrip("!").strip().strip("/")
        rules.append((include, _pattern(pattern)))
    return rules


def ignored(path: str) -> bool:
    """Whether the build context leaves `path` (relative to the repository) out: as in
    moby's patternmatcher, a pattern matches the path or one of its parent folders, and the
    last matching pattern decides."""
    parts = path.strip("/").split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    verdict = False
    for include, pattern in _rules():
        if any(pattern.fullmatch(candidate) for candidate in candidates):
            verdict = not include
    return verdict
