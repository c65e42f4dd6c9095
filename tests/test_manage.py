"""The command line, run as a newcomer would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from manage import main
from models.plan_file import load_plan_file
from tests.models.test_plan_file import EXPECTED_TRACKS

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def test_init_db_twice_keeps_row_counts(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert main(["init-db"]) == 0
    first = capsys.readouterr().out
    assert main(["init-db"]) == 0
    second = capsys.readouterr().out
    assert first.startswith("Databasen er klar: ")
    assert second == "Databasen er klar: 0 nye rækker, 0 opdaterede.\n"


def test_export_plan_on_a_fresh_database(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert main(["export-plan"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert [theme["code"] for theme in exported["themes"]] == list("ABCDEF")
    tracks = {t["code"]: t for theme in exported["themes"] for t in theme["tracks"]}
    assert {code: track["title"] for code, track in tracks.items()} == EXPECTED_TRACKS
    assert all(track["actions"] for track in tracks.values())
    plan = load_plan_file()
    expected = {
        a.code: (a.text, a.timeline)
        for theme in plan.themes
        for track in theme.tracks
        for a in track.actions
    }
    exported_actions = {
        a["code"]: (a["text"], a["timeline"]) for t in tracks.values() for a in t["actions"]
    }
    assert exported_actions == expected
    assert exported["plan"]["restoration_deadline"] == "2026-06-30"


def test_manage_runs_as_a_script_and_honours_database_url(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    result = subprocess.run(
        [sys.executable, "manage.py", "export-plan"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["plan"]["municipality"] == "Faxe Kommune"
    assert (tmp_path / "cli.db").exists()
