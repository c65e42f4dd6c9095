"""The track editor's change history is read only while its expander is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from components import readers
from models.auth.users import Role
from tests.pages.apptest import run_app, seeded_database

OPEN_C1 = "editor_history_open_C.1"  # the key of track C.1's history expander


class Counted:
    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.calls: list[Any] = []

    def __call__(self, *args: Any) -> Any:
        self.calls.append(args)
        return self.function(*args)


@pytest.fixture
def history(monkeypatch: pytest.MonkeyPatch) -> Counted:
    seeded_database(("erik", Role.editor))
    reader = Counted(readers.load_action_history)
    monkeypatch.setattr("components.action_editor.load_action_history", reader)
    return reader


def editing_theme_c():
    at = run_app("pages/tema_c.py", username="erik")
    at.toggle[0].set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_closed_history_expanders_read_nothing(history: Counted) -> None:
    at = editing_theme_c()
    at.run()
    assert [e.label for e in at.expander].count("Ændringshistorik") == len(at.dataframe)
    assert history.calls == []
    assert "Ingen ændringer registreret for denne handling." not in [c.value for c in at.caption]


def test_opening_one_history_reads_that_tracks_history_only(history: Counted) -> None:
    at = editing_theme_c()
    at.session_state[OPEN_C1] = True  # the reader opens track C.1's history
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(history.calls) == 1
    assert "Ingen ændringer registreret for denne handling." in [c.value for c in at.caption]
    at.session_state[OPEN_C1] = False  # and closes it again
    at.run()
    assert len(history.calls) == 1
