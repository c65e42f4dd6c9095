"""The command line, run as a newcomer would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from manage import main
from models.plan.plan_file import load_plan_file
from tests.models.plan.test_plan_file import EXPECTED_TRACKS

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


def cli(*args: str, stdin: str = "", env_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": env_url}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_user_management_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'users.db'}"
    code = cli("setup-code", env_url=url)
    assert code.returncode == 0
    assert len(code.stdout.strip()) >= 12
    assert cli("setup-code", env_url=url).stdout == code.stdout  # the same until used

    added = cli(
        "add-user",
        "Hanna",
        "--role",
        "admin",
        "--name",
        "Hanna Levy",
        stdin="korrekt-hest-batteri\n",
        env_url=url,
    )
    assert (added.returncode, added.stdout) == (0, "Brugeren hanna (admin) er oprettet.\n")
    cli(
        "add-user",
        "bo",
        "--role",
        "viewer",
        "--name",
        "Bo",
        stdin="bo-har-et-kodeord\n",
        env_url=url,
    )
    assert cli("set-role", "BO", "editor", env_url=url).stdout == "bo har nu rollen editor.\n"
    assert cli("reset-password", "bo", stdin="et-helt-nyt-kodeord\n", env_url=url).returncode == 0
    assert cli("deactivate", "bo", env_url=url).stdout == "bo er deaktiveret.\n"

    listing = cli("list-users", env_url=url).stdout.splitlines()
    assert listing[0] == "username,name,email,role,active,last_login"
    assert listing[1:] == ["bo,Bo,,editor,False,", "hanna,Hanna Levy,,admin,True,"]

    used = cli("setup-code", env_url=url)
    assert used.returncode == 1
    assert "opsætningskoden er brugt" in used.stderr


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (
            ("add-user", "x1", "--role", "viewer", "--name", "X"),
            "kort\n",
            "Fejl: Adgangskoden skal være mindst 12 tegn (den er 4).\n",
        ),
        (
            ("deactivate", "hanna"),
            "",
            "Fejl: Den sidste aktive administrator kan ikke deaktiveres.\n",
        ),
        (("set-role", "ukendt", "viewer"), "", "Fejl: Brugeren 'ukendt' findes ikke.\n"),
    ],
    ids=["short-password", "last-admin", "unknown-user"],
)
def test_refused_commands_say_why_in_danish(
    tmp_path: Path, args: tuple[str, ...], stdin: str, message: str
) -> None:
    url = f"sqlite:///{tmp_path / 'users.db'}"
    cli(
        "add-user",
        "hanna",
        "--role",
        "admin",
        "--name",
        "H",
        stdin="korrekt-hest-batteri\n",
        env_url=url,
    )
    result = cli(*args, stdin=stdin, env_url=url)
    assert (result.returncode, result.stderr) == (1, message)


def test_a_password_is_never_taken_from_the_arguments() -> None:
    from manage import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(
            ["add-user", "x", "--role", "viewer", "--name", "X", "--password", "hemmelig-kode-123"]
        )


def test_case_import_and_demo_data_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cases.db'}"
    bad = tmp_path / "fejl.csv"
    bad.write_bytes(
        "Sagsreference;Team;Spor;Gennemgået\nS-1;Ungeteamet;A.1;30-02-2025\n".encode("cp1252")
    )
    refused = cli("import-cases", str(bad), env_url=url)
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        "fejl.csv, linje 2, kolonne Team: ukendt team 'Ungeteamet' "
        "(tilladt: Børn og Unge, Handicap, Modtagelsen)",
        "fejl.csv, linje 2, kolonne Gennemgået: '30-02-2025' er ikke en gyldig dato "
        "(brug dd-mm-åååå, dd.mm.åååå eller åååå-mm-dd)",
        "Intet er indlæst: 2 fejl.",
    ]
    good = tmp_path / "sager.csv"
    good.write_text("Sagsreference;Team;Spor\nS-1;Handicap;C.1\n", encoding="utf-8-sig")
    assert cli("import-cases", str(good), env_url=url).stdout == (
        "Indlæst: 1 nye, 0 ændrede, 0 uændrede sager (0 sagsskridt).\n"
    )
    assert cli("seed-demo", env_url=url).stdout.startswith("400 demosager er indlæst")
    assert cli("remove-demo", env_url=url).stdout == "400 demosager er fjernet.\n"


def test_status_reports_from_the_command_line(tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    url = f"sqlite:///{tmp_path / 'reports.db'}"
    created = cli("snapshot", "create", "Status BLU 29.9.2025", "--date", "2025-09-29", env_url=url)
    assert created.stdout == "Statusrapporten «Status BLU 29.9.2025» er oprettet.\n"
    assert cli("snapshot", "list", env_url=url).stdout == "2025-09-29\tStatus BLU 29.9.2025\n"
    for fmt in ("xlsx", "docx", "pdf"):
        out = tmp_path / f"bilag.{fmt}"
        result = cli(
            "export-report",
            "--snapshot",
            "Status BLU 29.9.2025",
            "--compare",
            "Status BLU 29.9.2025",
            "--format",
            fmt,
            "--out",
            str(out),
            env_url=url,
        )
        assert result.returncode == 0, result.stderr
    assert "Sammenligning" in load_workbook(tmp_path / "bilag.xlsx").sheetnames
    assert (
        Document(str(tmp_path / "bilag.docx")).paragraphs[0].text == "Bilag: Status BLU 29.9.2025"
    )
    assert (tmp_path / "bilag.pdf").read_bytes().startswith(b"%PDF")
    missing = cli(
        "export-report",
        "--snapshot",
        "Findes ikke",
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "x.pdf"),
        env_url=url,
    )
    assert (missing.returncode, missing.stderr) == (
        1,
        "Fejl: Statusrapporten 'Findes ikke' findes ikke.\n",
    )
    assert cli("snapshot", "delete", "Status BLU 29.9.2025", env_url=url).returncode == 0
    assert cli("snapshot", "list", env_url=url).stdout == ""


def test_export_slides_from_the_command_line(tmp_path: Path) -> None:
    from pptx import Presentation

    out = tmp_path / "borgermoede.pptx"
    result = cli("export-slides", "--out", str(out), env_url=f"sqlite:///{tmp_path / 's.db'}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("7 dias).\n")
    assert len(Presentation(str(out)).slides) == 7
