"""What git tracks: never a secret, a key file or a database."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = re.compile(r"(\.db$|\.db-(wal|shm)$|\.sqlite3?$|secrets\.toml$|\.key$|\.env$)")


def tracked_files() -> list[str]:
    if shutil.which("git") is None or not (PROJECT_ROOT / ".git").exists():
        pytest.skip("needs a git checkout to list tracked files")
    result = subprocess.run(
        ["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def test_no_secret_key_file_or_database_is_tracked() -> None:
    files = tracked_files()
    assert "app.py" in files
    assert [name for name in files if FORBIDDEN.search(name)] == []


@pytest.mark.parametrize(
    "path", ["data/dashboard.db", "data/cookie.key", ".streamlit/secrets.toml", "data/x.db-wal"]
)
def test_local_secrets_and_databases_are_git_ignored(path: str) -> None:
    tracked_files()
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", path], cwd=PROJECT_ROOT, capture_output=True
    )
    assert result.returncode == 0, f"{path} is not ignored"
