"""An uploaded file is read once, not on every rerun: the case import, the measurement import
and the Excel update keep what they read under the file's identity in session state."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from openpyxl import load_workbook

from models.auth.users import Actor, Role
from models.core.db import get_engine, session_scope
from models.indicators import measurement_import
from models.plan import status_workbook
from models.plan.action_edits import ActionEdit, save_action_edits
from models.plan.queries import get_themes
from models.restoration import case_import
from tests.pages.apptest import run_app, seeded_database

CASES = case_import.template_csv()
ONE_CASE = b"\n".join(line for line in CASES.splitlines() if not line.startswith(b"T-0107"))
# the header and case S-0412 with its two missing steps


class Counted:
    """A wrapper that counts the calls of the function it stands in for."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.function(*args, **kwargs)


def counted(monkeypatch: pytest.MonkeyPatch, target: str, function: Callable[..., Any]) -> Counted:
    wrapper = Counted(function)
    monkeypatch.setattr(target, wrapper)
    return wrapper


@pytest.fixture
def editor() -> None:
    seeded_database(("erik", Role.editor))


def rerun(at, times: int = 3) -> None:
    for _ in range(times):
        at.run()
        assert not at.exception, [e.value for e in at.exception]


def test_a_case_file_is_parsed_once_and_summarised_once(
    editor: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse = counted(monkeypatch, "components.case_upload.parse_cases", case_import.parse_cases)
    summarise = counted(monkeypatch, "components.case_upload.summarise", case_import.summarise)
    in_apply = counted(
        monkeypatch, "models.restoration.case_import.summarise", case_import.summarise
    )
    at = run_app("pages/restoration.py", username="erik")
    at.file_uploader[0].set_value(("sager.csv", ONE_CASE, "text/csv"))
    rerun(at)
    assert at.success[0].value == (
        "Filen er gyldig: 1 ny sag, 0 ændrede, 0 uændrede (2 sagsskridt i alt)."
    )
    assert (parse.calls, summarise.calls) == (1, 1)

    next(button for button in at.button if button.label == "Indlæs filen").click()
    rerun(at, 1)
    assert at.success[0].value == "Sagerne er indlæst: 1 ny, 0 ændrede, 0 uændrede."
    # The click used the parsed file; apply_import counts once more inside its transaction.
    assert (parse.calls, summarise.calls, in_apply.calls) == (1, 1, 1)
    assert not at.file_uploader[0].value  # a new, empty uploader


def test_another_file_or_changed_cases_are_read_again(
    editor: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse = counted(monkeypatch, "components.case_upload.parse_cases", case_import.parse_cases)
    summarise = counted(monkeypatch, "components.case_upload.summarise", case_import.summarise)
    at = run_app("pages/restoration.py", username="erik")
    at.file_uploader[0].set_value(("sager.csv", ONE_CASE, "text/csv"))
    rerun(at, 2)
    at.file_uploader[0].set_value(("sager.csv", CASES, "text/csv"))
    rerun(at, 2)
    assert at.success[0].value.startswith("Filen er gyldig: 2 nye sager, 0 ændrede, 0 uændrede")
    assert (parse.calls, summarise.calls) == (2, 2)
    with session_scope(get_engine(), write=True) as session:  # someone imports meanwhile
        case_import.apply_import(
            session,
            actor=Actor("erik", Role.editor),
            parsed=case_import.parse_cases(ONE_CASE, "andet.csv"),
        )
    rerun(at, 2)
    assert at.success[0].value.startswith("Filen er gyldig: 1 ny sag, 0 ændrede, 1 uændret")
    assert (parse.calls, summarise.calls) == (2, 3)


def test_a_file_that_cannot_be_read_is_refused_once(
    editor: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse = counted(monkeypatch, "components.case_upload.parse_cases", case_import.parse_cases)
    at = run_app("pages/restoration.py", username="erik")
    at.file_uploader[0].set_value(("sager.csv", b"Navn;Alder\nx;1\n", "text/csv"))
    rerun(at)
    assert "kolonnerne Sagsreference, Team, Spor mangler" in at.error[0].value
    assert parse.calls == 1


def test_a_measurement_file_is_checked_once(editor: None, monkeypatch: pytest.MonkeyPatch) -> None:
    parse = counted(
        monkeypatch, "components.uploads.parse_measurements", measurement_import.parse_measurements
    )
    day = (dt.date.today() - dt.timedelta(days=1)).strftime("%d-%m-%Y")
    data = f"Effektmål;Dato;Værdi;Kommentar\nsager-pr-raadgiver;{day};24;Test\n".encode()
    at = run_app("pages/indicators.py", username="erik")
    at.file_uploader[0].set_value(("maalinger.csv", data, "text/csv"))
    rerun(at)
    assert "Indlæs 1 måling" in [button.label for button in at.button]
    assert parse.calls == 1
    next(button for button in at.button if button.label == "Indlæs 1 måling").click()
    rerun(at, 1)
    assert at.success[0].value == "1 måling er indlæst."
    assert parse.calls == 1


def _status_file(note: str) -> tuple[bytes, int, int]:
    """Theme A's status workbook with a new note on its first action; (file, action id, rows)."""
    with session_scope(get_engine()) as session:
        data = status_workbook.build_status_workbook(session, ["A"])
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook[status_workbook.SHEET]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("Statusnote") + 1, value=note)
    action_id = sheet.cell(row=2, column=header.index("id") + 1).value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), int(action_id), sheet.max_row - 1


def test_an_excel_update_is_read_once_per_file_and_state_of_the_plan(
    editor: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = counted(
        monkeypatch,
        "models.plan.status_workbook.read_status_workbook",
        status_workbook.read_status_workbook,
    )
    data, action_id, rows = _status_file("Ny note fra Excel")
    at = run_app("pages/bulk_update.py", username="erik")
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].set_value(("statusser.xlsx", data, xlsx))
    rerun(at)
    assert at.subheader[0].value == f"1 ændring · {rows - 1} uændrede · 0 fejl · 0 konflikter"
    assert "Gem 1 ændring" in [button.label for button in at.button]
    assert read.calls == 1
    with session_scope(get_engine(), write=True) as session:  # the same action, in the app
        (edit,) = [
            ActionEdit(action.id, action.version, {"status": "Obs", "note": "Venter"})
            for theme in get_themes(session, ["A"])
            for action in theme.actions
            if action.id == action_id
        ]
        save_action_edits(session, actor=Actor("erik", Role.editor), edits=[edit])
    rerun(at, 2)
    assert at.subheader[0].value == f"0 ændringer · {rows - 1} uændrede · 0 fejl · 1 konflikt"
    assert "Statusnote er «Venter» i dashboardet og «Ny note fra Excel» i filen" in (
        at.warning[0].value
    )
    assert read.calls == 2


def test_one_upload_limit_for_the_settings_the_config_and_the_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """README, config.toml and the server agree: the setting `max_upload_mb` (default 30) is
    the limit the uploader shows and the one Streamlit's upload route enforces."""
    import tomllib
    from pathlib import Path

    from streamlit import config

    from components.uploads import UPLOAD_LIMIT_OPTION, upload_limit_mb
    from models.core.settings import Settings, get_settings

    root = Path(__file__).resolve().parents[2]
    toml = tomllib.loads((root / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    default = Settings.model_fields["max_upload_mb"].default
    assert toml["server"]["maxUploadSize"] == default == 30
    assert f"{default} MB" in (root / "README.md").read_text(encoding="utf-8")

    before = config.get_option(UPLOAD_LIMIT_OPTION)
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "12")
    get_settings.cache_clear()
    try:
        assert upload_limit_mb() == 12
        assert config.get_option(UPLOAD_LIMIT_OPTION) == 12  # what the upload route enforces
    finally:
        get_settings.cache_clear()
        config.set_option(UPLOAD_LIMIT_OPTION, before)
